// The portal's process: prepares PostgreSQL (embedded or DATABASE_URL), seeds demo data on a
// fresh embedded database, serves Remix over node:http and runs the background job worker.
// Production runs it compiled (`npm run build:server` → build/node/main.js, started with node);
// `npm run dev` runs this file through tsx.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { getEnv } from "../utils/env.server";
import { withBodyLimit } from "./body-limit";
import { setClientAddress } from "./client-address";
import { prepareDatabase } from "./database";
import { refuseDevAccess } from "./dev-access";
import { createAppHandler } from "./handler";
import { createStaticServer, sendWebResponse, toWebRequest, type StaticServer } from "./http";

type Background = { stop(): Promise<void> };
type AppEntry = { startBackground?: () => Promise<Background>; startServices?: () => Promise<void> };

const log = (message: string) => console.log(message);

async function main() {
  // A local .env file, when present, fills in variables that are not already set.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let env;
  try {
    env = getEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const production = env.NODE_ENV === "production";
  const database = await prepareDatabase(env, log);
  process.env.DATABASE_URL = database.url;

  if (env.seedDemoData) {
    const { seedIfEmpty } = await import("../../prisma/seed");
    if (await seedIfEmpty(database.url)) log("[seed] demo data loaded");
  }

  const root = process.cwd();
  let getBuild: () => Promise<ServerBuild>;
  let handle: ReturnType<typeof createAppHandler>;
  let viteMiddleware: ((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void) => void) | undefined;
  let serveStatic: StaticServer | undefined;
  if (production) {
    const buildPath = path.join(root, "build/server/index.js");
    const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
    getBuild = async () => build;
    // The build object itself: Remix derives its route tree once, not per request.
    handle = createAppHandler(build, env);
    serveStatic = createStaticServer(path.join(root, "build/client"));
  } else {
    const vite = await import("vite");
    const devServer = await vite.createServer({ server: { middlewareMode: true } });
    viteMiddleware = devServer.middlewares;
    getBuild = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    handle = createAppHandler(() => getBuild(), env);
  }
  const origin = new URL(env.APP_URL).origin;

  const server = createServer(async (req, res) => {
    try {
      if (viteMiddleware) {
        const passed = await new Promise<boolean>((resolve) => viteMiddleware!(req, res, () => resolve(true)));
        if (!passed) return;
      } else if (await serveStatic?.(req, res)) {
        return;
      }
      // The client's address for rate limits; a client cannot set it (any incoming value is replaced).
      setClientAddress(req, env.TRUST_PROXY);
      if (refuseDevAccess(req, res, env)) return;
      const response = await withBodyLimit(req, () => handle(toWebRequest(req, res, origin)));
      await sendWebResponse(res, response, req.method);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else {
        res.destroy();
      }
    }
  });

  const entry = (await getBuild()).entry.module as AppEntry;
  await entry.startServices?.();
  let background: Background | undefined;
  if (env.JOBS_ENABLED) background = await entry.startBackground?.();

  server.listen(env.PORT, env.listenHost, () => {
    log(`[app] Vrienden van-portal on ${env.APP_URL} (port ${env.PORT} on ${env.listenHost ?? "every interface"}, ${production ? "production" : "development"})`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`[app] ${signal}: stopping`);
    server.close();
    await background?.stop().catch(() => {});
    await database.embedded?.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
