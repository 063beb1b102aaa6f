// Who may read a team's submission files (owner type "SubmissionVersion", owner id = the version
// the file was first handed in with): the board, the teachers and school contact of the team's
// school, and the team's own pupils; and a juror the team is assigned to, once judging has opened
// and without a conflict (judging/entry-access.server.ts). Nobody else, and nobody for a version
// that does not exist.
import { jurorMayReadEntry } from "~/modules/judging/entry-access.server";
import { registerFileAccess } from "~/modules/files/files.server";
import { db } from "~/utils/db.server";

export const SUBMISSION_FILE_OWNER = "SubmissionVersion";

export async function canReadSubmissionFile(userId: string | null, versionId: string): Promise<boolean> {
  if (!userId) return false;
  const version = await db.submissionVersion.findUnique({
    where: { id: versionId },
    select: { submission: { select: { team: { select: { id: true, schoolId: true } } } } },
  });
  const team = version?.submission.team;
  if (!team) return false;
  const grant = await db.user.findFirst({
    where: {
      id: userId,
      disabledAt: null,
      OR: [
        { roles: { some: { role: "BOARD" } } },
        { roles: { some: { role: { in: ["TEACHER", "SCHOOL_CONTACT"] }, schoolId: team.schoolId } } },
        { pupil: { is: { teams: { some: { teamId: team.id } } } } },
      ],
    },
    select: { id: true },
  });
  if (grant !== null) return true;
  return jurorMayReadEntry(userId, team.id);
}

registerFileAccess(SUBMISSION_FILE_OWNER, canReadSubmissionFile);
