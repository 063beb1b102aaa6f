// Who may see a team (issue 8): the board; teachers and the school contact of the team's school;
// a pupil only their own team. Everyone else gets 404 — a team of another school does not exist
// for them. Who may CHANGE a team is decided by team-registration.server.ts (mayChangeTeam).
import type { AuthUser } from "~/modules/auth/session.server";
import { isBoard } from "~/modules/auth/permissions";
import { db, type Tx } from "~/utils/db.server";


export type TeamViewer = "board" | "teacher" | "school-contact" | "pupil";

/** The schools a person teaches at (TEACHER roles). */
export const teacherSchoolIds = (user: Pick<AuthUser, "roles">) =>
  user.roles.filter((r) => r.role === "TEACHER" && r.schoolId).map((r) => r.schoolId!);

/** The schools a person works for (TEACHER and SCHOOL_CONTACT roles). */
export const staffSchoolIds = (user: Pick<AuthUser, "roles">) =>
  user.roles.filter((r) => (r.role === "TEACHER" || r.role === "SCHOOL_CONTACT") && r.schoolId).map((r) => r.schoolId!);

/**
 * How the person relates to a team of `schoolId` (null: not at all). The board comes first, then a
 * teacher of the school, then the school contact. Pupils are checked separately (pupilOwnsTeam).
 */
export function staffRelation(user: Pick<AuthUser, "roles">, schoolId: string): Exclude<TeamViewer, "pupil"> | null {
  if (isBoard(user.roles)) return "board";
  if (user.roles.some((r) => r.role === "TEACHER" && r.schoolId === schoolId)) return "teacher";
  if (user.roles.some((r) => r.role === "SCHOOL_CONTACT" && r.schoolId === schoolId)) return "school-contact";
  return null;
}

/** Is the person a pupil member of the team (Pupil.userId = user → TeamMember)? */
export async function pupilOwnsTeam(userId: string, teamId: string, client: Tx = db): Promise<boolean> {
  const member = await client.teamMember.findFirst({ where: { teamId, pupil: { userId, anonymisedAt: null } }, select: { id: true } });
  return member !== null;
}

/** The team's school and edition (access checks: ~/modules/auth/ownership.server requireTeamAccess). */
export function findTeamScope(teamId: string) {
  return db.team.findUnique({ where: { id: teamId }, select: { id: true, schoolId: true, editionId: true } });
}
