// Fixed-window rate limits with their counters in PostgreSQL, so every instance shares them.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export type RateLimitRule = { limit: number; windowMs: number };

export const RATE_LIMITS = {
  loginPerEmail: { limit: 5, windowMs: 15 * 60_000 },
  loginPerIp: { limit: 30, windowMs: 15 * 60_000 },
  codePerIp: { limit: 20, windowMs: 15 * 60_000 },
  pupilCodePerIp: { limit: 10, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };
export type RateLimitHit = RateLimitResult & { count: number; windowStart: Date };

/** Counts one attempt against `key`; refuses once the window's limit is reached. */
export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitHit> {
  const at = now().getTime();
  const windowStart = new Date(at - (at % rule.windowMs));
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimit".count + 1
    RETURNING count`;
  const count = Number(rows[0]?.count ?? 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + rule.windowMs - at) / 1000);
  return { allowed: count <= rule.limit, retryAfterSeconds, count, windowStart };
}

/** Several limits at once (e.g. per address and per IP): refused if any is exhausted. */
export async function hitRateLimits(entries: Array<[key: string, rule: RateLimitRule]>): Promise<RateLimitResult> {
  const results = await Promise.all(entries.map(([key, rule]) => hitRateLimit(key, rule)));
  const refused = results.filter((r) => !r.allowed);
  return refused.length
    ? { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) }
    : { allowed: true, retryAfterSeconds: 0 };
}

export { clientIp } from "~/utils/client-ip";
