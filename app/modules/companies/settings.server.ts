// The foundation's own details and the network's settings (one row, id "foundation"). Reading
// never writes: without a row, the defaults below apply until the board saves the settings page.
import type { FoundationSettings } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { schoolYearBounds } from "./school-year";

export const FOUNDATION_SETTINGS_ID = "foundation";

export type Settings = Omit<FoundationSettings, "updatedAt"> & { updatedAt: Date | null; saved: boolean };

export const DEFAULT_SETTINGS: Omit<Settings, "updatedAt" | "saved"> = {
  id: FOUNDATION_SETTINGS_ID,
  name: "Stichting Vrienden van het Maasdal College",
  address: "",
  postcode: "",
  city: "",
  kvkNumber: "",
  vatNumber: null,
  vatExemptionReason: null,
  iban: "",
  email: "",
  contributionVatMode: "EXEMPT",
  contributionVatRateBp: 0,
  graceMonths: 3,
  paymentTermDays: 30,
  invoiceMonth: 9,
  invoiceDay: 1,
  reminderDays: [30, 60],
  pupilRetentionMonths: 12,
};

export async function getFoundationSettings(client: Tx = db): Promise<Settings> {
  const row = await client.foundationSettings.findUnique({ where: { id: FOUNDATION_SETTINGS_ID } });
  return row ? { ...row, saved: true } : { ...DEFAULT_SETTINGS, updatedAt: null, saved: false };
}

/** Can invoices be made? They need the foundation's name, address, KvK number and IBAN. */
export function invoiceDetailsComplete(settings: Settings): boolean {
  return Boolean(settings.name && settings.address && settings.postcode && settings.city && settings.kvkNumber && settings.iban);
}

// --- Saving (the board's settings page) ---------------------------------------------------------------

/** What the settings page saves. */
export type SettingsInput = Omit<Settings, "id" | "updatedAt" | "saved">;

/** Saves the foundation's details and the network's settings (one row), with before/after in the audit log. */
export async function saveFoundationSettings(input: SettingsInput, actorId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await getFoundationSettings(tx);
    const data = {
      ...input,
      vatNumber: input.vatNumber || null,
      vatExemptionReason: input.vatExemptionReason || null,
      contributionVatRateBp: input.contributionVatMode === "EXEMPT" ? 0 : input.contributionVatRateBp,
      reminderDays: [...new Set(input.reminderDays)].sort((a, b) => a - b),
      updatedAt: now(),
    };
    await tx.foundationSettings.upsert({ where: { id: FOUNDATION_SETTINGS_ID }, create: { id: FOUNDATION_SETTINGS_ID, ...data }, update: data });
    const { saved: _saved, updatedAt: _updatedAt, ...old } = before;
    await audit({ actorId, action: "settings.save", entityType: "FoundationSettings", entityId: FOUNDATION_SETTINGS_ID, before: old, after: data }, tx);
  });
}

// --- Contribution tiers ------------------------------------------------------------------------------

export type TierInput = { name: string; amountCents: number; benefits: string };

/** All tiers in the board's order; archived ones last. */
export function listTiers(client: Tx = db) {
  return client.contributionTier.findMany({
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, amountCents: true, benefits: true, position: true, archivedAt: true, _count: { select: { companies: true } } },
  });
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";

/** "name-taken" when another tier has this name. */
export async function createTier(input: TierInput, actorId: string): Promise<{ ok: true; id: string } | { ok: false; error: "name-taken" }> {
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.contributionTier.aggregate({ _max: { position: true } });
      const at = now();
      const tier = await tx.contributionTier.create({
        data: { ...input, position: (last._max.position ?? -1) + 1, createdAt: at, updatedAt: at },
      });
      await audit({ actorId, action: "tier.create", entityType: "ContributionTier", entityId: tier.id, after: input }, tx);
      return { ok: true as const, id: tier.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "name-taken" };
    throw error;
  }
}

export async function updateTier(id: string, input: TierInput, actorId: string): Promise<{ ok: true } | { ok: false; error: "not-found" | "name-taken" }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.contributionTier.findUnique({ where: { id }, select: { name: true, amountCents: true, benefits: true } });
      if (!before) return { ok: false as const, error: "not-found" as const };
      await tx.contributionTier.update({ where: { id }, data: { ...input, updatedAt: now() } });
      await audit({ actorId, action: "tier.update", entityType: "ContributionTier", entityId: id, before, after: input }, tx);
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: "name-taken" };
    throw error;
  }
}

/** Archived tiers cannot be chosen for new approvals; companies keep theirs. `archived: false` restores. */
export async function archiveTier(id: string, archived: boolean, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const at = now();
    const { count } = await tx.contributionTier.updateMany({ where: { id }, data: { archivedAt: archived ? at : null, updatedAt: at } });
    if (count === 0) return false;
    await audit({ actorId, action: archived ? "tier.archive" : "tier.restore", entityType: "ContributionTier", entityId: id }, tx);
    return true;
  });
}

/** Moves a tier one place up or down among the active tiers (renumbers them 0, 1, 2 …). */
export async function moveTier(id: string, direction: "up" | "down", actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const tiers = await tx.contributionTier.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true } });
    const index = tiers.findIndex((t) => t.id === id);
    if (index < 0) return false;
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= tiers.length) return true;
    const order = tiers.map((t) => t.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    const at = now();
    for (const [position, tierId] of order.entries()) {
      await tx.contributionTier.update({ where: { id: tierId }, data: { position, updatedAt: at } });
    }
    await audit({ actorId, action: "tier.move", entityType: "ContributionTier", entityId: id, meta: { direction, order } }, tx);
    return true;
  });
}

// --- School years -----------------------------------------------------------------------------------

export function listSchoolYears(client: Tx = db) {
  return client.schoolYear.findMany({ orderBy: { startYear: "desc" }, select: { id: true, startYear: true, startsOn: true, endsOn: true } });
}

/** Adds a school year (1 August – 31 July); "exists" when it is already there. */
export async function addSchoolYear(startYear: number, actorId: string): Promise<"added" | "exists"> {
  try {
    return await db.$transaction(async (tx) => {
      const bounds = schoolYearBounds(startYear);
      const year = await tx.schoolYear.create({ data: { startYear, ...bounds } });
      await audit({ actorId, action: "school-year.create", entityType: "SchoolYear", entityId: year.id, after: { startYear, ...bounds } }, tx);
      return "added" as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return "exists";
    throw error;
  }
}
