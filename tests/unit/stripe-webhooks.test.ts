// Stripe webhooks end to end, in-process: the real Stripe SDK talks to the local fake over HTTP,
// the fake signs and delivers events to the route's action (with Stripe-like retries), and the
// events these tests post themselves are typed with the SDK's own types, without casts.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs, enqueue, registeredJobNames } from "~/modules/jobs/jobs.server";
import {
  createCheckout,
  expireCheckout,
  onPaymentStatusChange,
  PaymentError,
  refundPayment,
  syncPaymentBySessionId,
  type CheckoutMethod,
  type PaymentStatusChange,
} from "~/modules/payments/payments.server";
import { reconcileOpenPayments } from "~/modules/payments/reconcile.server";
import { startStripeFake, type StripeFake } from "~/modules/payments/stripe-fake.server";
import { getStripe } from "~/modules/payments/stripe.server";
import { loader as devPaymentsLoader } from "~/routes/dev.payments";
import { loader as devCheckoutLoader } from "~/routes/dev.stripe.checkout.$sessionId";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";

// How the fake's own deliveries reach us: through the route, swallowed (as if sent elsewhere),
// or refused (our endpoint is down).
let delivery: "route" | "drop" | "down" = "route";
let fake: StripeFake;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnv();
  fake = await startStripeFake({
    appUrl: "http://localhost:3000",
    deliver: async (request) => {
      if (delivery === "drop") return new Response("ok", { status: 200 });
      if (delivery === "down") return new Response("unavailable", { status: 503 });
      return webhookAction({ request, params: {}, context: {} });
    },
    retryDelaysMs: [20, 40, 80],
    autoExpireIntervalMs: 0,
    log: () => {},
  });
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  delivery = "route";
});

// ---------------------------------------------------------------------------------------------
// Helpers

const changes: PaymentStatusChange[] = [];
onPaymentStatusChange("test", (change) => {
  changes.push(change);
});

async function newCheckout(options: { purposeType?: string; methods?: CheckoutMethod[]; amountCents?: number } = {}) {
  return createCheckout(
    {
      purposeType: options.purposeType ?? "test",
      purposeId: randomUUID(),
      amountCents: options.amountCents ?? 2500,
      description: "Jaarbijdrage 2026",
      successPath: "/betaald",
      cancelPath: "/afgebroken",
      methods: options.methods ?? ["card", "ideal", "sepa_debit"],
    },
    null,
  );
}

const payment = (id: string) => db.payment.findUniqueOrThrow({ where: { id } });
const paymentEvents = (paymentId: string) => db.paymentEvent.findMany({ where: { paymentId }, orderBy: { at: "asc" } });
const changesFor = (paymentId: string) => changes.filter((c) => c.paymentId === paymentId);

