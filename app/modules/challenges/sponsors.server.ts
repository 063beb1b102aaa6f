// The sponsors of an edition, as the board records them: shown on the edition's public page
// while the company is listed in the directory (ACTIVE or GRACE). One transaction per change,
// with its audit entry. Packages, gifts and sponsorship invoices are a later capability; they
// will add to these rows, not replace them.
import { LISTED_STATUSES } from "~/modules/companies/company-state";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export type SponsorResult = { ok: true } | { ok: false; notFound: true } | { ok: false; fieldErrors: Record<string, string[]> };

const listed = [...LISTED_STATUSES];

export async function addEditionSponsor(editionId: string, input: { companyId: string; label?: string }, actorId: string): Promise<SponsorResult> {
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { id: true } });
    if (!edition) return { ok: false, notFound: true };
    const company = await tx.company.findFirst({ where: { id: input.companyId, status: { in: listed } }, select: { id: true } });
    if (!company) return { ok: false, fieldErrors: { companyId: ["challenges:errors.sponsorUnknown"] } };
    const existing = await tx.editionSponsor.findUnique({ where: { editionId_companyId: { editionId, companyId: company.id } }, select: { id: true } });
    if (existing) return { ok: false, fieldErrors: { companyId: ["challenges:errors.sponsorTwice"] } };
    const row = await tx.editionSponsor.create({
      data: { editionId, companyId: company.id, label: input.label ?? null, createdAt: now(), createdById: actorId },
      select: { id: true },
    });
    await audit({ actorId, action: "edition.sponsor-add", entityType: "Edition", entityId: editionId, after: { sponsorId: row.id, companyId: company.id, label: input.label ?? null } }, tx);
    return { ok: true };
  });
}

export async function removeEditionSponsor(editionId: string, sponsorId: string, actorId: string): Promise<SponsorResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.editionSponsor.findFirst({ where: { id: sponsorId, editionId }, select: { id: true, companyId: true, label: true } });
    if (!row) return { ok: false, notFound: true };
    await tx.editionSponsor.delete({ where: { id: row.id } });
    await audit({ actorId, action: "edition.sponsor-remove", entityType: "Edition", entityId: editionId, before: row }, tx);
    return { ok: true };
  });
}

/** The sponsors the public sees: listed companies only, in the order they were added. */
export const publicSponsorWhere = { company: { status: { in: listed } } } as const;
