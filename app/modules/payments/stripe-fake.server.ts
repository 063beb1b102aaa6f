// A local stand-in for the part of Stripe's API the portal uses, so the production code paths
// (the real Stripe SDK, signed webhooks, re-reads) run unchanged without a Stripe account.
//
// It speaks Stripe's wire format: form-encoded request bodies with bracketed keys, Stripe-shaped
// JSON objects (typed with the SDK's own types), Stripe-shaped errors, Idempotency-Key replay,
// and webhook events signed like Stripe's (`Stripe-Signature: t=…,v1=HMAC-SHA256`) and retried
// on any non-2xx answer. Covered: Checkout Sessions (create, retrieve, list, expire), PaymentIntents
// (retrieve), Refunds (create, retrieve, list) and Events (retrieve).
//
// Development and test stand-in only: its state lives in this process's memory and is gone on
// restart; with several app instances each would have its own fake. It listens on 127.0.0.1 only.
//
// Besides the API it has "tester" endpoints under /_fake/ that the simulated checkout page
// (app/routes/dev.stripe.checkout.$sessionId.tsx) calls to pay, fail, abandon or expire a
// session, and to settle a SEPA Direct Debit later.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { now } from "~/utils/clock.server";

export const STRIPE_FAKE_SECRET_KEY = "sk_test_vrienden_local_fake";
export const FAKE_CHECKOUT_METHODS = ["card", "ideal", "sepa_debit"] as const;
export type FakeCheckoutMethod = (typeof FAKE_CHECKOUT_METHODS)[number];
/** Methods whose money arrives days after checkout completes. */
const DELAYED_METHODS: ReadonlySet<FakeCheckoutMethod> = new Set(["sepa_debit"]);
/** Stripe's defaults for the retry schedule are hours apart; a local tester wants seconds. */
const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 5 * 60_000, 30 * 60_000];

export type StripeFakeOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Base of the app: the checkout page lives at `${appUrl}/dev/stripe/checkout/<id>`. */
  appUrl?: string;
  /** Where signed events go; default `${appUrl}/webhooks/stripe`. */
  webhookUrl?: string;
  /** Signing secret; default a generated `whsec_…` (read it back from the returned handle). */
  webhookSecret?: string;
  /** Deliver in-process instead of over HTTP (tests call the route's action with it). */
  deliver?: (request: Request) => Promise<Response>;
  /** Delay before each retry of a failed delivery; after the last one the event is given up. */
  retryDelaysMs?: number[];
  /** How often open sessions past their expires_at are expired; 0 turns the timer off. */
  autoExpireIntervalMs?: number;
  log?: (message: string) => void;
};

export type FakeDelivery = { eventId: string; type: string; attempt: number; status: number; at: Date };

export type FakeCheckoutView = {
  id: string;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid";
  amountTotal: number;
  currency: string;
  description: string;
  methods: FakeCheckoutMethod[];
  expiresAt: number;
  successUrl: string | null;
  cancelUrl: string | null;
  locale: string | null;
  paymentIntent: { id: string; status: string; method: FakeCheckoutMethod | null; lastError: string | null } | null;
};

export type FakeTesterResult = { session: FakeCheckoutView; redirectTo: string | null };

export type StripeFake = {
  url: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  webhookUrl: string;
  stop(): Promise<void>;
  /** The customer pays (card/iDEAL succeed at once; SEPA completes checkout and starts processing). */
  pay(sessionId: string, method?: FakeCheckoutMethod): FakeTesterResult;
  /** The customer's attempt is declined; the session stays open for another try. */
  fail(sessionId: string, method?: FakeCheckoutMethod): FakeTesterResult;
  /** The customer leaves for the cancel URL; as at Stripe the session stays open until it expires. */
  abandon(sessionId: string): FakeTesterResult;
  /** A delayed (SEPA) payment succeeds or fails days later. */
  settle(sessionId: string, outcome: "succeeded" | "failed"): FakeTesterResult;
  expire(sessionId: string): FakeTesterResult;
  /** Expire open sessions whose expires_at has passed (by the app clock); returns how many. */
  expireDue(): number;
  /** Resolves when every event is delivered or given up (including scheduled retries). */
  flush(): Promise<void>;
  readonly deliveries: readonly FakeDelivery[];
  readonly events: readonly Stripe.Event[];
};

// ---------------------------------------------------------------------------------------------
// Where the running fake is, for getStripe() (kept on globalThis: the app's module graph and the
// server's may each load this file, and Vite reloads it in development).

export type RunningStripeFake = { url: string; port: number; secretKey: string; webhookSecret: string };
const store = globalThis as unknown as { __vriendenStripeFake?: RunningStripeFake };

export function getRunningStripeFake(): RunningStripeFake | undefined {
  return store.__vriendenStripeFake;
}

// ---------------------------------------------------------------------------------------------
// Errors in Stripe's shape: {"error": {"type", "message", "code"?, "param"?}}

class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://docs.stripe.com/error-codes/${this.code.replace(/_/g, "-")}` } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

const invalid = (message: string, param?: string, code?: string) =>
  new FakeStripeError(400, "invalid_request_error", message, code, param);
const missing = (kind: string, id: string, param = "id") =>
  new FakeStripeError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", param);

