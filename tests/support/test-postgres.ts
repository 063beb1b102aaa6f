// One PostgreSQL per test run, with a migrated template database that each test file copies.
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../prisma/engine/schema-engine";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "../../app/server/embedded-postgres";

export const TEMPLATE_DB = "vrienden_template";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startTestPostgres(log: (m: string) => void = () => {}): Promise<EmbeddedServer> {
  const dir = path.join(os.tmpdir(), `vrienden-test-pg-${process.pid}-${Date.now().toString(36)}`);
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), ephemeral: true, log });
  await dropDatabase(server.adminUrl, TEMPLATE_DB);
  await ensureDatabase(server.adminUrl, TEMPLATE_DB);
  await applyMigrations(server.urlFor(TEMPLATE_DB));
  return server;
}

export async function createDatabaseFromTemplate(adminUrl: string, name: string): Promise<string> {
  await dropDatabase(adminUrl, name);
  await ensureDatabase(adminUrl, name, TEMPLATE_DB);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
