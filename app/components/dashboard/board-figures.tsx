// The board's figures on the start page: applications waiting and contributions per school year.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Chart } from "~/components/ui/chart";
import { EmptyState } from "~/components/ui/empty-state";
import { Card } from "~/components/ui/page";
import { Stat, StatGroup } from "~/components/ui/stat";
import { formatMoney, formatNumber } from "~/utils/format";

type Figures = { pending: number; hasInvoices: boolean; perYear: { year: string; companies: number; paidCents: number }[] };

export function BoardFigures({ figures }: { figures: Figures }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
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
  );
}
