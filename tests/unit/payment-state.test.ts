import { describe, expect, it } from "vitest";
import type { PaymentStatus } from "~/generated/prisma/enums";
import {
  canTransition,
  decideTransition,
  formatAmount,
  PAYMENT_STATUSES,
  paymentPhase,
  statusFromStripe,
  type StripePaymentView,
} from "~/modules/payments/payment-state";

const open: StripePaymentView = {
  sessionStatus: "open",
  sessionPaymentStatus: "unpaid",
  paymentIntentStatus: null,
  paymentIntentFailed: false,
  amountRefunded: 0,
  amountTotal: 2500,
};

describe("transition table", () => {
  const allowed: [PaymentStatus, PaymentStatus][] = [
    ["OPEN", "PAID"],
    ["OPEN", "FAILED"],
    ["OPEN", "EXPIRED"],
    ["FAILED", "PAID"],
    ["FAILED", "OPEN"],
    ["FAILED", "EXPIRED"],
    ["EXPIRED", "PAID"],
    ["PAID", "REFUNDED"],
  ];

  it("allows exactly the documented transitions", () => {
    for (const from of PAYMENT_STATUSES) {
      for (const to of PAYMENT_STATUSES) {
        if (from === to) continue;
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("never moves a paid or refunded payment back", () => {
    for (const to of ["OPEN", "FAILED", "EXPIRED"] as const) {
      expect(decideTransition("PAID", to).kind).toBe("refuse");
      expect(decideTransition("REFUNDED", to).kind).toBe("refuse");
    }
    expect(decideTransition("REFUNDED", "PAID").kind).toBe("refuse");
  });

  it("treats the same status as no change", () => {
    for (const s of PAYMENT_STATUSES) expect(decideTransition(s, s)).toEqual({ kind: "unchanged", status: s });
    expect(decideTransition("OPEN", "PAID")).toEqual({ kind: "apply", from: "OPEN", to: "PAID" });
  });
});

describe("status from Stripe", () => {
  it("is OPEN while nobody has tried to pay", () => {
    expect(statusFromStripe(open)).toEqual({ status: "OPEN", processing: false });
  });

  it("is PAID when a card or iDEAL payment succeeded", () => {
    expect(
      statusFromStripe({ ...open, sessionStatus: "complete", sessionPaymentStatus: "paid", paymentIntentStatus: "succeeded" }),
    ).toEqual({ status: "PAID", processing: false });
  });

  it("keeps a completed SEPA checkout OPEN (processing) until the money arrives", () => {
    const sepa = { ...open, sessionStatus: "complete", sessionPaymentStatus: "unpaid", paymentIntentStatus: "processing" };
    expect(statusFromStripe(sepa)).toEqual({ status: "OPEN", processing: true });
    expect(statusFromStripe({ ...sepa, sessionPaymentStatus: "paid", paymentIntentStatus: "succeeded" }).status).toBe("PAID");
    expect(statusFromStripe({ ...sepa, paymentIntentStatus: "requires_payment_method", paymentIntentFailed: true }).status).toBe("FAILED");
  });

  it("shows a declined attempt in an open session as FAILED, and a new attempt as OPEN again", () => {
    const declined = { ...open, paymentIntentStatus: "requires_payment_method", paymentIntentFailed: true };
    expect(statusFromStripe(declined).status).toBe("FAILED");
    expect(statusFromStripe({ ...declined, paymentIntentStatus: "processing", paymentIntentFailed: false })).toEqual({
      status: "OPEN",
      processing: true,
    });
  });

  it("is EXPIRED when the session expired unpaid", () => {
    expect(statusFromStripe({ ...open, sessionStatus: "expired", paymentIntentStatus: "canceled" }).status).toBe("EXPIRED");
  });

  it("counts only a full refund as REFUNDED", () => {
    const paid = { ...open, sessionStatus: "complete", sessionPaymentStatus: "paid", paymentIntentStatus: "succeeded" };
    expect(statusFromStripe({ ...paid, amountRefunded: 1000 }).status).toBe("PAID");
    expect(statusFromStripe({ ...paid, amountRefunded: 2500 }).status).toBe("REFUNDED");
  });
});

describe("phase and formatting", () => {
  it("shows an OPEN payment whose checkout link is spent as processing", () => {
    expect(paymentPhase({ status: "OPEN", checkoutSessionId: "cs_1", checkoutUrl: "http://x" })).toBe("open");
    expect(paymentPhase({ status: "OPEN", checkoutSessionId: "cs_1", checkoutUrl: null })).toBe("processing");
    expect(paymentPhase({ status: "REFUNDED", checkoutSessionId: "cs_1", checkoutUrl: null })).toBe("refunded");
  });

  it("formats euros per language", () => {
    expect(formatAmount(1250, "eur", "nl").replace(/\s/g, " ")).toBe("€ 12,50");
    expect(formatAmount(1250, "eur", "en")).toBe("€12.50");
  });
});
