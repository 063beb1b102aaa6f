// Contribution invoices: issuing (numbered from the gap-free sequence, both parties' details
// frozen), mailing, paying through Stripe Checkout (iDEAL/card or SEPA direct debit), bank
// transfers and waivers recorded by the board, and reminders.
//
// An invoice becomes PAID only when the payment module reports its payment PAID (for SEPA that is
// when the money has actually arrived, not when the checkout completes) or when the board records
// a transfer or waives it. Each of those also tells the company's state machine ("paid").
import { z } from "zod";
import type { Invoice, Payment, Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { changeCompanyStatus, CompanyStateError } from "~/modules/companies/companies.server";
import { schoolYearBounds, schoolYearLabel } from "~/modules/companies/school-year";
import { getFoundationSettings, invoiceDetailsComplete, type Settings } from "~/modules/companies/settings.server";
import { defineJob, enqueue } from "~/modules/jobs/jobs.server";
import { queueMail, type MailLocale } from "~/modules/mail/outbox.server";
import { paymentPhase, type PaymentPhase } from "~/modules/payments/payment-state";
import {
  createCheckout,
  endCheckoutAtStripe,
  expireCheckout,
  nextInvoiceNumber,
  onPaymentStatusChange,
  refundPayment,
  syncPayment,
  type PaymentStatusChange,
  type CheckoutCreated,
  type CheckoutMethod,
} from "~/modules/payments/payments.server";
import { now } from "~/utils/clock.server";
import { randomToken } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDate, formatMoney, toDateInputValue } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { dueDate, invoiceTotals, paymentTermOf } from "./invoice-math";
import type { PayMethod } from "./invoice-schema";

export { ACCESS_TOKEN, INVOICE_ID, PAY_METHODS, type PayMethod } from "./invoice-schema";

export const CONTRIBUTION = "CONTRIBUTION";
export const INVOICE_PURPOSE = "invoice";
const CHECKOUT_METHODS_FOR: Record<PayMethod, CheckoutMethod[]> = { "card-ideal": ["ideal", "card"], sepa: ["sepa_debit"] };


export class InvoiceError extends Error {
  constructor(
    readonly code: "no_tier" | "settings_incomplete" | "not_open" | "not_found" | "processing" | "no_recipient" | "not_extra" | "date_future" | "date_before_invoice",
    message: string,
  ) {
    super(message);
    this.name = "InvoiceError";
  }
}

export type SellerSnapshot = {
  name: string;
  address: string;
  postcode: string;
  city: string;
  kvkNumber: string;
  vatNumber: string | null;
  vatExemptionReason: string | null;
  iban: string;
  email: string;
};

export type BuyerSnapshot = {
  name: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  attention: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  billingEmail: string | null;
};

const snapshotText = (value: unknown) => (typeof value === "string" ? value : "");
const snapshotOptional = (value: unknown) => (typeof value === "string" && value ? value : null);
const snapshotRecord = (value: Prisma.JsonValue): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The seller as frozen on the invoice (missing fields read as empty). */
export function sellerOf(invoice: { seller: Prisma.JsonValue }): SellerSnapshot {
  const s = snapshotRecord(invoice.seller);
  return {
    name: snapshotText(s.name),
    address: snapshotText(s.address),
    postcode: snapshotText(s.postcode),
    city: snapshotText(s.city),
    kvkNumber: snapshotText(s.kvkNumber),
    vatNumber: snapshotOptional(s.vatNumber),
    vatExemptionReason: snapshotOptional(s.vatExemptionReason),
    iban: snapshotText(s.iban),
    email: snapshotText(s.email),
  };
}

