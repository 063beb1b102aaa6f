// A company's jaaroverzicht: what it did in the network in one school year. One function per
// figure, listed in ANNUAL_FIGURES; a capability that lands (cases, teams, meetings) replaces
// its placeholder with a real count, and the page shows it without further change.
import { schoolYearBounds, schoolYearLabel, schoolYearOf } from "~/modules/companies/school-year";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export type FigureContext = { companyId: string; startYear: number; startsOn: Date; endsOn: Date };

export type AnnualFigure = {
  key: "contributionsPaid" | "sponsorshipPaid" | "requestsAsked" | "requestsAnswered" | "cases" | "teamsSupported" | "meetingsAttended";
  /** How the value reads: a number of things, or an amount in cents. */
  unit: "count" | "money";
  /** null: the capability is not in the portal yet (the page says it follows). */
  value(ctx: FigureContext): Promise<number | null>;
};

/** Paid invoices of one kind for the school year (by the year they are for, or by their period). */
async function paidInvoices(ctx: FigureContext, kind: string): Promise<number> {
  const result = await db.invoice.aggregate({
    _sum: { totalCents: true },
    where: {
      companyId: ctx.companyId,
      kind,
      status: "PAID",
      OR: [{ schoolYear: { startYear: ctx.startYear } }, { schoolYearId: null, periodStart: { gte: ctx.startsOn, lte: ctx.endsOn } }],
    },
  });
  return result._sum.totalCents ?? 0;
}

export const contributionsPaid = (ctx: FigureContext) => paidInvoices(ctx, "CONTRIBUTION");

/** Sponsorship invoices arrive with the sponsorship capability; until then this is 0. */
export const sponsorshipPaid = (ctx: FigureContext) => paidInvoices(ctx, "SPONSORSHIP");

export const requestsAsked = (ctx: FigureContext) =>
  db.companyRequest.count({ where: { companyId: ctx.companyId, askedAt: { gte: ctx.startsOn, lte: ctx.endsOn } } });

export const requestsAnswered = (ctx: FigureContext) =>
  db.companyRequest.count({ where: { companyId: ctx.companyId, askedAt: { gte: ctx.startsOn, lte: ctx.endsOn }, status: { in: ["YES", "NO"] } } });

const notYet = async () => null;

export const ANNUAL_FIGURES: AnnualFigure[] = [
  { key: "contributionsPaid", unit: "money", value: contributionsPaid },
  { key: "sponsorshipPaid", unit: "money", value: sponsorshipPaid },
  { key: "requestsAsked", unit: "count", value: requestsAsked },
  { key: "requestsAnswered", unit: "count", value: requestsAnswered },
  // Atelier route (bedrijfsopdrachten), challenges (teams) and network meetings follow.
  { key: "cases", unit: "count", value: notYet },
  { key: "teamsSupported", unit: "count", value: notYet },
  { key: "meetingsAttended", unit: "count", value: notYet },
];

export type AnnualSummaryRow = { key: AnnualFigure["key"]; unit: AnnualFigure["unit"]; value: number; available: boolean };

export async function getAnnualSummary(companyId: string, startYear: number): Promise<AnnualSummaryRow[]> {
  const ctx: FigureContext = { companyId, startYear, ...schoolYearBounds(startYear) };
  const values = await Promise.all(ANNUAL_FIGURES.map((figure) => figure.value(ctx)));
  return ANNUAL_FIGURES.map((figure, i) => ({ key: figure.key, unit: figure.unit, value: values[i] ?? 0, available: values[i] !== null }));
}

/** How many school years back the jaaroverzicht offers (the company's first year at most). */
const MAX_YEARS = 10;

/**
 * The jaaroverzicht page: the company, the school years it can choose from (this one first), the
 * year asked for (this one when the ask is not one of them) and that year's figures. Null: no company.
 */
export async function getAnnualSummaryPage(companyId: string, askedYear: number) {
  const company = await db.company.findUnique({ where: { id: companyId }, select: { name: true, createdAt: true } });
  if (!company) return null;
  const current = schoolYearOf(now());
  const first = Math.max(current - MAX_YEARS + 1, Math.min(current, schoolYearOf(company.createdAt)));
  const years: number[] = [];
  for (let y = current; y >= first; y--) years.push(y);
  const year = Number.isInteger(askedYear) && years.includes(askedYear) ? askedYear : current;
  return {
    company: company.name,
    year,
    years: years.map((y) => ({ value: String(y), label: schoolYearLabel(y) })),
    figures: await getAnnualSummary(companyId, year),
  };
}
