import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { Stat, StatGroup } from "~/components/ui/stat";
import { notFound } from "~/modules/auth/session.server";
import { schoolYearLabel } from "~/modules/companies/school-year";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { getAnnualSummaryPage } from "~/modules/network/annual-summary.server";
import { formatMoney } from "~/utils/format";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyAccess(request, params.companyId);
  const page = await getAnnualSummaryPage(companyId, Number(new URL(request.url).searchParams.get("jaar")));
  if (!page) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({ title: `${t("summary.title")} ${schoolYearLabel(page.year)} · ${page.company}`, ...page });
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
