// Which juror scores which entry (issue 17, point 3), the board's side: the mode and N saved in
// JudgingSettings, the automatic distribution (rules/assignment.ts), manual assign / unassign,
// and what the page shows: the conflicts with their reasons, and coverage (per entry its jurors
// and submitted sheets, per juror the load and progress).
//
// - An entry is a team of the edition that did not withdraw. A juror is a jury member who was
//   not removed; the automatic distribution leaves out members whose invitation expired or was
//   withdrawn (they cannot accept), but keeps what they were given by hand.
// - Conflicts come from conflicts.server.ts on every ask (declared + detected now), so a changed
//   affiliation changes what is refused at the next distribution or assignment.
// - Balanced mode treats the edition's jury and entries as ONE panel: jurors are on the jury of
//   the edition, not of a category, and the load the board sees (max − min ≤ 1) is over the whole
//   edition. Whole-panel mode gives every unconflicted juror every entry (of every category).
// - A distribution keeps the manual assignments and every assignment that already has a score
//   sheet (draft or submitted: the juror started), replaces the other automatic ones, and takes
//   off conflicted pairs (their sheets stay, for the record; they never count for the juror's
//   conflicted entry). One audit row per run with the counts.
// - Assignment may change after judging opens (a juror falls ill): every change is audited, and
//   the page says so while judging runs. See docs/decisions/0010-jury-assignment.md.
import { audit } from "~/modules/audit/audit.server";
import { getEditionPhase } from "~/modules/challenges/editions.server";
import { EDITION_DATES } from "~/modules/challenges/submissions.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import type { AssignmentAction, AssignmentModeValue } from "./assignment.schema";
import { conflictMapOf, loadConflicts, type ConflictMap, type ConflictReason } from "./conflicts.server";
import { assignBalanced, assignWholePanel, coverageSummary, type AssignmentPair } from "./rules";
import type { Actor, JudgingWriteResult } from "./scoring-forms.server";

export const DEFAULT_MIN_JURORS = 3;

type MemberRow = {
  id: string;
  name: string;
  userId: string | null;
  invitation: { expiresAt: Date; revokedAt: Date | null } | null;
};

/** Accepted, invited (the invitation still open) or expired/withdrawn. */
function statusOf(m: MemberRow, at: Date): "accepted" | "invited" | "expired" {
  if (m.userId) return "accepted";
  if (!m.invitation) return "invited";
  return m.invitation.expiresAt > at && !m.invitation.revokedAt ? "invited" : "expired";
}

const pairKey = (memberId: string, teamId: string) => `${memberId}\u0000${teamId}`;

type TeamSql = { id: string; name: string; categoryId: string; category: string; schoolId: string; school: string };
type MemberSql = {
  id: string;
  name: string;
  userId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  declarations: Array<{ teamId: string; kind: string; note: string }>;
  roles: Array<{ role: string; companyId: string | null; schoolId: string | null }>;
};
type AssignmentSql = { id: string; juryMemberId: string; teamId: string; source: "MANUAL" | "AUTOMATIC"; sheet: "DRAFT" | "SUBMITTED" | null };

/**
 * The rows a page or a distribution needs, all scoped to the edition, in three queries whatever
 * the size of the jury: the entries, the jury (with invitation, declared conflicts and the roles
 * of each member's account — the linked one, or for a member who has not accepted yet the one with
 * the invited address, as in conflicts.server.ts), and the assignments with their sheet's status.
 */
