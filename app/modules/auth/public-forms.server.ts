// Every form anyone may post without signing in gets a limit per client (its address) and, where
// the form names e-mail addresses, per address; counters live in PostgreSQL (shared by every
// instance). The client's limit is counted before the body is read, so a client over it gets 429
// with the form's message whether its post was valid or not. A honeypot field catches simple bots.
import { hitRateLimits, RATE_LIMITS, type RateLimitRule } from "./rate-limit.server";
import { clientIp } from "~/utils/client-ip";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const PUBLIC_FORMS = {
  /** /aanmelden: mails every address given and the board. */
  application: { perClient: { limit: 20, windowMs: HOUR }, perAddress: { limit: 5, windowMs: DAY } },
  /** /login: the per-address limit is requestEmailLogin's own (5 per 15 minutes). */
  login: { perClient: RATE_LIMITS.loginPerIp },
  "login-code": { perClient: RATE_LIMITS.codePerIp },
  "pupil-login": { perClient: RATE_LIMITS.pupilCodePerIp },
  language: { perClient: { limit: 60, windowMs: 15 * MINUTE } },
  /** /toestemming/<token>: a parent's answer. */
  consent: { perClient: { limit: 30, windowMs: HOUR } },
} satisfies Record<string, { perClient: RateLimitRule; perAddress?: RateLimitRule }>;

export type PublicForm = keyof typeof PUBLIC_FORMS;

/** The hidden field people never fill in (visually hidden, not announced, skipped by the keyboard). */
export const HONEYPOT_FIELD = "vv_website";

export type PublicPostCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number; minutes: string };

const refused = (retryAfterSeconds: number): PublicPostCheck => ({
  allowed: false,
  retryAfterSeconds,
  minutes: String(Math.max(1, Math.ceil(retryAfterSeconds / 60))),
});

/** Counts this post against the client's limit. Call first in the action, before reading the form. */
export async function checkPublicPost(request: Request, form: PublicForm): Promise<PublicPostCheck> {
  const result = await hitRateLimits([[`form:${form}:client:${clientIp(request)}`, PUBLIC_FORMS[form].perClient]]);
  return result.allowed ? { allowed: true } : refused(result.retryAfterSeconds);
}

/** Counts the post against each e-mail address it names (lower case), for forms that mail them. */
export async function checkPublicAddresses(form: PublicForm, addresses: readonly string[]): Promise<PublicPostCheck> {
  const rule: RateLimitRule | undefined = "perAddress" in PUBLIC_FORMS[form] ? (PUBLIC_FORMS[form] as { perAddress: RateLimitRule }).perAddress : undefined;
  if (!rule || addresses.length === 0) return { allowed: true };
  const unique = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  const result = await hitRateLimits(unique.map((address) => [`form:${form}:address:${address}`, rule] as [string, RateLimitRule]));
  return result.allowed ? { allowed: true } : refused(result.retryAfterSeconds);
}

/** True when the honeypot holds anything: a person never fills it in. */
export function honeypotFilled(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return value !== null && value !== "";
}
