// Challenges and their yearly editions, run by the board: create and edit them (with categories,
// team size limits and the six phase dates), and close a phase early or publish results early.
// Every write is one transaction with its audit entry. The phase itself is derived from the dates
// and the injectable clock (phases.ts); the server asks it before every phase-bound write.
import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import {
  currentPhase,
  isRegistrationOpen,
  isSubmissionOpen,
  type EditionDates,
  type Phase,
} from "./phases";

export const CHALLENGE_IMAGE_OWNER = "ChallengeImage";
export const SCHOOL_TYPES = ["VMBO", "PRIMARY"] as const;
export const DATE_FIELDS = [
  "registrationOpensAt",
  "registrationClosesAt",
  "submissionDeadline",
  "judgingOpensAt",
  "judgingClosesAt",
  "resultsPublishAt",
] as const;
export type DateFieldName = (typeof DATE_FIELDS)[number];
export const MAX_CATEGORIES = 12;

/** The phase of an edition now (the injectable clock). */
export function getEditionPhase(edition: EditionDates): Phase {
  return currentPhase(edition, now());
}

/** The edition's fields as the board's forms deliver them (validated in the routes' schemas). */
export type EditionInput = {
  minTeamSize: number;
  maxTeamSize: number;
  marketingPlan: boolean;
  helpersAllowed: boolean;
  categories?: Array<{ id?: string; name?: string; schoolType?: (typeof SCHOOL_TYPES)[number] }>;
} & Record<DateFieldName, Date>;

// --- Challenges ----------------------------------------------------------------------------------

export function slugify(value: string): string {
  return (
    value
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "challenge"
  );
}

async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await tx.challenge.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type ChallengeInput = { name: string; description: string; national: boolean };

/** A new row id, so that an image can be stored with its owner before the challenge is written. */
export const newChallengeId = () => `c${randomBytes(12).toString("hex")}`;

export async function createChallenge(input: ChallengeInput & { id?: string; imageFileId?: string | null }, actorId: string, client?: Tx) {
  const run = async (tx: Tx) => {
    const at = now();
    const challenge = await tx.challenge.create({
      data: { ...input, slug: await freeSlug(tx, input.name), createdAt: at, updatedAt: at },
    });
    await audit({ actorId, action: "challenge.create", entityType: "Challenge", entityId: challenge.id, after: { ...input, slug: challenge.slug } }, tx);
    return challenge;
  };
  return client ? run(client) : db.$transaction(run);
}

/** null: no such challenge. */
export async function updateChallenge(id: string, input: ChallengeInput, actorId: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.challenge.findUnique({ where: { id }, select: { name: true, description: true, national: true } });
    if (!before) return null;
    const challenge = await tx.challenge.update({ where: { id }, data: { ...input, updatedAt: now() } });
    await audit({ actorId, action: "challenge.update", entityType: "Challenge", entityId: id, before, after: input }, tx);
    return challenge;
  });
}

/** Links a stored image to the challenge; returns the previous image's id (to delete afterwards). */
export async function setChallengeImage(id: string, fileId: string, actorId: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.challenge.findUniqueOrThrow({ where: { id }, select: { imageFileId: true } });
    await tx.challenge.update({ where: { id }, data: { imageFileId: fileId, updatedAt: now() } });
    await audit({ actorId, action: "challenge.image", entityType: "Challenge", entityId: id, before, after: { imageFileId: fileId } }, tx);
    return before.imageFileId;
  });
}

// --- Editions ------------------------------------------------------------------------------------

const editionData = (input: EditionInput) => ({
  minTeamSize: input.minTeamSize,
  maxTeamSize: input.maxTeamSize,
  marketingPlan: input.marketingPlan,
  helpersAllowed: input.helpersAllowed,
  registrationOpensAt: input.registrationOpensAt,
  registrationClosesAt: input.registrationClosesAt,
  submissionDeadline: input.submissionDeadline,
  judgingOpensAt: input.judgingOpensAt,
  judgingClosesAt: input.judgingClosesAt,
  resultsPublishAt: input.resultsPublishAt,
});

const namedCategories = (input: EditionInput) =>
  (input.categories ?? []).flatMap((c, position) => (c.name ? [{ id: c.id, name: c.name, schoolType: c.schoolType ?? null, position }] : []));

export type CreateEditionResult = { ok: true; id: string } | { ok: false; field: "year"; error: string } | { ok: false; notFound: true };

export async function createEdition(challengeId: string, input: EditionInput & { year: number }, actorId: string, client?: Tx): Promise<CreateEditionResult> {
  const run = async (tx: Tx): Promise<CreateEditionResult> => {
    const challenge = await tx.challenge.findUnique({ where: { id: challengeId }, select: { id: true, slug: true, name: true } });
    if (!challenge) return { ok: false, notFound: true };
    const exists = await tx.edition.findUnique({ where: { challengeId_year: { challengeId, year: input.year } }, select: { id: true } });
    if (exists) return { ok: false, field: "year", error: "challenges:errors.yearTaken" };
    const at = now();
    const categories = namedCategories(input);
    const edition = await tx.edition.create({
      data: {
        challengeId,
        year: input.year,
        name: `${challenge.name} ${input.year}`,
        slug: `${challenge.slug}-${input.year}`,
        ...editionData(input),
        createdAt: at,
        updatedAt: at,
        categories: { create: categories.map(({ name, schoolType, position }) => ({ name, schoolType, position })) },
      },
    });
    await audit(
      {
        actorId,
        action: "edition.create",
        entityType: "Edition",
        entityId: edition.id,
        after: { challengeId, year: input.year, ...editionData(input), categories: categories.map((c) => c.name) },
      },
      tx,
    );
    return { ok: true, id: edition.id };
  };
  return client ? run(client) : db.$transaction(run);
}