/** The buyer as frozen on the invoice (missing fields read as empty). */
export function buyerOf(invoice: { buyer: Prisma.JsonValue }): BuyerSnapshot {
  const b = snapshotRecord(invoice.buyer);
  return {
    name: snapshotText(b.name),
    address: snapshotOptional(b.address),
    postcode: snapshotOptional(b.postcode),
    city: snapshotOptional(b.city),
    attention: snapshotOptional(b.attention),
    kvkNumber: snapshotOptional(b.kvkNumber),
    vatNumber: snapshotOptional(b.vatNumber),
    billingEmail: snapshotOptional(b.billingEmail),
  };
}

function sellerSnapshot(settings: Settings): SellerSnapshot {
  return {
    name: settings.name,
    address: settings.address,
    postcode: settings.postcode,
    city: settings.city,
    kvkNumber: settings.kvkNumber,
    vatNumber: settings.vatNumber,
    vatExemptionReason: settings.vatExemptionReason,
    iban: settings.iban,
    email: settings.email,
  };
}

const appUrl = () => getEnv().APP_URL.replace(/\/+$/, "");
export const publicInvoicePath = (token: string) => `/factuur/${token}`;
export const invoicePath = (id: string) => `/facturen/${id}`;

/** The school year's row (created on first use; concurrent callers share it). */
export async function ensureSchoolYear(tx: Tx, startYear: number) {
  const { startsOn, endsOn } = schoolYearBounds(startYear);
  await tx.schoolYear.createMany({ data: [{ startYear, startsOn, endsOn }], skipDuplicates: true });
  return tx.schoolYear.findUniqueOrThrow({ where: { startYear } });
}

// ---------------------------------------------------------------------------------------------
// Mail

type Recipient = { email: string; locale: MailLocale };

const asLocale = (value: string | null | undefined): MailLocale => (value === "en" ? "en" : "nl");

/** The billing e-mail; without one, the company's contact people. */
async function recipientsFor(tx: Tx, companyId: string): Promise<Recipient[]> {
  const company = await tx.company.findUniqueOrThrow({
    where: { id: companyId },
    select: {
      billingEmail: true,
      contacts: { where: { removedAt: null }, select: { email: true, user: { select: { locale: true } } } },
      roles: { where: { role: "COMPANY_CONTACT" }, select: { user: { select: { email: true, locale: true } } } },
    },
  });
  const people = [
    ...company.contacts.map((c) => ({ email: c.email, locale: asLocale(c.user?.locale) })),
    ...company.roles.flatMap((r) => (r.user.email ? [{ email: r.user.email, locale: asLocale(r.user.locale) }] : [])),
  ];
  if (company.billingEmail) {
    const known = people.find((p) => p.email.toLowerCase() === company.billingEmail!.toLowerCase());
    return [{ email: company.billingEmail, locale: known?.locale ?? "nl" }];
  }
  const seen = new Set<string>();
  return people.filter((p) => (seen.has(p.email.toLowerCase()) ? false : (seen.add(p.email.toLowerCase()), true)));
}

type MailKind = { type: "sent" } | { type: "resent"; at: Date } | { type: "reminder"; step: number };

