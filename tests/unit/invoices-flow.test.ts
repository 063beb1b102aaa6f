// Contribution invoices end to end (in-process): issuing with numbers from the gap-free sequence,
// paying through the local Stripe fake (card/iDEAL at once, SEPA only when the debit succeeds),
// transfers and waivers by the board, the daily job (invoicing, reminders, grace), and access.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CompanyStatus } from "~/generated/prisma/enums";
import { issueContributionInvoice, recordTransfer, waiveInvoice } from "~/modules/invoices/invoices.server";
import { ISSUE_FOR_COMPANY_JOB, runDailyInvoicing } from "~/modules/invoices/jobs.server";
import { drainJobs, enqueue } from "~/modules/jobs/jobs.server";
import { createCheckout, refundPayment } from "~/modules/payments/payments.server";
import { getStripe } from "~/modules/payments/stripe.server";
import { startStripeFake, type StripeFake } from "~/modules/payments/stripe-fake.server";
import { action as boardAction, loader as boardLoader } from "~/routes/bestuur.facturen";
import { action as publicAction, loader as publicLoader } from "~/routes/factuur.$token";
import { loader as publicPdfLoader } from "~/routes/factuur.$token.pdf";
import { action as invoiceAction, loader as invoiceLoader } from "~/routes/facturen.$invoiceId";
import { loader as pdfLoader } from "~/routes/facturen.$invoiceId.pdf";
import { action as webhookAction } from "~/routes/webhooks.stripe";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { assignRole, createCompany, createFoundationSettings, createTier, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

let fake: StripeFake;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  resetEnv();
  fake = await startStripeFake({
    appUrl: "http://localhost:3000",
    deliver: (request) => webhookAction({ request, params: {}, context: {} }),
    retryDelaysMs: [20, 40, 80],
    autoExpireIntervalMs: 0,
    log: () => {},
  });
  await createFoundationSettings(db, { graceMonths: 3, reminderDays: [30, 60] });
});

afterAll(async () => {
  await fake.stop();
});

afterEach(() => resetClock());

async function companyWithContact(status: CompanyStatus = "ACTIVE", amountCents = 50_000) {
  const tier = await createTier(db, { amountCents });
  const company = await createCompany(db);
  await db.company.update({ where: { id: company.id }, data: { status, tierId: tier.id, billingEmail: `billing-${company.id}@example.test`, poNumber: "PO-4711" } });
  const contact = await createUser(db);
  await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: company.id });
  return { company, contact, tier };
}

const issue = (companyId: string, schoolYearStart = 2026) =>
  db.$transaction((tx) => issueContributionInvoice(tx, { companyId, schoolYearStart, actorId: null }));
const statusOf = async (companyId: string) => (await db.company.findUniqueOrThrow({ where: { id: companyId } })).status;

