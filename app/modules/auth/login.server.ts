// Sign-in by e-mail: one request makes a link (to a confirmation page whose button signs in —
// mail scanners open links, so a GET never signs in) and a short code that works only in the
// browser that asked. Both are single-use, expire after 15 minutes and are stored hashed.
import { createCookie } from "@remix-run/node";
import { audit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { isLanguage, type Language } from "~/i18n/config";
import { i18next } from "~/utils/i18n.server";
import { now } from "~/utils/clock.server";
import { hashSecret, randomCode, randomToken, safeEqual } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { clientIp, hitRateLimit, hitRateLimits, RATE_LIMITS } from "./rate-limit.server";
import { createUserSession } from "./session.server";

export const LOGIN_TTL_MS = 15 * 60_000;
export const MAX_CODE_TRIES = 5;
const CODE_LENGTH = 6;

let browserCookie: ReturnType<typeof createCookie> | undefined;
function loginBrowserCookie() {
  const env = getEnv();
  browserCookie ??= createCookie("vv_login", {
    path: "/login",
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https:"),
    secrets: [env.sessionSecret],
    maxAge: LOGIN_TTL_MS / 1000,
  });
  return browserCookie;
}

async function readBrowserId(request: Request): Promise<string | null> {
  const value: unknown = await loginBrowserCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
const codeHash = (tokenId: string, code: string) => hashSecret(`login-code:${tokenId}:${code}`);

export type RequestLoginResult =
  | { ok: true; setCookie: string }
  | { ok: false; reason: "rate-limited"; retryAfterSeconds: number };

/**
 * Same outcome whether or not the address is known: a token is made either way (so timing and
 * answer match), but only a known, active account gets a mail.
 */
export async function requestEmailLogin(request: Request, rawEmail: string, locale: Language): Promise<RequestLoginResult> {
  const email = normalizeEmail(rawEmail);
  const ip = clientIp(request);
  const limit = await hitRateLimits([
    [`login:email:${email}`, RATE_LIMITS.loginPerEmail],
    [`login:ip:${ip}`, RATE_LIMITS.loginPerIp],
  ]);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const browserId = (await readBrowserId(request)) ?? randomToken();
  const linkToken = randomToken();
  const code = randomCode(CODE_LENGTH, "0123456789");
  const at = now();
  const user = await db.user.findFirst({ where: { email, disabledAt: null }, select: { id: true, locale: true } });

  await db.$transaction(async (tx) => {
    const token = await tx.loginToken.create({
      data: {
        email,
        userId: user?.id ?? null,
        linkHash: hashSecret(`login-link:${linkToken}`),
        codeHash: "",
        browserHash: hashSecret(`login-browser:${browserId}`),
        createdAt: at,
        expiresAt: new Date(at.getTime() + LOGIN_TTL_MS),
        ip,
      },
    });
    await tx.loginToken.update({ where: { id: token.id }, data: { codeHash: codeHash(token.id, code) } });
    if (user) {
      await queueMail(
        {
          to: email,
          template: "sign-in",
          props: { email, code, confirmUrl: `${getEnv().APP_URL}/login/confirm/${linkToken}`, locale },
          locale,
          idempotencyKey: `login:${token.id}`,
        },
        tx,
      );
    }
  });
  return { ok: true, setCookie: await loginBrowserCookie().serialize(browserId) };
}

type UsableToken = { id: string; email: string; userId: string };

async function findLinkToken(linkToken: string): Promise<UsableToken | null> {
  const token = await db.loginToken.findUnique({
    where: { linkHash: hashSecret(`login-link:${linkToken}`) },
    select: { id: true, email: true, userId: true, usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } },
  });
  if (!token || !token.userId || token.usedAt || token.expiresAt <= now() || token.user?.disabledAt) return null;
  return { id: token.id, email: token.email, userId: token.userId };
}

/** For the confirmation page (GET): who the link would sign in, without using it. */
export async function describeLoginLink(linkToken: string): Promise<{ email: string } | null> {
  const token = await findLinkToken(linkToken);
  return token ? { email: token.email } : null;
}

async function completeSignIn(request: Request, token: UsableToken, method: "link" | "code"): Promise<string | null> {
  return db.$transaction(async (tx) => {
    // Single use, also when two requests race: only one update can flip usedAt.
    const used = await tx.loginToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: now() } });
    if (used.count !== 1) return null;
    const setCookie = await createUserSession(request, token.userId, tx);
    await audit({ actorId: token.userId, action: "auth.sign-in", entityType: "User", entityId: token.userId, meta: { method } }, tx);
    return setCookie;
  });
}

