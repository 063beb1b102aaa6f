import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { stringify } from "csv-stringify/sync";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { DataTable, type Column } from "~/components/ui/table";
import type { CompanyStatus } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { requireRole } from "~/modules/auth/session.server";
import { COMPANY_STATUSES } from "~/modules/companies/company-state";
import { schoolYearLabel, schoolYearOf } from "~/modules/companies/school-year";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate, formatMoney } from "~/utils/format";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { defineTable } from "~/utils/table.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

const STATUS_TONES: Record<CompanyStatus, BadgeTone> = {
  APPLIED: "info",
  APPROVED: "info",
  ACTIVE: "success",
  GRACE: "warning",
  ENDED: "neutral",
  REJECTED: "danger",
};

// Pending applications first: PostgreSQL sorts an enum in its declared order (APPLIED first).
const companiesTable = defineTable({
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

const StatusFilter = z.enum(COMPANY_STATUSES).optional().catch(undefined);

function whereOf(status: CompanyStatus | undefined, q: string): Prisma.CompanyWhereInput {
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

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const url = new URL(request.url);
  const lang = await getLanguage(request);
  const t = await i18next.getFixedT(lang, "companies");
  const status = StatusFilter.parse(url.searchParams.get("status") ?? undefined);
  const params = companiesTable.parse(url);
  const where = whereOf(status, params.q);
  if (url.searchParams.get("format") === "csv") return csvResponse(where, lang);
  return listPage(where, params, status, t("list.title"));
}

async function listPage(where: Prisma.CompanyWhereInput, params: ReturnType<typeof companiesTable.parse>, status: CompanyStatus | undefined, title: string) {
  const [total, pending] = await Promise.all([db.company.count({ where }), db.company.count({ where: { status: "APPLIED" } })]);
  const rows = await db.company.findMany({
    where,
    ...companiesTable.prisma(params, total),
    select: { id: true, name: true, kvkNumber: true, status: true, city: true, sector: true, statusChangedAt: true, tier: { select: { name: true } } },
  });
  return json({ title, rows, state: companiesTable.state(params, total), status: status ?? "", pending });
}

/** All companies that match, with this school year's contribution invoices: a fixed number of queries. */
async function csvResponse(where: Prisma.CompanyWhereInput, lang: "nl" | "en") {
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title ?? "" }];

/**
 * The export link: a Remix data request of this route (?_data=…), the only kind of request whose
 * answer is the loader's own Response (text/csv); a document request renders the page instead.
 */
const csvHref = (params: URLSearchParams) => {
  params.set("_data", "routes/bestuur.bedrijven._index");
  return `/bestuur/bedrijven?${params.toString()}`;
};

type Row = ReturnType<typeof useLoaderData<typeof listPage>>["rows"][number];

export default function Companies() {
  const { t, i18n } = useTranslation("companies");
  const data = useLoaderData<typeof listPage>() as ReturnType<typeof useLoaderData<typeof listPage>> | string;
  const title = t("list.title");
  // A document request for ?format=csv gets the file as loader data (only a data request answers
  // with the file itself): offer the download instead of failing.
  if (typeof data === "string") {
    return (
      <div className="space-y-6">
        <PageHeader title={title} />
        <a href={csvHref(new URLSearchParams({ format: "csv" }))} className={buttonClass("primary")} download>
          {t("list.export")}
        </a>
      </div>
    );
  }
  const { rows, state, status, pending } = data;
  const csvParams = new URLSearchParams();
  if (status) csvParams.set("status", status);
  if (state.q) csvParams.set("q", state.q);
  csvParams.set("format", "csv");
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
    { key: "status", header: t("list.status"), sortable: true, cell: (c) => <Badge tone={STATUS_TONES[c.status]}>{t(`status.${c.status}`)}</Badge> },
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
