// Issue 15, finding 12: a recorded event cannot be dated in the future or before what it follows.
// Found as: on 7 December 2026 a bank transfer was recorded as paid on 1 March 2027.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { issueContributionInvoice, recordedDateProblem } from "~/modules/invoices/invoices.server";
import { action as boardAction } from "~/routes/bestuur.facturen";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { i18next } from "~/utils/i18n.server";
import { assignRole, createCompany, createFoundationSettings, createTier, createUser } from "../../prisma/factories";
import { args, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

beforeAll(async () => {
  await createFoundationSettings(db, {});
});
afterEach(() => resetClock());

async function openInvoiceAndBoard() {
  setClock(new Date("2026-11-02T09:00:00Z"));
  const tier = await createTier(db, { amountCents: 50_000 });
  const company = await createCompany(db);
  await db.company.update({ where: { id: company.id }, data: { status: "ACTIVE", tierId: tier.id, billingEmail: `billing-${company.id}@example.test` } });
  const { invoice } = await db.$transaction((tx) => issueContributionInvoice(tx, { companyId: company.id, schoolYearStart: 2026, actorId: null }));
  const board = await createUser(db);
  await assignRole(db, board.id, "BOARD");
  // Signed in on the day of the test (a session left for a month has expired).
  return { invoice, signIn: (day: Date) => (setClock(day), signedIn(board.id)) };
}

describe("dates of recorded events", () => {
  it("refuses a bank transfer dated after today, with a field error, and leaves the invoice open", async () => {
    const { invoice, signIn } = await openInvoiceAndBoard();
    const jar = await signIn(new Date("2026-12-07T10:00:00Z"));
    const res = await respond(() =>
      boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "01-03-2027", reference: "Afschrift 7" }, jar))),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.date).toEqual(["invoices:errors.date_future"]);
    expect(body.result.initialValue).toMatchObject({ date: "01-03-2027", reference: "Afschrift 7" });
    const after = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect([after.status, after.paidAt]).toEqual(["OPEN", null]);
    // Tomorrow (Amsterdam) is the future too; today is fine.
    const tomorrow = await respond(() => boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "2026-12-08", reference: "x" }, jar))));
    expect(tomorrow.status).toBe(400);
    const today = await respond(() => boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "2026-12-07", reference: "x" }, jar))));
    expect(today.status).toBe(302);
  });

  it("refuses a transfer dated before the invoice date", async () => {
    const { invoice, signIn } = await openInvoiceAndBoard();
    const jar = await signIn(new Date("2026-12-07T10:00:00Z"));
    const res = await respond(() =>
      boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "2026-11-01", reference: "Afschrift 3" }, jar))),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).result.error.date).toEqual(["invoices:errors.date_before_invoice"]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
    // The invoice's own day is allowed.
    const same = await respond(() => boardAction(args(post("/bestuur/facturen", { intent: "transfer", invoiceId: invoice.id, date: "2026-11-02", reference: "x" }, jar))));
    expect(same.status).toBe(302);
  });

  it("the rule counts Amsterdam calendar days, and its messages exist in Dutch and English", async () => {
    const today = new Date("2026-12-07T22:30:00Z"); // 23:30 in Amsterdam
    expect(recordedDateProblem(new Date("2026-12-07T23:30:00Z"), { today })).toBe("future"); // 00:30 on the 8th
    expect(recordedDateProblem(new Date("2026-12-07T11:00:00Z"), { today })).toBeNull();
    for (const lng of ["nl", "en"]) {
      const t = await i18next.getFixedT(lng, "invoices");
      expect(t("errors.date_future")).not.toBe("errors.date_future");
      expect(t("errors.date_before_invoice")).not.toBe("errors.date_before_invoice");
    }
  });
});
