// Conflicts of interest between an edition's jurors and its entries (a team's entry), from what
// the database holds now: the conflicts jurors declared (JurorConflict) and the affiliations that
// make one (rules/conflicts.ts says which). Nothing detected is stored, so a changed affiliation
// (a juror who starts teaching at a school, a contact who leaves a company) changes the answer the
// next time it is asked: assignment, scoring and the board's page all ask here.
//
// A juror who has not accepted the invitation yet is matched to an account by e-mail address, so
// the board sees the conflicts of an invited juror before assigning.
//
// Sponsorship (issue 19) and the Atelier route's cases (issue 20) have no tables yet: the team's
// and category's sponsors and the pupils' case hosts are empty lists until they do.
import { db } from "~/utils/db.server";
import { conflictReasons, type ConflictReason, type DeclarationKind, type EntryFacts, type JurorAffiliations } from "./rules/conflicts";

export type { ConflictReason } from "./rules/conflicts";

/** Conflict reasons per jury member id, then per team id (pairs without a conflict are absent). */
export type ConflictMap = Map<string, Map<string, ConflictReason[]>>;

type Scope = { juryMemberIds?: readonly string[]; teamIds?: readonly string[] };

/**
 * The conflicts of an edition's jury (not removed) with its teams (not withdrawn), optionally
 * narrowed to some members or teams. Three queries, whatever the size of the jury.
 */
export async function loadConflicts(editionId: string, scope: Scope = {}): Promise<ConflictMap> {
  const [members, teams] = await Promise.all([
    db.juryMember.findMany({
      where: { editionId, removedAt: null, ...(scope.juryMemberIds ? { id: { in: [...scope.juryMemberIds] } } : {}) },
      select: { id: true, email: true, userId: true, conflicts: { select: { teamId: true, kind: true, note: true } } },
    }),
    db.team.findMany({
      where: { editionId, withdrawnAt: null, ...(scope.teamIds ? { id: { in: [...scope.teamIds] } } : {}) },
      select: { id: true, schoolId: true, categoryId: true },
    }),
  ]);
  if (!members.length || !teams.length) return new Map();

  // Each member's account: the linked one, or (not accepted yet) the one with the invited address.
  const userIds = members.flatMap((m) => (m.userId ? [m.userId] : []));
  const emails = members.flatMap((m) => (m.userId ? [] : [m.email]));
  const users = await db.user.findMany({
    where: { OR: [{ id: { in: userIds } }, { email: { in: emails } }] },
    select: { id: true, email: true, roles: { select: { role: true, companyId: true, schoolId: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  const byEmail = new Map(users.map((u) => [u.email, u]));

  return conflictMapOf(
    editionId,
    members.map((m) => ({ id: m.id, declarations: m.conflicts, roles: (m.userId ? byId.get(m.userId) : byEmail.get(m.email))?.roles ?? [] })),
    teams,
  );
}

/** What conflictMapOf needs of a jury member: their declarations and the roles of their account (matched as above). */
export type MemberAffiliationRows = {
  id: string;
  declarations: ReadonlyArray<{ teamId: string; kind: string; note: string }>;
  roles: ReadonlyArray<{ role: string; companyId: string | null; schoolId: string | null }>;
};

/** The conflict map of rows already loaded (pure; loadConflicts and pages that load their own rows in fewer queries share it). */
export function conflictMapOf(editionId: string, members: readonly MemberAffiliationRows[], teams: ReadonlyArray<{ id: string; schoolId: string; categoryId: string }>): ConflictMap {
  const out: ConflictMap = new Map();
  const entries: EntryFacts[] = teams.map((t) => ({
    entryId: t.id,
    teamId: t.id,
    schoolId: t.schoolId,
    editionId,
    categoryId: t.categoryId,
    teamSponsorCompanyIds: [],
    categorySponsorCompanyIds: [],
    editionSponsorCompanyIds: [],
    pupilCaseHosts: [],
  }));

  for (const m of members) {
    const roles = m.roles;
    const of = (role: string, key: "companyId" | "schoolId") => roles.flatMap((r) => (r.role === role && r[key] ? [r[key]] : []));
    const juror: JurorAffiliations = {
      jurorId: m.id,
      companyIds: of("COMPANY_CONTACT", "companyId"),
      teachesAtSchoolIds: of("TEACHER", "schoolId"),
      schoolContactSchoolIds: of("SCHOOL_CONTACT", "schoolId"),
      declarations: m.declarations.map((c) => ({ teamId: c.teamId, kind: c.kind as DeclarationKind, text: c.note })),
    };
    const perTeam = new Map<string, ConflictReason[]>();
    for (const entry of entries) {
      const reasons = conflictReasons(juror, entry);
      if (reasons.length) perTeam.set(entry.teamId, reasons);
    }
    if (perTeam.size) out.set(m.id, perTeam);
  }
  return out;
}

/** Why this jury member may not score this team's entry (empty: they may). */
export async function conflictsBetween(editionId: string, juryMemberId: string, teamId: string): Promise<ConflictReason[]> {
  const map = await loadConflicts(editionId, { juryMemberIds: [juryMemberId], teamIds: [teamId] });
  return map.get(juryMemberId)?.get(teamId) ?? [];
}
