// The public directory of the network: ACTIVE and GRACE companies (it does not empty when a new
// school year starts), searchable by name or city and filterable by sector. People inside the
// network (the board, contacts of approved, active or grace companies) also see contact persons.
import type { Prisma } from "~/generated/prisma/client";
import { LISTED_STATUSES, NETWORK_STATUSES } from "~/modules/companies/company-state";
import { isBoard } from "~/modules/auth/permissions";
import type { AuthUser } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { defineTable } from "~/utils/table.server";

export const directoryTable = defineTable({
  sorts: { name: (dir) => ({ name: dir }) },
  defaultSort: "name",
  tiebreaker: { id: "asc" },
  pageSize: 24,
});

/** Network contacts and the board see contact persons; anyone else (also signed in) does not. */
export async function canSeeContactPersons(user: AuthUser | null): Promise<boolean> {
  if (!user) return false;
  if (isBoard(user.roles)) return true;
  const companyIds = user.roles.filter((r) => r.role === "COMPANY_CONTACT" && r.companyId).map((r) => r.companyId!);
  if (companyIds.length === 0) return false;
  const inNetwork = await db.company.count({ where: { id: { in: companyIds }, status: { in: [...NETWORK_STATUSES] } } });
  return inNetwork > 0;
}

export function directoryWhere(q: string, sector: string): Prisma.CompanyWhereInput {
  return {
    status: { in: [...LISTED_STATUSES] },
    ...(sector ? { sector } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { city: { contains: q, mode: "insensitive" } },
            { description: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
}

/** The sectors of listed companies, for the filter. */
export async function listedSectors(): Promise<string[]> {
  const rows = await db.company.groupBy({
    by: ["sector"],
    where: { status: { in: [...LISTED_STATUSES] }, sector: { not: null } },
    orderBy: { sector: "asc" },
  });
  return rows.map((r) => r.sector).filter((s): s is string => Boolean(s));
}

export async function listDirectory(request: Request, sector: string, withContacts: boolean) {
  const params = directoryTable.parse(request);
  const where = directoryWhere(params.q, sector);
  const total = await db.company.count({ where });
  const companies = await db.company.findMany({
    where,
    ...directoryTable.prisma(params, total),
    select: {
      id: true,
      name: true,
      sector: true,
      city: true,
      website: true,
      description: true,
      logoFileId: true,
      ...(withContacts
        ? {
            contacts: {
              where: { removedAt: null },
              orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
              select: { id: true, name: true, jobTitle: true, email: true, phone: true },
            },
          }
        : {}),
    },
  });
  return {
    state: directoryTable.state(params, total),
    companies: companies.map((c) => ({ ...c, contacts: "contacts" in c ? c.contacts : [] })),
  };
}
