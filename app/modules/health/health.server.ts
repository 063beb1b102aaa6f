import { json } from "@remix-run/node";
import { db } from "~/utils/db.server";

export type DatabaseHealth = { ok: boolean; latencyMs: number; migrations?: number; error?: string };

/**
 * A load balancer may ask many times a second; the answer is at most this old (and requests that
 * arrive while the database is being asked wait for that one answer). A failure is not kept.
 */
const FRESH_MS = 1_000;
let last: { at: number; result: Promise<DatabaseHealth> } | undefined;

export function checkDatabase(now = Date.now()): Promise<DatabaseHealth> {
  if (last && now - last.at < FRESH_MS) return last.result;
  const result = askDatabase();
  const entry = { at: now, result };
  last = entry;
  void result.then((health) => {
    if (!health.ok && last === entry) last = undefined;
  });
  return result;
}

async function askDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const rows = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    return { ok: true, latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message.split("\n")[0] : "unknown error",
    };
  }
}

/** Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. */
export async function healthResponse(): Promise<Response> {
  const database = await checkDatabase();
  return json(
    { status: database.ok ? "ok" : "degraded", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
