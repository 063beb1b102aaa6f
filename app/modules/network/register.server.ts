// The request register (/verzoeken) and the new-request pages: who asked which company what.
import { NETWORK_STATUSES } from "~/modules/companies/company-state";
import { db } from "~/utils/db.server";
import { defineTable } from "~/utils/table.server";
import { ID_PATTERN, REQUEST_KINDS, REQUEST_STATUSES } from "./network.schema";
import { listOpenAndRecent, registerWhere, type RegisterFilters } from "./requests.server";

export const registerTable = defineTable({
  sorts: {
    askedAt: (dir) => ({ askedAt: dir }),
    company: (dir) => ({ company: { name: dir } }),
    status: (dir) => ({ status: dir }),
  },
  defaultSort: "askedAt",
  defaultDir: "desc",
  tiebreaker: { id: "asc" },
  pageSize: 25,
});

/** The register's filters from its URL (?bedrijf=&soort=&status=); anything unknown is no filter. */
export function registerFiltersOf(search: URLSearchParams): RegisterFilters {
  const company = search.get("bedrijf") ?? "";
  const kind = search.get("soort") ?? "";
  const status = search.get("status") ?? "";
  return {
    companyId: ID_PATTERN.test(company) ? company : undefined,
    kind: (REQUEST_KINDS as readonly string[]).includes(kind) ? (kind as RegisterFilters["kind"]) : undefined,
    status: (REQUEST_STATUSES as readonly string[]).includes(status) ? (status as RegisterFilters["status"]) : undefined,
  };
}

/** One page of the register, and the companies that were asked something (the company filter). */
export async function listRegister(filters: RegisterFilters, params: ReturnType<typeof registerTable.parse>) {
  const where = { ...registerWhere(filters), ...(params.q ? { subject: { contains: params.q, mode: "insensitive" as const } } : {}) };
  const [total, companies] = await Promise.all([
    db.companyRequest.count({ where }),
    db.company.findMany({ where: { requests: { some: {} } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  const rows = await db.companyRequest.findMany({
    where,
    ...registerTable.prisma(params, total),
    select: {
      id: true,
      kind: true,
      subject: true,
      askedByName: true,
      askedAt: true,
      status: true,
      answer: true,
      answeredAt: true,
      company: { select: { id: true, name: true } },
    },
  });
  return { rows, state: registerTable.state(params, total), companies };
}

/** Step 1 of a new request: the companies of the network that can be asked. */
export function listRequestableCompanies() {
  return db.company.findMany({
    where: { status: { in: [...NETWORK_STATUSES] } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** Step 2: the chosen company and what was already asked of it; null: no such company in the network. */
export async function getRequestableCompany(companyId: string) {
  const [company, previous] = await Promise.all([
    db.company.findFirst({ where: { id: companyId, status: { in: [...NETWORK_STATUSES] } }, select: { id: true, name: true } }),
    listOpenAndRecent(companyId),
  ]);
  return company ? { company, previous } : null;
}
