import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { Stat, StatGroup } from "~/components/ui/stat";
import { notFound } from "~/modules/auth/session.server";
import { schoolYearLabel, schoolYearOf } from "~/modules/companies/school-year";
import { getAnnualSummary } from "~/modules/network/annual-summary.server";
import { requireCompanyAccess } from "~/modules/network/company-access.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatMoney } from "~/utils/format";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

/** How many school years back the select offers (the company's first year at most). */
const MAX_YEARS = 10;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyAccess(request, params.companyId);
  const company = await db.company.findUnique({ where: { id: companyId }, select: { name: true, createdAt: true } });
  if (!company) notFound();
  const current = schoolYearOf(now());
  const first = Math.max(current - MAX_YEARS + 1, Math.min(current, schoolYearOf(company.createdAt)));
  const years: number[] = [];
  for (let y = current; y >= first; y--) years.push(y);
  const asked = Number(new URL(request.url).searchParams.get("jaar"));
  const year = Number.isInteger(asked) && years.includes(asked) ? asked : current;
  const figures = await getAnnualSummary(companyId, year);
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({
    title: `${t("summary.title")} ${schoolYearLabel(year)} · ${company.name}`,
    company: company.name,
    year,
    years: years.map((y) => ({ value: String(y), label: schoolYearLabel(y) })),
    figures,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function AnnualSummary() {
  const { t, i18n } = useTranslation("network");
  const { company, year, years, figures } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={`${t("summary.title")} ${schoolYearLabel(year)}`} intro={t("summary.intro", { company })} />
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField label={t("summary.schoolYear")} name="jaar" defaultValue={String(year)} key={year} options={years} className="min-w-48" />
        <Button variant="secondary">{t("summary.show")}</Button>
      </Form>
      <StatGroup>
        {figures.map((f) => (
          <Stat
            key={f.key}
            label={t(`summary.figures.${f.key}`)}
            value={f.unit === "money" ? formatMoney(f.value, i18n.language) : f.value}
            hint={f.available ? undefined : t(`summary.follows.${f.key}`)}
          />
        ))}
      </StatGroup>
    </div>
  );
}
