// Offline Prisma Migrate: drives the WebAssembly build of Prisma's schema engine through the
// PostgreSQL driver adapter, because the native schema engine cannot be downloaded here.
// Output is Prisma Migrate's own format (the `_prisma_migrations` table, migration folders,
// migration_lock.toml), so `prisma migrate deploy` on a connected machine accepts it.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type {
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const DEFAULT_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");

const LOCKFILE_NAME = "migration_lock.toml";
const MIGRATION_FILE = "migration.sql";
// No prisma.config.ts `tables.external` / `enums.external` in this project.
const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

export type MigrationOptions = {
  /** Folder holding the migration folders; defaults to prisma/migrations. */
  migrationsDir?: string;
  /** Receives warnings (data loss) and, with PRISMA_ENGINE_DEBUG=1, the engine's own log. */
  log?: (message: string) => void;
};

export type SchemaOptions = MigrationOptions & {
  /** Prisma schema file; defaults to prisma/schema.prisma. */
  schemaPath?: string;
};

/** A problem this tooling detected itself (as opposed to an error from the engine). */
export class MigrationError extends Error {
  override name = "MigrationError";
}

// ---------------------------------------------------------------------------------------------
// Loading the WebAssembly engine (once per process, on first use).

type PanicRegistry = { set_message(message: string): void };
type PanicAwareGlobal = typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

let lastPanic: string | undefined;
let wasmReady: Promise<void> | undefined;

/** The engine reports Rust panics through this global; without it a panic surfaces only as a
 *  TypeError about `set_message`. Chains to a registry someone else installed first. */
function installPanicRegistry(): void {
  const g = globalThis as PanicAwareGlobal;
  const previous = g.PRISMA_WASM_PANIC_REGISTRY;
  g.PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      lastPanic = message;
      previous?.set_message(message);
    },
  };
}

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    installPanicRegistry();
    // The package's own entry imports the .wasm file as an ES module, which Node cannot do
    // without a flag, so we instantiate it ourselves with the generated JS glue as imports.
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(glue), "schema_engine_bg.wasm"));
    const module = await WebAssembly.compile(bytes);
    const imports: Record<string, unknown> = { ...bg };
    // The engine arms timers (connection and statement timeouts) that outlive its work; unref
    // them so they never hold a finished process open. Open sockets keep it alive while busy.
    for (const key of Object.keys(imports)) {
      if (key.startsWith("__wbg_setTimeout_")) {
        imports[key] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
      }
    }
    const instance = await WebAssembly.instantiate(module, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })().catch((error: unknown) => {
    wasmReady = undefined; // let a later call try again
    throw error;
  });
  return wasmReady;
}

// ---------------------------------------------------------------------------------------------
// Driver adapter for the engine: @prisma/adapter-pg plus two fixes (see STACK-NOTES.md).

const CHAR_OID = 18; // PostgreSQL's internal one-byte "char" (pg_class.relkind, pg_constraint.contype…)
const TEXT_OID = 25;

type QueryResultLike = { fields: Array<{ dataTypeID: number }> };
type WithPerformIO = { performIO(query: SqlQuery): Promise<QueryResultLike> };

/** The engine's introspection selects `"char"` columns, which adapter-pg rejects as an
 *  unsupported type; their text form is exactly what the engine expects, so report them as text. */
