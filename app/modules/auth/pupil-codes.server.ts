// Pupils sign in without e-mail, with a personal code from their teacher: 12 characters from an
// alphabet without look-alikes (no 0/O, 1/I/L), printed in groups of four. 31^12 ≈ 7·10^17
// possibilities and a per-IP rate limit make guessing hopeless. Only a keyed hash is stored.
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { hashSecret, randomCode } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { clientIp, hitRateLimits, RATE_LIMITS } from "./rate-limit.server";
import { createUserSession, endAllSessions } from "./session.server";

export const PUPIL_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const PUPIL_CODE_LENGTH = 12;

/** Upper case, without spaces or dashes; anything outside the alphabet makes it invalid. */
export function normalizePupilCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== PUPIL_CODE_LENGTH) return null;
  return [...code].every((c) => PUPIL_CODE_ALPHABET.includes(c)) ? code : null;
}

export function formatPupilCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

const codeHash = (code: string) => hashSecret(`pupil-code:${code}`);

/**
 * Issues a new code for a pupil and revokes any earlier one. The plain code is returned once,
 * for the teacher's printed sheet; it cannot be read back later.
 */
export async function issuePupilCode(pupilUserId: string, issuedById: string, client: Tx = db): Promise<string> {
  const at = now();
  const code = randomCode(PUPIL_CODE_LENGTH, PUPIL_CODE_ALPHABET);
  await client.pupilLoginCode.updateMany({ where: { userId: pupilUserId, revokedAt: null }, data: { revokedAt: at } });
  await client.pupilLoginCode.create({
    data: { userId: pupilUserId, codeHash: codeHash(code), issuedById, createdAt: at },
  });
  await audit({ actorId: issuedById, action: "pupil-code.issue", entityType: "User", entityId: pupilUserId }, client);
  return formatPupilCode(code);
}

/**
 * Revokes the pupil's codes and ends every session a code opened: a revoked code (lost sheet,
 * pupil left the team) must not keep working for the rest of a 12-hour pupil session.
 */
export async function revokePupilCodes(pupilUserId: string, actorId: string, client: Tx = db): Promise<void> {
  const result = await client.pupilLoginCode.updateMany({
    where: { userId: pupilUserId, revokedAt: null },
    data: { revokedAt: now() },
  });
  const sessionsEnded = await endAllSessions(pupilUserId, client);
  if (result.count || sessionsEnded) {
    await audit({ actorId, action: "pupil-code.revoke", entityType: "User", entityId: pupilUserId, meta: { codes: result.count, sessionsEnded } }, client);
  }
}

export type PupilSignInResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: "invalid" | "rate-limited"; retryAfterSeconds?: number };

export async function signInWithPupilCode(request: Request, input: string): Promise<PupilSignInResult> {
  const limit = await hitRateLimits([[`pupil-code:ip:${clientIp(request)}`, RATE_LIMITS.pupilCodePerIp]]);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const code = normalizePupilCode(input);
  if (!code) return { ok: false, reason: "invalid" };
  const found = await db.pupilLoginCode.findUnique({
    where: { codeHash: codeHash(code) },
    select: { id: true, userId: true, revokedAt: true, user: { select: { disabledAt: true } } },
  });
  if (!found || found.revokedAt || found.user.disabledAt) return { ok: false, reason: "invalid" };
  const setCookie = await db.$transaction(async (tx) => {
    await tx.pupilLoginCode.update({ where: { id: found.id }, data: { lastUsedAt: now() } });
    await audit({ actorId: found.userId, action: "auth.sign-in", entityType: "User", entityId: found.userId, meta: { method: "pupil-code" } }, tx);
    return createUserSession(request, found.userId, tx);
  });
  return { ok: true, setCookie, userId: found.userId };
}