function eventEnvelope(id: string) {
  return {
    id,
    object: "event" as const,
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
}

const evtId = () => `evt_test_${randomUUID().replace(/-/g, "")}`;

function sessionCompleted(session: Stripe.Checkout.Session, id = evtId()): Stripe.CheckoutSessionCompletedEvent {
  return { ...eventEnvelope(id), type: "checkout.session.completed", data: { object: session } };
}

function sessionAsyncSucceeded(session: Stripe.Checkout.Session, id = evtId()): Stripe.CheckoutSessionAsyncPaymentSucceededEvent {
  return { ...eventEnvelope(id), type: "checkout.session.async_payment_succeeded", data: { object: session } };
}

function intentProcessing(intent: Stripe.PaymentIntent, id = evtId()): Stripe.PaymentIntentProcessingEvent {
  return { ...eventEnvelope(id), type: "payment_intent.processing", data: { object: intent } };
}

function intentFailed(intent: Stripe.PaymentIntent, id = evtId()): Stripe.PaymentIntentPaymentFailedEvent {
  return { ...eventEnvelope(id), type: "payment_intent.payment_failed", data: { object: intent } };
}

function intentCreated(intent: Stripe.PaymentIntent, id = evtId()): Stripe.PaymentIntentCreatedEvent {
  return { ...eventEnvelope(id), type: "payment_intent.created", data: { object: intent } };
}

/** A complete Checkout Session as Stripe sends it, built by hand (no SDK call, no casts). */
function checkoutSession(overrides: Partial<Stripe.Checkout.Session> = {}): Stripe.Checkout.Session {
  const session: Stripe.Checkout.Session = {
    id: `cs_test_${randomUUID().replace(/-/g, "")}`,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: ["card", "ideal"],
    amount_subtotal: 2500,
    amount_total: 2500,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: "http://localhost:3000/afgebroken",
    client_reference_id: null,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: Math.floor(Date.now() / 1000),
    currency: "eur",
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: "if_required",
    customer_details: null,
    customer_email: null,
    discounts: [],
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: false,
    locale: null,
    managed_payments: null,
    metadata: {},
    mode: "payment",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ["card", "ideal"],
    payment_status: "paid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "complete",
    submit_type: null,
    subscription: null,
    success_url: "http://localhost:3000/betaald?session_id={CHECKOUT_SESSION_ID}",
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: null,
    wallet_options: null,
  };
  return { ...session, ...overrides };
}

type PostOptions = { secret?: string; timestamp?: number; body?: string; signature?: string | null };

/** POST an event the way Stripe does: JSON body, signed with the webhook secret. */
function post(event: Stripe.Event, options: PostOptions = {}) {
  const payload = JSON.stringify(event, null, 2);
  const signature =
    options.signature !== undefined
      ? options.signature
      : Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret ?? fake.webhookSecret,
          timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
        });
  const headers = new Headers({ "Content-Type": "application/json; charset=utf-8" });
  if (signature !== null) headers.set("Stripe-Signature", signature);
  const request = new Request("http://localhost:3000/webhooks/stripe", { method: "POST", headers, body: options.body ?? payload });
  return webhookAction({ request, params: {}, context: {} });
}

/** A paid checkout whose webhooks went nowhere: Stripe says paid, we still say OPEN. */
async function paidAtStripeOnly(method: CheckoutMethod = "card", purposeType = "test") {
  delivery = "drop";
  const checkout = await newCheckout({ purposeType });
  fake.pay(checkout.sessionId, method);
  await fake.flush();
  delivery = "route";
  const session = await getStripe().checkout.sessions.retrieve(checkout.sessionId);
  return { checkout, session };
}

// ---------------------------------------------------------------------------------------------