describe("issuing a contribution invoice", () => {
  it("numbers it from the gap-free sequence, freezes both parties and mails the billing address once", async () => {
    setClock(new Date("2026-09-01T04:00:00Z"));
    const { company } = await companyWithContact("ACTIVE", 50_000);
    const first = await issue(company.id);
    expect(first.created).toBe(true);
    expect(first.invoice.number).toMatch(/^2026-\d{4}$/);
    expect(first.invoice.totalCents).toBe(50_000);
    expect(first.invoice.vatCents).toBe(0);
    expect(first.invoice.poNumber).toBe("PO-4711");
    expect(first.invoice.dueAt).toEqual(new Date("2026-10-01T04:00:00Z"));
    expect(first.invoice.buyer).toMatchObject({ name: company.name, billingEmail: `billing-${company.id}@example.test` });
    expect(first.invoice.seller).toMatchObject({ kvkNumber: "87654321", iban: "NL91 ABNA 0417 1643 00" });

    const again = await issue(company.id);
    expect(again.created).toBe(false);
    expect(again.invoice.id).toBe(first.invoice.id);
    const mails = await db.outboxMessage.findMany({ where: { toAddress: `billing-${company.id}@example.test` } });
    expect(mails).toHaveLength(1);
    expect(JSON.stringify(mails[0]!.props)).toContain(`/factuur/${first.invoice.accessToken}`);

    // The next invoice takes the next number: no gaps.
    const other = await companyWithContact();
    const next = await issue(other.company.id);
    expect(Number(next.invoice.number.slice(5))).toBe(Number(first.invoice.number.slice(5)) + 1);
  });

  it("adds VAT when the foundation charges it", async () => {
    await createFoundationSettings(db, { contributionVatMode: "RATE", contributionVatRateBp: 2100 });
    try {
      const { company } = await companyWithContact("ACTIVE", 25_000);
      const { invoice } = await issue(company.id, 2031);
      expect([invoice.netCents, invoice.vatRateBp, invoice.vatCents, invoice.totalCents]).toEqual([25_000, 2100, 5_250, 30_250]);
    } finally {
      await createFoundationSettings(db, { contributionVatMode: "EXEMPT", contributionVatRateBp: 0, graceMonths: 3, reminderDays: [30, 60] });
    }
  });

  it("is issued once even when two workers try at the same time", async () => {
    const { company } = await companyWithContact();
    const results = await Promise.all([issue(company.id, 2032), issue(company.id, 2032)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.invoice.id).toBe(results[1]!.invoice.id);
  });
});

describe("settling", () => {
  it("a transfer recorded by the board pays the invoice and brings a GRACE company back to ACTIVE", async () => {
    setClock(new Date("2026-10-01T09:00:00Z"));
    const { company } = await companyWithContact("GRACE");
    const { invoice } = await issue(company.id, 2033);
    const board = await createUser(db);
    setClock(new Date("2026-10-06T09:00:00Z"));
    await recordTransfer({ invoiceId: invoice.id, date: new Date("2026-10-05T10:00:00Z"), reference: "NL12 afschrift 88", actorId: board.id });
    const paid = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([paid.status, paid.settledVia, paid.transferReference]).toEqual(["PAID", "TRANSFER", "NL12 afschrift 88"]);
    expect(await statusOf(company.id)).toBe("ACTIVE");
    expect(await db.auditLog.count({ where: { entityId: invoice.id, action: "invoice.transfer_recorded" } })).toBe(1);
    await expect(recordTransfer({ invoiceId: invoice.id, date: new Date(), reference: "x", actorId: board.id })).rejects.toThrow(/PAID/);
  });

  it("waiving counts as settled", async () => {
    const { company } = await companyWithContact("APPROVED");
    const { invoice } = await issue(company.id, 2034);
    const board = await createUser(db);
    await waiveInvoice({ invoiceId: invoice.id, reason: "Startend bedrijf, eerste jaar gratis", actorId: board.id });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("WAIVED");
    expect(await statusOf(company.id)).toBe("ACTIVE");
  });

  it("card/iDEAL: paid when the webhook says so", async () => {
    const { company, contact } = await companyWithContact("GRACE");
    const { invoice } = await issue(company.id, 2035);
    const jar = await signedIn(contact.id);
    const res = await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "pay", method: "card-ideal" }, jar), { invoiceId: invoice.id })));
    expect(res.status).toBe(302);
    const payment = await db.payment.findFirstOrThrow({ where: { purposeType: "invoice", purposeId: invoice.id } });
    fake.pay(payment.checkoutSessionId!, "ideal");
    await fake.flush();
    const paid = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([paid.status, paid.settledVia]).toEqual(["PAID", "STRIPE"]);
    expect(await statusOf(company.id)).toBe("ACTIVE");
  });

  it("SEPA: stays open (processing) after checkout, paid only when the debit succeeds", async () => {
    const { company } = await companyWithContact("GRACE");
    const { invoice } = await issue(company.id, 2036);
    const res = await respond(() => publicAction(args(post(`/factuur/${invoice.accessToken}`, { intent: "pay", method: "sepa" }), { token: invoice.accessToken })));
    expect(res.status).toBe(302);
    const payment = await db.payment.findFirstOrThrow({ where: { purposeType: "invoice", purposeId: invoice.id } });
    fake.pay(payment.checkoutSessionId!, "sepa_debit");
    await fake.flush();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
    expect(await statusOf(company.id)).toBe("GRACE");
    const page = await (await respond(() => publicLoader(args(get(`/factuur/${invoice.accessToken}`), { token: invoice.accessToken })))).json();
    expect(page.invoice.processing).toBe(true);
    // A second payment while the debit runs is refused.
    const twice = await respond(() => publicAction(args(post(`/factuur/${invoice.accessToken}`, { intent: "pay", method: "card-ideal" }), { token: invoice.accessToken })));
    expect(twice.status).toBe(409);

    fake.settle(payment.checkoutSessionId!, "succeeded");
    await fake.flush();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect(await statusOf(company.id)).toBe("ACTIVE");
  });

  it("SEPA that fails leaves the invoice open and the board sees why", async () => {
    const { company } = await companyWithContact("GRACE");
    const { invoice } = await issue(company.id, 2037);
    await respond(() => publicAction(args(post(`/factuur/${invoice.accessToken}`, { intent: "pay", method: "sepa" }), { token: invoice.accessToken })));
    const payment = await db.payment.findFirstOrThrow({ where: { purposeType: "invoice", purposeId: invoice.id } });
    fake.pay(payment.checkoutSessionId!, "sepa_debit");
    await fake.flush();
    fake.settle(payment.checkoutSessionId!, "failed");
    await fake.flush();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
    const board = await createUser(db);
    await assignRole(db, board.id, "BOARD");
    const anonymous = await respond(() => boardLoader(args(get("/bestuur/facturen?jaar=2037"))));
    expect(anonymous.status).toBe(302); // sign in first
    const jar = await signedIn(board.id);
    const body = await (await respond(() => boardLoader(args(get("/bestuur/facturen?jaar=2037", jar))))).json();
    const row = body.rows.find((r: { id: string }) => r.id === invoice.id);
    expect(row.reason).toBe("failed");
  });
});