async function loadState(editionId: string, client: Tx = db) {
  const [teams, rows, assignments] = await Promise.all([
    client.$queryRaw<TeamSql[]>`
      SELECT t.id, t.name, t."categoryId", c.name AS category, t."schoolId", s.name AS school
      FROM "Team" t JOIN "School" s ON s.id = t."schoolId" JOIN "EditionCategory" c ON c.id = t."categoryId"
      WHERE t."editionId" = ${editionId} AND t."withdrawnAt" IS NULL
      ORDER BY c.position, t.name, t.id`,
    client.$queryRaw<MemberSql[]>`
      SELECT m.id, m.name, m."userId", i."expiresAt", i."revokedAt",
             COALESCE((SELECT json_agg(json_build_object('teamId', c."teamId", 'kind', c.kind::text, 'note', c.note))
                       FROM "JurorConflict" c WHERE c."juryMemberId" = m.id), '[]'::json) AS declarations,
             COALESCE((SELECT json_agg(json_build_object('role', r.role::text, 'companyId', r."companyId", 'schoolId', r."schoolId"))
                       FROM "RoleAssignment" r JOIN "User" u ON u.id = r."userId"
                       WHERE (m."userId" IS NOT NULL AND u.id = m."userId") OR (m."userId" IS NULL AND u.email = m.email)), '[]'::json) AS roles
      FROM "JuryMember" m LEFT JOIN "Invitation" i ON i.id = m."invitationId"
      WHERE m."editionId" = ${editionId} AND m."removedAt" IS NULL
      ORDER BY m.name, m.id`,
    client.$queryRaw<AssignmentSql[]>`
      SELECT a.id, a."juryMemberId", a."teamId", a.source::text AS source, sh.status::text AS sheet
      FROM "JuryAssignment" a
      JOIN "JuryMember" m ON m.id = a."juryMemberId" AND m."editionId" = ${editionId} AND m."removedAt" IS NULL
      JOIN "Team" t ON t.id = a."teamId" AND t."editionId" = ${editionId} AND t."withdrawnAt" IS NULL
      LEFT JOIN "ScoreSheet" sh ON sh."juryMemberId" = a."juryMemberId" AND sh."teamId" = a."teamId"`,
  ]);
  const members: MemberRow[] = rows.map((m) => ({ id: m.id, name: m.name, userId: m.userId, invitation: m.expiresAt ? { expiresAt: m.expiresAt, revokedAt: m.revokedAt } : null }));
  const conflicts = conflictMapOf(editionId, rows, teams);
  return { teams, members, assignments, conflicts };
}

function conflictPairs(conflicts: ConflictMap): AssignmentPair[] {
  return [...conflicts].flatMap(([jurorId, perTeam]) => [...perTeam.keys()].map((entryId) => ({ jurorId, entryId })));
}

/** A conflict reason as the page words it: the names it needs, looked up. */
export type ReasonView =
  | { code: "DECLARED"; kind: string; text: string | null }
  | { code: "TEACHES_AT_SCHOOL" | "SCHOOL_CONTACT"; school: string }
  | { code: "SPONSORS_TEAM" | "SPONSORS_CATEGORY" | "SPONSORS_EDITION" | "HOSTS_CASE"; company: string };

function reasonView(r: ConflictReason, schools: Map<string, string>, companies: Map<string, string>): ReasonView {
  switch (r.code) {
    case "DECLARED":
      return { code: r.code, kind: r.kind, text: r.text };
    case "TEACHES_AT_SCHOOL":
    case "SCHOOL_CONTACT":
      return { code: r.code, school: schools.get(r.schoolId) ?? "?" };
    default:
      return { code: r.code, company: companies.get(r.companyId) ?? "?" };
  }
}