describe("a payment through the fake checkout", () => {
  it("becomes PAID from the fake's signed webhooks, recorded once with audit and listener", async () => {
    const deliveriesBefore = fake.deliveries.length;
    const eventsBefore = fake.events.length;
    const checkout = await newCheckout();
    expect(checkout.checkoutUrl).toBe(`http://localhost:3000/dev/stripe/checkout/${checkout.sessionId}`);
    expect((await payment(checkout.paymentId)).status).toBe("OPEN");

    const result = fake.pay(checkout.sessionId, "ideal");
    expect(result.redirectTo).toBe(`http://localhost:3000/betaald?session_id=${checkout.sessionId}`);
    await fake.flush();

    const paid = await payment(checkout.paymentId);
    expect(paid.status).toBe("PAID");
    expect(paid.paidAt).not.toBeNull();
    expect(paid.paymentIntentId).toMatch(/^pi_/);
    expect(paid.checkoutUrl).toBeNull();
    const history = await paymentEvents(checkout.paymentId);
    expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, "OPEN"],
      ["OPEN", "PAID"],
    ]);
    expect(history[1]!.source).toMatch(/^webhook:/);
    const audits = await db.auditLog.findMany({ where: { entityType: "Payment", entityId: checkout.paymentId }, orderBy: { at: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["payment.created", "payment.paid"]);
    expect(changesFor(checkout.paymentId)).toMatchObject([{ from: "OPEN", to: "PAID", purposeType: "test", amountCents: 2500 }]);

    // Every delivery was acknowledged at once, including the unhandled payment_intent.created;
    // only handled types are stored, each processed.
    const events = fake.events.slice(eventsBefore);
    expect(events.map((e) => e.type)).toEqual(["payment_intent.created", "payment_intent.succeeded", "checkout.session.completed"]);
    expect(fake.deliveries.slice(deliveriesBefore).map((d) => [d.type, d.status])).toEqual(events.map((e) => [e.type, 200]));
    const stored = await db.stripeEvent.findMany({ where: { id: { in: events.map((e) => e.id) } } });
    expect(stored.map((e) => e.type).sort()).toEqual(["checkout.session.completed", "payment_intent.succeeded"]);
    expect(stored.every((e) => e.processedAt !== null)).toBe(true);
  });

  it("keeps a SEPA Direct Debit OPEN (processing) after checkout completes, PAID only when the money arrives", async () => {
    const checkout = await newCheckout();
    fake.pay(checkout.sessionId, "sepa_debit");
    await fake.flush();
    let current = await payment(checkout.paymentId);
    expect(current.status).toBe("OPEN");
    expect(current.checkoutUrl).toBeNull(); // spent link: shown as "processing"
    expect(changesFor(checkout.paymentId)).toEqual([]);
    const processing = (await paymentEvents(checkout.paymentId)).at(-1)!;
    expect(processing.toStatus).toBe("OPEN");
    expect(processing.detail).toMatchObject({ phase: "processing", paymentIntentStatus: "processing", paymentStatus: "unpaid" });

    fake.settle(checkout.sessionId, "succeeded");
    await fake.flush();
    current = await payment(checkout.paymentId);
    expect(current.status).toBe("PAID");
    expect(changesFor(checkout.paymentId)).toMatchObject([{ from: "OPEN", to: "PAID" }]);
  });

  it("marks a SEPA Direct Debit that bounces later as FAILED", async () => {
    const checkout = await newCheckout();
    fake.pay(checkout.sessionId, "sepa_debit");
    fake.settle(checkout.sessionId, "failed");
    await fake.flush();
    expect((await payment(checkout.paymentId)).status).toBe("FAILED");
  });

  it("shows a declined card as FAILED and still accepts the retry in the same session", async () => {
    const checkout = await newCheckout();
    fake.fail(checkout.sessionId, "card");
    await fake.flush();
    const failed = await payment(checkout.paymentId);
    expect(failed.status).toBe("FAILED");
    expect(failed.checkoutUrl).not.toBeNull(); // the session is still open for another try
    fake.pay(checkout.sessionId, "card");
    await fake.flush();
    expect((await payment(checkout.paymentId)).status).toBe("PAID");
    expect((await paymentEvents(checkout.paymentId)).map((e) => e.toStatus)).toEqual(["OPEN", "FAILED", "PAID"]);
  });

  it("expires an abandoned checkout (at Stripe's expiry, or when we end it)", async () => {
    const first = await newCheckout();
    // Leaving the checkout page changes nothing: the session runs until its expires_at.
    expect(fake.abandon(first.sessionId).redirectTo).toBe("http://localhost:3000/afgebroken");
    await fake.flush();
    expect((await payment(first.paymentId)).status).toBe("OPEN");
    setClock(new Date(Date.now() + 46 * 60_000));
    expect(fake.expireDue()).toBeGreaterThanOrEqual(1);
    await fake.flush();
    expect((await payment(first.paymentId)).status).toBe("EXPIRED");

    const second = await newCheckout();
    // Our sync and the checkout.session.expired webhook race; either way it is recorded once.
    expect(await expireCheckout(second.paymentId, null)).toMatchObject({ to: "EXPIRED" });
    await fake.flush();
    expect((await paymentEvents(second.paymentId)).map((e) => e.toStatus)).toEqual(["OPEN", "EXPIRED"]);
  });

  it("refunds a paid payment in full", async () => {
    const checkout = await newCheckout();
    await expect(refundPayment(checkout.paymentId, null)).rejects.toBeInstanceOf(PaymentError);
    fake.pay(checkout.sessionId, "card");
    await fake.flush();
    // Our sync and the refund.created webhook race; either way the refund is recorded once.
    expect(await refundPayment(checkout.paymentId, null)).toMatchObject({ to: "REFUNDED" });
    await fake.flush();
    const refunded = await payment(checkout.paymentId);
    expect(refunded.status).toBe("REFUNDED");
    expect(refunded.refundedAt).not.toBeNull();
    expect(changesFor(checkout.paymentId).map((c) => c.to)).toEqual(["PAID", "REFUNDED"]);
    const actions = (await db.auditLog.findMany({ where: { entityId: checkout.paymentId } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["payment.refund_requested", "payment.refunded"]));
  });

  it("converges on return from checkout without waiting for the webhook", async () => {
    const { checkout } = await paidAtStripeOnly();
    expect((await payment(checkout.paymentId)).status).toBe("OPEN");
    expect(await syncPaymentBySessionId(checkout.sessionId, { source: "return" })).toMatchObject({ to: "PAID" });
  });
});

