// The payment state machine, kept pure so it can be tested without a database or Stripe.
//
// Stripe is the source of truth. Our status is only ever *derived* from what Stripe reports
// (`statusFromStripe`), and a derived status is applied only when the transition table allows
// it (`decideTransition`). Together that makes webhook handling convergent: duplicate, late or
// out-of-order events re-read Stripe, derive the same answer, and can never move a payment
// backwards (a stale "open" read cannot undo PAID).
//
//   OPEN ──► PAID ──► REFUNDED
//    │ ▲      ▲
//    ▼ │      │
//   FAILED ───┤      FAILED → OPEN: the customer retried in the same (still open) Checkout
//    │        │      session and the new attempt is processing (e.g. SEPA after a declined card).
//    ▼        │
//   EXPIRED ──┘      EXPIRED → PAID: only reachable because PAID is only ever derived from Stripe
//                    reporting the money as received; late money is recorded, never lost.
//
// SEPA Direct Debit (and other delayed methods): `checkout.session.completed` arrives with
// payment_status "unpaid" while the PaymentIntent is "processing". The payment then stays OPEN
// (phase "processing": the checkout link is spent and no longer expires) until the PaymentIntent
// succeeds (`payment_intent.succeeded` / `checkout.session.async_payment_succeeded` → PAID) or
// fails (`…payment_failed` / `…async_payment_failed` → FAILED). Completing checkout is never
// enough to count an invoice as paid.
import type { PaymentStatus } from "~/generated/prisma/enums";
import { numberFormat } from "~/utils/format";

/** The payment methods the portal offers (Stripe's payment method type names). */
export const PAYMENT_METHODS = ["card", "ideal", "sepa_debit"] as const;
export type PaymentMethodType = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ["OPEN", "PAID", "FAILED", "EXPIRED", "REFUNDED"] as const satisfies readonly PaymentStatus[];

/** Allowed moves between different statuses. Anything not listed is refused (and logged). */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  OPEN: ["PAID", "FAILED", "EXPIRED"],
  FAILED: ["OPEN", "PAID", "EXPIRED"],
  EXPIRED: ["PAID"],
  PAID: ["REFUNDED"],
  REFUNDED: [],
};

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

export type TransitionDecision =
  | { kind: "unchanged"; status: PaymentStatus }
  | { kind: "apply"; from: PaymentStatus; to: PaymentStatus }
  | { kind: "refuse"; from: PaymentStatus; to: PaymentStatus };

export function decideTransition(from: PaymentStatus, to: PaymentStatus): TransitionDecision {
  if (from === to) return { kind: "unchanged", status: from };
  return canTransition(from, to) ? { kind: "apply", from, to } : { kind: "refuse", from, to };
}

/** What we read back from Stripe about one Checkout Session and its PaymentIntent. */
export type StripePaymentView = {
  /** Checkout Session status: "open" | "complete" | "expired" (null when unknown). */
  sessionStatus: string | null;
  /** Checkout Session payment_status: "paid" | "unpaid" | "no_payment_required". */
  sessionPaymentStatus: string;
  /** PaymentIntent status, or null while the customer has not tried to pay yet. */
  paymentIntentStatus: string | null;
  /** The PaymentIntent's last attempt failed (last_payment_error is set). */
  paymentIntentFailed: boolean;
  /** Sum of succeeded refunds, in cents. */
  amountRefunded: number;
  /** Amount of the Checkout Session, in cents. */
  amountTotal: number;
};

export type StripeVerdict = {
  status: PaymentStatus;
  /** OPEN but the checkout is finished and the money is on its way (SEPA Direct Debit). */
  processing: boolean;
};

/** Our status for what Stripe reports. Pure: the same Stripe state always gives the same answer. */
export function statusFromStripe(view: StripePaymentView): StripeVerdict {
  const moneyReceived = view.paymentIntentStatus === "succeeded" || view.sessionPaymentStatus === "paid";
  if (moneyReceived) {
    // Only full refunds count as REFUNDED; a partial refund leaves the payment PAID.
    const fullyRefunded = view.amountTotal > 0 && view.amountRefunded >= view.amountTotal;
    return { status: fullyRefunded ? "REFUNDED" : "PAID", processing: false };
  }
  if (view.sessionStatus === "expired") return { status: "EXPIRED", processing: false };
  if (view.sessionStatus === "complete") {
    // Checkout is done but the money is not in: a delayed method still processing, or it failed.
    const failed =
      view.paymentIntentStatus === "canceled" ||
      (view.paymentIntentStatus === "requires_payment_method" && view.paymentIntentFailed);
    return failed ? { status: "FAILED", processing: false } : { status: "OPEN", processing: true };
  }
  // Session still open: a declined attempt shows as FAILED until the customer tries again.
  if (view.paymentIntentFailed && view.paymentIntentStatus === "requires_payment_method") {
    return { status: "FAILED", processing: false };
  }
  return { status: "OPEN", processing: view.paymentIntentStatus === "processing" };
}

export type PaymentPhase = "open" | "processing" | "paid" | "failed" | "expired" | "refunded";

/**
 * The status as people see it. A payment whose Checkout Session is finished while the money is
 * still on its way is OPEN with its (spent) checkout link removed: that is "processing".
 */
export function paymentPhase(payment: {
  status: PaymentStatus;
  checkoutSessionId: string | null;
  checkoutUrl: string | null;
}): PaymentPhase {
  if (payment.status === "OPEN") {
    return payment.checkoutSessionId && !payment.checkoutUrl ? "processing" : "open";
  }
  return SETTLED_PHASE[payment.status];
}

const SETTLED_PHASE: Record<Exclude<PaymentStatus, "OPEN">, PaymentPhase> = {
  PAID: "paid",
  FAILED: "failed",
  EXPIRED: "expired",
  REFUNDED: "refunded",
};

/** An amount in cents as people read it: "€ 12,50" (nl) or "€12.50" (en). */
export function formatAmount(cents: number, currency: string, lang: string): string {
  const code = currency.toUpperCase();
  return numberFormat(lang === "en" ? "en" : "nl", `currency:${code}`, () => ({ style: "currency", currency: code })).format(cents / 100);
}
