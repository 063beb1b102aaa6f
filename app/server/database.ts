// Decides which PostgreSQL the app uses, and prepares it: embedded by default, DATABASE_URL when given.
import path from "node:path";
import { applyMigrations } from "../../prisma/engine/schema-engine";
import type { Env } from "../utils/env.server";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres";

export const EMBEDDED_DATABASE = "vrienden";

export type PreparedDatabase = { url: string; embedded?: EmbeddedServer; migrated: string[] };

export async function prepareDatabase(env: Env, log: (m: string) => void): Promise<PreparedDatabase> {
  let url = env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(env.DATA_DIR, "postgres"),
      port: env.EMBEDDED_PG_PORT,
      log,
    });
    if (await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE)) log(`[postgres] created database "${EMBEDDED_DATABASE}"`);
    url = embedded.urlFor(EMBEDDED_DATABASE);
    log(`[postgres] embedded PostgreSQL on 127.0.0.1:${embedded.port} (${embedded.dataDir}), ready in ${Date.now() - started} ms`);
  } else {
    log("[postgres] using DATABASE_URL");
  }
  const migrated = await applyMigrations(url);
  log(migrated.length ? `[postgres] applied migrations: ${migrated.join(", ")}` : "[postgres] schema is up to date");
  return { url, embedded, migrated };
}
