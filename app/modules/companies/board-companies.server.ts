// The board's company pages: the list (with its CSV export) and one company's page.
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { CompanyStatus } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate, formatMoney } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { defineTable } from "~/utils/table.server";
import {
  approveApplication,
  endCompany,
  reinstateCompany,
  rejectApplication,
  type Actor,
  type DecisionResult,
} from "./applications.server";
import type { CompanyDecision } from "./company.schema";
import { COMPANY_STATUSES } from "./company-state";
import { schoolYearLabel, schoolYearOf } from "./school-year";

/** One company with everything the board's page shows, and the tiers it can approve into; null: no such company. */
export async function getBoardCompanyPage(companyId: string) {
  const [company, tiers] = await Promise.all([
    db.company.findUnique({
      where: { id: companyId },
      include: {
        tier: { select: { name: true, amountCents: true } },
        contacts: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, email: true, phone: true, jobTitle: true, userId: true } },
        statusChanges: { orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, fromStatus: true, toStatus: true, at: true, reason: true, actor: { select: { name: true } } } },
        invoices: {
          orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
          select: { id: true, number: true, status: true, totalCents: true, issuedAt: true, dueAt: true, paidAt: true, description: true },
        },
      },
    }),
    db.contributionTier.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, amountCents: true } }),
  ]);
  return company ? { company, tiers } : null;
}

/** Carries out one of the board's decisions on a company. */
export function decideCompany(companyId: string, decision: CompanyDecision, board: Actor): Promise<DecisionResult> {
  switch (decision.intent) {
    case "approve":
      return approveApplication(companyId, decision.tierId, board);
    case "reject":
      return rejectApplication(companyId, decision.reason, board);
    case "end":
      return endCompany(companyId, decision.reason, board);
    case "reinstate":
      return reinstateCompany(companyId, board);
  }
}

// ---------------------------------------------------------------------------------------------
// The list

// Pending applications first: PostgreSQL sorts an enum in its declared order (APPLIED first).
export const companiesTable = defineTable({
  sorts: {
    status: (dir: "asc" | "desc") => ({ status: dir }) as Prisma.CompanyOrderByWithRelationInput,
    name: (dir: "asc" | "desc") => ({ name: dir }) as Prisma.CompanyOrderByWithRelationInput,
    city: (dir: "asc" | "desc") => ({ city: { sort: dir, nulls: "last" } }) as Prisma.CompanyOrderByWithRelationInput,
    changed: (dir: "asc" | "desc") => ({ statusChangedAt: { sort: dir, nulls: "last" } }) as Prisma.CompanyOrderByWithRelationInput,
  },
  defaultSort: "status",
  tiebreaker: { id: "asc" },
  pageSize: 25,
});

/** The status filter of the list (?status=); anything else shows every status. */
export const StatusFilter = z.enum(COMPANY_STATUSES).optional().catch(undefined);

export function companiesWhere(status: CompanyStatus | undefined, q: string): Prisma.CompanyWhereInput {
  const where: Prisma.CompanyWhereInput = {};
  if (status) where.status = status;
  if (q) {
    where.OR = [
      { name: { contains: q, mode: "insensitive" } },
      { kvkNumber: { contains: q } },
      { city: { contains: q, mode: "insensitive" } },
      { sector: { contains: q, mode: "insensitive" } },
    ];
  }
  return where;
}

/** One page of the board's company list, and how many applications wait for a decision. */
export async function listBoardCompanies(where: Prisma.CompanyWhereInput, params: ReturnType<typeof companiesTable.parse>) {
  const [total, pending] = await Promise.all([db.company.count({ where }), db.company.count({ where: { status: "APPLIED" } })]);
  const rows = await db.company.findMany({
    where,
    ...companiesTable.prisma(params, total),
    select: { id: true, name: true, kvkNumber: true, status: true, city: true, sector: true, statusChangedAt: true, tier: { select: { name: true } } },
  });
  return { rows, state: companiesTable.state(params, total), pending };
}

/** All companies that match, with this school year's contribution invoices: a fixed number of queries. */
export async function companiesCsvResponse(where: Prisma.CompanyWhereInput, lang: "nl" | "en") {
  const t = await i18next.getFixedT(lang, "companies");
  const startYear = schoolYearOf(now());
  const companies = await db.company.findMany({
    where,
    orderBy: [{ status: "asc" }, { name: "asc" }, { id: "asc" }],
    select: {
      name: true,
      kvkNumber: true,
      status: true,
      city: true,
      sector: true,
      billingEmail: true,
      tier: { select: { name: true } },
      invoices: {
        where: { kind: "CONTRIBUTION", schoolYear: { startYear } },
        orderBy: { issuedAt: "asc" },
        select: { number: true, status: true, totalCents: true, paidAt: true },
      },
    },
  });
  const header = ["name", "kvkNumber", "status", "tier", "city", "sector", "billingEmail", "invoice", "invoiceStatus", "invoiceTotal", "paidAt"].map((k) =>
    t(`csv.${k}`, { year: schoolYearLabel(startYear) }),
  );
  const records = companies.flatMap((c) => {
    const base = [c.name, c.kvkNumber ?? "", t(`status.${c.status}`), c.tier?.name ?? "", c.city ?? "", c.sector ?? "", c.billingEmail ?? ""];
    if (c.invoices.length === 0) return [[...base, "", "", "", ""]];
    return c.invoices.map((i) => [
      ...base,
      i.number,
      t(`invoiceStatus.${i.status}`),
      formatMoney(i.totalCents, lang),
      i.paidAt ? formatDate(i.paidAt, lang, "short") : "",
    ]);
  });
  // A leading = + - @ would be read as a formula by spreadsheets: quote it away.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const body = stringify([header, ...records.map((r) => r.map(safe))], { bom: true, delimiter: ";" });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bedrijven-${schoolYearLabel(startYear)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