describe("paid twice (issue 15, finding 4)", () => {
  const boardMember = async () => {
    const board = await createUser(db);
    await assignRole(db, board.id, "BOARD");
    return board;
  };
  // Two checkouts of one invoice, as they could coexist before one invoice had one open checkout.
  const checkoutOf = (invoice: { id: string; totalCents: number }) =>
    createCheckout(
      { purposeType: "invoice", purposeId: invoice.id, amountCents: invoice.totalCents, description: "Factuur (iDEAL)", successPath: "/", cancelPath: "/" },
      null,
    );
  const paymentsOf = (invoiceId: string) => db.payment.findMany({ where: { purposeType: "invoice", purposeId: invoiceId }, orderBy: { createdAt: "asc" } });

  it("starting a second checkout ends the first at Stripe: an invoice has one open checkout", async () => {
    const { company, contact } = await companyWithContact();
    const { invoice } = await issue(company.id, 2043);
    const jar = await signedIn(contact.id);
    const params = { invoiceId: invoice.id };
    expect((await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "pay", method: "card-ideal" }, jar), params)))).status).toBe(302);
    expect((await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "pay", method: "sepa" }, jar), params)))).status).toBe(302);
    const [first, second] = await paymentsOf(invoice.id);
    expect([first!.status, first!.checkoutUrl]).toEqual(["EXPIRED", null]);
    expect(second!.status).toBe("OPEN");
    expect((await getStripe().checkout.sessions.retrieve(first!.checkoutSessionId!)).status).toBe("expired");
    expect(() => fake.pay(first!.checkoutSessionId!, "ideal")).toThrow();
  });

  it("a payment ends the invoice's other open checkouts", async () => {
    const { company } = await companyWithContact();
    const { invoice } = await issue(company.id, 2044);
    const one = await checkoutOf(invoice);
    const other = await checkoutOf(invoice);
    fake.pay(one.sessionId, "ideal");
    await fake.flush();
    await drainJobs();
    await fake.flush();
    expect((await getStripe().checkout.sessions.retrieve(other.sessionId)).status).toBe("expired");
    expect((await db.payment.findUniqueOrThrow({ where: { id: other.paymentId } })).status).toBe("EXPIRED");
    expect(() => fake.pay(other.sessionId, "ideal")).toThrow();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).settledPaymentId).toBe(one.paymentId);
  });

  it("a second online payment is flagged to the board, who refunds it through Stripe; the invoice stays paid", async () => {
    const { company, contact } = await companyWithContact();
    const { invoice } = await issue(company.id, 2045);
    const board = await boardMember();
    const one = await checkoutOf(invoice);
    const two = await checkoutOf(invoice);
    // Both paid before the other checkout could be ended.
    fake.pay(one.sessionId, "ideal");
    fake.pay(two.sessionId, "card");
    await fake.flush();
    const paid = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([paid.status, paid.settledPaymentId]).toEqual(["PAID", one.paymentId]);
    expect(await db.auditLog.count({ where: { entityId: invoice.id, action: "invoice.paid_again" } })).toBe(1);
    const mail = await db.outboxMessage.findFirst({ where: { toAddress: board.email!, idempotencyKey: { contains: two.paymentId } } });
    expect(mail?.subject).toContain(invoice.number);

    const params = { invoiceId: invoice.id };
    const boardJar = await signedIn(board.id);
    const contactJar = await signedIn(contact.id);
    const boardPage = await (await respond(() => invoiceLoader(args(get(`/facturen/${invoice.id}`, boardJar), params)))).json();
    expect(boardPage.invoice.extraPayments.map((p: { id: string }) => p.id)).toEqual([two.paymentId]);
    const contactPage = await (await respond(() => invoiceLoader(args(get(`/facturen/${invoice.id}`, contactJar), params)))).json();
    expect(contactPage.invoice.extraPayments).toEqual([]);

    // Only the board refunds, and only the extra payment.
    const byContact = await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "refund", paymentId: two.paymentId }, contactJar), params)));
    expect(byContact.status).toBe(403);
    const settling = await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "refund", paymentId: one.paymentId }, boardJar), params)));
    expect(settling.status).toBe(409);
    const intentTwo = (await db.payment.findUniqueOrThrow({ where: { id: two.paymentId } })).paymentIntentId!;
    expect((await getStripe().refunds.list({ payment_intent: intentTwo })).data).toHaveLength(0);

    const refunded = await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "refund", paymentId: two.paymentId }, boardJar), params)));
    expect(refunded.status).toBe(200);
    await fake.flush();
    const refunds = (await getStripe().refunds.list({ payment_intent: intentTwo })).data;
    expect(refunds.map((r) => [r.amount, r.reason, r.status])).toEqual([[invoice.totalCents, "duplicate", "succeeded"]]);
    expect((await db.payment.findUniqueOrThrow({ where: { id: two.paymentId } })).status).toBe("REFUNDED");
    expect((await db.payment.findUniqueOrThrow({ where: { id: one.paymentId } })).status).toBe("PAID");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect(await db.auditLog.count({ where: { entityId: invoice.id, action: "invoice.extra_payment_refunded", actorId: board.id } })).toBe(1);
    const after = await (await respond(() => invoiceLoader(args(get(`/facturen/${invoice.id}`, boardJar), params)))).json();
    expect(after.invoice.extraPayments).toEqual([]);
  });

  it("a full refund of the payment that settled the invoice opens it again", async () => {
    const { company, contact } = await companyWithContact();
    const { invoice } = await issue(company.id, 2046);
    const board = await boardMember();
    const jar = await signedIn(contact.id);
    const params = { invoiceId: invoice.id };
    await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "pay", method: "card-ideal" }, jar), params)));
    const [payment] = await paymentsOf(invoice.id);
    fake.pay(payment!.checkoutSessionId!, "ideal");
    await fake.flush();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");

    await refundPayment(payment!.id, board.id);
    await fake.flush();
    const reopened = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([reopened.status, reopened.settledVia, reopened.paidAt, reopened.settledPaymentId]).toEqual(["OPEN", null, null, null]);
    expect(await db.auditLog.count({ where: { entityId: invoice.id, action: "invoice.reopened" } })).toBe(1);
    // It can be paid again.
    expect((await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "pay", method: "card-ideal" }, jar), params)))).status).toBe(302);
  });
});