function reportCharAsText(queryable: object): void {
  const target = queryable as Partial<WithPerformIO>;
  const original = target.performIO;
  if (typeof original !== "function") {
    throw new Error("@prisma/adapter-pg no longer has performIO(); update prisma/engine/schema-engine.ts");
  }
  target.performIO = async (query: SqlQuery) => {
    const result = await original.call(queryable, query);
    for (const field of result.fields) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
}

function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  reportCharAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx: Transaction = await startTransaction(isolationLevel);
    reportCharAsText(tx);
    return tx;
  };
  return adapter;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`The database URL names no database: ${redact(url)}`);
  return name;
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<invalid URL>";
  }
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Opens main-database connections for the engine and throw-away shadow databases.
 * adapter-pg's own connectToShadowDb() ends up on the main database when given a connection
 * string, so shadow databases are created here, on the same server, and always dropped.
 */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();
  private readonly shadowDatabases = new Set<string>();

  constructor(
    private readonly mainUrl: string,
    private readonly adminUrl: string,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await new PrismaPg(this.mainUrl).connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    // Unique per call: several processes (test workers, CI jobs) may share one server.
    const name = `prisma_shadow_${Date.now()}_${randomUUID().slice(0, 8)}`;
    await adminQuery(this.adminUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    this.shadowDatabases.add(name);
    try {
      return this.track(await new PrismaPg(withDatabase(this.mainUrl, name)).connect(), name);
    } catch (error) {
      await this.dropShadow(name);
      throw error;
    }
  }

  /** Closes every pool the engine left open and drops every shadow database. */
  async close(): Promise<void> {
    const pending = [...this.open].map((adapter) => adapter.dispose());
    const results = await Promise.allSettled(pending);
    for (const name of [...this.shadowDatabases]) await this.dropShadow(name);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  private track(adapter: SqlDriverAdapter, shadowDatabase?: string): SqlDriverAdapter {
    patchAdapter(adapter);
    // Dispose once (pg's Pool#end throws when called twice); drop the shadow database after
    // the pool is closed, so no session of ours still uses it.
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () =>
      (disposed ??= (async () => {
        this.open.delete(adapter);
        try {
          await dispose();
        } finally {
          if (shadowDatabase) await this.dropShadow(shadowDatabase);
        }
      })());
    this.open.add(adapter);
    return adapter;
  }

  private async dropShadow(name: string): Promise<void> {
    if (!this.shadowDatabases.delete(name)) return;
    await adminQuery(this.adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Running the engine.

type EngineSetup = {
  databaseUrl: string;
  schemaFiles?: SchemaContainer[];
  log?: (message: string) => void;
};

/** Makes an engine rejection readable: adds the adapter's own error and any panic message. */
function engineError(error: unknown, factory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): Error {
  if (error instanceof MigrationError) return error;
  let message =
    typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
  // Errors thrown inside the adapter cross the engine as "External error id#N"; recover them.
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const original = id ? factory.errorRegistry.consumeError(Number(id))?.error : undefined;
  if (original instanceof Error) message += `\nCaused by: ${original.message}`;
  if (lastPanic) {
    message += `\nSchema engine panic: ${lastPanic}`;
    lastPanic = undefined;
  }
  const wrapped = new Error(`Schema engine: ${message}`);
  wrapped.cause = error;
  return wrapped;
}

async function withEngine<T>(setup: EngineSetup, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const adapters = new MigrationAdapterFactory(setup.databaseUrl, withDatabase(setup.databaseUrl, "postgres"));
  // The engine calls the adapter through this wrapper, which turns thrown errors into results.
  const factory = bindMigrationAwareSqlAdapterFactory(adapters);
  const debug = process.env.PRISMA_ENGINE_DEBUG === "1";
  const engineLog = (line: string) => {
    if (debug) (setup.log ?? console.error)(`[schema-engine] ${line.trimEnd()}`);
  };
  let engine: SchemaEngine | undefined;
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    engine = await bg.SchemaEngine.new(
      { datamodels: setup.schemaFiles?.map((f): [string, string] => [f.path, f.content]) },
      engineLog,
      factory,
    );
    outcome = { ok: true, value: await run(engine) };
  } catch (error) {
    outcome = { ok: false, error: engineError(error, factory) };
  }
  try {
    engine?.free();
  } catch {
    // After a Rust panic the engine object is still marked as borrowed and cannot be freed;
    // the original error (below) is what matters.
  }
  try {
    await adapters.close();
  } catch (closeError) {
    // A failed cleanup must not hide the engine's own error.
    if (outcome.ok) throw closeError;
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Reads the migrations folder the way the Prisma CLI does. */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, LOCKFILE_NAME), "utf8").catch(() => null);
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const migrationDirectories: MigrationList["migrationDirectories"] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = path.join(baseDir, entry.name, MIGRATION_FILE);
    const content = await readFile(file, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: unknown) => ({ tag: "error" as const, value: error instanceof Error ? error.message : String(error) }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: MIGRATION_FILE, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: LOCKFILE_NAME, content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

async function readSchema(schemaPath: string): Promise<SchemaContainer[]> {
  const absolute = path.resolve(schemaPath);
  return [{ path: absolute, content: await readFile(absolute, "utf8") }];
}

/**
 * Folder-name part of a migration, as `prisma migrate dev --name` makes it: "Add Probe table!"
 * and "addProbeTable" both become "add_probe_table". The engine itself uses the name verbatim.
 */
export function migrationSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // drop accents: "één" → "een"
    .replace(/([a-z\d])([A-Z])/g, "$1_$2") // split camelCase
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, "$1_$2") // split "HTMLParser"
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, "$1$2$3") // "it's" → "its"
    .replace(/[^a-z\d]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** Prisma's exact lock file text. */
function lockfileText(provider: string): string {
  return (
    "# Please do not edit this file manually\n" +
    "# It should be added in your version-control system (e.g., Git)\n" +
    `provider = "${provider}"\n`
  );
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** Applies every migration not yet applied (like `prisma migrate deploy`). Returns their names. */
export async function applyMigrations(databaseUrl: string, opts: MigrationOptions = {}): Promise<string[]> {
  const migrationsList = await readMigrationsList(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  return withEngine({ databaseUrl, log: opts.log }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/**
 * Writes a new migration for the changes in the schema that no migration holds yet (like
 * `prisma migrate dev --create-only`, after applying pending migrations to the database).
 * Returns the new folder's name, or null when there is nothing to migrate.
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  opts: SchemaOptions = {},
): Promise<string | null> {
  const migrationName = migrationSlug(name);
  if (!migrationName) throw new MigrationError(`Give the migration a name with letters or digits (got "${name}").`);
  const migrationsDir = path.resolve(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const schemaFiles = await readSchema(opts.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const log = opts.log ?? ((m: string) => console.warn(m));
  const migrationsList = await readMigrationsList(migrationsDir);

  const created = await withEngine({ databaseUrl, schemaFiles, log: opts.log }, async (engine) => {
    // Same order as `migrate dev`: bring the database up to date (this also creates the
    // migrations table), then let the engine check it against the history.
    await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
    if (action.tag === "reset") {
      throw new MigrationError(
        `The database does not match the migration history and would need a reset: ${action.reason}`,
      );
    }
    const schema = { files: schemaFiles };
    const loss = await engine.evaluateDataLoss({ migrationsList, schema, filters: NO_FILTERS });
    for (const w of loss.warnings) log(`Warning: ${w.message}`);
    for (const u of loss.unexecutableSteps) log(`Cannot be applied as is: ${u.message}`);
    return engine.createMigration({ draft: false, migrationName, migrationsList, schema, filters: NO_FILTERS });
  });

  if (created.migrationScript === null) return null;
  const dir = path.join(migrationsDir, created.generatedMigrationName);
  if (existsSync(dir)) throw new MigrationError(`The migration folder already exists: ${dir}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `migration.${created.extension}`), created.migrationScript, "utf8");
  await writeFile(path.join(migrationsDir, LOCKFILE_NAME), lockfileText(created.connectorType), "utf8");
  return created.generatedMigrationName;
}

/**
 * Compares the migrations folder (replayed into a throw-away shadow database on the server of
 * `databaseUrl`) with the schema. drift=true when the schema has changes no migration holds;
 * `script` is then the SQL of the missing migration.
 */
export async function checkDrift(
  databaseUrl: string,
  opts: SchemaOptions = {},
): Promise<{ drift: boolean; script?: string }> {
  const migrationsList = await readMigrationsList(opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  // With no migrations yet there is no lock file, and the engine then refuses to guess the
  // database kind; this tooling only speaks PostgreSQL, so say so.
  migrationsList.lockfile.content ??= lockfileText("postgresql");
  const files = await readSchema(opts.schemaPath ?? DEFAULT_SCHEMA_PATH);
  const result = await withEngine({ databaseUrl, schemaFiles: files, log: opts.log }, (engine) =>
    engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    }),
  );
  // exitCode: 0 = no difference, 2 = difference (the `--exit-code` convention of migrate diff).
  if (result.exitCode === 2) return { drift: true, script: result.stdout ?? undefined };
  if (result.exitCode !== 0) throw new Error(`Schema engine: diff ended with exit code ${result.exitCode}`);
  return { drift: false };
}
