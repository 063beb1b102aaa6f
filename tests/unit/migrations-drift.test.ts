// The committed migrations must hold everything in prisma/schema.prisma, and checkDrift must
// notice when they do not. Runs the WebAssembly schema engine against a real PostgreSQL.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres } from "../../app/server/embedded-postgres";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  applyMigrations,
  checkDrift,
  readMigrationsList,
} from "../../prisma/engine/schema-engine";

const TIMEOUT = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function shadowDatabases(adminUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma\\_shadow\\_%' ORDER BY 1",
    );
    return rows.map((r) => r.datname);
  } finally {
    await client.end();
  }
}

describe("migrations vs. schema.prisma (checkDrift)", () => {
  let adminUrl: string;
  let stopServer: (() => Promise<void>) | undefined;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "migrations-drift-"));
    // The test runner's PostgreSQL when there is one (tests/run.ts, vitest's global setup).
    const given = process.env.TEST_ADMIN_URL;
    if (given) {
      adminUrl = given;
      return;
    }
    // Not inside the mkdtemp folder: that one is private (0700), and as root PostgreSQL runs as
    // the postgres user, who must reach its data folder.
    const server = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `migrations-drift-pg-${process.pid}-${Date.now().toString(36)}`),
      port: await freePort(),
      ephemeral: true,
      log: () => {},
    });
    adminUrl = server.adminUrl;
    stopServer = () => server.stop();
  }, TIMEOUT);

  afterAll(async () => {
    await stopServer?.();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }, TIMEOUT);

  it("finds no drift for the real schema and migrations", { timeout: TIMEOUT }, async () => {
    const before = await shadowDatabases(adminUrl);
    expect((await readMigrationsList(DEFAULT_MIGRATIONS_DIR)).migrationDirectories.length).toBeGreaterThan(0);

    const result = await checkDrift(adminUrl);

    expect(result).toEqual({ drift: false });
    // The throw-away shadow database is gone again.
    expect(await shadowDatabases(adminUrl)).toEqual(before);
  });

  it("reports drift when the schema has a change that no migration holds", { timeout: TIMEOUT }, async () => {
    const schema = await readFile(DEFAULT_SCHEMA_PATH, "utf8");
    const changed = path.join(tmp, "schema.prisma");
    await writeFile(
      changed,
      `${schema}\nmodel DriftProbe {\n  id    Int    @id\n  label String\n}\n`,
      "utf8",
    );

    const result = await checkDrift(adminUrl, { schemaPath: changed });

    expect(result.drift).toBe(true);
    expect(result.script).toContain('CREATE TABLE "DriftProbe"');
    // Still usable after an earlier run in the same process, and the real schema is still clean.
    expect((await checkDrift(adminUrl)).drift).toBe(false);
  });

  it("applies the migrations to an empty database once", { timeout: TIMEOUT }, async () => {
    const name = `drift_apply_${process.pid}_${Date.now().toString(36)}`;
    await ensureDatabase(adminUrl, name);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const all = (await readMigrationsList(DEFAULT_MIGRATIONS_DIR)).migrationDirectories.map((d) => d.path);

      expect(await applyMigrations(url.toString())).toEqual(all);
      expect(await applyMigrations(url.toString())).toEqual([]);
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
