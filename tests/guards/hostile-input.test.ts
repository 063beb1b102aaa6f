// Guard: hostile input on every action. For each action (tests/guards/hostile-input.ts), posted
// as a role that may use it, fast-check generates valid submissions (each must be accepted and
// stored) and hostile ones: wrong types (files, repeated fields, bodies that are no form), missing
// and extra fields, empty and 1 MB strings, unicode edge cases, markup and SQL-looking text. Every
// answer must be below 500, redirect only to this site and carry no raw markup (a refusal no message of zod's own); a submission the
// action's zod schema refuses must be refused and leave every table as it was; stored text must
// render escaped wherever it is shown. An action route without an exported zod schema fails.
//
// Seeded and bounded: FC_SEED=<n> replays a run, FC_RUNS / FC_VALID_RUNS set the cases per form.
import { parseWithZod } from "@conform-to/zod/v4";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { signStripePayload, startStripeFake, type StripeFake } from "~/modules/payments/stripe-fake.server";
import { now } from "~/utils/clock.server";
import { getDb } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { bootApp, plantRoutes, request, type App } from "./harness";
import { recordBite, recordGuard } from "./report";
import {
  FORM_ACTIONS,
  MARKUP,
  RAW_MARKUP,
  SIGNED_RAW_BODY,
  fresh,
  hostileValue,
  hostileWebhook,
  nastyText,
  signedWebhook,
  type Ctx,
  type FieldValue,
  type Fields,
  type Fixture,
  type FormAction,
  type Page,
  type Variant,
  type WebhookCase,
} from "./hostile-input";
import { changedTables, createWorld, snapshotDatabase, type World } from "./world";

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const VALID_RUNS = Number(process.env.FC_VALID_RUNS ?? 3);
const HOSTILE_RUNS = Number(process.env.FC_RUNS ?? 12);
/** Per fast-check run; a run cut short by it fails (cutShort). */
const CHECK_TIME_LIMIT_MS = Number(process.env.FC_TIME_LIMIT_MS ?? 40_000);
const ORIGIN = "http://localhost:3000";

