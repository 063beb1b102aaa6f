// Stripe webhooks: verify, dedupe, dispatch, converge.
//
// 1. The signature is checked on the raw body with STRIPE_WEBHOOK_SECRET (or the local fake's
//    secret), allowing 300 s of clock difference: a bad, stale or tampered request gets 400 and
//    changes nothing.
// 2. Only allow-listed event types are handled; any other type is acknowledged (200) and ignored.
// 3. The event id is inserted into StripeEvent with ON CONFLICT DO NOTHING inside the same
//    transaction that applies the change. A duplicate (or a second delivery racing the first:
//    it waits on the first one's uncommitted row) inserts nothing and is acknowledged unprocessed.
//    If handling fails, the insert rolls back with everything else, we answer 500, and Stripe's
//    retry gets a clean second chance.
// 4. Handlers never trust the event's copy of the object: they find our payment and re-read the
//    Checkout Session / PaymentIntent / refunds from Stripe (syncPaymentInTx), so late and
//    out-of-order events converge on Stripe's current state.
import Stripe from "stripe";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { findPaymentIdByIntent, findPaymentIdBySession, syncPaymentInTx, type SyncOutcome } from "./payments.server";
import { getWebhookSecret } from "./stripe.server";

// Later modules subscribe here (or from payments.server directly; it is the same registry).
export { onPaymentStatusChange, type PaymentStatusChange, type PaymentStatusListener } from "./payments.server";

export const WEBHOOK_TOLERANCE_SECONDS = 300;
const MAX_BODY_BYTES = 512 * 1024;
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

type HandlerContext = { tx: Tx; source: string; eventId: string };

async function syncBySession(sessionId: string, context: HandlerContext): Promise<SyncOutcome | null> {
  const paymentId = await findPaymentIdBySession(context.tx, sessionId);
  return paymentId ? syncPaymentInTx(context.tx, paymentId, context) : null;
}

async function syncByIntent(intent: string | Stripe.PaymentIntent | null, context: HandlerContext): Promise<SyncOutcome | null> {
  if (!intent) return null;
  const paymentId = await findPaymentIdByIntent(context.tx, typeof intent === "string" ? intent : intent.id);
  return paymentId ? syncPaymentInTx(context.tx, paymentId, context) : null;
}

/** The allow-list: event type → handler. Each re-reads from Stripe before changing anything. */
const handlers = {
  "checkout.session.completed": (event: Stripe.CheckoutSessionCompletedEvent, ctx: HandlerContext) => syncBySession(event.data.object.id, ctx),
  "checkout.session.async_payment_succeeded": (event: Stripe.CheckoutSessionAsyncPaymentSucceededEvent, ctx: HandlerContext) =>
    syncBySession(event.data.object.id, ctx),
  "checkout.session.async_payment_failed": (event: Stripe.CheckoutSessionAsyncPaymentFailedEvent, ctx: HandlerContext) =>
    syncBySession(event.data.object.id, ctx),
  "checkout.session.expired": (event: Stripe.CheckoutSessionExpiredEvent, ctx: HandlerContext) => syncBySession(event.data.object.id, ctx),
  "payment_intent.succeeded": (event: Stripe.PaymentIntentSucceededEvent, ctx: HandlerContext) => syncByIntent(event.data.object.id, ctx),
  "payment_intent.processing": (event: Stripe.PaymentIntentProcessingEvent, ctx: HandlerContext) => syncByIntent(event.data.object.id, ctx),
  "payment_intent.payment_failed": (event: Stripe.PaymentIntentPaymentFailedEvent, ctx: HandlerContext) => syncByIntent(event.data.object.id, ctx),
  "payment_intent.canceled": (event: Stripe.PaymentIntentCanceledEvent, ctx: HandlerContext) => syncByIntent(event.data.object.id, ctx),
  "refund.created": (event: Stripe.RefundCreatedEvent, ctx: HandlerContext) => syncByIntent(event.data.object.payment_intent, ctx),
  "refund.updated": (event: Stripe.RefundUpdatedEvent, ctx: HandlerContext) => syncByIntent(event.data.object.payment_intent, ctx),
  "refund.failed": (event: Stripe.RefundFailedEvent, ctx: HandlerContext) => syncByIntent(event.data.object.payment_intent, ctx),
} satisfies { [T in Stripe.Event.Type]?: (event: Extract<Stripe.Event, { type: T }>, ctx: HandlerContext) => Promise<SyncOutcome | null> };

type HandledType = keyof typeof handlers;
type HandledEvent = { [T in HandledType]: Parameters<(typeof handlers)[T]>[0] };
type HandlerMap = { [T in HandledType]: (event: HandledEvent[T], ctx: HandlerContext) => Promise<SyncOutcome | null> };
const handlerMap: HandlerMap = handlers;

export const HANDLED_EVENT_TYPES: readonly string[] = Object.keys(handlers);

function isHandled(event: Stripe.Event): event is HandledEvent[HandledType] {
  return Object.hasOwn(handlers, event.type);
}

function dispatch<T extends HandledType>(type: T, event: HandledEvent[T], ctx: HandlerContext) {
  const handler: HandlerMap[T] = handlerMap[type];
  return handler(event, ctx);
}

const reply = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });

/** The whole webhook endpoint: POST with Stripe's raw body and `Stripe-Signature` header. */
export async function handleStripeWebhook(request: Request): Promise<Response> {
  if (request.method !== "POST") return reply(405, { error: "method not allowed" });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return reply(413, { error: "payload too large" });
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > MAX_BODY_BYTES) return reply(413, { error: "payload too large" });
  const signature = request.headers.get("stripe-signature");
  if (!signature) return reply(400, { error: "missing Stripe-Signature header" });
  const secret = getWebhookSecret();
  if (!secret) {
    console.error("[webhooks] STRIPE_WEBHOOK_SECRET is not set: cannot verify Stripe webhooks");
    return reply(500, { error: "webhook secret not configured" });
  }

  let event: Stripe.Event;
  try {
    // receivedAt comes from the app clock, so tests can place the request in time.
    event = Stripe.webhooks.constructEvent(raw, signature, secret, WEBHOOK_TOLERANCE_SECONDS, undefined, now().getTime());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`[webhooks] rejected a Stripe webhook: ${message}`);
    return reply(400, { error: "invalid signature" });
  }

  if (!isHandled(event)) return reply(200, { received: true, ignored: true });

  // Cheap early answer for redeliveries of events we already handled.
  const seen = await db.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } });
  if (seen) return reply(200, { received: true, duplicate: true });

  try {
    const outcome = await db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "StripeEvent" ("id", "type", "receivedAt") VALUES (${event.id}, ${event.type}, ${now()})
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return "duplicate" as const;
      const result = await dispatch(event.type, event, { tx, source: `webhook:${event.type}`, eventId: event.id });
      await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: now() } });
      return result;
    }, TX_OPTIONS);
    if (outcome === "duplicate") return reply(200, { received: true, duplicate: true });
    return reply(200, { received: true, result: outcome?.result ?? "not-ours" });
  } catch (error) {
    console.error(`[webhooks] handling ${event.type} ${event.id} failed; Stripe will retry:`, error);
    return reply(500, { error: "handler failed" });
  }
}
