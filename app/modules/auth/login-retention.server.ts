// Sign-in requests (LoginToken: address, IP, hashes) are useless once expired; they are kept one
// more day (a person asking "why did my code not work?" the same day), then deleted.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export const LOGIN_TOKEN_KEEP_AFTER_EXPIRY_MS = 86_400_000;

/** Delete sign-in requests that expired more than a day ago; returns how many. */
export async function purgeExpiredLoginTokens(at: Date = now()): Promise<number> {
  const result = await db.loginToken.deleteMany({ where: { expiresAt: { lt: new Date(at.getTime() - LOGIN_TOKEN_KEEP_AFTER_EXPIRY_MS) } } });
  return result.count;
}