describe("webhook verification", () => {
  it("answers 400 to a bad signature and changes nothing", async () => {
    const { checkout, session } = await paidAtStripeOnly();
    const event = sessionCompleted(session);
    const res = await post(event, { secret: "whsec_not_the_right_secret" });
    expect(res.status).toBe(400);
    expect((await post(event, { signature: null })).status).toBe(400);
    expect((await post(event, { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    expect((await payment(checkout.paymentId)).status).toBe("OPEN");
    expect(await db.stripeEvent.findUnique({ where: { id: event.id } })).toBeNull();
  });

  it("answers 400 to a stale timestamp (older than 300 s) and accepts one within tolerance", async () => {
    const { checkout, session } = await paidAtStripeOnly();
    const at = new Date();
    setClock(at);
    const nowSeconds = Math.floor(at.getTime() / 1000);
    const stale = sessionCompleted(session);
    expect((await post(stale, { timestamp: nowSeconds - 301 })).status).toBe(400);
    expect((await payment(checkout.paymentId)).status).toBe("OPEN");
    expect(await db.stripeEvent.findUnique({ where: { id: stale.id } })).toBeNull();

    expect((await post(stale, { timestamp: nowSeconds - 290 })).status).toBe(200);
    expect((await payment(checkout.paymentId)).status).toBe("PAID");
  });

  it("answers 400 to a tampered body", async () => {
    const { checkout, session } = await paidAtStripeOnly();
    const event = sessionCompleted(session);
    const signed = JSON.stringify(event, null, 2);
    const header = Stripe.webhooks.generateTestHeaderString({ payload: signed, secret: fake.webhookSecret, timestamp: Math.floor(Date.now() / 1000) });
    const tampered = signed.replace('"amount_total": 2500', '"amount_total": 1');
    expect(tampered).not.toBe(signed);
    expect((await post(event, { signature: header, body: tampered })).status).toBe(400);
    expect((await payment(checkout.paymentId)).status).toBe("OPEN");
  });

  it("acknowledges unknown or unhandled event types with 2xx without storing them", async () => {
    const { session } = await paidAtStripeOnly();
    const intent = await getStripe().paymentIntents.retrieve(String(session.payment_intent));
    const unhandled = intentCreated(intent);
    const res = await post(unhandled);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, ignored: true });
    expect(await db.stripeEvent.findUnique({ where: { id: unhandled.id } })).toBeNull();
  });

  it("acknowledges a handled event for a session that is not ours", async () => {
    const event = sessionCompleted(checkoutSession());
    const res = await post(event);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, result: "not-ours" });
  });
});

