// The board's start page figures: contribution invoices per school year and the applications waiting.
import { schoolYearLabel } from "~/modules/companies/school-year";
import { db } from "~/utils/db.server";

const YEARS = 5;

/** Per school year (the last five, oldest first): companies invoiced a jaarbijdrage and the sum paid. Four queries. */
export async function boardFigures() {
  const years = await db.schoolYear.findMany({ orderBy: { startYear: "desc" }, take: YEARS, select: { id: true, startYear: true } });
  const yearIds = years.map((y) => y.id);
  const contribution = { kind: "CONTRIBUTION", schoolYearId: { in: yearIds } };
  const [invoiced, paid, pending] = await Promise.all([
    // One group per (year, company): the number of groups per year is the number of companies.
    db.invoice.groupBy({ by: ["schoolYearId", "companyId"], where: { ...contribution, status: { not: "CANCELLED" } } }),
    db.invoice.groupBy({ by: ["schoolYearId"], where: { ...contribution, status: "PAID" }, _sum: { totalCents: true } }),
    db.company.count({ where: { status: "APPLIED" } }),
  ]);
  const companies = new Map<string, number>();
  for (const row of invoiced) if (row.schoolYearId) companies.set(row.schoolYearId, (companies.get(row.schoolYearId) ?? 0) + 1);
  const paidCents = new Map(paid.map((row) => [row.schoolYearId, row._sum.totalCents ?? 0]));
  const perYear = [...years]
    .reverse()
    .map((y) => ({ year: schoolYearLabel(y.startYear), companies: companies.get(y.id) ?? 0, paidCents: paidCents.get(y.id) ?? 0 }));
  return { perYear, hasInvoices: invoiced.length > 0, pending };
}
