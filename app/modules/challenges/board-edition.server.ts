// The board's page of one edition: everything it shows, and the writes behind its forms
// (edit the edition, close a phase early, team logistics, sponsors).
import { LISTED_STATUSES } from "~/modules/companies/company-state";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { toDateTimeInputValue } from "~/utils/format";
import type { BoardEditionAction } from "./board-edition.schema";
import { allowedEarlyActions, closePhaseEarly, DATE_FIELDS, getEditionPhase, saveTeamLogistics, updateEdition } from "./editions.server";
import { addEditionSponsor, removeEditionSponsor } from "./sponsors.server";

/** The edition with its challenge, phase, dates, categories, teams (national challenges), sponsors and form defaults; null: no such edition. */
export async function getBoardEditionPage(editionId: string) {
  const edition = await db.edition.findUnique({
    where: { id: editionId },
    include: {
      challenge: { select: { id: true, name: true, slug: true, national: true } },
      categories: { orderBy: [{ position: "asc" }, { name: "asc" }], include: { _count: { select: { teams: true } } } },
      teams: {
        where: { status: "REGISTERED" },
        orderBy: { name: "asc" },
        select: { id: true, name: true, kitBudgetCents: true, transport: true, logisticsNotes: true, school: { select: { name: true } }, _count: { select: { coaches: true } } },
      },
    },
  });
  if (!edition) return null;
  // In one go: the companies listed in the directory (who may become a sponsor) and the edition's
  // sponsors (also those no longer listed).
  const companies = await db.company.findMany({
    where: { OR: [{ status: { in: [...LISTED_STATUSES] } }, { sponsorships: { some: { editionId } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, status: true, sponsorships: { where: { editionId }, select: { id: true, label: true, createdAt: true } } },
  });
  const { challenge, categories, teams, ...rest } = edition;
  const isListed = (status: string) => (LISTED_STATUSES as readonly string[]).includes(status);
  const sponsors = companies
    .flatMap((c) => c.sponsorships.map((s) => ({ id: s.id, label: s.label, at: s.createdAt.getTime(), name: c.name, listed: isListed(c.status) })))
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...s }) => s);
  const at = now();
  return {
    edition: { id: rest.id, name: rest.name, year: rest.year },
    challenge,
    phase: getEditionPhase(edition),
    allowed: allowedEarlyActions(edition, at),
    dates: Object.fromEntries(DATE_FIELDS.map((f) => [f, rest[f].toISOString()])) as Record<(typeof DATE_FIELDS)[number], string>,
    early: { registration: rest.registrationClosedEarlyAt, submissions: rest.submissionsClosedEarlyAt, results: rest.resultsPublishedEarlyAt },
    categories: categories.map((c) => ({ id: c.id, name: c.name, teams: c._count.teams })),
    teams: challenge.national ? teams.map((tm) => ({ ...tm, school: tm.school.name, coaches: tm._count.coaches })) : [],
    sponsors,
    candidates: companies.filter((c) => isListed(c.status) && c.sponsorships.length === 0).map((c) => ({ id: c.id, name: c.name })),
    defaults: {
      minTeamSize: String(rest.minTeamSize),
      maxTeamSize: String(rest.maxTeamSize),
      marketingPlan: rest.marketingPlan ? "on" : "",
      helpersAllowed: rest.helpersAllowed ? "on" : "",
      categories: categories.map((c) => ({ id: c.id, name: c.name, schoolType: c.schoolType ?? "" })),
      ...Object.fromEntries(DATE_FIELDS.map((f) => [f, toDateTimeInputValue(rest[f])])),
    },
  };
}

/** What a write of the page came to: done (the toast to show), no such edition/row, or refused with messages for the form. */
export type BoardEditionResult =
  | { ok: true; toast: string }
  | { ok: false; notFound: true }
  | { ok: false; form: string; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** Carries out one of the page's forms on the edition. */
export async function runBoardEditionAction(editionId: string, value: BoardEditionAction, actorId: string): Promise<BoardEditionResult> {
  if (value.intent === "update-edition") {
    const { intent: _intent, ...input } = value;
    const saved = await updateEdition(editionId, input, actorId);
    if (!saved.ok) return "notFound" in saved ? saved : { ok: false, form: "edition", formErrors: [saved.formError] };
    return { ok: true, toast: "challenges:board.editionSaved" };
  }
  if (value.intent === "logistics") {
    const saved = await saveTeamLogistics(
      editionId,
      value.teamId,
      { kitBudgetCents: value.kitBudget ?? null, transport: value.transport ?? null, logisticsNotes: value.logisticsNotes ?? null },
      actorId,
    );
    return saved ? { ok: true, toast: "challenges:board.logisticsSaved" } : { ok: false, notFound: true };
  }
  if (value.intent === "add-sponsor" || value.intent === "remove-sponsor") {
    const done =
      value.intent === "add-sponsor"
        ? await addEditionSponsor(editionId, { companyId: value.companyId, label: value.label }, actorId)
        : await removeEditionSponsor(editionId, value.sponsorId, actorId);
    if (!done.ok) return "notFound" in done ? done : { ok: false, form: "sponsor", fieldErrors: done.fieldErrors };
    return { ok: true, toast: `challenges:board.sponsorDone.${value.intent}` };
  }
  const closed = await closePhaseEarly(editionId, value.intent, actorId);
  if (!closed.ok) return "notFound" in closed ? closed : { ok: false, form: "early", formErrors: [closed.formError] };
  return { ok: true, toast: `challenges:board.early.${value.intent}` };
}
