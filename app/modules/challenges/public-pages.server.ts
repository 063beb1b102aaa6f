// The public challenge pages (/challenges, /challenges/<slug>, /challenges/<slug>/<year>): what
// anyone may see of a challenge and its editions. Team names only, never a pupil's name.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { type DATE_FIELDS, getEditionPhase } from "./editions.server";
import { isRegistrationOpen, judgingClosesAt, registrationClosesAt, submissionsCloseAt } from "./phases";
import { publicSponsorWhere } from "./sponsors.server";

const SLUG = /^[a-z0-9-]{1,80}$/;

/** Every challenge with its latest edition's phase. */
export async function listChallenges() {
  const challenges = await db.challenge.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, description: true, imageFileId: true, national: true, editions: { orderBy: { year: "desc" }, take: 1 } },
  });
  const at = now();
  return challenges.map(({ editions, ...c }) => {
    const e = editions[0];
    return {
      ...c,
      edition: e ? { year: e.year, phase: getEditionPhase(e), open: isRegistrationOpen(e, at), closesAt: registrationClosesAt(e).toISOString() } : null,
    };
  });
}

/** A challenge with its editions (newest first). Null: no such challenge. */
export async function getChallengePage(slug: string) {
  if (!SLUG.test(slug)) return null;
  const challenge = await db.challenge.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      description: true,
      imageFileId: true,
      national: true,
      editions: { orderBy: { year: "desc" }, include: { _count: { select: { teams: { where: { status: "REGISTERED" } } } } } },
    },
  });
  if (!challenge) return null;
  const at = now();
  return {
    ...challenge,
    editions: challenge.editions.map((e) => ({
      id: e.id,
      year: e.year,
      name: e.name,
      teams: e._count.teams,
      phase: getEditionPhase(e),
      open: isRegistrationOpen(e, at),
      closesAt: registrationClosesAt(e).toISOString(),
    })),
  };
}

/** An edition's public page: dates, rules, team names per category, sponsors. Null: no such edition. */
export async function getEditionPage(slug: string, yearText: string) {
  if (!SLUG.test(slug) || !/^\d{4}$/.test(yearText)) return null;
  const edition = await db.edition.findFirst({
    where: { year: Number(yearText), challenge: { slug } },
    include: {
      challenge: { select: { name: true, slug: true, description: true, national: true, imageFileId: true } },
      categories: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      // Only whether the board published the results (never a score or a place: those are on the results page).
      judgingSettings: { select: { publishedAt: true } },
      // Team names only: never a pupil's name on a public page.
      teams: { where: { status: "REGISTERED" }, orderBy: { name: "asc" }, select: { id: true, name: true, categoryId: true } },
      // Sponsors while their company is listed in the network (name, logo, website).
      sponsors: {
        where: publicSponsorWhere,
        orderBy: { createdAt: "asc" },
        select: { id: true, label: true, company: { select: { name: true, website: true, logoFileId: true } } },
      },
    },
  });
  if (!edition) return null;
  const at = now();
  // The real end of each phase (the board may have closed one early).
  const dates: Record<(typeof DATE_FIELDS)[number], string> = {
    registrationOpensAt: edition.registrationOpensAt.toISOString(),
    registrationClosesAt: registrationClosesAt(edition).toISOString(),
    submissionDeadline: submissionsCloseAt(edition).toISOString(),
    judgingOpensAt: edition.judgingOpensAt.toISOString(),
    judgingClosesAt: judgingClosesAt(edition).toISOString(),
    resultsPublishAt: (edition.resultsPublishedEarlyAt && edition.resultsPublishedEarlyAt < edition.resultsPublishAt ? edition.resultsPublishedEarlyAt : edition.resultsPublishAt).toISOString(),
  };
  return {
    edition: {
      id: edition.id,
      name: edition.name,
      year: edition.year,
      minTeamSize: edition.minTeamSize,
      maxTeamSize: edition.maxTeamSize,
      marketingPlan: edition.marketingPlan,
      helpersAllowed: edition.helpersAllowed,
    },
    challenge: edition.challenge,
    categories: edition.categories.map((c) => ({ ...c, teams: edition.teams.filter((t) => t.categoryId === c.id).map((t) => ({ id: t.id, name: t.name })) })),
    teamCount: edition.teams.length,
    sponsors: edition.sponsors.map((sp) => ({ id: sp.id, label: sp.label, name: sp.company.name, website: sp.company.website, logoFileId: sp.company.logoFileId })),
    dates,
    phase: getEditionPhase(edition),
    open: isRegistrationOpen(edition, at),
    resultsPublished: edition.judgingSettings?.publishedAt != null,
  };
}
