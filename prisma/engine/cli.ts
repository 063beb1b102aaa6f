// Offline stand-in for `prisma migrate deploy|dev|diff` and `migrate reset` (see schema-engine.ts).
//
//   tsx prisma/engine/cli.ts migrate         apply pending migrations
//   tsx prisma/engine/cli.ts create <name>   write a migration for schema changes, then apply it
//   tsx prisma/engine/cli.ts check           exit 2 when schema.prisma has unmigrated changes
//   tsx prisma/engine/cli.ts reset           drop + recreate the database, migrate, seed
//   tsx prisma/engine/cli.ts seed            run prisma/seed.ts on the database as it is
//
// Database: DATABASE_URL when set, otherwise the project's embedded PostgreSQL.
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "../../app/server/embedded-postgres";
import {
  MigrationError,
  applyMigrations,
  checkDrift,
  createMigration,
  databaseName,
  redact,
  withDatabase,
} from "./schema-engine";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Same folder as the app server (app/server/database.ts), so both see one database.
const EMBEDDED_DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? ".data", "postgres");
const EMBEDDED_DATABASE = "vrienden";
const SEED_FILE = path.join(ROOT, "prisma", "seed.ts");

const USAGE = `Usage: tsx prisma/engine/cli.ts <command>

  migrate         apply pending migrations (like prisma migrate deploy)
  create <name>   write prisma/migrations/<timestamp>_<name> for schema changes, then apply it
  check           exit 2 when prisma/schema.prisma has changes that no migration holds
  reset [--force] drop and recreate the database, apply all migrations, run prisma/seed.ts
                  (--force is required when NODE_ENV=production)
  seed            run prisma/seed.ts on the database as it is

Database: DATABASE_URL, else the embedded PostgreSQL ($DATA_DIR/postgres with DATA_DIR=.data,
port EMBEDDED_PG_PORT or 54329, database "${EMBEDDED_DATABASE}").`;

class UsageError extends Error {}

type Target = {
  /** The application database. */
  url: string;
  /** Maintenance database on the same server, for dropping and creating the application one. */
  adminUrl: string;
  /** Stops what this process started (nothing when the server was already running). */
  release(): Promise<void>;
};

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function openDatabase(): Promise<Target> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    return { url: fromEnv, adminUrl: withDatabase(fromEnv, "postgres"), release: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port <= 0) throw new UsageError(`EMBEDDED_PG_PORT is not a port: ${process.env.EMBEDDED_PG_PORT}`);

  if (await portInUse(port)) {
    // Most likely the dev server's own embedded PostgreSQL (a second one cannot start on the same
    // data folder). Credentials as in app/server/embedded-postgres.ts; keep the two in step.
    const adminUrl = `postgresql://postgres:embedded-local-only@127.0.0.1:${port}/postgres`;
    console.log(`[db] port ${port} is in use; using the PostgreSQL already running there`);
    await ensureDatabase(adminUrl, EMBEDDED_DATABASE);
    return { url: withDatabase(adminUrl, EMBEDDED_DATABASE), adminUrl, release: async () => {} };
  }

  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port });
  try {
    await ensureDatabase(server.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.urlFor(EMBEDDED_DATABASE), adminUrl: server.adminUrl, release: () => server.stop() };
}

type SeedModule = { seed?: unknown; seedIfEmpty?: unknown };

/**
 * Runs `seed(client)` from prisma/seed.ts with a Prisma client on `url`. With onlyIfEmpty, uses
 * the module's `seedIfEmpty(url)` when it has one, as the demo data cannot be inserted twice.
 */
async function runSeed(url: string, onlyIfEmpty: boolean): Promise<void> {
  if (!existsSync(SEED_FILE)) {
    console.log("No prisma/seed.ts; skipping the seed.");
    return;
  }
  // Imported only here: the generated client need not exist for the migration commands.
  process.env.DATABASE_URL = url;
  const module = (await import(pathToFileURL(SEED_FILE).href)) as SeedModule;
  if (onlyIfEmpty && typeof module.seedIfEmpty === "function") {
    const seeded = await (module.seedIfEmpty as (databaseUrl: string) => Promise<boolean>)(url);
    console.log(seeded ? "Seeded the database." : "The database already has data; not seeded (use reset).");
    return;
  }
  if (typeof module.seed !== "function") {
    throw new MigrationError("prisma/seed.ts must export a function `seed(client)`.");
  }
  const seed = module.seed as (client: unknown) => Promise<unknown>;
  const { createPrismaClient } = await import("../../app/utils/db.server");
  const client = createPrismaClient(url);
  try {
    await seed(client);
  } finally {
    await client.$disconnect();
  }
  console.log("Seeded the database.");
}

function printApplied(names: string[]): void {
  if (names.length === 0) console.log("No pending migrations.");
  for (const name of names) console.log(`Applied ${name}`);
}

async function run(command: string | undefined, args: string[], target: Target): Promise<number> {
  switch (command) {
    case "migrate": {
      printApplied(await applyMigrations(target.url));
      return 0;
    }
    case "create": {
      const created = await createMigration(target.url, args.join(" "));
      if (!created) {
        console.log("The schema has no changes that need a migration.");
        return 0;
      }
      console.log(`Created prisma/migrations/${created}/migration.sql`);
      // Like `migrate dev`: the development database follows the new migration at once.
      printApplied(await applyMigrations(target.url));
      return 0;
    }
    case "check": {
      const result = await checkDrift(target.url);
      if (!result.drift) {
        console.log("The migrations match prisma/schema.prisma.");
        return 0;
      }
      console.error(
        "Drift: prisma/schema.prisma has changes that no migration holds.\n" +
          "Run `tsx prisma/engine/cli.ts create <name>` to write one. Missing SQL:\n",
      );
      console.error(result.script ?? "");
      return 2;
    }
    case "reset": {
      const name = databaseName(target.url);
      await dropDatabase(target.adminUrl, name);
      await ensureDatabase(target.adminUrl, name);
      console.log(`Recreated database "${name}".`);
      printApplied(await applyMigrations(target.url));
      await runSeed(target.url, false);
      return 0;
    }
    case "seed": {
      await runSeed(target.url, true);
      return 0;
    }
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : "No command given.");
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return 0;
  }
  if (!["migrate", "create", "check", "reset", "seed"].includes(command ?? "")) {
    throw new UsageError(command ? `Unknown command: ${command}` : "No command given.");
  }
  if (command === "create" && args.join("").trim() === "") throw new UsageError("create needs a migration name.");
  if (command === "reset" && process.env.NODE_ENV === "production" && !args.includes("--force")) {
    throw new UsageError("reset deletes all data; with NODE_ENV=production it needs --force.");
  }

  const started = Date.now();
  const target = await openDatabase();
  // Ctrl-C must not leave the embedded server running.
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\nInterrupted (${signal}); stopping.`);
    void target.release().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    console.log(`[db] ${redact(target.url)}`);
    return await run(command, args, target);
  } finally {
    await target.release();
    console.log(`[db] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

// The library unrefs the schema engine's timers; this keeps the process up until main() settles
// whatever the engine waits on, and the explicit exit below ends it without waiting for strays.
setInterval(() => {}, 60_000);
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(64);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