// ---------------------------------------------------------------------------------------------
// Form bodies as the SDK sends them: a[b][0][c]=v (and a[]=v).

type Param = string | Param[] | { [key: string]: Param };
type ParamObject = { [key: string]: Param };

export function parseStripeForm(body: string): ParamObject {
  const root: ParamObject = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!match) continue;
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: ParamObject = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i] === "" ? String(Object.keys(node).length) : path[i]!;
      if (i === path.length - 1) {
        node[key] = value;
      } else {
        const next = node[key];
        if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next;
        else node = node[key] = {};
      }
    }
  }
  return arraysFromIndexedObjects(root);
}

function arraysFromIndexedObjects(object: ParamObject): ParamObject {
  const out: ParamObject = {};
  for (const [key, value] of Object.entries(object)) out[key] = normalizeParam(value);
  return out;
}

function normalizeParam(value: Param): Param {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const indexed = keys.length > 0 && keys.every((k, i) => k === String(i));
  if (indexed) return keys.map((k) => normalizeParam(value[k]!));
  return arraysFromIndexedObjects(value);
}

/** Typed reading of one parameter, with Stripe's error messages and bracketed param names. */
class ParamReader {
  constructor(
    private readonly value: Param | undefined,
    readonly name: string,
  ) {}
  static of(params: ParamObject) {
    return new ParamReader(params, "");
  }
  get present() {
    return this.value !== undefined && this.value !== "";
  }
  field(key: string): ParamReader {
    const child = typeof this.value === "object" && !Array.isArray(this.value) ? this.value[key] : undefined;
    return new ParamReader(child, this.name ? `${this.name}[${key}]` : key);
  }
  string(): string | undefined {
    if (this.value === undefined || this.value === "") return undefined;
    if (typeof this.value !== "string") throw invalid(`Invalid string: ${this.name}`, this.name);
    return this.value;
  }
  requiredString(): string {
    const v = this.string();
    if (v === undefined) throw invalid(`Missing required param: ${this.name}.`, this.name, "parameter_missing");
    return v;
  }
  integer(): number | undefined {
    const v = this.string();
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) throw invalid(`Invalid integer: ${v}`, this.name, "parameter_invalid_integer");
    return Number(v);
  }
  requiredInteger(): number {
    const v = this.integer();
    if (v === undefined) throw invalid(`Missing required param: ${this.name}.`, this.name, "parameter_missing");
    return v;
  }
  list(): ParamReader[] {
    if (this.value === undefined || this.value === "") return [];
    if (!Array.isArray(this.value)) throw invalid(`Invalid array: ${this.name}`, this.name);
    return this.value.map((v, i) => new ParamReader(v, `${this.name}[${i}]`));
  }
  stringList(): string[] {
    return this.list().map((item) => item.requiredString());
  }
  metadata(): Record<string, string> {
    if (this.value === undefined || this.value === "") return {};
    if (typeof this.value !== "object" || Array.isArray(this.value)) throw invalid(`Invalid hash: ${this.name}`, this.name);
    const out: Record<string, string> = {};
    for (const key of Object.keys(this.value)) out[key] = this.field(key).string() ?? "";
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// State

type SessionRecord = {
  id: string;
  created: number;
  expiresAt: number;
  currency: string;
  amountTotal: number;
  description: string;
  allowedMethods: FakeCheckoutMethod[] | null;
  methods: FakeCheckoutMethod[];
  successUrl: string | null;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  customerEmail: string | null;
  locale: string | null;
  intentDescription: string | null;
  intentMetadata: Record<string, string>;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid";
  paymentIntentId: string | null;
};

type IntentRecord = {
  id: string;
  created: number;
  amount: number;
  amountReceived: number;
  currency: string;
  description: string | null;
  metadata: Record<string, string>;
  methods: FakeCheckoutMethod[];
  method: FakeCheckoutMethod | null;
  status: Stripe.PaymentIntent.Status;
  lastError: Stripe.PaymentIntent.LastPaymentError | null;
  canceledAt: number | null;
  latestCharge: string | null;
  paymentMethod: string | null;
};

type RefundRecord = {
  id: string;
  created: number;
  amount: number;
  currency: string;
  paymentIntentId: string;
  charge: string | null;
  reason: Stripe.Refund.Reason | null;
  status: "succeeded" | "pending" | "failed";
  metadata: Record<string, string>;
};

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const byte of bytes) out += ALPHANUMERIC[byte % ALPHANUMERIC.length];
  return `${prefix}_${out}`;
}

const unixNow = () => Math.floor(now().getTime() / 1000);
const isFakeMethod = (value: string): value is FakeCheckoutMethod =>
  (FAKE_CHECKOUT_METHODS as readonly string[]).includes(value);

const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"] as const;
const isRefundReason = (value: string): value is (typeof REFUND_REASONS)[number] =>
  (REFUND_REASONS as readonly string[]).includes(value);

/** Compute a `Stripe-Signature` header the way Stripe does. */
export function signStripePayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

