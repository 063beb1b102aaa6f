// Boots the real app (route manifest, entry.server, our request pipeline) inside vitest, on the
// test file's database, so guards request pages the way a browser does.
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { createServer, type ViteDevServer } from "vite";
import { createAppHandler, type AppHandler } from "../../app/server/handler";
import { getEnv } from "../../app/utils/env.server";

export type RouteInfo = {
  id: string;
  /** Full URL pattern, e.g. "/invitation/:token" ("" segments of layout routes dropped). */
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
  hasComponent: boolean;
  module: Record<string, unknown>;
};

export type App = { handler: AppHandler; build: ServerBuild; routes: RouteInfo[]; close(): Promise<void> };

let booted: Promise<App> | undefined;

/**
 * One app per test file (vitest isolates files); later calls reuse it (the first call's options
 * hold). `sharedPages: false`: every anonymous request renders (the query budgets measure what a
 * rendering costs; the shared rendering of public pages is tested in tests/unit/shared-pages.test.ts).
 */
export function bootApp(options: { sharedPages?: boolean } = {}): Promise<App> {
  booted ??= (async () => {
    const vite: ViteDevServer = await createServer({
      configFile: path.resolve(import.meta.dirname, "vite.config.ts"),
      logLevel: "error",
      appType: "custom",
      server: { middlewareMode: true, hmr: false, watch: null, ws: false },
    });
    const build = (await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
    const env = { ...getEnv(), NODE_ENV: "production" as const, ...(options.sharedPages === false ? { SHARED_PAGES_TTL_MS: 0 } : {}) };
    const handler = createAppHandler(async () => build, env);
    return { handler, build, routes: routeInfos(build), close: () => vite.close() };
  })();
  return booted;
}

export function routeInfos(build: ServerBuild): RouteInfo[] {
  const byId = build.routes;
  const fullPath = (id: string): string => {
    const route = byId[id]!;
    const own = route.path ?? "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/").replace(/\/+/g, "/");
  };
  return Object.values(byId)
    .filter((r) => r.id !== "root")
    .map((r) => ({
      id: r.id,
      pattern: `/${fullPath(r.id)}`.replace(/\/+/g, "/"),
      hasLoader: typeof r.module.loader === "function",
      hasAction: typeof r.module.action === "function",
      hasComponent: typeof r.module.default === "function",
      module: r.module as unknown as Record<string, unknown>,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export type RequestOptions = {
  cookie?: string;
  method?: string;
  form?: Record<string, string> | URLSearchParams | FormData;
  headers?: Record<string, string>;
};

/** A same-origin request, as a browser on our own page would send it. */
export async function request(app: App, path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? (options.form ? "POST" : "GET");
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  if (method !== "GET" && method !== "HEAD") {
    headers.set("Origin", "http://localhost:3000");
    headers.set("Sec-Fetch-Site", "same-origin");
  }
  let body: BodyInit | undefined;
  if (options.form instanceof FormData) body = options.form;
  else if (options.form) body = new URLSearchParams(options.form as Record<string, string>);
  return app.handler(new Request(`http://localhost:3000${path}`, { method, headers, body, redirect: "manual" }));
}

/** A route put into a copy of the app for a guard's bite test: a resource route under the root. */
export type PlantedRoute = { id: string; path: string; module: Record<string, unknown> };

/**
 * The same app with deliberately broken routes added (fixtures of the bite tests, issue 15 point
 * 16): each guard is pointed at them and must report them by name.
 */
export function plantRoutes(app: App, planted: PlantedRoute[]): { app: App; routes: RouteInfo[] } {
  const routes = { ...app.build.routes } as Record<string, ServerBuild["routes"][string]>;
  for (const p of planted) {
    routes[p.id] = { id: p.id, parentId: "root", path: p.path, index: undefined, caseSensitive: undefined, module: p.module as never };
  }
  const build = { ...app.build, routes } as ServerBuild;
  const handler = createAppHandler(async () => build, { ...getEnv(), NODE_ENV: "production" });
  const infos = routeInfos(build);
  return { app: { handler, build, routes: infos, close: async () => {} }, routes: infos.filter((r) => planted.some((p) => p.id === r.id)) };
}