async function mailInvoice(tx: Tx, invoice: Invoice, kind: MailKind, recipients: Recipient[]): Promise<number> {
  const buyer = buyerOf(invoice);
  let queued = 0;
  for (const to of recipients) {
    const t = await i18next.getFixedT(to.locale, "invoices");
    const lng = to.locale;
    const values = {
      number: invoice.number,
      company: buyer.name,
      amount: formatMoney(invoice.totalCents, lng),
      due: formatDate(invoice.dueAt, lng),
      issued: formatDate(invoice.issuedAt, lng),
      // The body says how many days: the payment term, or how long ago a reminded invoice was sent.
      count: kind.type === "reminder" ? kind.step : paymentTermOf(invoice),
    };
    const type = kind.type === "reminder" ? "reminder" : "invoice";
    const facts = [
      { label: t("mail.facts.number"), value: invoice.number },
      { label: t("mail.facts.description"), value: invoice.description },
      { label: t("mail.facts.amount"), value: values.amount },
      { label: t("mail.facts.due"), value: values.due },
      ...(invoice.poNumber ? [{ label: t("mail.facts.po"), value: invoice.poNumber }] : []),
    ];
    const key =
      kind.type === "sent"
        ? `invoice:${invoice.id}:sent:${to.email.toLowerCase()}`
        : kind.type === "resent"
          ? `invoice:${invoice.id}:resent:${kind.at.getTime()}:${to.email.toLowerCase()}`
          : `invoice:${invoice.id}:reminder:${kind.step}:${to.email.toLowerCase()}`;
    const result = await queueMail(
      {
        to: to.email,
        template: "notice",
        locale: to.locale,
        idempotencyKey: key,
        props: {
          subject: t(`mail.${type}.subject`, values),
          preview: t(`mail.${type}.preview`, values),
          heading: t(`mail.${type}.heading`, values),
          paragraphs: [t(`mail.${type}.body`, values), t("mail.payOptions")],
          facts,
          button: { label: t("mail.button"), url: `${appUrl()}${publicInvoicePath(invoice.accessToken)}` },
          closing: [t("mail.closing")],
        },
      },
      tx,
    );
    if (result.created) queued++;
  }
  return queued;
}

// ---------------------------------------------------------------------------------------------
// Issuing

export type IssueInput = { companyId: string; schoolYearStart: number; actorId: string | null };
export type IssueResult = { invoice: Invoice; created: boolean };

/**
 * The company's contribution invoice for a school year: made, numbered and mailed once; a second
 * call returns the same invoice (unique per company, school year and kind). Locks the company's
 * row, so two workers issuing at once wait for each other instead of burning a number.
 */
export async function issueContributionInvoice(tx: Tx, input: IssueInput): Promise<IssueResult> {
  await tx.$queryRaw`SELECT id FROM "Company" WHERE id = ${input.companyId} FOR UPDATE`;
  const schoolYear = await ensureSchoolYear(tx, input.schoolYearStart);
  const existing = await tx.invoice.findUnique({
    where: { companyId_schoolYearId_kind: { companyId: input.companyId, schoolYearId: schoolYear.id, kind: CONTRIBUTION } },
  });
  if (existing) return { invoice: existing, created: false };

  const company = await tx.company.findUniqueOrThrow({ where: { id: input.companyId }, include: { tier: true } });
  if (!company.tier) throw new InvoiceError("no_tier", `Company ${company.id} has no contribution tier`);
  const settings = await getFoundationSettings(tx);
  if (!invoiceDetailsComplete(settings)) throw new InvoiceError("settings_incomplete", "The foundation's invoice details are incomplete");

  const issuedAt = now();
  const totals = invoiceTotals(company.tier.amountCents, settings.contributionVatMode, settings.contributionVatRateBp);
  const t = await i18next.getFixedT("nl", "invoices");
  const invoice = await tx.invoice.create({
    data: {
      number: await nextInvoiceNumber(tx, issuedAt),
      companyId: company.id,
      schoolYearId: schoolYear.id,
      kind: CONTRIBUTION,
      status: "OPEN",
      description: t("description", { year: schoolYearLabel(schoolYear.startYear), tier: company.tier.name }),
      poNumber: company.poNumber,
      periodStart: schoolYear.startsOn,
      periodEnd: schoolYear.endsOn,
      issuedAt,
      dueAt: dueDate(issuedAt, settings.paymentTermDays),
      ...totals,
      seller: sellerSnapshot(settings),
      buyer: {
        name: company.name,
        address: company.invoiceAddress,
        postcode: company.invoicePostcode,
        city: company.invoiceCity,
        attention: company.invoiceAttention,
        kvkNumber: company.kvkNumber,
        vatNumber: company.vatNumber,
        billingEmail: company.billingEmail,
      } satisfies BuyerSnapshot,
      accessToken: randomToken(32),
      createdAt: issuedAt,
      updatedAt: issuedAt,
    },
  });
  await audit(
    {
      actorId: input.actorId,
      action: "invoice.issued",
      entityType: "Invoice",
      entityId: invoice.id,
      after: { number: invoice.number, companyId: company.id, schoolYear: schoolYear.startYear, totalCents: invoice.totalCents },
    },
    tx,
  );
  await mailInvoice(tx, invoice, { type: "sent" }, await recipientsFor(tx, company.id));
  return { invoice, created: true };
}

