// Who may read an entry's submission files as a juror (used by the submission files' access rule,
// challenges/submission-files.server.ts). Kept apart from scoring.server.ts so that the files rule
// does not pull the scoring pages (and their imports of the submissions module) into a cycle.
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { conflictsBetween } from "./conflicts.server";

/**
 * True when the person is on the jury of the team's edition (a JUROR role for it, not removed,
 * account not disabled), the team is assigned to them, judging has opened (also after it closed:
 * the sheets stay readable) and they have no conflict with the team.
 */
export async function jurorMayReadEntry(userId: string, teamId: string): Promise<boolean> {
  const assignment = await db.juryAssignment.findFirst({
    where: { teamId, juryMember: { userId, removedAt: null, user: { disabledAt: null } } },
    select: {
      juryMemberId: true,
      team: { select: { editionId: true, edition: { select: { judgingOpensAt: true } } } },
      juryMember: { select: { editionId: true, user: { select: { roles: { where: { role: "JUROR" }, select: { editionId: true } } } } } },
    },
  });
  if (!assignment) return false;
  const editionId = assignment.team.editionId;
  if (assignment.juryMember.editionId !== editionId) return false;
  if (!assignment.juryMember.user?.roles.some((r) => r.editionId === editionId)) return false;
  if (now().getTime() < assignment.team.edition.judgingOpensAt.getTime()) return false;
  return (await conflictsBetween(editionId, assignment.juryMemberId, teamId)).length === 0;
}
