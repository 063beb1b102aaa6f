// What the invoice pages share: the page data of one invoice (two queries, whatever the number of
// payments or reminders) and the page's action (start paying, converge after checkout).
import { json, redirect } from "@remix-run/node";
import type { Invoice, InvoiceReminder } from "~/generated/prisma/client";
import { can } from "~/modules/auth/permissions";
import type { AuthUser } from "~/modules/auth/session.server";
import { CHECKOUT_SESSION_ID } from "~/modules/payments/checkout";
import { findPaymentIdBySession, PaymentError, syncPayment } from "~/modules/payments/payments.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { isOverdue } from "./invoice-math";
import { invoicePageActionSchema } from "./invoice-schema";
import { buyerOf, InvoiceError, invoiceInclude, isExtraPayment, paymentsOfInvoices, refundExtraPayment, sellerOf, startInvoicePayment } from "./invoices.server";

export type InvoiceWithReminders = Invoice & { reminders: InvoiceReminder[] };

/**
 * An invoice for a signed-in person: the board, or a contact of the invoice's company (the
 * "invoice:read" permission on its company); null for anyone else, so it does not exist for them.
 */
export async function getInvoiceFor(user: Pick<AuthUser, "roles">, invoiceId: string): Promise<InvoiceWithReminders | null> {
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId }, include: invoiceInclude });
  return invoice && can(user.roles, "invoice:read", { companyId: invoice.companyId }) ? invoice : null;
}

/** `getInvoiceFor` without the reminders (the PDF needs only the invoice). */
export async function getInvoiceDocumentFor(user: Pick<AuthUser, "roles">, invoiceId: string): Promise<Invoice | null> {
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId } });
  return invoice && can(user.roles, "invoice:read", { companyId: invoice.companyId }) ? invoice : null;
}

/** An invoice reached by the secret token of its mail link; null: no such invoice. */
export function getInvoiceByToken(token: string): Promise<InvoiceWithReminders | null> {
  return db.invoice.findUnique({ where: { accessToken: token }, include: invoiceInclude });
}

/** `getInvoiceByToken` without the reminders (the PDF). */
export function getInvoiceDocumentByToken(token: string): Promise<Invoice | null> {
  return db.invoice.findUnique({ where: { accessToken: token } });
}

/** The invoice as its pages show it (serialisable). */
export async function invoicePageData(invoice: InvoiceWithReminders, returnedSessionParam: string | null, options: { board?: boolean } = {}) {
  const payments = (await paymentsOfInvoices([invoice.id])).get(invoice.id) ?? [];
  const latest = payments[0] ?? null;
  const returnedSessionId = returnedSessionParam && CHECKOUT_SESSION_ID.test(returnedSessionParam) ? returnedSessionParam : null;
  const returned = returnedSessionId ? payments.find((p) => p.sessionId === returnedSessionId) : undefined;
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    description: invoice.description,
    poNumber: invoice.poNumber,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    netCents: invoice.netCents,
    vatMode: invoice.vatMode,
    vatRateBp: invoice.vatRateBp,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    seller: sellerOf(invoice),
    buyer: buyerOf(invoice),
    paidAt: invoice.paidAt,
    settledVia: invoice.settledVia,
    transferDate: invoice.transferDate,
    waivedReason: invoice.waivedReason,
    overdue: isOverdue(invoice, now()),
    processing: payments.some((p) => p.phase === "processing"),
    latestPhase: latest?.phase ?? null,
    // Back from checkout with a payment that is still open here: the page asks its action to sync.
    syncSessionId: returned && ["open", "processing", "failed"].includes(returned.phase) ? returnedSessionId : null,
    reminders: invoice.reminders.map((r) => ({ step: r.step, sentAt: r.sentAt })),
    // Paid twice: only the board sees these, with a refund button each.
    extraPayments: options.board
      ? payments.filter((p) => isExtraPayment(invoice, p)).map((p) => ({ id: p.id, amountCents: p.amountCents, paidAt: p.paidAt }))
      : [],
  };
}

export type InvoicePageData = Awaited<ReturnType<typeof invoicePageData>>;


/**
 * The invoice page's action, after the caller checked access: "pay" sends the payer to Stripe
 * Checkout; "sync" converges a payment of this invoice with Stripe after the return from checkout.
 */
export async function invoicePageAction(
  request: Request,
  invoice: Invoice,
  options: { returnPath: string; actorId: string | null; locale: "nl" | "en"; board?: boolean },
) {
  const form = await readForm(request);
  const parsed = invoicePageActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ error: "invoices:errors.invalid" }, { status: 400 });
  const input = parsed.data;
  if (input.intent === "refund") {
    if (!options.board || !options.actorId) return json({ error: "invoices:errors.invalid" }, { status: 403 });
    try {
      await refundExtraPayment({ invoiceId: invoice.id, paymentId: input.paymentId, actorId: options.actorId });
    } catch (error) {
      if (error instanceof InvoiceError && (error.code === "not_found" || error.code === "not_extra")) {
        return json({ error: "invoices:errors.not_extra" }, { status: 409 });
      }
      if (error instanceof PaymentError) return json({ error: "invoices:errors.not_extra" }, { status: 409 });
      throw error;
    }
    return json({ error: null, notice: "invoices:page.refunded" });
  }
  if (input.intent === "sync") {
    const paymentId = await findPaymentIdBySession(db, input.sessionId);
    const payment = paymentId ? await db.payment.findUnique({ where: { id: paymentId }, select: { purposeId: true, purposeType: true } }) : null;
    if (!paymentId || payment?.purposeType !== "invoice" || payment.purposeId !== invoice.id) {
      return json({ error: "invoices:errors.invalid" }, { status: 400 });
    }
    await syncPayment(paymentId, { source: "return", actorId: options.actorId });
    return json({ error: null });
  }
  try {
    const checkout = await startInvoicePayment(invoice, input.method, options);
    return redirect(checkout.checkoutUrl);
  } catch (error) {
    if (error instanceof InvoiceError && (error.code === "not_open" || error.code === "processing")) {
      return json({ error: `invoices:errors.${error.code}` }, { status: 409 });
    }
    if (error instanceof PaymentError) return json({ error: "invoices:errors.invalid" }, { status: 400 });
    throw error;
  }
}