describe("the daily job", () => {
  it("invoices the new year on the invoice day, moves unpaid ACTIVE companies to GRACE, reminds at 30 and 60 days once, and ends grace", async () => {
    // A fresh school year far from the others' data.
    const year = 2040;
    const active = await companyWithContact("ACTIVE");
    const approved = await companyWithContact("APPROVED");
    const ended = await companyWithContact("ENDED");

    setClock(new Date(`${year}-08-20T10:00:00Z`)); // before the invoice day (1 September)
    await runDailyInvoicing();
    expect(await db.invoice.count({ where: { companyId: active.company.id } })).toBe(0);

    setClock(new Date(`${year}-09-01T05:00:00Z`)); // 07:00 in Amsterdam
    const report = await runDailyInvoicing();
    expect(report.issued).toBeGreaterThanOrEqual(2);
    const invoice = await db.invoice.findFirstOrThrow({ where: { companyId: active.company.id, schoolYear: { startYear: year } } });
    expect(await db.invoice.count({ where: { companyId: approved.company.id, schoolYear: { startYear: year } } })).toBe(1);
    expect(await db.invoice.count({ where: { companyId: ended.company.id } })).toBe(0);
    expect(await statusOf(active.company.id)).toBe("GRACE");
    expect(await statusOf(approved.company.id)).toBe("APPROVED");

    // Day 29: no reminder; day 30: one, also with two workers at once; never again.
    setClock(new Date(`${year}-09-30T05:00:00Z`));
    await runDailyInvoicing();
    expect(await db.invoiceReminder.count({ where: { invoiceId: invoice.id } })).toBe(0);
    setClock(new Date(`${year}-10-01T05:00:00Z`));
    await Promise.all([runDailyInvoicing(), runDailyInvoicing()]);
    await runDailyInvoicing();
    const reminders = await db.invoiceReminder.findMany({ where: { invoiceId: invoice.id } });
    expect(reminders.map((r) => r.step)).toEqual([30]);
    const billing = `billing-${active.company.id}@example.test`;
    expect(await db.outboxMessage.count({ where: { toAddress: billing, idempotencyKey: { contains: ":reminder:30:" } } })).toBe(1);

    // Paid companies get no reminders: the approved one pays by transfer.
    const approvedInvoice = await db.invoice.findFirstOrThrow({ where: { companyId: approved.company.id } });
    const board = await createUser(db);
    await recordTransfer({ invoiceId: approvedInvoice.id, date: new Date(`${year}-10-01T05:00:00Z`), reference: "bank", actorId: board.id });

    setClock(new Date(`${year}-10-31T05:00:00Z`));
    await runDailyInvoicing();
    expect((await db.invoiceReminder.findMany({ where: { invoiceId: invoice.id }, orderBy: { step: "asc" } })).map((r) => r.step)).toEqual([30, 60]);
    // The approved company was reminded at 30 days, before it paid; not at 60.
    expect((await db.invoiceReminder.findMany({ where: { invoiceId: approvedInvoice.id } })).map((r) => r.step)).toEqual([30]);
    expect(await statusOf(active.company.id)).toBe("GRACE");

    // Three months after 1 August (graceMonths = 3): still unpaid → ENDED.
    setClock(new Date(`${year}-11-01T05:00:00Z`));
    await runDailyInvoicing();
    expect(await statusOf(active.company.id)).toBe("ENDED");
    expect(await statusOf(approved.company.id)).toBe("ACTIVE");
  });
});