let app: App;
let world: World;
let fake: StripeFake;
let ctx: Ctx;
let ipCounter = 0;
/** The app the cases go to: the real one, or (bite test) one with a planted broken route. */
let caseApp: App | undefined;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.RESEND_API_KEY;
  resetEnv();
  app = await bootApp();
  // Started before the world, so the world's payments live here too; webhooks go through the app.
  fake = await startStripeFake({ deliver: (req) => app.handler(req), retryDelaysMs: [5], autoExpireIntervalMs: 0, log: () => {} });
  const db = getDb();
  world = await createWorld(db);
  ctx = {
    app,
    db,
    world,
    fake,
    ip: () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`,
    settle: () => fake.flush(),
  };
}, 120_000);

afterAll(async () => {
  await world?.close();
  await fake?.stop();
  recordFigures();
});

// ---------------------------------------------------------------------------------------------
// Cases

type Encoding = "urlencoded" | "multipart" | "json" | "text" | "no-content-type" | "bad-multipart";
/** "document": a plain form post (no JavaScript), answered with the page; "fetch": Remix's data request. */
type Via = "document" | "fetch";
type Case = { variant: string; origin: "valid" | "mutated" | "random"; fields: Fields; encoding: Encoding; via: Via; param?: string };

const fileValue: fc.Arbitrary<FieldValue> = fc.record({
  file: fc.constantFrom("a.txt", "<script>.png", "../../etc/passwd", "\u202Egnp.exe", ""),
  type: fc.constantFrom("text/plain", "image/png", "application/octet-stream", ""),
  content: nastyText,
});
const anyValue: fc.Arbitrary<FieldValue> = fc.oneof({ arbitrary: hostileValue, weight: 6 }, { arbitrary: fileValue, weight: 1 });

const fieldName = (names: string[]) =>
  fc.oneof(
    ...(names.length ? [{ arbitrary: fc.constantFrom(...names), weight: 4 }] : []),
    {
      arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "intent[0]", "email.address", "redirectTo[]", "_data", "", "toString"),
      weight: 2,
    },
    { arbitrary: nastyText.filter((s) => s.length < 40), weight: 1 },
  );

type Op =
  | { kind: "drop"; at: number }
  | { kind: "replace"; at: number; value: FieldValue }
  | { kind: "repeat"; at: number; value: FieldValue }
  | { kind: "add"; name: string; value: FieldValue };

const op = (names: string[]): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant("drop" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), value: anyValue }),
    fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), value: anyValue }),
    fc.record({ kind: fc.constant("add" as const), name: fieldName(names), value: anyValue }),
  );

function mutate(fields: Fields, ops: Op[]): Fields {
  const out = [...fields];
  for (const o of ops) {
    if (o.kind === "add") out.push([o.name, o.value]);
    else if (out.length === 0) continue;
    else if (o.kind === "drop") out.splice(o.at % out.length, 1);
    else if (o.kind === "replace") out[o.at % out.length] = [out[o.at % out.length]![0], o.value];
    else out.push([out[o.at % out.length]![0], o.value]);
  }
  return out;
}

const formEncoding = fc.constantFrom<Encoding>("urlencoded", "multipart");
const via = fc.constantFrom<Via>("document", "fetch", "fetch");
const anyEncoding = fc.oneof(
  { arbitrary: formEncoding, weight: 8 },
  { arbitrary: fc.constantFrom<Encoding>("json", "text", "no-content-type", "bad-multipart"), weight: 2 },
);

function validCases(entry: FormAction, variant: Variant): fc.Arbitrary<Case> {
  // A form with a file is always sent as multipart (a browser cannot send a file urlencoded).
  return fc
    .record({ fields: variant.valid, via })
    .chain((c) => (c.fields.some(([, v]) => typeof v !== "string") ? fc.constant<Encoding>("multipart") : formEncoding).map((encoding) => ({ ...c, encoding })))
    .map((c) => ({ variant: variant.name, origin: "valid" as const, ...c, param: entry.param }));
}

/** Hostile cases for the whole action: each starts from one of its forms (its fixture, its valid input). */
function hostileCases(entry: FormAction): fc.Arbitrary<Case> {
  return fc.constantFrom(...entry.variants).chain((variant) => hostileCasesOf(entry, variant));
}

function hostileCasesOf(entry: FormAction, variant: Variant): fc.Arbitrary<Case> {
  const aimed = Object.entries(entry.aimed ?? {});
  const fields = fc.oneof(
    { arbitrary: fc.tuple(variant.valid, fc.array(op(entry.fields), { minLength: 1, maxLength: 3 })).map(([f, ops]) => ({ origin: "mutated" as const, fields: mutate(f, ops) })), weight: 5 },
    ...(aimed.length
      ? [
          {
            // A valid submission with one field set to a trick aimed at it.
            arbitrary: fc
              .tuple(variant.valid, fc.constantFrom(...aimed).chain(([name, tricks]) => fc.tuple(fc.constant(name), fc.constantFrom(...tricks))))
              .map(([f, [name, trick]]) => ({ origin: "mutated" as const, fields: [...f.filter(([n]) => n !== name), [name, trick] as [string, FieldValue]] })),
            weight: 3,
          },
        ]
      : []),
    { arbitrary: fc.array(fc.tuple(fieldName(entry.fields), anyValue), { maxLength: 6 }).map((f) => ({ origin: "random" as const, fields: f })), weight: 3 },
    { arbitrary: variant.valid.map((f) => ({ origin: "valid" as const, fields: f })), weight: 1 },
  );
  const param = entry.param
    ? fc.oneof(
        { arbitrary: fc.constant(entry.param), weight: 3 },
        { arbitrary: fc.oneof(hostileValue, fc.constantFrom(`${entry.param}x`, `x${entry.param}`, "..", ".", "%2e%2e%2f")), weight: 2 },
      )
    : fc.constant(undefined);
  return fc.record({ f: fields, encoding: anyEncoding, via, param }).map(({ f, encoding, via, param }) => {
    // A parameter that is not the fixture's own makes the case invalid, whatever the fields.
    const origin = param !== entry.param && f.origin === "valid" ? ("mutated" as const) : f.origin;
    return { variant: variant.name, origin, fields: f.fields, encoding, via, param };
  });
}

// ---------------------------------------------------------------------------------------------
// Sending

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** What a client can put on the wire: lone surrogates become U+FFFD, as a browser's encoder does. */
const wellFormed = (text: string) => Buffer.from(text, "utf8").toString("utf8");

function encode(fields: Fields, encoding: Encoding): { body: BodyInit; contentType: string | null } {
  const text = (v: FieldValue) => (typeof v === "string" ? v : v.content);
  switch (encoding) {
    case "urlencoded":
      return { body: new URLSearchParams(fields.map(([n, v]) => [n, text(v)])), contentType: null };
    case "multipart": {
      const data = new FormData();
      for (const [n, v] of fields) {
        if (typeof v === "string") data.append(n, v);
        else data.append(n, new Blob([v.content], { type: v.type }), v.file);
      }
      return { body: data, contentType: null };
    }
    case "json":
      return { body: JSON.stringify(Object.fromEntries(fields.map(([n, v]) => [n, text(v)]))), contentType: "application/json" };
    case "text":
      return { body: fields.map(([n, v]) => `${n}=${text(v)}`).join("\n"), contentType: "text/plain" };
    case "no-content-type":
      return { body: new TextEncoder().encode(new URLSearchParams(fields.map(([n, v]) => [n, text(v)])).toString()), contentType: null };
    case "bad-multipart":
      return { body: new URLSearchParams(fields.map(([n, v]) => [n, text(v)])).toString(), contentType: "multipart/form-data; boundary=vv" };
  }
}

function post(path: string, body: BodyInit | null, contentType: string | null, extra: Record<string, string> = {}, cookie?: string) {
  const headers = new Headers({ Host: "localhost:3000", Origin: ORIGIN, "Sec-Fetch-Site": "same-origin", "x-vv-client-ip": ctx.ip(), ...extra });
  if (contentType) headers.set("Content-Type", contentType);
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body, redirect: "manual" });
}

/** The form the server will read, or null when the body is not a form (then the action must refuse it). */
async function formOf(request: Request): Promise<FormData | null> {
  try {
    return await request.clone().formData();
  } catch {
    return null;
  }
}

type Verdict = { ok: true; value: Record<string, unknown> } | { ok: false };

/** The action's own schema decides: this is how the route reads its input (see FormAction.reads). */
function judge(entry: FormAction, schema: z.ZodType, form: FormData | null): Verdict {
  if (entry.reads.as === "none") return { ok: true, value: {} };
  if (!form) return { ok: false };
  if (entry.reads.as === "conform") {
    const submission = parseWithZod(form, { schema });
    return submission.status === "success" ? { ok: true, value: submission.value as Record<string, unknown> } : { ok: false };
  }
  const input: Record<string, unknown> = Object.fromEntries(form);
  for (const name of entry.reads.repeated ?? []) input[name] = form.getAll(name);
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data as Record<string, unknown> } : { ok: false };
}

function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === "object" && value !== null && "_zod" in value && typeof (value as z.ZodType).safeParse === "function";
}

// ---------------------------------------------------------------------------------------------
// Checks

class Finding extends Error {}
const fail = (message: string): never => {
  throw new Finding(message);
};

const serverError = (body: string) =>
  body.startsWith("<!DOCTYPE") ? "(the error page; the server's stack trace is logged above)" : JSON.stringify(body.slice(0, 200));

/** A data request's redirect (204 + X-Remix-Redirect) as the redirect the browser then follows. */
function asBrowserSees(res: Response): Response {
  const to = res.headers.get("X-Remix-Redirect");
  if (!to) return res;
  const headers = new Headers(res.headers);
  headers.set("Location", to);
  return new Response(null, { status: 302, headers });
}

/** Where a redirect may go: this site only (the URL parser drops tabs and reads "\" as "/"). */
function checkRedirect(res: Response) {
  if (res.status < 300 || res.status >= 400) return;
  const target = res.headers.get("Location") ?? "";
  if (new URL(target, ORIGIN).origin !== ORIGIN) fail(`redirects off-site to ${JSON.stringify(target.slice(0, 200))}`);
}

/** zod's built-in messages: a schema without our message for a case shows these, untranslated. */
const ZOD_OWN_MESSAGE = /Invalid input|Too (?:small|big):|Invalid (?:option|string|email|format|enum|type)\b|expected (?:string|number|boolean|array|object), received|Unrecognized keys?:/;

function checkEscaped(html: string, where: string) {
  const raw = RAW_MARKUP.exec(html);
  if (raw) fail(`raw markup in ${where}: …${html.slice(Math.max(0, raw.index - 60), raw.index + 80)}…`);
}

const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];

async function checkPages(pages: Page[], mustShow?: string) {
  for (const page of pages) {
    const res = await request(app, page.path, { cookie: page.cookie });
    const html = await res.text();
    if (res.status !== 200) fail(`${page.path} answered ${res.status} after an accepted submission`);
    checkEscaped(html, page.path);
    if (mustShow !== undefined && !html.includes(escapeHtml(mustShow))) fail(`${page.path} does not show the stored text ${JSON.stringify(mustShow)} (escaped)`);
  }
}

/** React's escaping of text and attribute values. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

// ---------------------------------------------------------------------------------------------
// One case

type Stats = { cases: number; valid: number; accepted: number; refused: number; byEncoding: Record<string, number> };
const figures = new Map<string, Stats>();
const failures: string[] = [];
const statsFor = (key: string) => {
  let s = figures.get(key);
  if (!s) figures.set(key, (s = { cases: 0, valid: 0, accepted: 0, refused: 0, byEncoding: {} }));
  return s;
};

async function runCase(entry: FormAction, schema: z.ZodType, kase: Case, mustAccept: boolean) {
  const variant = entry.variants.find((v) => v.name === kase.variant)!;
  const stats = statsFor(`${entry.route}#${variant.name}`);
  stats.cases++;
  stats.byEncoding[kase.encoding] = (stats.byEncoding[kase.encoding] ?? 0) + 1;
  stats.byEncoding[kase.via] = (stats.byEncoding[kase.via] ?? 0) + 1;
  const fx: Fixture = await variant.prepare(ctx);
  const values = { ...fx.values, unique: fresh("u") };
  const fields: Fields = kase.fields.map(([n, v]) => [n, typeof v === "string" ? fill(v, values) : v]);
  const paramOk = kase.param === entry.param;
  const param = kase.param === undefined ? "" : fill(kase.param, values);
  // The first parameter is the one under test; any further ones take the fixture's value of that name.
  let first = true;
  const target = entry.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = first ? wellFormed(param) : ((values as Record<string, string>)[name] ?? name);
    first = false;
    return encodeURIComponent(value);
  });
  const path = kase.via === "fetch" ? `${target}${target.includes("?") ? "&" : "?"}_data=${encodeURIComponent(entry.route)}` : target;
  const { body, contentType } = encode(fields, kase.encoding);
  const req = post(path, body, contentType, {}, fx.cookie);
  const form = await formOf(req);
  const verdict: Verdict = paramOk ? judge(entry, schema, form) : { ok: false };
  if (verdict.ok) stats.valid++;

  // Only a submission the schema refuses must leave the database as it was.
  // A refusal must write nothing; a mutated submission the schema accepts must write something.
  const before = !verdict.ok || kase.origin !== "valid" ? await snapshotDatabase(ctx.db) : undefined;
  const res = asBrowserSees(await (caseApp ?? app).handler(req));
  const html = await res.text();
  await ctx.settle();

  if (res.status >= 500) fail(`answered ${res.status} ${serverError(html)}`);
  checkRedirect(res);
  if ((res.headers.get("Content-Type") ?? "").includes("html")) checkEscaped(html, "the action's answer");

  if (!verdict.ok) {
    const refused =
      (res.status >= 400 && res.status < 500) ||
      (entry.refusal === "redirect-without-cookie" && res.status >= 300 && res.status < 400 && !res.headers.getSetCookie().some((c) => c.startsWith("lng=")));
    if (!refused) fail(`the schema refuses this submission, but the action answered ${res.status} ${res.headers.get("Location") ?? ""}`);
    const untranslated = ZOD_OWN_MESSAGE.exec(html);
    if (untranslated) fail(`refused with zod's own English message instead of a field message of ours: "${untranslated[0]}" in …${html.slice(Math.max(0, untranslated.index - 80), untranslated.index + 80)}…`);
    // The rate limit of an anonymous form counts every post before the form is read (a client over
    // its limit gets 429 before any work): that counter is the one write a refused post may make.
    const changed = changedTables(before!, await snapshotDatabase(ctx.db)).filter((t) => !(entry.tables.includes("RateLimit") && t.split(" ")[0] === "RateLimit"));
    if (changed.length) fail(`a refused submission changed ${changed.join(", ")}`);
    stats.refused++;
    return;
  }
  if (!variant.accepted(res)) {
    if (mustAccept) fail(`a valid submission was not accepted: ${res.status} ${res.headers.get("Location") ?? ""} ${html.slice(0, 300)}`);
    return;
  }
  stats.accepted++;
  const missing = await variant.stored(ctx, fx, verdict.value, res);
  // A row's check finds its object by the fixture's values; a mutated case may have changed the
  // very field it finds it by (a KvK number, a BRIN code) and still be valid. Then it must at
  // least have written something.
  const wroteSomething = async () => kase.origin !== "valid" && before !== undefined && changedTables(before, await snapshotDatabase(ctx.db)).length > 0;
  if (missing && !(await wroteSomething())) fail(`accepted (${res.status}) but not stored: ${missing}`);
  if (variant.shownOn && strings(verdict.value).some((s) => s.includes("vv-xss"))) {
    await checkPages(await variant.shownOn(ctx, fx, verdict.value, res));
  }
}