describe("delivery semantics", () => {
  it("handles a duplicate delivery once and acknowledges the repeat", async () => {
    const { checkout, session } = await paidAtStripeOnly();
    const event = sessionCompleted(session);
    const first = await post(event);
    const second = await post(event);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toMatchObject({ duplicate: true });
    expect((await paymentEvents(checkout.paymentId)).filter((e) => e.toStatus === "PAID")).toHaveLength(1);
    expect(changesFor(checkout.paymentId)).toHaveLength(1);
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it("processes two simultaneous deliveries of one event once", async () => {
    const { checkout, session } = await paidAtStripeOnly();
    const event = sessionCompleted(session);
    const responses = await Promise.all([post(event), post(event)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(bodies.filter((b) => b.duplicate === true)).toHaveLength(1);
    expect((await paymentEvents(checkout.paymentId)).filter((e) => e.toStatus === "PAID")).toHaveLength(1);
    expect(changesFor(checkout.paymentId)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: checkout.paymentId, action: "payment.paid" } })).toBe(1);
  });

  it("makes a delivery that arrives while the first is still being handled wait, then skip it", async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let calls = 0;
    const stop = onPaymentStatusChange("slow-invoice", async () => {
      calls++;
      entered();
      await new Promise((r) => setTimeout(r, 250));
    });
    try {
      const { checkout, session } = await paidAtStripeOnly("card", "slow-invoice");
      const event = sessionCompleted(session);
      const first = post(event);
      await inside; // the first delivery holds its uncommitted StripeEvent row now
      const second = await post(event);
      expect(second.status).toBe(200);
      expect(await second.json()).toMatchObject({ duplicate: true });
      expect((await first).status).toBe(200);
      expect(calls).toBe(1);
      expect((await payment(checkout.paymentId)).status).toBe("PAID");
    } finally {
      stop();
    }
  });

  it("converges whatever order events arrive in (SEPA: success before the older 'completed, unpaid')", async () => {
    delivery = "drop";
    const checkout = await newCheckout();
    fake.pay(checkout.sessionId, "sepa_debit");
    const completedUnpaid = await getStripe().checkout.sessions.retrieve(checkout.sessionId);
    const intentWhileProcessing = await getStripe().paymentIntents.retrieve(String(completedUnpaid.payment_intent));
    expect(completedUnpaid.payment_status).toBe("unpaid");
    fake.settle(checkout.sessionId, "succeeded");
    const settled = await getStripe().checkout.sessions.retrieve(checkout.sessionId);
    await fake.flush();
    delivery = "route";

    // Newest first, then the stale ones: the payment must end PAID and never go back.
    expect((await post(sessionAsyncSucceeded(settled))).status).toBe(200);
    expect((await payment(checkout.paymentId)).status).toBe("PAID");
    expect((await post(sessionCompleted(completedUnpaid))).status).toBe(200);
    expect((await post(intentProcessing(intentWhileProcessing))).status).toBe(200);
    expect((await payment(checkout.paymentId)).status).toBe("PAID");
    expect((await paymentEvents(checkout.paymentId)).map((e) => e.toStatus)).toEqual(["OPEN", "PAID"]);
  });

  it("does not let a late 'payment failed' from an earlier attempt undo a payment", async () => {
    delivery = "drop";
    const checkout = await newCheckout();
    fake.fail(checkout.sessionId, "card");
    const session = await getStripe().checkout.sessions.retrieve(checkout.sessionId, { expand: ["payment_intent"] });
    const declinedIntent = session.payment_intent;
    if (declinedIntent === null || typeof declinedIntent === "string") throw new Error("expected an expanded PaymentIntent");
    expect(declinedIntent.last_payment_error?.code).toBe("card_declined");
    fake.pay(checkout.sessionId, "card");
    await fake.flush();
    delivery = "route";

    const paidSession = await getStripe().checkout.sessions.retrieve(checkout.sessionId);
    expect((await post(sessionCompleted(paidSession))).status).toBe(200);
    expect((await post(intentFailed(declinedIntent))).status).toBe(200);
    expect((await payment(checkout.paymentId)).status).toBe("PAID");
  });

  it("lets a payment whose handling failed once succeed on Stripe's retry", async () => {
    let calls = 0;
    const seen: PaymentStatusChange[] = [];
    const stop = onPaymentStatusChange("flaky-invoice", (change) => {
      calls++;
      if (calls === 1) throw new Error("the invoice module fell over");
      seen.push(change);
    });
    try {
      const checkout = await newCheckout({ purposeType: "flaky-invoice" });
      fake.pay(checkout.sessionId, "card");
      await fake.flush();

      const attempts = fake.deliveries.filter((d) => d.status === 500);
      expect(attempts).toHaveLength(1);
      const retried = fake.deliveries.filter((d) => d.eventId === attempts[0]!.eventId);
      expect(retried.map((d) => [d.attempt, d.status])).toEqual([
        [1, 500],
        [2, 200],
      ]);
      expect((await payment(checkout.paymentId)).status).toBe("PAID");
      expect(seen).toMatchObject([{ from: "OPEN", to: "PAID" }]);
      // The failed attempt left nothing behind: one PAID event, one audit entry.
      expect((await paymentEvents(checkout.paymentId)).filter((e) => e.toStatus === "PAID")).toHaveLength(1);
      expect(await db.auditLog.count({ where: { entityId: checkout.paymentId, action: "payment.paid" } })).toBe(1);
      const stored = await db.stripeEvent.findUniqueOrThrow({ where: { id: attempts[0]!.eventId } });
      expect(stored.processedAt).not.toBeNull();
    } finally {
      stop();
    }
  });
});