describe("the job for a newly approved company", () => {
  it("issues the current school year's invoice once, and none for an applicant", async () => {
    setClock(new Date("2043-10-10T10:00:00Z"));
    const approved = await companyWithContact("APPROVED");
    const applicant = await companyWithContact("APPLIED");
    await enqueue(ISSUE_FOR_COMPANY_JOB, { companyId: approved.company.id });
    await enqueue(ISSUE_FOR_COMPANY_JOB, { companyId: approved.company.id });
    await enqueue(ISSUE_FOR_COMPANY_JOB, { companyId: applicant.company.id });
    await drainJobs();
    const invoices = await db.invoice.findMany({ where: { companyId: approved.company.id }, include: { schoolYear: true } });
    expect(invoices.map((i) => i.schoolYear?.startYear)).toEqual([2043]);
    expect(await db.invoice.count({ where: { companyId: applicant.company.id } })).toBe(0);
    expect(await db.job.count({ where: { name: ISSUE_FOR_COMPANY_JOB, status: { not: "DONE" } } })).toBe(0);
  });
});

describe("access", () => {
  it("a contact of company A gets 404 on company B's invoice, its PDF and its actions; the board sees all", async () => {
    const a = await companyWithContact();
    const b = await companyWithContact();
    const { invoice } = await issue(b.company.id, 2041);
    const params = { invoiceId: invoice.id };
    const contactA = await signedIn(a.contact.id);
    expect((await respond(() => invoiceLoader(args(get(`/facturen/${invoice.id}`, contactA), params)))).status).toBe(404);
    expect((await respond(() => pdfLoader(args(get(`/facturen/${invoice.id}/pdf`, contactA), params)))).status).toBe(404);
    const pay = await respond(() => invoiceAction(args(post(`/facturen/${invoice.id}`, { intent: "pay", method: "card-ideal" }, contactA), params)));
    expect(pay.status).toBe(404);
    expect(await db.payment.count({ where: { purposeId: invoice.id } })).toBe(0);
    // A company contact is not the board.
    const transfer = await respond(() =>
      boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "2041-10-01", reference: "x" }, contactA))),
    );
    expect(transfer.status).toBe(403);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");

    const contactB = await signedIn(b.contact.id);
    const page = await respond(() => invoiceLoader(args(get(`/facturen/${invoice.id}`, contactB), params)));
    expect(page.status).toBe(200);
    expect((await page.json()).invoice.number).toBe(invoice.number);
    const pdf = await respond(() => pdfLoader(args(get(`/facturen/${invoice.id}/pdf`, contactB), params)));
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    const anonymous = await respond(() => invoiceLoader(args(get(`/facturen/${invoice.id}`), params)));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);

    // The mail link works without signing in; a wrong token is 404.
    expect((await respond(() => publicLoader(args(get(`/factuur/${invoice.accessToken}`), { token: invoice.accessToken })))).status).toBe(200);
    expect((await respond(() => publicPdfLoader(args(get(`/factuur/${invoice.accessToken}/pdf`), { token: invoice.accessToken })))).status).toBe(200);
    const wrong = "x".repeat(43);
    expect((await respond(() => publicLoader(args(get(`/factuur/${wrong}`), { token: wrong })))).status).toBe(404);
  });

  it("the board records a transfer from its page: field errors keep what was typed, success redirects with a toast", async () => {
    const { company } = await companyWithContact("GRACE");
    setClock(new Date("2042-10-01T09:00:00Z"));
    const { invoice } = await issue(company.id, 2042);
    const board = await createUser(db);
    await assignRole(db, board.id, "BOARD");
    setClock(new Date("2042-10-06T09:00:00Z"));
    const jar = await signedIn(board.id);
    const bad = await respond(() => boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "31-02-2042", reference: "Afschrift 12" }, jar))));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.result.error.date).toEqual(["invoices:errors.date"]);
    expect(body.result.initialValue.reference).toBe("Afschrift 12");
    const ok = await respond(() => boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "5-10-2042", reference: "Afschrift 12" }, jar))));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/bestuur/facturen?jaar=2042");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect(await statusOf(company.id)).toBe("ACTIVE");
  });
});