/** Mail the invoice again (the board, e.g. after the billing address changed). */
export async function resendInvoice(invoiceId: string, actorId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { id: invoiceId } });
    if (!invoice) throw new InvoiceError("not_found", `No invoice ${invoiceId}`);
    const recipients = await recipientsFor(tx, invoice.companyId);
    if (recipients.length === 0) throw new InvoiceError("no_recipient", `Invoice ${invoiceId} has nobody to mail`);
    const queued = await mailInvoice(tx, invoice, { type: "resent", at: now() }, recipients);
    await audit({ actorId, action: "invoice.resent", entityType: "Invoice", entityId: invoice.id, meta: { to: recipients.map((r) => r.email) } }, tx);
    return queued;
  });
}

// ---------------------------------------------------------------------------------------------
// Settling

async function lockInvoice(tx: Tx, invoiceId: string): Promise<Invoice | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invoice" WHERE id = ${invoiceId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
}

/** Tell the company's state machine its contribution is settled, once no contribution is open. */
async function companyPaid(tx: Tx, companyId: string, actorId: string | null, reason: string): Promise<void> {
  const open = await tx.invoice.count({ where: { companyId, kind: CONTRIBUTION, status: "OPEN" } });
  if (open > 0) return;
  try {
    await changeCompanyStatus(tx, { companyId, event: "paid", actorId, reason });
  } catch (error) {
    // An applicant or rejected company that pays anyway stays where it is.
    if (!(error instanceof CompanyStateError)) throw error;
  }
}