/** Counterexamples hold megabyte strings: show their start and length. */
function short(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string" && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v instanceof Uint8Array ? `<${v.length} bytes>` : v,
  );
}

/** Why a fast-check run that did not fail is still no pass: it was interrupted, or ran fewer cases than asked. */
function cutShort(details: { interrupted: boolean; numRuns: number; numSkips: number }, asked: number): string | null {
  if (details.interrupted) return `cut short by its time limit of ${CHECK_TIME_LIMIT_MS / 1000} s after ${details.numRuns} of ${asked} cases`;
  if (details.numRuns < asked) return `ran ${details.numRuns} of ${asked} cases (${details.numSkips} skipped)`;
  return null;
}

async function check<T>(label: string, arb: fc.Arbitrary<T>, numRuns: number, run: (value: T) => Promise<void>, seed = SEED) {
  const details = await fc.check(fc.asyncProperty(arb, run), { seed, numRuns, interruptAfterTimeLimit: CHECK_TIME_LIMIT_MS });
  if (!details.failed) {
    // A run cut short by its time limit passed fewer cases than asked: that is no pass.
    const problem = cutShort(details, numRuns);
    if (problem) {
      failures.push(label);
      throw new Error(`${label}: ${problem} (seed ${details.seed}; raise FC_TIME_LIMIT_MS or lower FC_RUNS)`);
    }
  }
  if (details.failed) {
    failures.push(label);
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${label}: ${error}\n  counterexample: ${short(details.counterexample?.[0])}\n` +
        `  seed ${details.seed}, path "${details.counterexamplePath}" (replay: FC_SEED=${details.seed} npx vitest run tests/guards/hostile-input.test.ts)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Tests

describe("hostile input on every action", () => {
  it("every action route exports its zod schema and has a row in the table", () => {
    const problems: string[] = [];
    for (const route of app.routes.filter((r) => r.hasAction)) {
      const row = FORM_ACTIONS.find((a) => a.route === route.id);
      if (SIGNED_RAW_BODY[route.id]) continue;
      if (!isZodSchema(route.module.actionSchema)) problems.push(`${route.id}: its action has no zod schema (export const actionSchema = …)`);
      if (!row) problems.push(`${route.id}: no row in tests/guards/hostile-input.ts (who may post, valid input, what is stored)`);
    }
    for (const row of FORM_ACTIONS) if (!app.routes.some((r) => r.id === row.route && r.hasAction)) problems.push(`${row.route}: in the table but not an action`);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  for (const entry of FORM_ACTIONS) {
    it(`${entry.route}: ${entry.variants.map((v) => v.name).join(", ")}`, async () => {
      const schema = app.routes.find((r) => r.id === entry.route)?.module.actionSchema;
      if (!isZodSchema(schema)) throw new Error(`${entry.route} exports no zod actionSchema`);
      for (const variant of entry.variants) {
        const label = `${entry.route} (${variant.name}), valid input`;
        await check(label, validCases(entry, variant), VALID_RUNS, (c) => runCase(entry, schema, c, true));
        expect(statsFor(`${entry.route}#${variant.name}`).accepted, `${label}: none was accepted and stored`).toBeGreaterThan(0);
      }
      const runs = HOSTILE_RUNS * Math.min(entry.variants.length, 2);
      await check(`${entry.route}, hostile input`, hostileCases(entry), runs, (c) => runCase(entry, schema, c, false));
    }, 120_000);
  }

  it("routes/webhooks.stripe: hostile bodies get a 4xx and store nothing; signed events are stored", async () => {
    const stats = statsFor("routes/webhooks.stripe#event");
    const send = async (c: WebhookCase, mustAccept: boolean) => {
      stats.cases++;
      const needsSession = typeof c.body === "string" && c.body.includes("{sessionId}");
      const text = typeof c.body === "string" && needsSession ? fill(c.body, { sessionId: await checkoutSession() }) : c.body;
      const payload = typeof text === "string" ? wellFormed(text) : text;
      const stamp = Math.floor(now().getTime() / 1000);
      const signed = (secret: string, at = stamp) => signStripePayload(typeof payload === "string" ? payload : Buffer.from(payload).toString("utf8"), secret, at);
      const headers: Record<string, string> = {};
      const sig = c.signature;
      if (sig === "valid") headers["Stripe-Signature"] = signed(fake.webhookSecret);
      else if (sig === "stale") headers["Stripe-Signature"] = signed(fake.webhookSecret, stamp - 3_600);
      else if (sig === "wrong-secret") headers["Stripe-Signature"] = signed("whsec_not_ours");
      else if (sig === "tampered") headers["Stripe-Signature"] = signed(fake.webhookSecret);
      else if (sig) headers["Stripe-Signature"] = sig.raw.replace(/[^\x20-\x7e\x80-\xff]/g, "?");
      const body = sig === "tampered" ? (typeof payload === "string" ? `${payload} ` : new Uint8Array([...payload, 32])) : payload;
      // Server to server: no Origin, no Sec-Fetch-Site (as Stripe sends it).
      const req = new Request(`${ORIGIN}/webhooks/stripe`, {
        method: "POST",
        headers: { ...headers, ...(c.contentType ? { "Content-Type": c.contentType } : {}) },
        body: typeof body === "string" ? body : Uint8Array.from(body),
      });
      const before = c.signed ? undefined : await snapshotDatabase(ctx.db);
      const res = await app.handler(req);
      const answer = await res.text();
      await ctx.settle();
      if (res.status >= 500) fail(`answered ${res.status} ${serverError(answer)}`);
      if (c.signed) {
        stats.valid++;
        if (res.status !== 200) {
          if (mustAccept) fail(`a signed event was not accepted: ${res.status} ${answer.slice(0, 200)}`);
          return;
        }
        stats.accepted++;
        const event = await ctx.db.stripeEvent.findUnique({ where: { id: c.eventId! } });
        if (!event?.processedAt) fail(`signed event ${c.eventId} answered 200 but is not stored as processed`);
        return;
      }
      if (res.status < 400) fail(`an unsigned or tampered body was answered ${res.status}: ${answer.slice(0, 200)}`);
      const changed = changedTables(before!, await snapshotDatabase(ctx.db));
      if (changed.length) fail(`a refused webhook changed ${changed.join(", ")}`);
      stats.refused++;
    };
    await check("routes/webhooks.stripe, signed events", signedWebhook, VALID_RUNS, (c) => send(c, true));
    await check("routes/webhooks.stripe, hostile bodies", hostileWebhook, HOSTILE_RUNS * 2, (c) => send(c, false));
    expect(stats.accepted, "no signed event was accepted and stored").toBeGreaterThan(0);
  }, 120_000);

  it("stored text renders escaped wherever it is shown", async () => {
    const mensen = FORM_ACTIONS.find((a) => a.route === "routes/bestuur.mensen")!;
    const payments = FORM_ACTIONS.find((a) => a.route === "routes/dev.payments")!;
    const targets = [
      { entry: mensen, variant: mensen.variants.find((v) => v.name === "invite")!, field: "name",
        fields: (text: string): Fields => [["intent", "invite"], ["email", `${fresh("xss-")}@guards.example`], ["name", text], ["role", "BOARD"]] },
      { entry: payments, variant: payments.variants.find((v) => v.name === "create")!, field: "description",
        fields: (text: string): Fields => [["intent", "create"], ["amount", "12,50"], ["description", text], ["methods", "card"]] },
    ];
    for (const { entry, variant, fields, field } of targets) {
      const schema = app.routes.find((r) => r.id === entry.route)!.module.actionSchema as z.ZodType;
      for (const text of MARKUP) {
        const fx = await variant.prepare(ctx);
        const req = post(entry.path, new URLSearchParams(fields(text).map(([n, v]) => [n, String(v)])), null, {}, fx.cookie);
        const verdict = judge(entry, schema, await formOf(req));
        expect(verdict.ok, `${entry.route}: ${text} should be valid input`).toBe(true);
        const res = await app.handler(req);
        const html = await res.text();
        await ctx.settle();
        expect(variant.accepted(res), `${entry.route} (${variant.name}) refused ${text}: ${res.status}`).toBe(true);
        checkEscaped(html, `the answer of ${entry.route}`);
        const value = verdict.ok ? verdict.value : {};
        expect(await variant.stored(ctx, fx, value, res)).toBeNull();
        await checkPages(await variant.shownOn!(ctx, fx, value, res), String(value[field]));
      }
    }
  }, 60_000);
});

describe("the hostile-input guard bites", () => {
  it("reports, by name, a planted action that trusts its input", async () => {
    const planted = plantRoutes(app, [
      {
        id: "routes/guards-bite.echo",
        path: "guards-bite/echo",
        module: {
          actionSchema: z.object({ name: z.string().trim().min(1).max(40) }),
          // Deliberately broken: no parsing (a crash on anything unexpected) and the name echoed unescaped.
          action: async ({ request }: { request: Request }) => {
            const name = (await request.formData()).get("name");
            if (typeof name !== "string" || name.length > 40) throw new Error("guards-bite: unchecked input");
            return new Response(`<p>${name}</p>`, { headers: { "Content-Type": "text/html; charset=utf-8" } });
          },
        },
      },
    ]);
    const entry: FormAction = {
      route: "routes/guards-bite.echo",
      path: "/guards-bite/echo",
      reads: { as: "entries" },
      refusal: "4xx",
      fields: ["name"],
      tables: [],
      variants: [
        { name: "echo", valid: fc.constant<Fields>([["name", "Hallo"]]), prepare: async () => ({ values: {} }), accepted: (res) => res.status === 200, stored: async () => null },
      ],
    };
    const schema = planted.routes[0]!.module.actionSchema as z.ZodType;
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    caseApp = planted.app;
    let report = "";
    try {
      await check(`${entry.route}, hostile input`, hostileCases(entry), 12, (c) => runCase(entry, schema, c, false), 1);
    } catch (error) {
      report = error instanceof Error ? error.message : String(error);
    } finally {
      caseApp = undefined;
      quiet.mockRestore();
      // The planted route is no part of the real figures.
      const at = failures.indexOf(`${entry.route}, hostile input`);
      if (at >= 0) failures.splice(at, 1);
      figures.delete(`${entry.route}#echo`);
    }
    expect(report, "the hostile-input guard let the planted action pass").toContain("routes/guards-bite.echo, hostile input:");
    recordBite("hostile-input", "routes/guards-bite.echo (an action that trusts its input)", report);
  }, 120_000);
});

async function checkoutSession(): Promise<string> {
  const form = FORM_ACTIONS.find((a) => a.route === "routes/dev.stripe.checkout.$sessionId")!;
  return (await form.variants[0]!.prepare(ctx)).values.sessionId!;
}

// ---------------------------------------------------------------------------------------------
// Report

function recordFigures() {
  const all = [...figures.entries()];
  if (!all.length) return;
  const actions = new Set(all.map(([key]) => key.split("#")[0]));
  const cases = all.reduce((n, [, s]) => n + s.cases, 0);
  const accepted = all.reduce((n, [, s]) => n + s.accepted, 0);
  const refused = all.reduce((n, [, s]) => n + s.refused, 0);
  const line =
    `${actions.size} actions (${all.length} forms) fuzzed with ${cases} cases, seed ${SEED}: ${accepted} valid accepted and stored, ` +
    `${refused} refused without a write${failures.length ? `; FAILED: ${failures.join("; ")}` : ", no 5xx, no raw markup"}`;
  const perForm = all.map(([key, s]) => [
    key,
    [`${s.cases} cases`, `${s.valid} valid`, `${s.accepted} accepted`, `${s.refused} refused`, ...Object.entries(s.byEncoding).map(([k, n]) => `${k} ${n}`)],
  ]);
  recordGuard("hostile-input", line, { actions: actions.size, forms: all.length, cases, accepted, refused, seed: SEED, ...Object.fromEntries(perForm) });
}