/** The confirmation page's button (POST). Returns the session cookie, or null when the link is no good. */
export async function signInWithLink(request: Request, linkToken: string): Promise<string | null> {
  const token = await findLinkToken(linkToken);
  return token ? completeSignIn(request, token, "link") : null;
}

export type CodeResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: "invalid" | "expired" | "too-many-tries" | "rate-limited" | "account-locked"; retryAfterSeconds?: number };

/** Code tries per account (all its sign-in requests together) over a day; the person gets a mail when it trips. */
export const MAX_CODE_TRIES_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Takes one try of the token in a single statement (check and count at once), so parallel guesses
 * cannot all pass the check before any of them is counted. Returns false when none is left.
 */
async function takeCodeTry(tokenId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE "LoginToken" SET "failedTries" = "failedTries" + 1
    WHERE id = ${tokenId} AND "usedAt" IS NULL AND "failedTries" < ${MAX_CODE_TRIES}
    RETURNING id`;
  return rows.length === 1;
}

/**
 * Takes one try of the account's daily allowance (atomic too: one upsert in PostgreSQL). The try
 * that trips the cap queues one mail to the person, in their language, so they know someone is
 * guessing; the same day never mails twice.
 */
async function takeAccountTry(email: string, userId: string | null): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const rule = { limit: MAX_CODE_TRIES_PER_DAY, windowMs: DAY_MS };
  const key = `login-code:account:${email}`;
  const result = await hitRateLimit(key, rule);
  if (result.count === rule.limit + 1 && userId) {
    const user = await db.user.findFirst({ where: { id: userId, disabledAt: null }, select: { email: true, locale: true } });
    if (user?.email) {
      const locale: Language = isLanguage(user.locale) ? user.locale : "nl";
      const t = await i18next.getFixedT(locale, "auth");
      const text = (part: string) => t(`mail.codeLocked.${part}`, { tries: String(rule.limit) });
      await queueMail({
        to: user.email,
        template: "notice",
        props: {
          subject: text("subject"),
          preview: text("preview"),
          heading: text("heading"),
          paragraphs: [text("body"), text("advice")],
        },
        locale,
        idempotencyKey: `${key}:${result.windowStart.toISOString()}`,
      });
      await audit({ actorId: null, action: "auth.code-locked", entityType: "User", entityId: userId, meta: { tries: rule.limit } });
    }
  }
  return result;
}

/** The typed code; it only works in the browser that asked for it. */
export async function signInWithCode(request: Request, rawCode: string): Promise<CodeResult> {
  const limit = await hitRateLimits([[`login-code:ip:${clientIp(request)}`, RATE_LIMITS.codePerIp]]);
  if (!limit.allowed) return { ok: false, reason: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
  const browserId = await readBrowserId(request);
  if (!browserId) return { ok: false, reason: "expired" };
  const token = await db.loginToken.findFirst({
    where: { browserHash: hashSecret(`login-browser:${browserId}`), usedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, userId: true, codeHash: true, expiresAt: true },
  });
  if (!token || token.expiresAt <= now()) return { ok: false, reason: "expired" };
  // Every comparison first takes a try, atomically; the right code used its try too, which is harmless.
  if (!(await takeCodeTry(token.id))) return { ok: false, reason: "too-many-tries" };
  const account = await takeAccountTry(token.email, token.userId);
  if (!account.allowed) return { ok: false, reason: "account-locked", retryAfterSeconds: account.retryAfterSeconds };
  const code = rawCode.replace(/\D/g, "");
  if (!token.userId || !safeEqual(codeHash(token.id, code), token.codeHash)) {
    const left = await db.loginToken.findUnique({ where: { id: token.id }, select: { failedTries: true } });
    return { ok: false, reason: (left?.failedTries ?? MAX_CODE_TRIES) >= MAX_CODE_TRIES ? "too-many-tries" : "invalid" };
  }
  const setCookie = await completeSignIn(request, { id: token.id, email: token.email, userId: token.userId }, "code");
  return setCookie ? { ok: true, setCookie, userId: token.userId } : { ok: false, reason: "expired" };
}