/** The open checkouts of an invoice end once it is settled otherwise (no double payment). */
async function expireOpenCheckouts(invoiceId: string, actorId: string | null): Promise<void> {
  const open = await db.payment.findMany({
    // A FAILED payment's session stays open for a retry: it could still take money.
    where: { purposeType: INVOICE_PURPOSE, purposeId: invoiceId, status: { in: ["OPEN", "FAILED"] }, checkoutUrl: { not: null } },
    select: { id: true },
  });
  for (const payment of open) {
    try {
      await expireCheckout(payment.id, actorId);
    } catch (error) {
      console.warn(`[invoices] could not expire checkout ${payment.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Can a recorded event (money received, a refund, a signature) have happened on this date? Not
 * after today and not before what it follows (the invoice's date), both as Amsterdam calendar days.
 */
export function recordedDateProblem(date: Date, bounds: { today: Date; notBefore?: Date }): "future" | "before" | null {
  const day = toDateInputValue(date);
  if (day > toDateInputValue(bounds.today)) return "future";
  if (bounds.notBefore && day < toDateInputValue(bounds.notBefore)) return "before";
  return null;
}

export type TransferInput = { invoiceId: string; date: Date; reference: string; actorId: string };

/** The board saw the money arrive by bank transfer. */
export async function recordTransfer(input: TransferInput): Promise<Invoice> {
  const invoice = await db.$transaction(async (tx) => {
    const before = await lockInvoice(tx, input.invoiceId);
    if (!before) throw new InvoiceError("not_found", `No invoice ${input.invoiceId}`);
    if (before.status !== "OPEN") throw new InvoiceError("not_open", `Invoice ${before.number} is ${before.status}`);
    const at = now();
    const problem = recordedDateProblem(input.date, { today: at, notBefore: before.issuedAt });
    if (problem === "future") throw new InvoiceError("date_future", `A transfer dated ${input.date.toISOString()} has not happened yet`);
    if (problem === "before") throw new InvoiceError("date_before_invoice", `A transfer dated ${input.date.toISOString()} is before invoice ${before.number}`);
    const after = await tx.invoice.update({
      where: { id: before.id },
      data: { status: "PAID", paidAt: input.date, settledVia: "TRANSFER", transferDate: input.date, transferReference: input.reference, settledById: input.actorId, updatedAt: at },
    });
    await audit(
      {
        actorId: input.actorId,
        action: "invoice.transfer_recorded",
        entityType: "Invoice",
        entityId: before.id,
        before: { status: before.status },
        after: { status: "PAID", settledVia: "TRANSFER", transferDate: input.date, transferReference: input.reference },
      },
      tx,
    );
    await companyPaid(tx, before.companyId, input.actorId, `invoice ${before.number}: transfer`);
    return after;
  });
  await expireOpenCheckouts(invoice.id, input.actorId);
  return invoice;
}

export type WaiveInput = { invoiceId: string; reason: string; actorId: string };

/** The board waives the contribution (it counts as settled). */
export async function waiveInvoice(input: WaiveInput): Promise<Invoice> {
  const invoice = await db.$transaction(async (tx) => {
    const before = await lockInvoice(tx, input.invoiceId);
    if (!before) throw new InvoiceError("not_found", `No invoice ${input.invoiceId}`);
    if (before.status !== "OPEN") throw new InvoiceError("not_open", `Invoice ${before.number} is ${before.status}`);
    const after = await tx.invoice.update({
      where: { id: before.id },
      data: { status: "WAIVED", settledVia: "WAIVED", waivedReason: input.reason, settledById: input.actorId, updatedAt: now() },
    });
    await audit(
      {
        actorId: input.actorId,
        action: "invoice.waived",
        entityType: "Invoice",
        entityId: before.id,
        before: { status: before.status },
        after: { status: "WAIVED", waivedReason: input.reason },
      },
      tx,
    );
    await companyPaid(tx, before.companyId, input.actorId, `invoice ${before.number}: waived`);
    return after;
  });
  await expireOpenCheckouts(invoice.id, input.actorId);
  return invoice;
}

/** Ends the other open checkouts of an invoice once one of its payments received the money. */
export const EXPIRE_OTHER_CHECKOUTS_JOB = "invoices.expire-other-checkouts";

defineJob(EXPIRE_OTHER_CHECKOUTS_JOB, async ({ payload }) => {
  const invoiceId = payload && typeof payload === "object" && !Array.isArray(payload) ? payload.invoiceId : undefined;
  if (typeof invoiceId !== "string") throw new Error(`${EXPIRE_OTHER_CHECKOUTS_JOB}: payload without invoiceId`);
  await expireOpenCheckouts(invoiceId, null);
});

async function boardMembers(tx: Tx) {
  return tx.user.findMany({
    where: { disabledAt: null, email: { not: null }, roles: { some: { role: "BOARD" } } },
    select: { id: true, email: true, locale: true },
    orderBy: { id: "asc" },
  });
}

/** Mail the board that an invoice received a payment it did not need, with a link to refund it. */
async function mailBoardPaidTwice(tx: Tx, invoice: Invoice, change: PaymentStatusChange): Promise<void> {
  for (const member of await boardMembers(tx)) {
    const locale = asLocale(member.locale);
    const t = await i18next.getFixedT(locale, "invoices");
    const values = { number: invoice.number, company: buyerOf(invoice).name, amount: formatMoney(change.amountCents, locale) };
    await queueMail(
      {
        to: member.email!,
        template: "notice",
        locale,
        idempotencyKey: `invoice:${invoice.id}:paid-twice:${change.paymentId}:${member.id}`,
        props: {
          subject: t("mail.paidTwice.subject", values),
          preview: t("mail.paidTwice.preview", values),
          heading: t("mail.paidTwice.heading", values),
          paragraphs: [t("mail.paidTwice.body", values)],
          facts: [
            { label: t("mail.facts.number"), value: invoice.number },
            { label: t("mail.facts.amount"), value: values.amount },
          ],
          button: { label: t("mail.paidTwice.button"), url: `${appUrl()}${invoicePath(invoice.id)}` },
        },
      },
      tx,
    );
  }
}

async function invoicePaymentReceived(change: PaymentStatusChange, tx: Tx): Promise<void> {
  const invoice = await lockInvoice(tx, change.purposeId);
  if (!invoice) return;
  // Whatever else happens, no other checkout of this invoice may take money any more. A job, so
  // Stripe is called after this change commits (and retried if Stripe is unreachable).
  await enqueue(EXPIRE_OTHER_CHECKOUTS_JOB, { invoiceId: invoice.id }, { uniqueKey: `invoice:${invoice.id}:expire-checkouts:${change.paymentId}` }, tx);
  if (invoice.status !== "OPEN") {
    if (invoice.settledPaymentId === change.paymentId) return;
    // Paid twice (two checkouts, or a transfer recorded while a debit was under way): the board
    // sees it on the invoice page with a refund button, and gets a mail.
    await audit(
      {
        actorId: null,
        action: "invoice.paid_again",
        entityType: "Invoice",
        entityId: invoice.id,
        meta: { paymentId: change.paymentId, status: invoice.status, settledVia: invoice.settledVia, amountCents: change.amountCents },
      },
      tx,
    );
    await mailBoardPaidTwice(tx, invoice, change);
    return;
  }
  await tx.invoice.update({
    where: { id: invoice.id },
    data: { status: "PAID", paidAt: change.at, settledVia: "STRIPE", settledPaymentId: change.paymentId, updatedAt: change.at },
  });
  await audit(
    {
      actorId: null,
      action: "invoice.paid",
      entityType: "Invoice",
      entityId: invoice.id,
      before: { status: "OPEN" },
      after: { status: "PAID", settledVia: "STRIPE" },
      meta: { paymentId: change.paymentId, source: change.source },
    },
    tx,
  );
  await companyPaid(tx, invoice.companyId, null, `invoice ${invoice.number}: paid online`);
}

/**
 * A payment of the invoice was refunded in full. If it was the payment that settled the invoice,
 * another PAID payment of the invoice settles it instead, or else the invoice is open again.
 */
async function invoicePaymentRefunded(change: PaymentStatusChange, tx: Tx): Promise<void> {
  const invoice = await lockInvoice(tx, change.purposeId);
  if (!invoice || invoice.status !== "PAID" || invoice.settledVia !== "STRIPE" || invoice.settledPaymentId !== change.paymentId) return;
  const other = await tx.payment.findFirst({
    where: { purposeType: INVOICE_PURPOSE, purposeId: invoice.id, status: "PAID", id: { not: change.paymentId } },
    orderBy: [{ paidAt: "asc" }, { id: "asc" }],
    select: { id: true, paidAt: true },
  });
  if (other) {
    await tx.invoice.update({ where: { id: invoice.id }, data: { settledPaymentId: other.id, paidAt: other.paidAt ?? change.at, updatedAt: change.at } });
    await audit(
      { actorId: null, action: "invoice.settled_by_other_payment", entityType: "Invoice", entityId: invoice.id, meta: { refunded: change.paymentId, paymentId: other.id } },
      tx,
    );
    return;
  }
  await tx.invoice.update({
    where: { id: invoice.id },
    data: { status: "OPEN", paidAt: null, settledVia: null, settledPaymentId: null, settledById: null, updatedAt: change.at },
  });
  await audit(
    {
      actorId: null,
      action: "invoice.reopened",
      entityType: "Invoice",
      entityId: invoice.id,
      before: { status: "PAID", settledVia: "STRIPE", settledPaymentId: change.paymentId },
      after: { status: "OPEN" },
      meta: { reason: "refunded", paymentId: change.paymentId, source: change.source },
    },
    tx,
  );
}

// The payment module tells us when an invoice's payment changes. Only PAID settles the invoice:
// a completed SEPA checkout stays OPEN ("processing") until the debit has succeeded. A full
// refund of the settling payment opens it again.
onPaymentStatusChange(INVOICE_PURPOSE, async (change, tx) => {
  if (change.to === "PAID") await invoicePaymentReceived(change, tx);
  else if (change.to === "REFUNDED") await invoicePaymentRefunded(change, tx);
});

/** A payment the invoice did not need: PAID, and not the one that settled the invoice. */
export function isExtraPayment(
  invoice: Pick<Invoice, "status" | "settledPaymentId">,
  payment: { id: string; status: string },
): boolean {
  return payment.status === "PAID" && invoice.status !== "OPEN" && payment.id !== invoice.settledPaymentId;
}

export type RefundExtraInput = { invoiceId: string; paymentId: string; actorId: string };

/** The board refunds a payment the invoice did not need (paid twice); the invoice stays settled. */
export async function refundExtraPayment(input: RefundExtraInput): Promise<void> {
  const invoice = await db.invoice.findUnique({ where: { id: input.invoiceId }, select: { id: true, number: true, status: true, settledPaymentId: true } });
  if (!invoice) throw new InvoiceError("not_found", `No invoice ${input.invoiceId}`);
  const payment = await db.payment.findFirst({
    where: { id: input.paymentId, purposeType: INVOICE_PURPOSE, purposeId: invoice.id },
    select: { id: true, status: true, amountCents: true },
  });
  if (!payment) throw new InvoiceError("not_found", `No payment ${input.paymentId} for invoice ${invoice.number}`);
  if (!isExtraPayment(invoice, payment)) throw new InvoiceError("not_extra", `Payment ${payment.id} is not an extra payment of invoice ${invoice.number}`);
  await refundPayment(payment.id, input.actorId, { reason: "duplicate" });
  await audit({
    actorId: input.actorId,
    action: "invoice.extra_payment_refunded",
    entityType: "Invoice",
    entityId: invoice.id,
    meta: { paymentId: payment.id, amountCents: payment.amountCents },
  });
}

// ---------------------------------------------------------------------------------------------
// Paying online

export type InvoicePaymentView = {
  id: string;
  status: Payment["status"];
  phase: PaymentPhase;
  method: PayMethod | null;
  checkoutUrl: string | null;
  createdAt: Date;
  paidAt: Date | null;
  amountCents: number;
  sessionId: string | null;
};

const methodOf = (description: string): PayMethod | null => (description.endsWith("(SEPA)") ? "sepa" : description.endsWith("(iDEAL)") ? "card-ideal" : null);

/** The invoice's payments, newest first, as people see them. */
export async function paymentsOfInvoices(invoiceIds: string[]): Promise<Map<string, InvoicePaymentView[]>> {
  const map = new Map<string, InvoicePaymentView[]>();
  if (invoiceIds.length === 0) return map;
  const rows = await db.payment.findMany({
    where: { purposeType: INVOICE_PURPOSE, purposeId: { in: invoiceIds } },
    select: { id: true, purposeId: true, status: true, checkoutSessionId: true, checkoutUrl: true, description: true, createdAt: true, paidAt: true, amountCents: true },
    orderBy: { createdAt: "desc" },
  });
  for (const p of rows) {
    const list = map.get(p.purposeId) ?? [];
    list.push({
      id: p.id,
      status: p.status,
      phase: paymentPhase(p),
      method: methodOf(p.description),
      checkoutUrl: p.checkoutUrl,
      createdAt: p.createdAt,
      paidAt: p.paidAt,
      amountCents: p.amountCents,
      sessionId: p.checkoutSessionId,
    });
    map.set(p.purposeId, list);
  }
  return map;
}

/**
 * Start paying an open invoice: a Stripe Checkout for iDEAL/card or SEPA direct debit. Refused
 * while a debit is being processed (it would pay twice). An invoice has one open checkout at a
 * time: starting a new one ends the earlier ones at Stripe first, under the invoice's row lock,
 * so two people (or two tabs) paying at once cannot both pay. Returns where to send the payer.
 */
export async function startInvoicePayment(
  invoice: Pick<Invoice, "id" | "number" | "status" | "totalCents" | "buyer">,
  method: PayMethod,
  options: { returnPath: string; actorId: string | null; locale?: "nl" | "en" },
): Promise<CheckoutCreated> {
  if (invoice.status !== "OPEN") throw new InvoiceError("not_open", `Invoice ${invoice.number} is ${invoice.status}`);
  const ended: string[] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await lockInvoice(tx, invoice.id);
        if (!locked) throw new InvoiceError("not_found", `No invoice ${invoice.id}`);
        if (locked.status !== "OPEN") throw new InvoiceError("not_open", `Invoice ${invoice.number} is ${locked.status}`);
        const payments = (await paymentsOfInvoices([invoice.id])).get(invoice.id) ?? [];
        if (payments.some((p) => p.phase === "processing" || p.phase === "paid")) {
          throw new InvoiceError("processing", `Invoice ${invoice.number} already has a payment under way`);
        }
        for (const p of payments) {
          if (p.sessionId && p.checkoutUrl && (p.status === "OPEN" || p.status === "FAILED")) {
            await endCheckoutAtStripe(p.sessionId);
            ended.push(p.id);
          }
        }
        const billing = buyerOf(invoice).billingEmail;
        const billingEmail = billing && z.email().safeParse(billing).success ? billing : null;
        return createCheckout(
          {
            purposeType: INVOICE_PURPOSE,
            purposeId: invoice.id,
            amountCents: invoice.totalCents,
            description: `Factuur ${invoice.number} (${method === "sepa" ? "SEPA" : "iDEAL"})`,
            successPath: options.returnPath,
            cancelPath: options.returnPath,
            methods: CHECKOUT_METHODS_FOR[method],
            ...(billingEmail ? { customerEmail: billingEmail } : {}),
            ...(options.locale ? { locale: options.locale } : {}),
          },
          options.actorId,
        );
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } finally {
    // Record the ended checkouts now (outside the invoice lock: a sync may settle the invoice).
    for (const id of ended) {
      await syncPayment(id, { source: "expire", actorId: options.actorId }).catch((error: unknown) =>
        console.warn(`[invoices] could not sync ended checkout ${id}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * Send reminder `step` (days after the invoice date) for an open invoice, once: the
 * InvoiceReminder row is unique per (invoice, step), so a second worker's insert does nothing and
 * sends nothing. Returns true when this call sent it.
 */
export async function sendReminder(tx: Tx, invoiceId: string, step: number): Promise<boolean> {
  const invoice = await lockInvoice(tx, invoiceId);
  if (!invoice || invoice.status !== "OPEN") return false;
  const recipients = await recipientsFor(tx, invoice.companyId);
  if (recipients.length === 0) return false;
  const created = await tx.invoiceReminder.createManyAndReturn({
    data: [{ invoiceId, step, sentAt: now(), toAddress: recipients.map((r) => r.email).join(", ").slice(0, 500) }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created.length === 0) return false;
  await mailInvoice(tx, invoice, { type: "reminder", step }, recipients);
  await audit({ actorId: null, action: "invoice.reminded", entityType: "Invoice", entityId: invoice.id, meta: { step, to: recipients.map((r) => r.email) } }, tx);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Reading, with access

/** The board (any of the person's roles), who may refund a double payment. */
export function isBoard(user: { roles: { role: string }[] }): boolean {
  return user.roles.some((r) => r.role === "BOARD");
}

export const invoiceInclude = { reminders: { orderBy: { step: "asc" } } } satisfies Prisma.InvoiceInclude;
