// The board's invoices page: the contribution invoices of a school year with why open ones are not
// paid, and the board's writes on one invoice (bank transfer, waive, mail again).
import { schoolYearLabel, schoolYearOf } from "~/modules/companies/school-year";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { fromAmsterdamTime, toDateInputValue } from "~/utils/format";
import type { BoardInvoiceAction } from "./board-invoices.schema";
import { isOverdue } from "./invoice-math";
import { CONTRIBUTION, InvoiceError, paymentsOfInvoices, recordTransfer, resendInvoice, waiveInvoice } from "./invoices.server";

const PAGE = "/bestuur/facturen";

/** Why an open invoice is not paid yet, from its latest payment. */
type Reason = "none" | "open" | "expired" | "processing" | "failed" | "refunded" | "paid";

/** The school year's contribution invoices (`yearParam`: ?jaar=, else this school year), with the page's figures. */
export async function getBoardInvoicesPage(yearParam: number) {
  const at = now();
  const current = schoolYearOf(at);
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2200 ? yearParam : current;
  const [years, invoices] = await Promise.all([
    db.schoolYear.findMany({ select: { startYear: true }, orderBy: { startYear: "desc" }, take: 20 }),
    db.invoice.findMany({
      where: { kind: CONTRIBUTION, schoolYear: { startYear: year } },
      select: {
        id: true,
        number: true,
        status: true,
        totalCents: true,
        issuedAt: true,
        dueAt: true,
        paidAt: true,
        settledVia: true,
        transferReference: true,
        waivedReason: true,
        company: { select: { name: true } },
        reminders: { select: { step: true, sentAt: true }, orderBy: { step: "asc" } },
      },
      orderBy: [{ status: "asc" }, { number: "asc" }],
    }),
  ]);
  const payments = await paymentsOfInvoices(invoices.filter((i) => i.status === "OPEN").map((i) => i.id));
  const rows = invoices.map((invoice) => {
    const latest = payments.get(invoice.id)?.[0];
    const reason: Reason = invoice.status !== "OPEN" ? "paid" : ((latest?.phase ?? "none") as Reason);
    return { ...invoice, companyName: invoice.company.name, overdue: isOverdue(invoice, at), reason };
  });
  const open = rows.filter((r) => r.status === "OPEN");
  const yearList = [...new Set([current, ...years.map((y) => y.startYear), year])].sort((a, b) => b - a);
  return {
    year,
    years: yearList.map((y) => ({ value: y, label: schoolYearLabel(y) })),
    today: toDateInputValue(at),
    rows,
    stats: {
      paid: rows.filter((r) => r.status === "PAID" || r.status === "WAIVED").length,
      open: open.length,
      overdue: open.filter((r) => r.overdue).length,
      outstandingCents: open.reduce((sum, r) => sum + r.totalCents, 0),
    },
  };
}

export type BoardInvoiceResult =
  | { ok: true; path: string; toast: { key: string; values?: Record<string, string> } }
  | { ok: false; error: "not_found" | "not_open" | "no_recipient" }
  /** A date that cannot be true (after today, before the invoice): a field error on the date. */
  | { ok: false; error: "date_future" | "date_before_invoice"; field: "date" };

/** One of the board's writes on an invoice; where to go afterwards (its school year's page) and what to say. */
export async function runBoardInvoiceAction(value: BoardInvoiceAction, actorId: string): Promise<BoardInvoiceResult> {
  const back = async () => {
    const invoice = await db.invoice.findUnique({ where: { id: value.invoiceId }, select: { schoolYear: { select: { startYear: true } } } });
    return invoice?.schoolYear ? `${PAGE}?jaar=${invoice.schoolYear.startYear}` : PAGE;
  };
  try {
    if (value.intent === "transfer") {
      const date = fromAmsterdamTime(value.date, "12:00")!;
      const invoice = await recordTransfer({ invoiceId: value.invoiceId, date, reference: value.reference, actorId });
      return { ok: true, path: await back(), toast: { key: "invoices:board.toast.transfer", values: { number: invoice.number } } };
    }
    if (value.intent === "waive") {
      const invoice = await waiveInvoice({ invoiceId: value.invoiceId, reason: value.reason, actorId });
      return { ok: true, path: await back(), toast: { key: "invoices:board.toast.waived", values: { number: invoice.number } } };
    }
    await resendInvoice(value.invoiceId, actorId);
    return { ok: true, path: await back(), toast: { key: "invoices:board.toast.resent" } };
  } catch (error) {
    if (error instanceof InvoiceError && (error.code === "not_found" || error.code === "not_open" || error.code === "no_recipient")) return { ok: false, error: error.code };
    if (error instanceof InvoiceError && (error.code === "date_future" || error.code === "date_before_invoice")) return { ok: false, error: error.code, field: "date" };
    throw error;
  }
}
