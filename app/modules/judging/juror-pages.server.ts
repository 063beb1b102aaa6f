// What a juror sees: the editions they judge. The scope is the person's JUROR roles (one per
// edition) and their place on that edition's jury, both in the query's `where`.
import { currentPhase, judgingClosesAt } from "~/modules/challenges/phases";
import { EDITION_DATES } from "~/modules/challenges/submissions.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

/** The editions the person judges (roles scoped to an edition, still on that jury), newest judging first. */
export async function listJurorEditions(userId: string, editionIds: readonly string[]) {
  if (!editionIds.length) return [];
  const members = await db.juryMember.findMany({
    where: { userId, removedAt: null, editionId: { in: [...editionIds] } },
    select: {
      id: true,
      edition: {
        select: {
          id: true,
          name: true,
          ...EDITION_DATES,
          challenge: { select: { name: true } },
        },
      },
      _count: { select: { assignments: true, conflicts: true } },
    },
  });
  const at = now();
  const seen = new Set<string>();
  return members
    .filter((m) => !seen.has(m.edition.id) && seen.add(m.edition.id))
    .sort((a, b) => b.edition.judgingOpensAt.getTime() - a.edition.judgingOpensAt.getTime())
    .map(({ edition, _count }) => ({
      id: edition.id,
      name: edition.name,
      challenge: edition.challenge.name,
      phase: currentPhase(edition, at),
      judgingOpensAt: edition.judgingOpensAt.toISOString(),
      judgingClosesAt: judgingClosesAt(edition).toISOString(),
      assigned: _count.assignments,
      conflicts: _count.conflicts,
    }));
}