/** Everything the assignment page shows (five queries, six when a conflict names a company). Null: no such edition. */
export async function getAssignmentPage(editionId: string) {
  const [edition, state] = await Promise.all([
    db.edition.findUnique({
      where: { id: editionId },
      select: { id: true, name: true, ...EDITION_DATES, judgingSettings: { select: { minJurorsPerEntry: true, assignmentMode: true } } },
    }),
    loadState(editionId),
  ]);
  if (!edition) return null;
  const companyIds = [...state.conflicts.values()].flatMap((perTeam) => [...perTeam.values()].flat().flatMap((r) => ("companyId" in r ? [r.companyId] : [])));
  const companies = companyIds.length ? await db.company.findMany({ where: { id: { in: [...new Set(companyIds)] } }, select: { id: true, name: true } }) : [];
  const at = now();
  const { judgingSettings, ...dates } = edition;
  const n = judgingSettings?.minJurorsPerEntry ?? DEFAULT_MIN_JURORS;
  const mode: AssignmentModeValue = judgingSettings?.assignmentMode ?? "MANUAL";
  const phase = getEditionPhase(dates);

  const schools = new Map(state.teams.map((t) => [t.schoolId, t.school]));
  const companyNames = new Map(companies.map((c) => [c.id, c.name]));
  const memberName = new Map(state.members.map((m) => [m.id, m.name]));
  const teamName = new Map(state.teams.map((t) => [t.id, t.name]));
  const sheetOf = new Map(state.assignments.map((a) => [pairKey(a.juryMemberId, a.teamId), a.sheet]));
  const statuses = new Map(state.members.map((m) => [m.id, statusOf(m, at)]));
  const available = state.members.filter((m) => statuses.get(m.id) !== "expired").map((m) => m.id);

  const coverage = coverageSummary({
    entryIds: state.teams.map((t) => t.id),
    jurorIds: state.members.map((m) => m.id),
    assignments: state.assignments.map((a) => ({ jurorId: a.juryMemberId, entryId: a.teamId })),
    minJurorsPerEntry: n,
  });
  const perEntry = new Map(coverage.perEntry.map((p) => [p.entryId, p.jurors]));
  const loads = new Map(coverage.loads.map((l) => [l.jurorId, l.load]));
  const conflicted = (memberId: string, teamId: string) => state.conflicts.get(memberId)?.has(teamId) ?? false;

  const entries = state.teams.map((t) => {
    const assigned = state.assignments
      .filter((a) => a.teamId === t.id)
      .map((a) => ({ memberId: a.juryMemberId, name: memberName.get(a.juryMemberId) ?? "", source: a.source, sheet: sheetOf.get(pairKey(a.juryMemberId, t.id)) ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"));
    const jurors = perEntry.get(t.id) ?? 0;
    const unconflicted = available.filter((m) => !conflicted(m, t.id)).length;
    return {
      id: t.id,
      name: t.name,
      school: t.school,
      category: t.category,
      jurors,
      submitted: assigned.filter((a) => a.sheet === "SUBMITTED").length,
      underN: jurors < n,
      /** Why an entry is under N: too few jurors without a conflict, or not yet given to enough of them. */
      shortfall: jurors >= n ? null : unconflicted < n ? ("TOO_FEW_JURORS" as const) : ("NOT_DISTRIBUTED" as const),
      unconflicted,
      assigned,
    };
  });

  const jurors = state.members.map((m) => {
    const mine = state.assignments.filter((a) => a.juryMemberId === m.id);
    return {
      id: m.id,
      name: m.name,
      status: statuses.get(m.id)!,
      load: loads.get(m.id) ?? 0,
      submitted: mine.filter((a) => sheetOf.get(pairKey(m.id, a.teamId)) === "SUBMITTED").length,
    };
  });

  const conflicts = [...state.conflicts].flatMap(([memberId, perTeam]) =>
    [...perTeam].map(([teamId, reasons]) => ({
      memberId,
      teamId,
      juror: memberName.get(memberId) ?? "",
      team: teamName.get(teamId) ?? "",
      reasons: reasons.map((r) => reasonView(r, schools, companyNames)),
    })),
  );
  conflicts.sort((a, b) => a.juror.localeCompare(b.juror, "nl") || a.team.localeCompare(b.team, "nl"));

  return {
    edition: { id: edition.id, name: edition.name },
    phase,
    judgingStarted: at.getTime() >= edition.judgingOpensAt.getTime(),
    settings: { minJurorsPerEntry: n, mode },
    entries,
    jurors,
    conflicts,
    loadSpread: { min: coverage.minLoad, max: coverage.maxLoad },
    entriesUnderN: coverage.entriesUnderN.length,
  };
}

export type AssignmentPage = NonNullable<Awaited<ReturnType<typeof getAssignmentPage>>>;

const NOT_FOUND = { ok: false, notFound: true } as const;

/** Carries out one of the page's forms on the edition. */
export async function runAssignmentAction(editionId: string, value: AssignmentAction, actor: Actor): Promise<JudgingWriteResult> {
  switch (value.intent) {
    case "save-settings":
      return saveAssignmentSettings(editionId, value, actor);
    case "distribute":
      return distributeAssignments(editionId, actor);
    case "assign":
      return assignJuror(editionId, value.memberId, value.teamId, actor);
    case "unassign":
      return unassignJuror(editionId, value.memberId, value.teamId, value.confirm === "yes", actor);
  }
}

/** Saves the assignment mode and N in the edition's JudgingSettings (created with defaults when absent). */
export async function saveAssignmentSettings(editionId: string, input: { mode: AssignmentModeValue; minJurorsPerEntry: number }, actor: Actor): Promise<JudgingWriteResult> {
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { id: true, judgingSettings: { select: { minJurorsPerEntry: true, assignmentMode: true } } } });
    if (!edition) return NOT_FOUND;
    const at = now();
    const data = { minJurorsPerEntry: input.minJurorsPerEntry, assignmentMode: input.mode, updatedAt: at };
    await tx.judgingSettings.upsert({ where: { editionId }, create: { editionId, ...data }, update: data });
    await audit(
      { actorId: actor.id, action: "judging.assignment.settings", entityType: "JudgingSettings", entityId: editionId, before: edition.judgingSettings, after: { minJurorsPerEntry: input.minJurorsPerEntry, assignmentMode: input.mode } },
      tx,
    );
    return { ok: true, toast: "assignment:toast.settingsSaved" };
  });
}

