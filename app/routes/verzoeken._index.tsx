import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { DataTable, type Column } from "~/components/ui/table";
import type { RequestStatus } from "~/generated/prisma/enums";
import { requireAnyRole } from "~/modules/auth/access.server";
import { REQUEST_KINDS, REQUEST_STATUSES } from "~/modules/network/network.schema";
import { listRegister, registerFiltersOf, registerTable } from "~/modules/network/register.server";
import { REGISTER_ROLES } from "~/modules/network/requests.server";
import { formatDate } from "~/utils/format";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

const TONES: Record<RequestStatus, BadgeTone> = { OPEN: "info", YES: "success", NO: "neutral", WITHDRAWN: "neutral" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnyRole(request, REGISTER_ROLES);
  const search = new URL(request.url).searchParams;
  const filters = registerFiltersOf(search);
  const [t, page] = await Promise.all([i18next.getFixedT(await getLanguage(request), "network"), listRegister(filters, registerTable.parse(request))]);
  return json({
    title: t("register.title"),
    ...page,
    filters: { company: filters.companyId ?? "", kind: filters.kind ?? "", status: filters.status ?? "" },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function RequestRegister() {
  const { t, i18n } = useTranslation("network");
  const { rows, state, companies, filters } = useLoaderData<typeof loader>();
  const lng = i18n.language;
  const columns: Column<Row>[] = [
    {
      key: "company",
      header: t("register.company"),
      sortable: true,
      rowHeader: true,
      cell: (r) => <Link to={`?bedrijf=${r.company.id}`}>{r.company.name}</Link>,
    },
    {
      key: "subject",
      header: t("requests.subject"),
      cell: (r) => (
        <>
          <span className="block text-sm text-slate-700">{t(`kinds.${r.kind}`)}</span>
          <span className="break-words">{r.subject}</span>
        </>
      ),
    },
    {
      key: "askedAt",
      header: t("requests.askedAt"),
      sortable: true,
      firstDir: "desc",
      cell: (r) => (
        <>
          <span className="whitespace-nowrap">{formatDate(r.askedAt, lng, "short")}</span>
          <span className="block text-sm text-slate-700">{r.askedByName}</span>
        </>
      ),
    },
    {
      key: "status",
      header: t("requests.status"),
      sortable: true,
      cell: (r) => (
        <>
          <Badge tone={TONES[r.status]}>{t(`status.${r.status}`)}</Badge>
          {r.answer ? <span className="mt-1 block text-sm break-words text-slate-700">{r.answer}</span> : null}
        </>
      ),
    },
  ];
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("register.title")}
        intro={t("register.intro")}
        actions={
          <Link to={filters.company ? `/verzoeken/nieuw?bedrijf=${filters.company}` : "/verzoeken/nieuw"} className={buttonClass("primary")}>
            {t("register.new")}
          </Link>
        }
      />
      <DataTable
        caption={t("register.caption")}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        state={state}
        filters={
          <>
            <SelectField
              label={t("register.company")}
              name="bedrijf"
              defaultValue={filters.company}
              key={`c-${filters.company}`}
              placeholder={t("register.allCompanies")}
              options={companies.map((c) => ({ value: c.id, label: c.name }))}
              className="min-w-0 flex-[1_1_12rem]"
            />
            <SelectField
              label={t("requests.kind")}
              name="soort"
              defaultValue={filters.kind}
              key={`k-${filters.kind}`}
              placeholder={t("register.allKinds")}
              options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              className="min-w-0 flex-[1_1_10rem]"
            />
            <SelectField
              label={t("requests.status")}
              name="status"
              defaultValue={filters.status}
              key={`s-${filters.status}`}
              placeholder={t("register.allStatuses")}
              options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              className="min-w-0 flex-[1_1_10rem]"
            />
          </>
        }
        empty={<EmptyState headingLevel={2} title={t("register.emptyTitle")} text={t("register.emptyText")} action={{ to: "/verzoeken/nieuw", label: t("register.new") }} />}
      />
    </div>
  );
}
