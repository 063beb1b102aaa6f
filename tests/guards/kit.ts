// The hostile-input guard's kit: the hostile values, the arbitraries of typed input, the table's
// types and the fixtures every row uses. Rows live in hostile-input.ts (core) and in areas/*.ts.
import fc from "fast-check";
import { requestEmailLogin } from "../../app/modules/auth/login.server";
import { createUserSession } from "../../app/modules/auth/session.server";
import { PAYMENT_METHODS } from "../../app/modules/payments/payment-state";
import { createTestCheckout } from "../../app/modules/payments/payments.server";
import { type StripeFake } from "../../app/modules/payments/stripe-fake.server";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { createUser } from "../../prisma/factories";
import type { App } from "./harness";
import type { World } from "./world";

// ---------------------------------------------------------------------------------------------
// Inputs

/** A posted value: text, or a file where the form expects text ("wrong type"). */
export type FieldValue = string | { file: string; type: string; content: string };
/** A form as posted: ordered, names may repeat. Values may hold `{placeholders}` (see Fixture). */
export type Fields = Array<[name: string, value: FieldValue]>;

/** Markup that must never come back unescaped; the marker `vv-xss` makes it easy to spot. */
export const MARKUP = [
  `<script>alert("vv-xss")</script>`,
  `"><img src=x onerror=alert('vv-xss')>`,
  `'><svg onload=alert('vv-xss')>`,
  `</textarea></title><script>alert('vv-xss')</script>`,
  `<a href="javascript:alert('vv-xss')">klik</a>`,
  `<iframe srcdoc="<script>alert('vv-xss')</script>"></iframe>`,
];
/** The opening of a tag from MARKUP, raw (escaped output has `&lt;`; JSON in a script has `\u003c`). */
export const RAW_MARKUP = /<script>alert\(|<img src=x onerror=|<svg onload=|<a href="javascript:|<iframe srcdoc=/i;

export const SQLISH = [
  `' OR '1'='1`,
  `'; DROP TABLE "User"; --`,
  `1; SELECT pg_sleep(5)--`,
  `' UNION SELECT "tokenHash" FROM "Session" --`,
  `\\'; --`,
  `$1`,
  `%`,
  `_`,
  `\\`,
];

export const UNICODE_EDGES = [
  "\u202Egnp.exe", // right-to-left override
  "\u2066isolate\u2069",
  "a\u200Bb", // zero-width space
  "\u200D",
  "\uFEFF",
  "👩‍👩‍👧‍👦",
  "🏳️‍🌈",
  "🇳🇱",
  "e\u0301",
  "Z̷̧̛a̶̢l̴g̸o̵",
  "\u0000",
  "a\u0000b",
  "\uD800", // lone surrogates
  "\uDFFF",
  "\u2028\u2029",
  "\r\n",
  "\t",
  "ﷺ",
  "𝕍𝕣𝕚𝕖𝕟𝕕𝕖𝕟",
  "İıß",
  "\u00A0",
  "\u3000",
  "\u001B[31m",
];

const ODD = ["", " ", "null", "undefined", "true", "0", "-1", "1e309", "NaN", "[]", "{}", "__proto__", "constructor",
  "../../etc/passwd", "%00", "%s%n", "{{7*7}}", "${7*7}", "/\t/evil.example", "//evil.example", "/\\evil.example"];

/** Redirect targets that try to leave the site or break the Location header. */
export const REDIRECT_TRICKS = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%09/evil.example",
  "/%2F%2Fevil.example",
  "https://evil.example",
  "javascript:alert('vv-xss')",
  "/\r\nSet-Cookie: vv=1",
  "/\u202Eevil",
  "/über-ons",
  "/a b",
  "/\u0000",
  `/"><script>alert("vv-xss")</script>`,
];

/** Ids that are no ids: what a lookup by id must survive. */
export const ID_TRICKS = ["\u0000", "a\u0000b", "' OR '1'='1", "%", "_", "*", "0", "-1", "x".repeat(64), "x".repeat(65), "ck\u200Bx", "../x"];

/** Strings of about 1 MB. Constants, so fast-check does not try to shrink a megabyte. */
export const MEGA = ["A".repeat(1 << 20), `${MARKUP[0]}${"<".repeat(1 << 20)}`, "😀".repeat(1 << 18), "\u0000".repeat(1 << 20)];

