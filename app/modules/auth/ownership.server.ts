// Access by object ownership and by school scope: who may open a company's own pages, a team's
// pages, the school contact's page, the team lists. Every loader and action of those pages calls
// one of these (routes write no access checks of their own). Anonymous visitors go to sign in;
// a signed-in stranger gets 404 where the object's existence must not show, else 403.
import { staffSchoolIds, teacherSchoolIds, findTeamScope, staffRelation, type TeamViewer } from "~/modules/challenges/team-access.server";
import { findSubmissionTeam, type SubmissionTeam } from "~/modules/challenges/submission-page.server";
import { teamAccess, type TeamAccess } from "~/modules/challenges/submissions.server";
import { findJuror, type Juror } from "~/modules/judging/scoring.server";
import { ID_PATTERN } from "~/utils/input";
import { isBoard } from "./permissions";
import { forbidden, notFound, requireUser, type AuthUser } from "./session.server";

// One helper per check: the company and school-contact checks live in access.server.ts.
export { requireCompanyAccess, requireSchoolContact, type CompanyAccess } from "./access.server";

const isId = (value: unknown): value is string => typeof value === "string" && ID_PATTERN.test(value);

// --- Teams ---------------------------------------------------------------------------------------

type TeamScope = { id: string; schoolId: string; editionId: string };
export type TeamStaffAccess = { user: AuthUser; team: TeamScope; relation: Exclude<TeamViewer, "pupil"> };
export type TeamSubmissionAccess = { user: AuthUser; team: SubmissionTeam; access: Exclude<TeamAccess, null> };

/**
 * A team's pages. `view`: the board and the staff of the team's school (the school contact
 * reads); `manage`: the same without the school contact (403 for them); `submission`: also the
 * team's own pupils. Everyone else gets 404: a team of another school does not exist for them.
 */
export async function requireTeamAccess(request: Request, teamId: string | undefined, mode: "view" | "manage"): Promise<TeamStaffAccess>;
export async function requireTeamAccess(request: Request, teamId: string | undefined, mode: "submission"): Promise<TeamSubmissionAccess>;
export async function requireTeamAccess(
  request: Request,
  teamId: string | undefined,
  mode: "view" | "manage" | "submission",
): Promise<TeamStaffAccess | TeamSubmissionAccess> {
  const user = await requireUser(request);
  if (!isId(teamId)) notFound();
  if (mode === "submission") {
    // The team with its edition's dates and whether the viewer is one of its pupils: one query.
    const team = await findSubmissionTeam(teamId, user.id);
    if (!team) notFound();
    const access = teamAccess(user, team, team.isMember);
    if (!access) notFound();
    return { user, team, access };
  }
  const team = await findTeamScope(teamId);
  if (!team) notFound();
  const relation = staffRelation(user, team.schoolId);
  if (!relation) notFound();
  // Pupil codes and the like are for the teachers of the school and the board; the school contact only reads the team.
  if (mode === "manage" && relation === "school-contact") forbidden();
  return { user, team, relation };
}

// --- Schools -------------------------------------------------------------------------------------

/**
 * The board, or staff of at least one school: `teacher` (TEACHER roles: registering teams) or
 * `staff` (TEACHER and SCHOOL_CONTACT roles: the team list). Anyone else 403.
 */
export async function requireSchoolStaff(request: Request, kind: "teacher" | "staff"): Promise<{ user: AuthUser; board: boolean; schoolIds: string[] }> {
  const user = await requireUser(request);
  const board = isBoard(user.roles);
  const schoolIds = kind === "teacher" ? teacherSchoolIds(user) : staffSchoolIds(user);
  if (!board && schoolIds.length === 0) forbidden();
  return { user, board, schoolIds };
}

// --- Jurors --------------------------------------------------------------------------------------

export type JurorAccess = { user: AuthUser; juror: Juror };

/**
 * A juror's pages of one edition (/jury/<editionId>/…): a JUROR role scoped to that edition and a
 * place on its jury (not removed). Anyone without a JUROR role gets 403; a juror of another
 * edition, or one taken off this jury, 404: the edition is not theirs to see.
 */
export async function requireJuror(request: Request, editionId: string | undefined): Promise<JurorAccess> {
  const user = await requireUser(request);
  const jurorRoles = user.roles.filter((r) => r.role === "JUROR");
  if (!jurorRoles.length) forbidden();
  if (!isId(editionId) || !jurorRoles.some((r) => r.editionId === editionId)) notFound();
  const juror = await findJuror(user.id, editionId);
  if (!juror) notFound();
  return { user, juror };
}
