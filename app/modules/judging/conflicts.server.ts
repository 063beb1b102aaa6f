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
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { conflictReasons, type ConflictReason, type DeclarationKind, type EntryFacts, type JurorAffiliations } from "./rules/conflicts";

export type { ConflictReason } from "./rules/conflicts";

/** Conflict reasons per jury member id, then per team id (pairs without a conflict are absent). */
export type ConflictMap = Map<string, Map<string, ConflictReason[]>>;

type Scope = { juryMemberIds?: readonly string[]; teamIds?: readonly string[] };

type MemberRow = { id: string; email: string; userId: string | null; conflicts: Array<{ teamId: string; kind: string; note: string }> };
type UserRow = { id: string; email: string | null; roles: Array<{ role: string; companyId: string | null; schoolId: string | null }> };

/**
 * The conflicts of an edition's jury (not removed) with its teams (not withdrawn), optionally
 * narrowed to some members or teams. Three queries, whatever the size of the jury.
 */
export async function loadConflicts(editionId: string, scope: Scope = {}): Promise<ConflictMap> {
  const memberScope = scope.juryMemberIds ? Prisma.sql`AND m.id = ANY(${[...scope.juryMemberIds]}::text[])` : Prisma.empty;
  const [members, teams] = await Promise.all([
    // Each member with their declarations (one query: the declarations as a JSON list).
    db.$queryRaw<MemberRow[]>`
      SELECT m.id, m.email, m."userId",
             COALESCE((SELECT json_agg(json_build_object('teamId', jc."teamId", 'kind', jc.kind::text, 'note', jc.note) ORDER BY jc."declaredAt", jc.id)
                       FROM "JurorConflict" jc WHERE jc."juryMemberId" = m.id), '[]'::json) AS conflicts
      FROM "JuryMember" m
      WHERE m."editionId" = ${editionId} AND m."removedAt" IS NULL ${memberScope}
      ORDER BY m."createdAt", m.id`,
    db.team.findMany({
      where: { editionId, withdrawnAt: null, ...(scope.teamIds ? { id: { in: [...scope.teamIds] } } : {}) },
      select: { id: true, schoolId: true, categoryId: true },
    }),
  ]);
  if (!members.length || !teams.length) return new Map();

  // Each member's account: the linked one, or (not accepted yet) the one with the invited address.
  const userIds = members.flatMap((m) => (m.userId ? [m.userId] : []));
  const emails = members.flatMap((m) => (m.userId ? [] : [m.email]));
  const users = await db.$queryRaw<UserRow[]>`
    SELECT u.id, u.email,
           COALESCE((SELECT json_agg(json_build_object('role', r.role::text, 'companyId', r."companyId", 'schoolId', r."schoolId") ORDER BY r."createdAt", r.id)
                     FROM "RoleAssignment" r WHERE r."userId" = u.id), '[]'::json) AS roles
    FROM "User" u
    WHERE u.id = ANY(${userIds}::text[]) OR u.email = ANY(${emails}::text[])`;
  const byId = new Map(users.map((u) => [u.id, u]));
  const byEmail = new Map(users.flatMap((u) => (u.email ? [[u.email, u] as const] : [])));

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