/**
 * The automatic distribution under the saved mode (balanced or whole panel): stores the new
 * automatic pairs, removes the automatic ones it no longer wants (never one with a score sheet)
 * and every conflicted pair. Refused in manual mode.
 */
export async function distributeAssignments(editionId: string, actor: Actor): Promise<JudgingWriteResult> {
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { id: true, judgingSettings: { select: { minJurorsPerEntry: true, assignmentMode: true } } } });
    if (!edition) return NOT_FOUND;
    const mode = edition.judgingSettings?.assignmentMode ?? "MANUAL";
    const n = edition.judgingSettings?.minJurorsPerEntry ?? DEFAULT_MIN_JURORS;
    if (mode === "MANUAL") return { ok: false, formErrors: ["assignment:errors.manualMode"] };
    const state = await loadState(editionId, tx);
    const at = now();
    const available = new Set(state.members.filter((m) => statusOf(m, at) !== "expired").map((m) => m.id));
    const hasSheet = new Set(state.assignments.filter((a) => a.sheet).map((a) => pairKey(a.juryMemberId, a.teamId)));
    const conflicts = conflictPairs(state.conflicts);
    const conflictSet = new Set(conflicts.map((c) => pairKey(c.jurorId, c.entryId)));

    // Fixed: made by hand, or already started by the juror. A fixed pair of an unavailable juror stays as it is, outside the panel.
    const fixed = state.assignments.filter((a) => a.source === "MANUAL" || hasSheet.has(pairKey(a.juryMemberId, a.teamId)));
    const panel = {
      entryIds: state.teams.map((t) => t.id),
      jurorIds: [...available],
      minJurorsPerEntry: n,
      conflicts,
      existing: fixed.filter((a) => available.has(a.juryMemberId)).map((a) => ({ jurorId: a.juryMemberId, entryId: a.teamId })),
    };
    const result = mode === "WHOLE_PANEL" ? assignWholePanel(panel) : assignBalanced({ ...panel, seed: editionId });

    const wanted = new Set(result.assignments.map((a) => pairKey(a.jurorId, a.entryId)));
    const current = new Map(state.assignments.map((a) => [pairKey(a.juryMemberId, a.teamId), a]));
    const remove = state.assignments.filter((a) => {
      const key = pairKey(a.juryMemberId, a.teamId);
      if (conflictSet.has(key)) return true;
      if (!available.has(a.juryMemberId)) return false;
      return !wanted.has(key) && a.source === "AUTOMATIC" && !hasSheet.has(key);
    });
    const create = result.assignments.filter((a) => !current.has(pairKey(a.jurorId, a.entryId)));
    if (remove.length) await tx.juryAssignment.deleteMany({ where: { id: { in: remove.map((a) => a.id) } } });
    if (create.length) {
      await tx.juryAssignment.createMany({
        data: create.map((a) => ({ juryMemberId: a.jurorId, teamId: a.entryId, source: "AUTOMATIC" as const, createdAt: at, createdById: actor.id })),
        skipDuplicates: true,
      });
    }
    const counts = {
      mode,
      minJurorsPerEntry: n,
      created: create.length,
      removed: remove.length,
      removedConflicted: remove.filter((a) => conflictSet.has(pairKey(a.juryMemberId, a.teamId))).length,
      kept: state.assignments.length - remove.length,
      entriesUnderN: result.shortfalls.length,
      minLoad: result.coverage.minLoad,
      maxLoad: result.coverage.maxLoad,
    };
    await audit({ actorId: actor.id, action: "judging.assignment.distribute", entityType: "Edition", entityId: editionId, meta: counts }, tx);
    return { ok: true, toast: result.shortfalls.length ? "assignment:toast.distributedShort" : "assignment:toast.distributed" };
  });
}