export type UpdateEditionResult = { ok: true } | { ok: false; notFound: true } | { ok: false; formError: string };

/**
 * Saves dates, limits, flags and categories. A category row with an id is renamed; a new row is
 * added; an existing category left out is removed — unless teams are registered in it.
 */
export async function updateEdition(editionId: string, input: EditionInput, actorId: string): Promise<UpdateEditionResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.edition.findUnique({
      where: { id: editionId },
      include: { categories: { include: { _count: { select: { teams: true } } } } },
    });
    if (!before) return { ok: false, notFound: true };
    const rows = namedCategories(input);
    const keep = new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
    if ([...keep].some((id) => !before.categories.some((c) => c.id === id))) return { ok: false, notFound: true };
    const removed = before.categories.filter((c) => !keep.has(c.id));
    if (removed.some((c) => c._count.teams > 0)) return { ok: false, formError: "challenges:errors.categoryHasTeams" };
    await tx.editionCategory.deleteMany({ where: { id: { in: removed.map((c) => c.id) } } });
    // Renames go through a temporary name first, so swapping two names does not clash.
    for (const row of rows.filter((r) => r.id)) {
      await tx.editionCategory.update({ where: { id: row.id }, data: { name: `~${row.id}` } });
    }
    for (const row of rows) {
      if (row.id) await tx.editionCategory.update({ where: { id: row.id }, data: { name: row.name, schoolType: row.schoolType, position: row.position } });
      else await tx.editionCategory.create({ data: { editionId, name: row.name, schoolType: row.schoolType, position: row.position } });
    }
    await tx.edition.update({ where: { id: editionId }, data: { ...editionData(input), updatedAt: now() } });
    const { categories, ...dates } = before;
    await audit(
      {
        actorId,
        action: "edition.update",
        entityType: "Edition",
        entityId: editionId,
        before: { ...pickEditionData(dates), categories: categories.map((c) => c.name) },
        after: { ...editionData(input), categories: rows.map((r) => r.name) },
      },
      tx,
    );
    return { ok: true };
  });
}

function pickEditionData(e: Record<string, unknown>) {
  const keys = ["minTeamSize", "maxTeamSize", "marketingPlan", "helpersAllowed", ...DATE_FIELDS] as const;
  return Object.fromEntries(keys.map((k) => [k, e[k]]));
}

// Publishing the results is no early action: it happens on the board's results page
// (/bestuur/edities/<id>/uitslag, judging/publication.server.ts), after judging and tip screening.
export const EARLY_ACTIONS = ["close-registration", "close-submissions"] as const;
export type EarlyAction = (typeof EARLY_ACTIONS)[number];

/** Which early action the phase allows now (the server's rule; the page only shows these). */
export function allowedEarlyActions(edition: EditionDates, at: Date): EarlyAction[] {
  const allowed: EarlyAction[] = [];
  if (isRegistrationOpen(edition, at)) allowed.push("close-registration");
  if (isSubmissionOpen(edition, at)) allowed.push("close-submissions");
  return allowed;
}

export type EarlyResult = { ok: true; phase: Phase } | { ok: false; notFound: true } | { ok: false; formError: string };

/**
 * Closes registration or submissions now, or publishes the results now. Closing submissions also
 * closes registration; publishing results also closes judging. Refused when the phase does not allow it.
 */
export async function closePhaseEarly(editionId: string, what: EarlyAction, actorId: string): Promise<EarlyResult> {
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId } });
    if (!edition) return { ok: false, notFound: true };
    const at = now();
    if (!allowedEarlyActions(edition, at).includes(what)) return { ok: false, formError: `challenges:errors.early.${what}` };
    const data: Prisma.EditionUpdateInput = { updatedAt: at };
    if (what === "close-registration") data.registrationClosedEarlyAt = at;
    if (what === "close-submissions") {
      data.submissionsClosedEarlyAt = at;
      if (isRegistrationOpen(edition, at)) data.registrationClosedEarlyAt = at;
    }
    const updated = await tx.edition.update({ where: { id: editionId }, data });
    await audit(
      {
        actorId,
        action: `edition.${what}`,
        entityType: "Edition",
        entityId: editionId,
        before: { phase: currentPhase(edition, at) },
        after: { phase: currentPhase(updated, at), at },
      },
      tx,
    );
    return { ok: true, phase: currentPhase(updated, at) };
  });
}

// --- Logistics of national challenges --------------------------------------------------------------

export type LogisticsInput = { kitBudgetCents: number | null; transport: string | null; logisticsNotes: string | null };

/** Records the logistics of one team of a national challenge's edition; false when no such team. */
export async function saveTeamLogistics(editionId: string, teamId: string, input: LogisticsInput, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({
      where: { id: teamId, editionId, edition: { challenge: { national: true } } },
      select: { kitBudgetCents: true, transport: true, logisticsNotes: true },
    });
    if (!team) return false;
    await tx.team.update({ where: { id: teamId }, data: { ...input, updatedAt: now() } });
    await audit({ actorId, action: "team.logistics", entityType: "Team", entityId: teamId, before: team, after: input }, tx);
    return true;
  });
}