export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKUP, ...SQLISH, ...UNICODE_EDGES, ...ODD), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 24 }), weight: 2 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...MARKUP, ...SQLISH, ...UNICODE_EDGES), fc.string({ unit: "grapheme", maxLength: 8 })), {
        minLength: 2,
        maxLength: 4,
      })
      .map((parts) => parts.join("")),
    weight: 2,
  },
);

/** Any value, including the 1 MB ones. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyText, weight: 12 },
  { arbitrary: fc.constantFrom(...MEGA), weight: 1 },
);

/** Text a person could type: nasty, but within the field's limits (counted as zod counts). */
export const typedText = (max: number) => nastyText.filter((s) => s.trim().length > 0 && s.length <= max);

export const safePath = fc.oneof(
  fc.constant("/"),
  fc.constant("/dashboard"),
  fc.stringMatching(/^\/[a-z0-9-]{1,12}(\/[a-z0-9-]{1,12}){0,2}(\?[a-z]{1,5}=[a-z0-9]{1,5})?$/),
);

/** An address zod's e-mail check accepts; `{unique}` makes it fresh per case (rate limits are per address). */
export const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,10}([._+-][a-z0-9]{1,6})?$/),
    fc.stringMatching(/^[a-z0-9]{1,10}(-[a-z0-9]{1,4})?$/),
    fc.constantFrom("example", "test", "nl"),
    fc.boolean(),
  )
  .map(([local, domain, tld, upper]) => {
    const address = `${local}.{unique}@${domain}.${tld}`;
    return upper ? address.toUpperCase().replace("{UNIQUE}", "{unique}") : address;
  });

export const amount = fc
  .tuple(fc.integer({ min: 50, max: 99_999_999 }), fc.constantFrom(",", "."), fc.boolean(), fc.boolean())
  .map(([cents, sep, pad, spaces]) => {
    const whole = Math.floor(cents / 100);
    const fraction = cents % 100;
    const text = fraction === 0 && !pad ? `${whole}` : `${whole}${sep}${String(fraction).padStart(2, "0")}`;
    return spaces ? ` ${text} ` : text;
  });

export const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A date as people type it: 2026-03-09 or 9-3-2026 (also with / or .). */
export const typedDate = fc
  .tuple(fc.date({ min: new Date("1900-01-01T12:00:00Z"), max: new Date("2199-12-31T12:00:00Z"), noInvalidDate: true }), fc.constantFrom("iso", "-", "/", "."))
  .map(([d, style]) => {
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    return style === "iso" ? `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}` : `${day}${style}${m}${style}${y}`;
  });

/** A record of optional fields → Fields (absent fields are left out, as a browser does). */
export function form(shape: Record<string, fc.Arbitrary<string | string[] | undefined>>): fc.Arbitrary<Fields> {
  return fc.record(shape).map((record) => {
    const fields: Fields = [];
    for (const [name, value] of Object.entries(record)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) fields.push([name, v]);
    }
    return fields;
  });
}

// ---------------------------------------------------------------------------------------------
// The table

export type Ctx = {
  app: App;
  db: PrismaClient;
  world: World;
  fake: StripeFake;
  /** A client address not used before (rate limits count per address). */
  ip(): string;
  /** Waits until the Stripe fake has delivered its webhooks (they write to the database). */
  settle(): Promise<void>;
};

/** Per case: the cookie to send and the values for `{placeholders}` in fields and URL parameter. */
export type Fixture = { cookie?: string; values: Record<string, string> };

/** What a page must show (escaped) after an accepted submission; `cookie` = whose view. */
export type Page = { path: string; cookie?: string };

export type Variant = {
  name: string;
  /** Submissions the action must accept and store. */
  valid: fc.Arbitrary<Fields>;
  /** A fresh fixture for one case (fresh session, code, token, payment…). */
  prepare(ctx: Ctx): Promise<Fixture>;
  accepted(res: Response): boolean;
  /** After an accepted case: null when the effect is in the database, else what is missing. `value` is the schema's output. */
  stored(ctx: Ctx, fx: Fixture, value: Record<string, unknown>, res: Response): Promise<string | null>;
  /** Pages that show what was stored (checked for raw markup). */
  shownOn?(ctx: Ctx, fx: Fixture, value: Record<string, unknown>, res: Response): Promise<Page[]>;
};