/** The member (not removed) and team (not withdrawn) of this edition, or null when either is not. */
async function pairIn(tx: Tx, editionId: string, memberId: string, teamId: string) {
  const [member, team] = await Promise.all([
    tx.juryMember.findFirst({ where: { id: memberId, editionId, removedAt: null }, select: { id: true, name: true } }),
    tx.team.findFirst({ where: { id: teamId, editionId, withdrawnAt: null }, select: { id: true, name: true } }),
  ]);
  return member && team ? { member, team } : null;
}

/** Gives a juror an entry by hand. Refused for a conflicted pair (with the reason's place named) and for a pair already assigned. */
export async function assignJuror(editionId: string, memberId: string, teamId: string, actor: Actor): Promise<JudgingWriteResult> {
  return db.$transaction(async (tx): Promise<JudgingWriteResult> => {
    const pair = await pairIn(tx, editionId, memberId, teamId);
    if (!pair) return NOT_FOUND;
    const conflicts = await loadConflicts(editionId, { juryMemberIds: [memberId], teamIds: [teamId] });
    if (conflicts.get(memberId)?.get(teamId)?.length) {
      return { ok: false, fieldErrors: { memberId: [`assignment:errors.conflict?${new URLSearchParams({ juror: pair.member.name, team: pair.team.name }).toString()}`] } };
    }
    const existing = await tx.juryAssignment.findUnique({ where: { juryMemberId_teamId: { juryMemberId: memberId, teamId } }, select: { id: true } });
    if (existing) return { ok: false, fieldErrors: { teamId: ["assignment:errors.alreadyAssigned"] } };
    const created = await tx.juryAssignment.create({ data: { juryMemberId: memberId, teamId, source: "MANUAL", createdAt: now(), createdById: actor.id }, select: { id: true } });
    await audit({ actorId: actor.id, action: "judging.assignment.assign", entityType: "JuryAssignment", entityId: created.id, after: { editionId, juryMemberId: memberId, teamId } }, tx);
    return { ok: true, toast: "assignment:toast.assigned" };
  });
}

/** Takes an entry off a juror. When the juror has a score sheet for it, only once confirmed; the sheet is kept. */
export async function unassignJuror(editionId: string, memberId: string, teamId: string, confirmed: boolean, actor: Actor): Promise<JudgingWriteResult> {
  return db.$transaction(async (tx) => {
    const assignment = await tx.juryAssignment.findFirst({
      where: { juryMemberId: memberId, teamId, juryMember: { editionId, removedAt: null }, team: { editionId } },
      select: { id: true, source: true },
    });
    if (!assignment) return NOT_FOUND;
    const sheet = await tx.scoreSheet.findUnique({ where: { juryMemberId_teamId: { juryMemberId: memberId, teamId } }, select: { id: true, status: true } });
    if (sheet && !confirmed) return { ok: false, formErrors: ["assignment:errors.hasSheet"] };
    await tx.juryAssignment.delete({ where: { id: assignment.id } });
    await audit(
      {
        actorId: actor.id,
        action: "judging.assignment.unassign",
        entityType: "JuryAssignment",
        entityId: assignment.id,
        before: { editionId, juryMemberId: memberId, teamId, source: assignment.source },
        meta: { sheetKept: sheet ? sheet.status : null },
      },
      tx,
    );
    return { ok: true, toast: "assignment:toast.unassigned" };
  });
}