class FakeStripe {
  readonly sessions = new Map<string, SessionRecord>();
  readonly intents = new Map<string, IntentRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly eventsById = new Map<string, Stripe.Event>();
  readonly events: Stripe.Event[] = [];
  readonly deliveries: FakeDelivery[] = [];
  private readonly idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private deliveryChain: Promise<void> = Promise.resolve();
  private pending = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly appUrl: string,
    readonly webhookUrl: string,
    readonly webhookSecret: string,
    private readonly options: StripeFakeOptions,
    private readonly log: (message: string) => void,
  ) {}

  // -- API: Checkout Sessions ------------------------------------------------------------------

  createSession(params: ParamObject): Stripe.Checkout.Session {
    const p = ParamReader.of(params);
    const mode = p.field("mode").requiredString();
    if (mode !== "payment") throw invalid(`The local Stripe fake supports mode=payment only (got ${mode}).`, "mode");
    const items = p.field("line_items").list();
    if (items.length === 0) throw invalid("Missing required param: line_items.", "line_items", "parameter_missing");
    let currency: string | undefined;
    let total = 0;
    const names: string[] = [];
    for (const item of items) {
      if (item.field("price").present) {
        throw invalid("The local Stripe fake supports line_items[].price_data only, not Price ids.", `${item.name}[price]`);
      }
      const data = item.field("price_data");
      const itemCurrency = data.field("currency").requiredString().toLowerCase();
      if (currency && itemCurrency !== currency) throw invalid("All line items must use the same currency.", data.field("currency").name);
      currency = itemCurrency;
      const unitAmount = data.field("unit_amount").requiredInteger();
      if (unitAmount < 0) throw invalid("This value must be greater than or equal to 0.", data.field("unit_amount").name);
      const quantity = item.field("quantity").integer() ?? 1;
      if (quantity < 1) throw invalid("This value must be greater than or equal to 1.", item.field("quantity").name);
      names.push(data.field("product_data").field("name").requiredString());
      total += unitAmount * quantity;
    }
    if (currency === "eur" && total < 50) throw invalid("The Checkout Session's total amount due must add up to at least €0.50 eur", "line_items", "amount_too_small");

    const allowed = p.field("allowed_payment_method_types").stringList();
    for (const [i, method] of allowed.entries()) {
      if (!isFakeMethod(method)) {
        throw invalid(`The local Stripe fake does not support the payment method type "${method}".`, `allowed_payment_method_types[${i}]`);
      }
      if (method !== "card" && currency !== "eur") {
        throw invalid(`The payment method type "${method}" only supports eur.`, `allowed_payment_method_types[${i}]`);
      }
    }
    const allowedMethods = allowed.filter(isFakeMethod);
    const methods: FakeCheckoutMethod[] = allowedMethods.length ? allowedMethods : currency === "eur" ? ["card", "ideal"] : ["card"];

    const created = unixNow();
    const expiresAt = p.field("expires_at").integer() ?? created + 24 * 3600;
    if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600) {
      throw invalid("The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.", "expires_at");
    }
    const successUrl = p.field("success_url").string() ?? null;
    const cancelUrl = p.field("cancel_url").string() ?? null;
    for (const [param, url] of [["success_url", successUrl], ["cancel_url", cancelUrl]] as const) {
      if (url !== null && !/^https?:\/\/[^\s]+$/.test(url)) throw invalid("Not a valid URL", param, "url_invalid");
    }
    if (!successUrl) throw invalid("Missing required param: success_url.", "success_url", "parameter_missing");

    const record: SessionRecord = {
      id: stripeId("cs_test", 58),
      created,
      expiresAt,
      currency: currency ?? "eur",
      amountTotal: total,
      description: names.join(", "),
      allowedMethods: allowedMethods.length ? allowedMethods : null,
      methods,
      successUrl,
      cancelUrl,
      clientReferenceId: p.field("client_reference_id").string() ?? null,
      metadata: p.field("metadata").metadata(),
      customerEmail: p.field("customer_email").string() ?? null,
      locale: p.field("locale").string() ?? null,
      intentDescription: p.field("payment_intent_data").field("description").string() ?? null,
      intentMetadata: p.field("payment_intent_data").field("metadata").metadata(),
      status: "open",
      paymentStatus: "unpaid",
      paymentIntentId: null,
    };
    this.sessions.set(record.id, record);
    return this.renderSession(record, []);
  }

  retrieveSession(id: string, expand: string[]): Stripe.Checkout.Session {
    return this.renderSession(this.session(id), expand);
  }

  listSessions(query: ParamObject): Stripe.ApiList<Stripe.Checkout.Session> {
    const q = ParamReader.of(query);
    const paymentIntent = q.field("payment_intent").string();
    const status = q.field("status").string();
    const limit = Math.min(Math.max(q.field("limit").integer() ?? 10, 1), 100);
    const matching = [...this.sessions.values()]
      .filter((s) => (!paymentIntent || s.paymentIntentId === paymentIntent) && (!status || s.status === status))
      .sort((a, b) => b.created - a.created);
    return {
      object: "list",
      data: matching.slice(0, limit).map((s) => this.renderSession(s, q.field("expand").stringList())),
      has_more: matching.length > limit,
      url: "/v1/checkout/sessions",
    };
  }

  expireSession(id: string): Stripe.Checkout.Session {
    const session = this.session(id);
    if (session.status !== "open") {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This session has status "${session.status}".`);
    }
    this.markExpired(session);
    return this.renderSession(session, []);
  }

  expireDue(): number {
    const at = unixNow();
    let count = 0;
    for (const session of this.sessions.values()) {
      if (session.status === "open" && session.expiresAt <= at) {
        this.markExpired(session);
        count++;
      }
    }
    return count;
  }

  private markExpired(session: SessionRecord) {
    session.status = "expired";
    this.emit("checkout.session.expired", session);
    const intent = session.paymentIntentId ? this.intents.get(session.paymentIntentId) : undefined;
    if (intent && intent.status !== "succeeded" && intent.status !== "canceled") {
      intent.status = "canceled";
      intent.canceledAt = unixNow();
      this.emitIntent("payment_intent.canceled", intent);
    }
  }

  // -- API: PaymentIntents, Refunds, Events ----------------------------------------------------

  retrieveIntent(id: string): Stripe.PaymentIntent {
    const intent = this.intents.get(id);
    if (!intent) throw missing("payment_intent", id);
    return this.renderIntent(intent);
  }

  createRefund(params: ParamObject): Stripe.Refund {
    const p = ParamReader.of(params);
    if (p.field("charge").present) throw invalid("The local Stripe fake refunds by payment_intent only.", "charge");
    const intentId = p.field("payment_intent").requiredString();
    const intent = this.intents.get(intentId);
    if (!intent) throw missing("payment_intent", intentId, "payment_intent");
    if (intent.status !== "succeeded") {
      throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
    }
    const refunded = this.refundedAmount(intent.id);
    const remaining = intent.amountReceived - refunded;
    if (remaining <= 0) throw invalid(`Charge ${intent.latestCharge} has already been refunded.`, undefined, "charge_already_refunded");
    const amount = p.field("amount").integer() ?? remaining;
    if (amount < 1) throw invalid("Refund amount must be at least 1.", "amount");
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, "amount", "amount_too_large");
    }
    const reason = p.field("reason").string();
    if (reason !== undefined && !isRefundReason(reason)) throw invalid(`Invalid reason: ${reason}`, "reason");
    const refund: RefundRecord = {
      id: stripeId("re"),
      created: unixNow(),
      amount,
      currency: intent.currency,
      paymentIntentId: intent.id,
      charge: intent.latestCharge,
      reason: reason ?? null,
      // SEPA refunds take days at Stripe; the fake settles every refund at once.
      status: "succeeded",
      metadata: p.field("metadata").metadata(),
    };
    this.refunds.set(refund.id, refund);
    this.emitRefund(refund);
    return this.renderRefund(refund);
  }

  retrieveRefund(id: string): Stripe.Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw missing("refund", id);
    return this.renderRefund(refund);
  }

  listRefunds(query: ParamObject): Stripe.ApiList<Stripe.Refund> {
    const q = ParamReader.of(query);
    const intentId = q.field("payment_intent").string();
    const limit = Math.min(Math.max(q.field("limit").integer() ?? 10, 1), 100);
    const matching = [...this.refunds.values()]
      .filter((r) => !intentId || r.paymentIntentId === intentId)
      .sort((a, b) => b.created - a.created);
    return { object: "list", data: matching.slice(0, limit).map((r) => this.renderRefund(r)), has_more: matching.length > limit, url: "/v1/refunds" };
  }

  retrieveEvent(id: string): Stripe.Event {
    const event = this.eventsById.get(id);
    if (!event) throw missing("event", id);
    return event;
  }

  private refundedAmount(intentId: string): number {
    let sum = 0;
    for (const r of this.refunds.values()) if (r.paymentIntentId === intentId && r.status === "succeeded") sum += r.amount;
    return sum;
  }

  // -- Tester actions (the simulated checkout page) --------------------------------------------

  pay(id: string, requested?: FakeCheckoutMethod): FakeTesterResult {
    const session = this.openSession(id);
    const method = this.pickMethod(session, requested);
    const intent = this.intentFor(session, method);
    intent.lastError = null;
    intent.paymentMethod = stripeId("pm");
    session.status = "complete";
    if (DELAYED_METHODS.has(method)) {
      intent.status = "processing";
      this.emitIntent("payment_intent.processing", intent);
      this.emit("checkout.session.completed", session);
    } else {
      this.succeedIntent(intent);
      session.paymentStatus = "paid";
      this.emitIntent("payment_intent.succeeded", intent);
      this.emit("checkout.session.completed", session);
    }
    return { session: this.view(session), redirectTo: this.successRedirect(session) };
  }

  fail(id: string, requested?: FakeCheckoutMethod): FakeTesterResult {
    const session = this.openSession(id);
    const method = this.pickMethod(session, requested);
    const intent = this.intentFor(session, method);
    intent.status = "requires_payment_method";
    intent.paymentMethod = null;
    intent.lastError =
      method === "card"
        ? { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined.", payment_method_type: "card" }
        : { type: "invalid_request_error", code: "payment_intent_payment_attempt_failed", message: "The payment was not authorised (simulated).", payment_method_type: method };
    this.emitIntent("payment_intent.payment_failed", intent);
    return { session: this.view(session), redirectTo: null };
  }

  abandon(id: string): FakeTesterResult {
    const session = this.session(id);
    // As at Stripe: leaving the page does not end the session; it expires at expires_at.
    return { session: this.view(session), redirectTo: session.cancelUrl };
  }

  settle(id: string, outcome: "succeeded" | "failed"): FakeTesterResult {
    const session = this.session(id);
    const intent = session.paymentIntentId ? this.intents.get(session.paymentIntentId) : undefined;
    if (session.status !== "complete" || !intent || intent.status !== "processing") {
      throw invalid("Only a completed Checkout Session whose payment is processing (SEPA Direct Debit) can be settled.");
    }
    if (outcome === "succeeded") {
      this.succeedIntent(intent);
      session.paymentStatus = "paid";
      this.emitIntent("payment_intent.succeeded", intent);
      this.emit("checkout.session.async_payment_succeeded", session);
    } else {
      intent.status = "requires_payment_method";
      intent.lastError = {
        type: "invalid_request_error",
        code: "payment_method_provider_decline",
        message: "The SEPA Direct Debit was returned by the customer's bank (simulated).",
        payment_method_type: intent.method ?? "sepa_debit",
      };
      this.emitIntent("payment_intent.payment_failed", intent);
      this.emit("checkout.session.async_payment_failed", session);
    }
    return { session: this.view(session), redirectTo: null };
  }

  expireForTester(id: string): FakeTesterResult {
    this.expireSession(id);
    const session = this.session(id);
    return { session: this.view(session), redirectTo: session.cancelUrl };
  }

  view(session: SessionRecord): FakeCheckoutView {
    const intent = session.paymentIntentId ? this.intents.get(session.paymentIntentId) : undefined;
    return {
      id: session.id,
      status: session.status,
      paymentStatus: session.paymentStatus,
      amountTotal: session.amountTotal,
      currency: session.currency,
      description: session.description,
      methods: session.methods,
      expiresAt: session.expiresAt,
      successUrl: session.successUrl ? this.successRedirect(session) : null,
      cancelUrl: session.cancelUrl,
      locale: session.locale,
      paymentIntent: intent
        ? { id: intent.id, status: intent.status, method: intent.method, lastError: intent.lastError?.message ?? null }
        : null,
    };
  }

  session(id: string): SessionRecord {
    const session = this.sessions.get(id);
    if (!session) throw missing("checkout.session", id);
    return session;
  }

  private openSession(id: string): SessionRecord {
    const session = this.session(id);
    if (session.status !== "open") throw invalid(`This Checkout Session is ${session.status} and can no longer be paid.`);
    if (session.expiresAt <= unixNow()) {
      this.markExpired(session);
      throw invalid("This Checkout Session has expired and can no longer be paid.");
    }
    return session;
  }

  private pickMethod(session: SessionRecord, requested?: FakeCheckoutMethod): FakeCheckoutMethod {
    const method = requested ?? session.methods[0]!;
    if (!session.methods.includes(method)) throw invalid(`The payment method type "${method}" is not allowed on this Checkout Session.`);
    return method;
  }

  /** Since API 2022-08-01 Checkout creates the PaymentIntent on the first attempt to pay. */
  private intentFor(session: SessionRecord, method: FakeCheckoutMethod): IntentRecord {
    let intent = session.paymentIntentId ? this.intents.get(session.paymentIntentId) : undefined;
    if (!intent) {
      intent = {
        id: stripeId("pi"),
        created: unixNow(),
        amount: session.amountTotal,
        amountReceived: 0,
        currency: session.currency,
        description: session.intentDescription,
        metadata: { ...session.intentMetadata },
        methods: session.methods,
        method,
        status: "requires_payment_method",
        lastError: null,
        canceledAt: null,
        latestCharge: null,
        paymentMethod: null,
      };
      this.intents.set(intent.id, intent);
      session.paymentIntentId = intent.id;
      this.emitIntent("payment_intent.created", intent);
    }
    intent.method = method;
    return intent;
  }

  private succeedIntent(intent: IntentRecord) {
    intent.status = "succeeded";
    intent.amountReceived = intent.amount;
    intent.lastError = null;
    intent.latestCharge ??= stripeId("ch");
  }

  private successRedirect(session: SessionRecord): string | null {
    return session.successUrl ? session.successUrl.replaceAll("{CHECKOUT_SESSION_ID}", session.id) : null;
  }

  // -- Rendering as Stripe objects -------------------------------------------------------------

  renderSession(session: SessionRecord, expand: string[]): Stripe.Checkout.Session {
    const intent = session.paymentIntentId ? this.intents.get(session.paymentIntentId) : undefined;
    return {
      id: session.id,
      object: "checkout.session",
      adaptive_pricing: null,
      after_expiration: null,
      allow_promotion_codes: null,
      allowed_payment_method_types: session.allowedMethods,
      amount_subtotal: session.amountTotal,
      amount_total: session.amountTotal,
      automatic_tax: { enabled: false, liability: null, provider: null, status: null },
      billing_address_collection: null,
      cancel_url: session.cancelUrl,
      client_reference_id: session.clientReferenceId,
      client_secret: null,
      collected_information: null,
      consent: null,
      consent_collection: null,
      created: session.created,
      currency: session.currency,
      currency_conversion: null,
      custom_fields: [],
      custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
      customer: null,
      customer_account: null,
      customer_creation: "if_required",
      customer_details: null,
      customer_email: session.customerEmail,
      discounts: [],
      expires_at: session.expiresAt,
      integration_identifier: null,
      invoice: null,
      invoice_creation: null,
      livemode: false,
      locale: session.locale,
      managed_payments: null,
      metadata: { ...session.metadata },
      mode: "payment",
      origin_context: null,
      payment_intent: intent ? (expand.includes("payment_intent") ? this.renderIntent(intent) : intent.id) : null,
      payment_link: null,
      payment_method_collection: "if_required",
      payment_method_configuration_details: null,
      payment_method_options: null,
      payment_method_types: [...session.methods],
      payment_status: session.paymentStatus,
      permissions: null,
      recovered_from: null,
      saved_payment_method_options: null,
      setup_intent: null,
      shipping_address_collection: null,
      shipping_cost: null,
      shipping_options: [],
      status: session.status,
      submit_type: null,
      subscription: null,
      success_url: session.successUrl,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      ui_mode: "hosted_page",
      url: session.status === "open" ? `${this.appUrl}/dev/stripe/checkout/${session.id}` : null,
      wallet_options: null,
    };
  }

  renderIntent(intent: IntentRecord): Stripe.PaymentIntent {
    return {
      id: intent.id,
      object: "payment_intent",
      allowed_payment_method_types: null,
      amount: intent.amount,
      amount_capturable: 0,
      amount_received: intent.amountReceived,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: null,
      canceled_at: intent.canceledAt,
      cancellation_reason: intent.status === "canceled" ? "abandoned" : null,
      capture_method: "automatic",
      client_secret: `${intent.id}_secret_${intent.id.slice(-8)}`,
      confirmation_method: "automatic",
      created: intent.created,
      currency: intent.currency,
      customer: null,
      customer_account: null,
      description: intent.description,
      excluded_payment_method_types: null,
      last_payment_error: intent.lastError,
      latest_charge: intent.latestCharge,
      livemode: false,
      managed_payments: null,
      metadata: { ...intent.metadata },
      next_action: null,
      on_behalf_of: null,
      payment_method: intent.paymentMethod,
      payment_method_configuration_details: null,
      payment_method_options: null,
      payment_method_types: intent.method ? [intent.method] : [...intent.methods],
      payment_record: null,
      processing: null,
      receipt_email: null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status: intent.status,
      transfer_group: null,
    };
  }

  renderRefund(refund: RefundRecord): Stripe.Refund {
    return {
      id: refund.id,
      object: "refund",
      amount: refund.amount,
      balance_transaction: null,
      charge: refund.charge,
      created: refund.created,
      currency: refund.currency,
      customer: null,
      customer_account: null,
      metadata: { ...refund.metadata },
      payment_intent: refund.paymentIntentId,
      payment_method: null,
      reason: refund.reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: refund.status,
      transfer_reversal: null,
    };
  }

  // -- Events and signed delivery --------------------------------------------------------------

  private eventBase() {
    return {
      id: stripeId("evt"),
      object: "event" as const,
      api_version: Stripe.API_VERSION,
      created: unixNow(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: stripeId("req", 14), idempotency_key: null },
    };
  }

  private emit(
    type: "checkout.session.completed" | "checkout.session.expired" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed",
    session: SessionRecord,
  ) {
    const object = this.renderSession(session, []);
    const base = this.eventBase();
    let event: Stripe.Event;
    switch (type) {
      case "checkout.session.completed":
        event = { ...base, type, data: { object } };
        break;
      case "checkout.session.expired":
        event = { ...base, type, data: { object } };
        break;
      case "checkout.session.async_payment_succeeded":
        event = { ...base, type, data: { object } };
        break;
      case "checkout.session.async_payment_failed":
        event = { ...base, type, data: { object } };
        break;
    }
    this.publish(event);
  }

  private emitIntent(
    type: "payment_intent.created" | "payment_intent.processing" | "payment_intent.succeeded" | "payment_intent.payment_failed" | "payment_intent.canceled",
    intent: IntentRecord,
  ) {
    const object = this.renderIntent(intent);
    const base = this.eventBase();
    let event: Stripe.Event;
    switch (type) {
      case "payment_intent.created":
        event = { ...base, type, data: { object } };
        break;
      case "payment_intent.processing":
        event = { ...base, type, data: { object } };
        break;
      case "payment_intent.succeeded":
        event = { ...base, type, data: { object } };
        break;
      case "payment_intent.payment_failed":
        event = { ...base, type, data: { object } };
        break;
      case "payment_intent.canceled":
        event = { ...base, type, data: { object } };
        break;
    }
    this.publish(event);
  }

  private emitRefund(refund: RefundRecord) {
    const event: Stripe.RefundCreatedEvent = { ...this.eventBase(), type: "refund.created", data: { object: this.renderRefund(refund) } };
    this.publish(event);
  }

  private publish(event: Stripe.Event) {
    this.events.push(event);
    this.eventsById.set(event.id, event);
    this.pending++;
    // First attempts go out one after another in the order the events happened; retries are
    // independent of each other (Stripe guarantees no order at all).
    this.deliveryChain = this.deliveryChain.then(() => this.attempt(event, 1));
  }

  private async attempt(event: Stripe.Event, attempt: number): Promise<void> {
    if (this.stopped) return this.settled();
    const payload = JSON.stringify(event, null, 2);
    // Every attempt is signed afresh, so a retry hours later is not "stale".
    const signature = signStripePayload(payload, this.webhookSecret, unixNow());
    let status = 0;
    try {
      status = await this.send(payload, signature);
    } catch (error) {
      this.log(`[stripe-fake] delivering ${event.type} ${event.id} failed: ${error instanceof Error ? error.message : error}`);
    }
    this.deliveries.push({ eventId: event.id, type: event.type, attempt, status, at: now() });
    if (status >= 200 && status < 300) return this.settled();
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const delay = delays[attempt - 1];
    if (delay === undefined || this.stopped) {
      this.log(`[stripe-fake] giving up on ${event.type} ${event.id} after ${attempt} attempt(s) (last status ${status || "no answer"})`);
      return this.settled();
    }
    this.log(`[stripe-fake] ${event.type} ${event.id} answered ${status || "nothing"}; retry ${attempt + 1} in ${delay} ms`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(event, attempt + 1);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private async send(payload: string, signature: string): Promise<number> {
    const headers = {
      "Content-Type": "application/json; charset=utf-8",
      "Stripe-Signature": signature,
      "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    };
    if (this.options.deliver) {
      const response = await this.options.deliver(new Request(this.webhookUrl, { method: "POST", headers, body: payload }));
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    }
    const response = await fetch(this.webhookUrl, { method: "POST", headers, body: payload, signal: AbortSignal.timeout(20_000) });
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }

  private settled() {
    this.pending--;
    if (this.pending === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  flush(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  // -- HTTP ------------------------------------------------------------------------------------

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const body = method === "POST" ? await readBody(req) : "";
    const requestId = stripeId("req", 14);
    res.setHeader("Request-Id", requestId);
    res.setHeader("Stripe-Version", Stripe.API_VERSION);
    const send = (status: number, json: unknown, replayed = false) => {
      res.statusCode = status;
      res.setHeader("Content-Type", "application/json");
      if (replayed) res.setHeader("Idempotent-Replayed", "true");
      res.end(JSON.stringify(json, null, 2));
    };
    try {
      const auth = req.headers.authorization ?? "";
      const key = /^Bearer (\S+)$/.exec(auth)?.[1];
      if (!key) {
        throw new FakeStripeError(401, "invalid_request_error", "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
      }
      if (!key.startsWith("sk_test_")) throw new FakeStripeError(401, "invalid_request_error", `Invalid API Key provided: ${key.slice(0, 8)}***; the local Stripe fake accepts test keys only.`);

      const idempotencyKey = method === "POST" ? req.headers["idempotency-key"] : undefined;
      const fingerprint = `${method} ${url.pathname} ${body}`;
      if (typeof idempotencyKey === "string") {
        const earlier = this.idempotency.get(idempotencyKey);
        if (earlier) {
          if (earlier.fingerprint !== fingerprint) {
            throw new FakeStripeError(400, "idempotency_error", `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`);
          }
          return send(earlier.status, earlier.body, true);
        }
      }
      const params = method === "POST" ? parseStripeForm(body) : parseStripeForm(url.search.slice(1));
      const [status, json] = this.route(method, url.pathname, params);
      if (typeof idempotencyKey === "string") {
        this.idempotency.set(idempotencyKey, { fingerprint, status, body: json });
        // Stripe keeps keys for 24 hours; a local stand-in keeps the most recent ones.
        if (this.idempotency.size > 5_000) this.idempotency.delete(this.idempotency.keys().next().value!);
      }
      send(status, json);
    } catch (error) {
      const failure =
        error instanceof FakeStripeError
          ? error
          : new FakeStripeError(500, "api_error", `The local Stripe fake failed: ${error instanceof Error ? error.message : String(error)}`);
      send(failure.status, failure.toJSON());
    }
  }

  private route(method: string, path: string, params: ParamObject): [number, unknown] {
    const p = ParamReader.of(params);
    const expand = p.field("expand").stringList();
    const id = (pattern: RegExp) => {
      const match = pattern.exec(path);
      return match ? decodeURIComponent(match[1]!) : undefined;
    };
    let found: string | undefined;
    if (method === "POST" && path === "/v1/checkout/sessions") return [200, this.createSession(params)];
    if (method === "GET" && path === "/v1/checkout/sessions") return [200, this.listSessions(params)];
    if (method === "GET" && (found = id(/^\/v1\/checkout\/sessions\/([^/]+)$/))) return [200, this.retrieveSession(found, expand)];
    if (method === "POST" && (found = id(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/))) return [200, this.expireSession(found)];
    if (method === "GET" && (found = id(/^\/v1\/payment_intents\/([^/]+)$/))) return [200, this.retrieveIntent(found)];
    if (method === "POST" && path === "/v1/refunds") return [200, this.createRefund(params)];
    if (method === "GET" && path === "/v1/refunds") return [200, this.listRefunds(params)];
    if (method === "GET" && (found = id(/^\/v1\/refunds\/([^/]+)$/))) return [200, this.retrieveRefund(found)];
    if (method === "GET" && (found = id(/^\/v1\/events\/([^/]+)$/))) return [200, this.retrieveEvent(found)];

    // Tester endpoints for the simulated checkout page.
    if (method === "GET" && (found = id(/^\/_fake\/checkout\/sessions\/([^/]+)$/))) return [200, this.view(this.session(found))];
    const tester = /^\/_fake\/checkout\/sessions\/([^/]+)\/(pay|fail|abandon|expire|settle)$/.exec(path);
    if (method === "POST" && tester) {
      const sessionId = decodeURIComponent(tester[1]!);
      const requested = p.field("method").string();
      if (requested !== undefined && !isFakeMethod(requested)) throw invalid(`Unknown payment method type: ${requested}`, "method");
      const chosen = requested !== undefined && isFakeMethod(requested) ? requested : undefined;
      switch (tester[2]) {
        case "pay":
          return [200, this.pay(sessionId, chosen)];
        case "fail":
          return [200, this.fail(sessionId, chosen)];
        case "abandon":
          return [200, this.abandon(sessionId)];
        case "expire":
          return [200, this.expireForTester(sessionId)];
        case "settle": {
          const outcome = p.field("outcome").requiredString();
          if (outcome !== "succeeded" && outcome !== "failed") throw invalid("outcome must be succeeded or failed", "outcome");
          return [200, this.settle(sessionId, outcome)];
        }
      }
    }
    throw new FakeStripeError(
      404,
      "invalid_request_error",
      `Unrecognized request URL (${method}: ${path}). The local Stripe fake covers Checkout Sessions, PaymentIntents (retrieve), Refunds and Events (retrieve) only.`,
    );
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) {
        reject(new FakeStripeError(413, "invalid_request_error", "Request body too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Start the fake on 127.0.0.1. `getStripe()` then talks to it (when no STRIPE_SECRET_KEY is set)
 * and the webhook route verifies with its signing secret (unless STRIPE_WEBHOOK_SECRET is set).
 */
export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const appUrl = (options.appUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  const webhookUrl = options.webhookUrl ?? `${appUrl}/webhooks/stripe`;
  const webhookSecret = options.webhookSecret ?? `whsec_${randomBytes(24).toString("hex")}`;
  const log = options.log ?? ((message: string) => console.log(message));
  const fake = new FakeStripe(appUrl, webhookUrl, webhookSecret, options, log);

  const server: Server = createServer((req, res) => {
    fake.handle(req, res).catch((error) => {
      log(`[stripe-fake] ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const interval = options.autoExpireIntervalMs ?? 5_000;
  const expiryTimer = interval > 0 ? setInterval(() => fake.expireDue(), interval) : undefined;
  expiryTimer?.unref();

  const running: RunningStripeFake = { url, port, secretKey: STRIPE_FAKE_SECRET_KEY, webhookSecret };
  store.__vriendenStripeFake = running;

  return {
    url,
    port,
    secretKey: STRIPE_FAKE_SECRET_KEY,
    webhookSecret,
    webhookUrl,
    async stop() {
      if (expiryTimer) clearInterval(expiryTimer);
      fake.stop();
      if (store.__vriendenStripeFake === running) store.__vriendenStripeFake = undefined;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    pay: (id, method) => fake.pay(id, method),
    fail: (id, method) => fake.fail(id, method),
    abandon: (id) => fake.abandon(id),
    settle: (id, outcome) => fake.settle(id, outcome),
    expire: (id) => fake.expireForTester(id),
    expireDue: () => fake.expireDue(),
    flush: () => fake.flush(),
    get deliveries() {
      return fake.deliveries;
    },
    get events() {
      return fake.events;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Client for the tester endpoints, used by the simulated checkout page.

export type FakeTesterAction =
  | { action: "pay"; method?: FakeCheckoutMethod }
  | { action: "fail"; method?: FakeCheckoutMethod }
  | { action: "abandon" }
  | { action: "expire" }
  | { action: "settle"; outcome: "succeeded" | "failed" };

export class FakeTesterError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function testerRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const running = getRunningStripeFake();
  if (!running) throw new FakeTesterError(503, "The local Stripe fake is not running.");
  const response = await fetch(`${running.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${running.secretKey}`, "Content-Type": "application/x-www-form-urlencoded", ...init.headers },
  });
  // An error from the fake's HTTP server itself (e.g. 431 for a huge URL) has no JSON body.
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message =
      typeof json === "object" && json && "error" in json && typeof json.error === "object" && json.error && "message" in json.error
        ? String(json.error.message)
        : `HTTP ${response.status}`;
    throw new FakeTesterError(response.status, message);
  }
  return json as T;
}

export function getFakeCheckout(sessionId: string): Promise<FakeCheckoutView> {
  return testerRequest<FakeCheckoutView>(`/_fake/checkout/sessions/${encodeURIComponent(sessionId)}`);
}

export function actOnFakeCheckout(sessionId: string, act: FakeTesterAction): Promise<FakeTesterResult> {
  const body = new URLSearchParams();
  if ("method" in act && act.method) body.set("method", act.method);
  if (act.action === "settle") body.set("outcome", act.outcome);
  return testerRequest<FakeTesterResult>(`/_fake/checkout/sessions/${encodeURIComponent(sessionId)}/${act.action}`, {
    method: "POST",
    body: body.toString(),
  });
}
