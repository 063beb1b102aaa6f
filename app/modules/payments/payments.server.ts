// Payments: one Stripe Checkout per thing the foundation is paid for (a contribution invoice, a
// sponsorship), its state changes, refunds, and the invoice number sequence.
//
// Rules:
// - Our status is only ever derived from what Stripe reports now (see payment-state.ts): every
//   change goes through `syncPaymentInTx`, which locks the payment row, re-reads the Checkout
//   Session (and its PaymentIntent and refunds) from Stripe, and applies the allowed transition.
//   Webhooks, the nightly reconcile, refunds and the return from checkout all use it, so they
//   converge on the same answer whatever order they run in.
// - Each change writes the payment, a PaymentEvent, an audit entry and whatever the purpose's
//   listeners (`onPaymentStatusChange`) write, in one transaction: a listener that throws rolls
//   the whole change back (a webhook then answers 500 and Stripe retries).
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import type { Payment, PaymentStatus, Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { decideTransition, PAYMENT_METHODS, statusFromStripe, type PaymentMethodType, type StripePaymentView } from "./payment-state";
import { getStripe } from "./stripe.server";

/** Stripe's minimum is 30 minutes; short, so an abandoned checkout frees up soon. */
export const CHECKOUT_EXPIRY_MINUTES = 45;
export const CHECKOUT_METHODS = PAYMENT_METHODS;
export type CheckoutMethod = PaymentMethodType;
const DEFAULT_METHODS: CheckoutMethod[] = ["card", "ideal"];

/** Row lock + Stripe re-read happen inside the transaction; give it room, but not forever. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

export class PaymentError extends Error {
  constructor(
    readonly code: "not_found" | "not_refundable" | "not_open" | "no_checkout",
    message: string,
  ) {
    super(message);
    this.name = "PaymentError";
  }
}

// ---------------------------------------------------------------------------------------------
// Listeners: later modules (invoices, sponsorship) react to their payments' status changes.

export type PaymentStatusChange = {
  paymentId: string;
  purposeType: string;
  purposeId: string;
  amountCents: number;
  currency: string;
  from: PaymentStatus;
  to: PaymentStatus;
  source: string;
  at: Date;
};

/** Runs inside the payment's transaction (use `tx`); throwing rolls the status change back. */
export type PaymentStatusListener = (change: PaymentStatusChange, tx: Tx) => Promise<void> | void;

const listeners = new Map<string, Set<PaymentStatusListener>>();

/**
 * Call `fn` for every status change of payments with this purposeType (e.g. "invoice"), e.g.
 * to mark an invoice paid when its payment becomes PAID. Returns a function that unsubscribes.
 * Listeners must be idempotent with respect to the status they see (they may run again for a
 * change that was rolled back and retried).
 */
export function onPaymentStatusChange(purposeType: string, fn: PaymentStatusListener): () => void {
  let set = listeners.get(purposeType);
  if (!set) listeners.set(purposeType, (set = new Set()));
  set.add(fn);
  return () => {
    set.delete(fn);
  };
}

// ---------------------------------------------------------------------------------------------
// Creating a checkout

const localPath = z
  .string()
  .refine((p) => p.startsWith("/") && !p.startsWith("//") && !p.startsWith("/\\"), "must be a path on this site");

const CreateCheckoutSchema = z.object({
  purposeType: z.string().trim().min(1).max(50),
  purposeId: z.string().trim().min(1).max(100),
  /** Stripe's minimum for EUR is €0.50. */
  amountCents: z.number().int().min(50).max(99_999_999),
  description: z.string().trim().min(1).max(250),
  successPath: localPath,
  cancelPath: localPath,
  methods: z.array(z.enum(CHECKOUT_METHODS)).min(1).optional(),
  customerEmail: z.email().optional(),
  locale: z.enum(["nl", "en"]).optional(),
});

export type CreateCheckoutInput = z.input<typeof CreateCheckoutSchema>;

export type CheckoutCreated = { paymentId: string; sessionId: string; checkoutUrl: string; expiresAt: Date };

function withSessionId(url: string): string {
  // Stripe fills in {CHECKOUT_SESSION_ID}; the return page re-reads that session.
  return `${url}${url.includes("?") ? "&" : "?"}session_id={CHECKOUT_SESSION_ID}`;
}

/**
 * Start a Stripe Checkout for an amount (EUR cents), a description and what is paid
 * (`purposeType`/`purposeId`). The payment is OPEN until Stripe reports the money. Redirect the
 * customer to `checkoutUrl`; they return to `successPath?session_id=…` or `cancelPath`.
 */
export async function createCheckout(input: CreateCheckoutInput, actorId: string | null): Promise<CheckoutCreated> {
  const data = CreateCheckoutSchema.parse(input);
  const appUrl = getEnv().APP_URL.replace(/\/+$/, "");
  const methods = data.methods ?? DEFAULT_METHODS;
  const id = randomUUID();
  const created = now();
  const expiresAt = new Date(created.getTime() + CHECKOUT_EXPIRY_MINUTES * 60_000);
  const metadata = { paymentId: id, purposeType: data.purposeType, purposeId: data.purposeId };

  // Stripe first, then one insert: no half-made payment rows. If the insert fails, the orphan
  // session simply expires; its events find no payment and are acknowledged.
  const session = await getStripe().checkout.sessions.create(
    {
      mode: "payment",
      line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: data.amountCents, product_data: { name: data.description } } }],
      allowed_payment_method_types: methods,
      success_url: withSessionId(`${appUrl}${data.successPath}`),
      cancel_url: `${appUrl}${data.cancelPath}`,
      expires_at: Math.floor(expiresAt.getTime() / 1000),
      client_reference_id: id,
      metadata,
      payment_intent_data: { description: data.description, metadata },
      ...(data.customerEmail ? { customer_email: data.customerEmail } : {}),
      ...(data.locale ? { locale: data.locale } : {}),
    },
    { idempotencyKey: `checkout-${id}` },
  );
  if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL`);
  const sessionExpiresAt = new Date(session.expires_at * 1000);

  await db.$transaction(async (tx) => {
    await tx.payment.create({
      data: {
        id,
        purposeType: data.purposeType,
        purposeId: data.purposeId,
        description: data.description,
        amountCents: data.amountCents,
        currency: "eur",
        status: "OPEN",
        checkoutSessionId: session.id,
        checkoutUrl: session.url,
        createdAt: created,
        updatedAt: created,
        expiresAt: sessionExpiresAt,
      },
    });
    await tx.paymentEvent.create({
      data: { paymentId: id, fromStatus: null, toStatus: "OPEN", source: "checkout", at: created, detail: { sessionId: session.id, methods } },
    });
    await audit(
      {
        actorId,
        action: "payment.created",
        entityType: "Payment",
        entityId: id,
        after: { status: "OPEN", amountCents: data.amountCents, purposeType: data.purposeType, purposeId: data.purposeId, checkoutSessionId: session.id },
      },
      tx,
    );
  });
  return { paymentId: id, sessionId: session.id, checkoutUrl: session.url, expiresAt: sessionExpiresAt };
}

/** A payment for nothing in particular, for the simulated-payments tester page (/dev/payments). */
export function createTestCheckout(
  input: Pick<CreateCheckoutInput, "amountCents" | "description" | "methods" | "successPath" | "cancelPath" | "locale">,
): Promise<CheckoutCreated> {
  return createCheckout({ ...input, purposeType: "dev-test", purposeId: randomUUID() }, null);
}

// ---------------------------------------------------------------------------------------------
// Converging with Stripe

export type SyncContext = {
  /** Where the change came from: "webhook:<type>", "reconcile", "return", "refund", "expire". */
  source: string;
  actorId?: string | null;
  eventId?: string;
};

export type SyncOutcome = {
  paymentId: string;
  from: PaymentStatus;
  to: PaymentStatus;
  result: "changed" | "unchanged" | "refused" | "mismatch";
};

type StripeSnapshot = { view: StripePaymentView; session: Stripe.Checkout.Session; intent: Stripe.PaymentIntent | null };

async function readFromStripe(sessionId: string): Promise<StripeSnapshot> {
  const stripe = getStripe();
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] });
  const intent =
    session.payment_intent === null
      ? null
      : typeof session.payment_intent === "string"
        ? await stripe.paymentIntents.retrieve(session.payment_intent)
        : session.payment_intent;
  let amountRefunded = 0;
  if (intent?.status === "succeeded") {
    const refunds = await stripe.refunds.list({ payment_intent: intent.id, limit: 100 });
    for (const refund of refunds.data) if (refund.status === "succeeded") amountRefunded += refund.amount;
  }
  return {
    session,
    intent,
    view: {
      sessionStatus: session.status,
      sessionPaymentStatus: session.payment_status,
      paymentIntentStatus: intent?.status ?? null,
      paymentIntentFailed: Boolean(intent?.last_payment_error),
      amountRefunded,
      amountTotal: session.amount_total ?? 0,
    },
  };
}

async function lockPayment(tx: Tx, paymentId: string): Promise<Payment | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
}

/**
 * Lock the payment, re-read it from Stripe and apply what Stripe says, inside `tx`.
 * Returns null when there is no such payment.
 */
export async function syncPaymentInTx(tx: Tx, paymentId: string, context: SyncContext): Promise<SyncOutcome | null> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) return null;
  if (!payment.checkoutSessionId) return { paymentId, from: payment.status, to: payment.status, result: "unchanged" };
  const snapshot = await readFromStripe(payment.checkoutSessionId);
  return applySnapshot(tx, payment, snapshot, context);
}

/** Same as `syncPaymentInTx`, in its own transaction. */
export function syncPayment(paymentId: string, context: SyncContext): Promise<SyncOutcome | null> {
  return db.$transaction((tx) => syncPaymentInTx(tx, paymentId, context), TX_OPTIONS);
}

/** The customer is back from checkout (`?session_id=…`): converge now rather than wait for the webhook. */
export async function syncPaymentBySessionId(sessionId: string, context: SyncContext): Promise<SyncOutcome | null> {
  const payment = await db.payment.findUnique({ where: { checkoutSessionId: sessionId }, select: { id: true } });
  return payment ? syncPayment(payment.id, context) : null;
}

/** Our payment for a Checkout Session id, if it is ours. */
export async function findPaymentIdBySession(client: Tx, sessionId: string): Promise<string | null> {
  const payment = await client.payment.findUnique({ where: { checkoutSessionId: sessionId }, select: { id: true } });
  return payment?.id ?? null;
}

/** Our payment for a PaymentIntent: by the stored id, else by the metadata we put on it. */
export async function findPaymentIdByIntent(client: Tx, paymentIntentId: string): Promise<string | null> {
  const known = await client.payment.findUnique({ where: { paymentIntentId }, select: { id: true } });
  if (known) return known.id;
  // The PaymentIntent is created when the customer first tries to pay: we may not know it yet.
  const intent = await getStripe().paymentIntents.retrieve(paymentIntentId);
  const paymentId = intent.metadata.paymentId;
  if (!paymentId) return null;
  const payment = await client.payment.findUnique({ where: { id: paymentId }, select: { id: true } });
  return payment?.id ?? null;
}

function stripeDetail(snapshot: StripeSnapshot, context: SyncContext): Prisma.InputJsonObject {
  return {
    ...(context.eventId ? { eventId: context.eventId } : {}),
    sessionStatus: snapshot.session.status,
    paymentStatus: snapshot.session.payment_status,
    paymentIntentId: snapshot.intent?.id ?? null,
    paymentIntentStatus: snapshot.intent?.status ?? null,
    paymentMethod: snapshot.intent?.payment_method_types[0] ?? null,
    lastPaymentError: snapshot.intent?.last_payment_error?.message ?? null,
    amountRefunded: snapshot.view.amountRefunded,
  };
}

async function applySnapshot(tx: Tx, payment: Payment, snapshot: StripeSnapshot, context: SyncContext): Promise<SyncOutcome> {
  const base = { paymentId: payment.id, from: payment.status };
  const { session, intent } = snapshot;
  if (session.amount_total !== payment.amountCents || (session.currency ?? "").toLowerCase() !== payment.currency) {
    console.error(
      `[payments] Checkout Session ${session.id} is ${session.amount_total} ${session.currency}, payment ${payment.id} expects ${payment.amountCents} ${payment.currency}: not applied`,
    );
    return { ...base, to: payment.status, result: "mismatch" };
  }
  const verdict = statusFromStripe(snapshot.view);
  const decision = decideTransition(payment.status, verdict.status);
  if (decision.kind === "refuse") {
    console.warn(`[payments] ${payment.id}: Stripe suggests ${decision.from} → ${decision.to} (${context.source}); not allowed, kept ${decision.from}`);
    return { ...base, to: payment.status, result: "refused" };
  }

  const at = now();
  const to = decision.kind === "apply" ? decision.to : payment.status;
  // The checkout link only works while the session is open; once spent it is cleared, which is
  // how an OPEN payment shows as "processing" (paymentPhase).
  const checkoutUrl = session.status === "open" ? payment.checkoutUrl : null;
  const paymentIntentId = intent?.id ?? payment.paymentIntentId;
  const statusChanged = to !== payment.status;
  const processingStarted = !statusChanged && to === "OPEN" && verdict.processing && payment.checkoutUrl !== null && checkoutUrl === null;
  const otherChange = checkoutUrl !== payment.checkoutUrl || paymentIntentId !== payment.paymentIntentId;
  if (!statusChanged && !otherChange) return { ...base, to, result: "unchanged" };

  await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: to,
      checkoutUrl,
      paymentIntentId,
      updatedAt: at,
      ...(statusChanged && to === "PAID" && !payment.paidAt ? { paidAt: at } : {}),
      ...(statusChanged && to === "REFUNDED" ? { refundedAt: at } : {}),
    },
  });

  const detail = stripeDetail(snapshot, context);
  const meta = { source: context.source, ...(context.eventId ? { eventId: context.eventId } : {}) };
  if (statusChanged || processingStarted) {
    await tx.paymentEvent.create({
      data: {
        paymentId: payment.id,
        fromStatus: payment.status,
        toStatus: to,
        source: context.source,
        at,
        detail: processingStarted || (statusChanged && verdict.processing) ? { ...detail, phase: "processing" } : detail,
      },
    });
  }
  await audit(
    {
      actorId: context.actorId ?? null,
      action: statusChanged ? `payment.${to.toLowerCase()}` : processingStarted ? "payment.processing" : "payment.synced",
      entityType: "Payment",
      entityId: payment.id,
      before: { status: payment.status, checkoutUrl: payment.checkoutUrl, paymentIntentId: payment.paymentIntentId },
      after: { status: to, checkoutUrl, paymentIntentId },
      meta,
    },
    tx,
  );

  if (statusChanged) {
    const change: PaymentStatusChange = {
      paymentId: payment.id,
      purposeType: payment.purposeType,
      purposeId: payment.purposeId,
      amountCents: payment.amountCents,
      currency: payment.currency,
      from: payment.status,
      to,
      source: context.source,
      at,
    };
    for (const listener of listeners.get(payment.purposeType) ?? []) await listener(change, tx);
  }
  return { ...base, to, result: "changed" };
}

// ---------------------------------------------------------------------------------------------
// Refunds and cancelling a checkout

/** Refund a PAID payment in full. The payment becomes REFUNDED when Stripe reports the refund. */
export async function refundPayment(
  paymentId: string,
  actorId: string | null,
  options: { reason?: "requested_by_customer" | "duplicate" | "fraudulent" } = {},
): Promise<SyncOutcome | null> {
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (!payment) throw new PaymentError("not_found", `No payment ${paymentId}`);
  if (payment.status !== "PAID" || !payment.paymentIntentId) {
    throw new PaymentError("not_refundable", `Payment ${paymentId} is ${payment.status}; only PAID payments can be refunded`);
  }
  // Two clicks on the same PAID state share one key, so Stripe refunds once.
  const refund = await getStripe().refunds.create(
    { payment_intent: payment.paymentIntentId, reason: options.reason ?? "requested_by_customer", metadata: { paymentId } },
    { idempotencyKey: `refund-${payment.id}-${payment.updatedAt.getTime()}` },
  );
  await audit({ actorId, action: "payment.refund_requested", entityType: "Payment", entityId: payment.id, meta: { refundId: refund.id, amount: refund.amount } });
  return syncPayment(payment.id, { source: "refund", actorId });
}

/**
 * Ask Stripe to expire a Checkout Session, without touching our rows (the caller, a webhook or
 * the nightly reconcile syncs the payment afterwards). A session that is already complete or
 * expired is left as it is.
 */
export async function endCheckoutAtStripe(checkoutSessionId: string): Promise<void> {
  try {
    await getStripe().checkout.sessions.expire(checkoutSessionId);
  } catch (error) {
    const notOpen = error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400;
    if (!notOpen) throw error;
  }
}

/** End an unpaid checkout now (e.g. the invoice was cancelled); the payment becomes EXPIRED. */
export async function expireCheckout(paymentId: string, actorId: string | null): Promise<SyncOutcome | null> {
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (!payment) throw new PaymentError("not_found", `No payment ${paymentId}`);
  if (!payment.checkoutSessionId) throw new PaymentError("no_checkout", `Payment ${paymentId} has no checkout`);
  if (payment.status !== "OPEN" && payment.status !== "FAILED") {
    throw new PaymentError("not_open", `Payment ${paymentId} is ${payment.status}`);
  }
  await endCheckoutAtStripe(payment.checkoutSessionId);
  await audit({ actorId, action: "payment.expire_requested", entityType: "Payment", entityId: payment.id });
  return syncPayment(payment.id, { source: "expire", actorId });
}

// ---------------------------------------------------------------------------------------------
// Reading

export const paymentListSelect = {
  id: true,
  purposeType: true,
  purposeId: true,
  description: true,
  amountCents: true,
  currency: true,
  status: true,
  checkoutSessionId: true,
  checkoutUrl: true,
  createdAt: true,
  paidAt: true,
  refundedAt: true,
  expiresAt: true,
} satisfies Prisma.PaymentSelect;

export function listRecentPayments(limit = 20) {
  return db.payment.findMany({ select: paymentListSelect, orderBy: { createdAt: "desc" }, take: limit });
}

export function listPaymentsFor(purposeType: string, purposeId: string) {
  return db.payment.findMany({ where: { purposeType, purposeId }, select: paymentListSelect, orderBy: { createdAt: "desc" } });
}

// ---------------------------------------------------------------------------------------------
// Invoice numbers: one gap-free sequence per calendar year (Europe/Amsterdam), shared by
// everything the foundation invoices.

const amsterdamYear = new Intl.DateTimeFormat("en", { timeZone: "Europe/Amsterdam", year: "numeric" });

export function invoiceYear(date: Date): number {
  return Number(amsterdamYear.format(date));
}

export function formatInvoiceNumber(year: number, number: number): string {
  return `${year}-${String(number).padStart(4, "0")}`;
}

/**
 * The next invoice number for `date`'s year, e.g. "2026-0001". Call it inside the transaction
 * that creates the invoice: the upsert locks the year's row until that transaction ends, so
 * concurrent callers wait their turn and a rollback returns the number (no gaps, no duplicates).
 */
export async function nextInvoiceNumber(tx: Tx, date: Date = now()): Promise<string> {
  const year = invoiceYear(date);
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "InvoiceSequence" ("year", "lastNumber") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "InvoiceSequence"."lastNumber" + 1
    RETURNING "lastNumber"`;
  const row = rows[0];
  if (!row) throw new Error(`Could not allocate an invoice number for ${year}`);
  return formatInvoiceNumber(year, Number(row.lastNumber));
}