export type FormAction = {
  route: string;
  /** The URL; `:param` is filled from the fixture (valid) or with hostile text. */
  path: string;
  /** Placeholder for the URL parameter in valid cases, e.g. "{token}". */
  param?: string;
  /**
   * How the action turns the request into its schema's input: "conform" (parseWithZod on the
   * form), "entries" (Object.fromEntries of the form, `repeated` names as arrays), or "none"
   * (the action reads no body: its schema is empty and any body is fine).
   */
  reads: { as: "conform" | "entries" | "none"; repeated?: string[] };
  /** How a refusal looks: a 4xx answer, or also (language) a redirect that sets no cookie. */
  refusal: "4xx" | "redirect-without-cookie";
  /** Field names of the form (mutations pick from these). */
  fields: string[];
  /** Extra tricks aimed at particular fields. */
  aimed?: Record<string, readonly string[]>;
  /** Tables the action writes when it accepts (for the report; every table is snapshotted). */
  tables: string[];
  variants: Variant[];
};

export const setCookie = (res: Response, name: string) =>
  res.headers.getSetCookie().some((c) => c.startsWith(`${name}=`) && !/^[^=]+=;/.test(c) && !/max-age=0/i.test(c));
export const location = (res: Response) => res.headers.get("Location") ?? "";
export const redirected = (res: Response, prefix?: string) =>
  res.status >= 300 && res.status < 400 && (prefix === undefined || location(res).startsWith(prefix));
export const cookiePair = (setCookieHeader: string) => setCookieHeader.split(";")[0]!;

let counter = 0;
export const fresh = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function latestMail(db: PrismaClient, to: string, template: string) {
  const mail = await db.outboxMessage.findFirst({ where: { toAddress: to, template }, orderBy: { createdAt: "desc" } });
  if (!mail) throw new Error(`no ${template} mail to ${to}`);
  return mail.props as Record<string, string>;
}

export async function sessionFor(db: PrismaClient, userId: string): Promise<string> {
  return cookiePair(await createUserSession(new Request("http://localhost/"), userId, db));
}

/** A person with an address who asked to sign in: the browser cookie, the code and the link token. */
export async function signInRequest(ctx: Ctx): Promise<Fixture & { userId: string }> {
  const address = `${fresh("fuzz-login-")}@guards.example`;
  const user = await createUser(ctx.db, { email: address });
  const request = new Request("http://localhost:3000/login", { headers: { "x-vv-client-ip": ctx.ip() } });
  const result = await requestEmailLogin(request, address, "nl");
  if (!result.ok) throw new Error("fixture: sign-in request was rate limited");
  const mail = await latestMail(ctx.db, address, "sign-in");
  const code = mail.code!;
  return {
    userId: user.id,
    cookie: cookiePair(result.setCookie),
    values: {
      code,
      codeSpaced: `${code.slice(0, 3)} ${code.slice(3)}`,
      codeDashed: `${code.slice(0, 3)}-${code.slice(3)}`,
      linkToken: mail.confirmUrl!.split("/login/confirm/")[1]!,
      userId: user.id,
    },
  };
}

export async function signedIn(ctx: Ctx, userId: string, res: Response): Promise<string | null> {
  if (!setCookie(res, "vv_session")) return "no session cookie";
  const sessions = await ctx.db.session.count({ where: { userId, revokedAt: null } });
  return sessions > 0 ? null : "no session row";
}

export async function checkout(ctx: Ctx, methods: (typeof PAYMENT_METHODS)[number][] = [...PAYMENT_METHODS]) {
  const created = await createTestCheckout({
    amountCents: 1250,
    description: `Fuzz ${fresh("")}`,
    methods,
    successPath: "/dev/payments?result=success",
    cancelPath: "/dev/payments?result=cancel",
    locale: "nl",
  });
  await ctx.settle();
  return created;
}

export const paymentStatus = async (ctx: Ctx, id: string) => (await ctx.db.payment.findUniqueOrThrow({ where: { id } })).status;
export const payment = (fx: Fixture) => fx.values.paymentId!;
export const anonymous = async (): Promise<Fixture> => ({ values: {} });