describe("nightly reconcile", () => {
  it("catches up payments whose webhooks never arrived", async () => {
    expect(registeredJobNames()).toContain("payments.reconcile");
    delivery = "down";
    const paid = await newCheckout();
    const sepa = await newCheckout();
    const untouched = await newCheckout();
    fake.pay(paid.sessionId, "card");
    fake.pay(sepa.sessionId, "sepa_debit");
    await fake.flush(); // every delivery is retried, then given up
    expect(fake.deliveries.filter((d) => d.status === 503).length).toBeGreaterThan(0);
    expect((await payment(paid.paymentId)).status).toBe("OPEN");

    const report = await reconcileOpenPayments();
    expect(report.errors).toEqual([]);
    expect((await payment(paid.paymentId)).status).toBe("PAID");
    expect((await payment(sepa.paymentId)).checkoutUrl).toBeNull(); // processing
    expect((await payment(untouched.paymentId)).status).toBe("OPEN");
    expect((await paymentEvents(paid.paymentId)).at(-1)!.source).toBe("reconcile");

    // The same through the job runner, once the direct debit has come in.
    fake.settle(sepa.sessionId, "succeeded");
    await fake.flush();
    await enqueue("payments.reconcile");
    await drainJobs();
    expect((await payment(sepa.paymentId)).status).toBe("PAID");
  });
});

describe("stored webhook event ids", () => {
  it("are forgotten after 90 days, long after Stripe stops redelivering", async () => {
    const old = new Date(Date.now() - 91 * 86_400_000);
    await db.stripeEvent.createMany({
      data: [
        { id: "evt_old_cleanup", type: "checkout.session.completed", receivedAt: old, processedAt: old },
        { id: "evt_recent_cleanup", type: "checkout.session.completed", receivedAt: new Date(), processedAt: new Date() },
      ],
    });
    await enqueue("payments.stripe-events-cleanup");
    await drainJobs();
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_old_cleanup" } })).toBeNull();
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_recent_cleanup" } })).not.toBeNull();
  });
});

describe("simulated-payment pages", () => {
  const args = (url: string, params: Record<string, string> = {}) => ({ request: new Request(url), params, context: {} });

  it("show the fake checkout, and answer 404 as soon as a real Stripe key is set", async () => {
    const checkout = await newCheckout();
    const page = await devCheckoutLoader(args(`http://localhost:3000/dev/stripe/checkout/${checkout.sessionId}`, { sessionId: checkout.sessionId }));
    const data = await page.json();
    expect(data.session).toMatchObject({ id: checkout.sessionId, status: "open", amountTotal: 2500, description: "Jaarbijdrage 2026" });
    expect(data.amount.replace(/\s/g, " ")).toBe("€ 25,00");
    const missing = await devCheckoutLoader(args("http://localhost:3000/dev/stripe/checkout/cs_test_nope", { sessionId: "cs_test_nope" })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Response);
    expect(missing instanceof Response && missing.status).toBe(404);

    process.env.STRIPE_SECRET_KEY = "sk_test_real_key_for_this_test";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_real_secret_for_this_test";
    resetEnv();
    try {
      for (const load of [
        () => devPaymentsLoader(args("http://localhost:3000/dev/payments")),
        () => devCheckoutLoader(args(`http://localhost:3000/dev/stripe/checkout/${checkout.sessionId}`, { sessionId: checkout.sessionId })),
      ]) {
        const thrown = await load().catch((e: unknown) => e);
        expect(thrown instanceof Response && thrown.status).toBe(404);
      }
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_WEBHOOK_SECRET;
      resetEnv();
    }
  });
});
