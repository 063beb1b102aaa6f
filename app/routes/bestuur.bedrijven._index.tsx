import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CompanyStatusBadge } from "~/components/companies/company-detail";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { DataTable, type Column } from "~/components/ui/table";
import { requireBoard } from "~/modules/auth/access.server";
import { companiesTable, companiesWhere, listBoardCompanies, StatusFilter } from "~/modules/companies/board-companies.server";
import { COMPANY_STATUSES } from "~/modules/companies/company-state";
import { formatDate } from "~/utils/format";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBoard(request);
  const url = new URL(request.url);
  const lang = await getLanguage(request);
  const t = await i18next.getFixedT(lang, "companies");
  const status = StatusFilter.parse(url.searchParams.get("status") ?? undefined);
  const params = companiesTable.parse(url);
  const list = await listBoardCompanies(companiesWhere(status, params.q), params);
  return json({ title: t("list.title"), ...list, status: status ?? "" });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

/** The export link: the CSV is a resource route of its own (bestuur.bedrijven[.]csv.ts), same filters. */
const csvHref = (params: URLSearchParams) => {
  const query = params.toString();
  return `/bestuur/bedrijven.csv${query ? `?${query}` : ""}`;
};

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function Companies() {
  const { t, i18n } = useTranslation("companies");
  const { rows, state, status, pending } = useLoaderData<typeof loader>();
  const title = t("list.title");
  const csvParams = new URLSearchParams();
  if (status) csvParams.set("status", status);
  if (state.q) csvParams.set("q", state.q);
  const columns: Column<Row>[] = [
    {
      key: "name",
      header: t("list.name"),
      sortable: true,
      rowHeader: true,
      cell: (c) => (
        <Link to={`/bestuur/bedrijven/${c.id}`} className="font-semibold">
          {c.name}
        </Link>
      ),
    },
    { key: "status", header: t("list.status"), sortable: true, cell: (c) => <CompanyStatusBadge status={c.status} /> },
    { key: "tier", header: t("list.tier"), cell: (c) => c.tier?.name ?? "—", hideOnPhone: true },
    { key: "city", header: t("list.city"), sortable: true, cell: (c) => c.city ?? "—", hideOnPhone: true },
    { key: "kvk", header: t("list.kvk"), cell: (c) => c.kvkNumber ?? "—", hideOnPhone: true },
    {
      key: "changed",
      header: t("list.changed"),
      sortable: true,
      firstDir: "desc",
      cell: (c) => (c.statusChangedAt ? formatDate(c.statusChangedAt, i18n.language, "short") : "—"),
    },
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        intro={t("list.intro")}
        actions={
          <a href={csvHref(csvParams)} className={buttonClass("secondary")} download>
            {t("list.export")}
          </a>
        }
      />
      {pending > 0 && status !== "APPLIED" ? (
        <Card>
          <p className="font-semibold">{t("list.pending", { count: pending })}</p>
          <Link to="?status=APPLIED" className={buttonClass("primary", "mt-3")}>
            {t("list.showPending")}
          </Link>
        </Card>
      ) : null}
      <DataTable
        caption={t("list.caption")}
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        state={state}
        filterActive={Boolean(status)}
        filters={
          <SelectField
            label={t("list.status")}
            name="status"
            defaultValue={status}
            key={status}
            className="min-w-0 flex-[1_1_10rem]"
            options={[{ value: "", label: t("list.allStatuses") }, ...COMPANY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
        }
        empty={<EmptyState headingLevel={3} title={t("list.emptyTitle")} text={t("list.emptyText")} action={{ to: "/aanmelden", label: t("list.emptyAction") }} />}
      />
    </div>
  );
}
