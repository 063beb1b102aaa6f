import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { Chart } from "~/components/ui/chart";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { Stat, StatGroup } from "~/components/ui/stat";
import { schoolYearLabel } from "~/modules/companies/school-year";
import { requireUser } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { formatMoney, formatNumber } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts):
// the session (1); for the board also the last school years, two groupBys of contribution
// invoices and the count of applications (4).
export const queryBudget = 5;

const YEARS = 5;

/** Per school year (the last five, oldest first): companies invoiced a jaarbijdrage and the sum paid. Four queries. */
async function boardFigures() {
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

// Each role's start page; later capabilities fill their own panel.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const board = user.activeRole?.role === "BOARD";
  return json({
    title: t("auth:dashboard.title"),
    name: user.name,
    activeRole: user.activeRole ? { role: user.activeRole.role, organisation: user.activeRole.organisation } : null,
    figures: board ? await boardFigures() : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { name, activeRole, figures } = useLoaderData<typeof loader>();
  const roleLabel = activeRole
    ? `${t(`auth:roles.${activeRole.role}`)}${activeRole.organisation ? ` · ${activeRole.organisation}` : ""}`
    : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("auth:dashboard.welcome", { name })} intro={roleLabel ? t("auth:dashboard.asRole", { role: roleLabel }) : undefined} />
      <Card>
        <p>{activeRole ? t(`auth:dashboard.${activeRole.role}`) : t("auth:dashboard.noRoles")}</p>
        {activeRole ? null : (
          <p className="mt-4">
            <Link to="/docent/aanvragen" className="inline-flex min-h-11 items-center underline">
              {t("auth:dashboard.requestTeacher")}
            </Link>
          </p>
        )}
        {activeRole?.role === "BOARD" ? (
          <p className="mt-4 flex flex-wrap gap-3">
            <Link to="/bestuur/mensen" className={buttonClass("primary")}>
              {t("auth:dashboard.people")}
            </Link>
            <Link to="/taken" className={buttonClass("secondary")}>
              {t("auth:dashboard.tasks")}
            </Link>
          </p>
        ) : null}
      </Card>
      {figures ? (
        <>
          <StatGroup>
            <Stat
              label={t("auth:dashboard.pendingLabel")}
              value={formatNumber(figures.pending, lang)}
              hint={
                <Link to="/bestuur/bedrijven?status=APPLIED" className="inline-flex min-h-11 items-center underline">
                  {figures.pending > 0 ? t("auth:dashboard.pending", { count: figures.pending }) : t("auth:dashboard.pendingNone")}
                </Link>
              }
            />
          </StatGroup>
          <Card>
            {figures.hasInvoices ? (
              <Chart
                caption={t("auth:dashboard.chartTitle")}
                description={t("auth:dashboard.chartText")}
                data={figures.perYear}
                xKey="year"
                xLabel={t("auth:dashboard.chartYear")}
                series={[
                  { key: "companies", label: t("auth:dashboard.chartCompanies"), format: (v) => formatNumber(v, lang) },
                  { key: "paidCents", label: t("auth:dashboard.chartPaid"), type: "line", axis: "right", format: (v) => formatMoney(v, lang) },
                ]}
              />
            ) : (
              <EmptyState
                title={t("auth:dashboard.chartTitle")}
                text={t("auth:dashboard.chartEmpty")}
                action={{ to: "/bestuur/facturen", label: t("auth:dashboard.chartEmptyAction") }}
              />
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
