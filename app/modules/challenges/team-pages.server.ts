// What the team pages show and the few actions that are theirs alone: the team list, the
// registration form, a team's page, its pupil codes and consents, and a pupil's own team. Each
// read uses a fixed number of queries however many teams or pupils (tests/guards/query-budget).
import type { AuthUser } from "~/modules/auth/session.server";
import { audit } from "~/modules/audit/audit.server";
import { issuePupilCode, revokePupilCodes } from "~/modules/auth/pupil-codes.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { consentStatus, CONSENT_TEXT_VERSIONS, CURRENT_CONSENT_TEXT, recordPaperConsent, sendConsentRequest, withdrawConsent, type ConsentStatus } from "./consent.server";
import { anonymisePupil } from "./erasure.server";
import { isRegistrationOpen } from "./phases";
import { teacherSchoolIds, type TeamViewer } from "./team-access.server";
import { changeRole } from "./team-registration.server";
import { mayChangeTeam } from "./teams";

// --- The team list (/teams) ------------------------------------------------------------------------

type TeamListRow = { id: string; name: string; status: string; school: string; category: string; editionId: string; editionName: string };
type TeamListEntry = { id: string; name: string; withdrawn: boolean; school: string; category: string; pupils: number; consent: Record<ConsentStatus, number> };

/** The teams of the person's schools (all for the board) by edition, with consent counts; the editions open for registration. */
export async function getTeamList(user: Pick<AuthUser, "roles">, scope: { board: boolean; schoolIds: string[] }) {
  const { board, schoolIds } = scope;
  const at = now();
  // One query for the teams with their school, category and edition names; one nested read for
  // the consents (a fixed number of queries, however many teams or pupils).
  const [teams, members, editions] = await Promise.all([
    db.$queryRaw<TeamListRow[]>`
      SELECT t.id, t.name, t.status::text AS status, s.name AS school, c.name AS category, e.id AS "editionId", e.name AS "editionName"
      FROM "Team" t
      JOIN "School" s ON s.id = t."schoolId"
      JOIN "EditionCategory" c ON c.id = t."categoryId"
      JOIN "Edition" e ON e.id = t."editionId"
      WHERE ${board} OR t."schoolId" = ANY(${schoolIds}::text[])
      ORDER BY e."registrationOpensAt" DESC, t.name ASC`,
    db.teamMember.findMany({
      where: board ? {} : { team: { schoolId: { in: schoolIds } } },
      select: { teamId: true, pupil: { select: { consents: { select: { givenBy: true, publishName: true, publishPhotos: true, textVersion: true, at: true, withdrawnAt: true } } } } },
    }),
    db.edition.findMany({
      where: { registrationOpensAt: { lte: at }, registrationClosesAt: { gt: at } },
      orderBy: { registrationClosesAt: "asc" },
      select: { id: true, name: true, registrationOpensAt: true, registrationClosesAt: true, submissionDeadline: true, judgingOpensAt: true, judgingClosesAt: true, resultsPublishAt: true, registrationClosedEarlyAt: true },
    }),
  ]);
  const canRegister = board || teacherSchoolIds(user).length > 0;
  const groups = new Map<string, { edition: { id: string; name: string }; teams: TeamListEntry[] }>();
  const perTeam = new Map<string, Record<ConsentStatus, number>>();
  for (const m of members) {
    const consent = perTeam.get(m.teamId) ?? { given: 0, refused: 0, withdrawn: 0, none: 0 };
    consent[consentStatus(m.pupil.consents, at)]++;
    perTeam.set(m.teamId, consent);
  }
  for (const team of teams) {
    const group = groups.get(team.editionId) ?? { edition: { id: team.editionId, name: team.editionName }, teams: [] };
    const consent = perTeam.get(team.id) ?? { given: 0, refused: 0, withdrawn: 0, none: 0 };
    const pupils = consent.given + consent.refused + consent.withdrawn + consent.none;
    group.teams.push({ id: team.id, name: team.name, withdrawn: team.status === "WITHDRAWN", school: team.school, category: team.category, pupils, consent });
    groups.set(team.editionId, group);
  }
  return {
    groups: [...groups.values()],
    openEditions: canRegister ? editions.filter((e) => isRegistrationOpen(e, at)).map((e) => ({ id: e.id, name: e.name })) : [],
    showSchool: board || new Set(schoolIds).size > 1,
  };
}

// --- The registration form (/teams/nieuw) ----------------------------------------------------------

/** The edition, the person's schools (all for the board), their colleagues and the helper schools; null: no such edition. */
export async function getRegistrationForm(user: Pick<AuthUser, "id">, scope: { board: boolean; schoolIds: string[] }, editionId: string) {
  const { board, schoolIds: ownSchools } = scope;
  const [edition, schools] = await Promise.all([
    db.edition.findUnique({
      where: { id: editionId },
      select: {
        id: true, name: true, minTeamSize: true, maxTeamSize: true, helpersAllowed: true,
        registrationOpensAt: true, registrationClosesAt: true, submissionDeadline: true, judgingOpensAt: true, judgingClosesAt: true, resultsPublishAt: true, registrationClosedEarlyAt: true,
        categories: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      },
    }),
    db.school.findMany({ where: board ? {} : { id: { in: ownSchools } }, orderBy: { name: "asc" }, select: { id: true, name: true, type: true, agreementSignedOn: true } }),
  ]);
  if (!edition) return null;
  const schoolIds = schools.map((s) => s.id);
  const [teachers, helperSchools] = await Promise.all([
    db.roleAssignment.findMany({ where: { role: "TEACHER", schoolId: { in: schoolIds } }, orderBy: { user: { name: "asc" } }, select: { schoolId: true, user: { select: { id: true, name: true } } } }),
    edition.helpersAllowed
      ? db.school.findMany({ where: { type: "VMBO", agreementSignedOn: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([] as { id: string; name: string }[]),
  ]);
  const open = isRegistrationOpen(edition, now());
  return {
    edition: { id: edition.id, name: edition.name, minTeamSize: edition.minTeamSize, maxTeamSize: edition.maxTeamSize, helpersAllowed: edition.helpersAllowed, categories: edition.categories },
    mayRegister: open || board,
    schools: schools.map((s) => ({ id: s.id, name: s.name, agreement: s.agreementSignedOn !== null, primary: s.type === "PRIMARY" })),
    coaches: teachers.filter((r) => r.user.id !== user.id).map((r) => ({ id: r.user.id, name: r.user.name, schoolId: r.schoolId })),
    helperSchools,
  };
}

// --- A team's page (/teams/<id>) -------------------------------------------------------------------

type HeadRow = {
  id: string; name: string; status: string; withdrawnAt: Date | null; categoryId: string; school: string; schoolType: string | null; agreementSignedOn: Date | null; category: string;
  editionName: string; registrationOpensAt: Date; registrationClosesAt: Date; submissionDeadline: Date; judgingOpensAt: Date; judgingClosesAt: Date;
  resultsPublishAt: Date; registrationClosedEarlyAt: Date | null; minTeamSize: number; maxTeamSize: number; resultsPublished: boolean;
};
type MemberRow = { id: string; position: number; helper: boolean; firstName: string; className: string; leerjaar: number | null; leerweg: string | null; profiel: string | null; anonymisedAt: Date | null };
type PersonRow = { id: string; name: string; coach: boolean };

/** The team with its pupils (and their consent), begeleiders and the school's other teachers; null: gone. */
export async function getTeamPage(user: Pick<AuthUser, "roles">, found: { id: string; schoolId: string; editionId: string }, relation: Exclude<TeamViewer, "pupil">) {
  const at = now();
  // A fixed number of queries however many pupils: the team with its names in one query, the
  // pupils in one, their consents in one, begeleiders and the school's teachers in one.
  const [heads, categories, memberRows, consents, people] = await Promise.all([
    db.$queryRaw<HeadRow[]>`
      SELECT t.id, t.name, t.status::text AS status, t."withdrawnAt", t."categoryId", s.name AS school, s.type::text AS "schoolType", s."agreementSignedOn", c.name AS category,
             e.name AS "editionName", e."registrationOpensAt", e."registrationClosesAt", e."submissionDeadline", e."judgingOpensAt", e."judgingClosesAt",
             e."resultsPublishAt", e."registrationClosedEarlyAt", e."minTeamSize", e."maxTeamSize",
             EXISTS (SELECT 1 FROM "JudgingSettings" js WHERE js."editionId" = t."editionId" AND js."publishedAt" IS NOT NULL) AS "resultsPublished"
      FROM "Team" t JOIN "School" s ON s.id = t."schoolId" JOIN "EditionCategory" c ON c.id = t."categoryId" JOIN "Edition" e ON e.id = t."editionId"
      WHERE t.id = ${found.id}`,
    db.editionCategory.findMany({ where: { editionId: found.editionId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.$queryRaw<MemberRow[]>`
      SELECT p.id, m.position, m.helper, p."firstName", p."className", p.leerjaar, p.leerweg, p.profiel, p."anonymisedAt"
      FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId" WHERE m."teamId" = ${found.id} ORDER BY m.position ASC`,
    db.consent.findMany({
      where: { pupil: { teams: { some: { teamId: found.id } } } },
      select: { pupilId: true, givenBy: true, publishName: true, publishPhotos: true, textVersion: true, at: true, withdrawnAt: true },
    }),
    db.$queryRaw<PersonRow[]>`
      SELECT u.id, u.name, EXISTS (SELECT 1 FROM "TeamCoach" tc WHERE tc."teamId" = ${found.id} AND tc."userId" = u.id) AS coach
      FROM "User" u
      WHERE u.id IN (SELECT tc."userId" FROM "TeamCoach" tc WHERE tc."teamId" = ${found.id})
         OR u.id IN (SELECT r."userId" FROM "RoleAssignment" r WHERE r.role = 'TEACHER' AND r."schoolId" = ${found.schoolId})
      ORDER BY u.name ASC`,
  ]);
  const head = heads[0];
  if (!head) return null;
  const team = { ...head, edition: { ...head, name: head.editionName }, members: memberRows };
  const open = isRegistrationOpen(team.edition, at);
  const role = relation === "school-contact" ? "other" : changeRole(user, found.schoolId);
  const mayChange = team.status === "REGISTERED" && mayChangeTeam(role, open);
  return {
    title: team.name,
    team: {
      id: team.id, name: team.name, withdrawn: team.status === "WITHDRAWN", withdrawnAt: team.withdrawnAt, categoryId: team.categoryId,
      school: team.school, primary: team.schoolType === "PRIMARY", agreement: team.agreementSignedOn !== null, category: team.category,
      edition: team.editionName, registrationClosesAt: team.registrationClosesAt, minTeamSize: team.minTeamSize, maxTeamSize: team.maxTeamSize,
      // Only whether the results are out (the team's results page shows them): no score or place here.
      resultsPublished: team.resultsPublished && team.status === "REGISTERED",
    },
    categories,
    pupils: team.members.map((m) => ({
      id: m.id, position: m.position, helper: m.helper, firstName: m.firstName, className: m.className, leerjaar: m.leerjaar,
      leerweg: m.leerweg, profiel: m.profiel, anonymised: m.anonymisedAt !== null, consent: consentStatus(consents.filter((c) => c.pupilId === m.id), at),
    })),
    coaches: people.filter((p) => p.coach).map((p) => ({ id: p.id, name: p.name })),
    otherTeachers: people.filter((p) => !p.coach).map((p) => ({ id: p.id, name: p.name })),
    mayChange,
    mayManagePupils: relation !== "school-contact",
    open,
  };
}

/** On request, at any time: a pupil of the team becomes "Leerling <n>". False: not a pupil of this team. */
export async function erasePupilOfTeam(teamId: string, pupilId: string, actorId: string): Promise<boolean> {
  const member = await db.teamMember.findFirst({ where: { teamId, pupilId }, select: { id: true } });
  if (!member) return false;
  await db.$transaction(async (tx) => {
    await anonymisePupil(pupilId, actorId, tx, "request");
    await audit({ actorId, action: "team.erase-pupil", entityType: "Team", entityId: teamId, meta: { pupilId } }, tx);
  });
  return true;
}

// --- Pupil codes (/teams/<id>/codes) ---------------------------------------------------------------

/** The team's pupils who can sign in, with whether they hold a code. */
export async function getCodesPage(teamId: string) {
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      id: true, name: true,
      members: {
        orderBy: { position: "asc" },
        where: { pupil: { anonymisedAt: null, userId: { not: null } } },
        select: { pupil: { select: { id: true, firstName: true, className: true, user: { select: { pupilCodes: { where: { revokedAt: null }, select: { createdAt: true, lastUsedAt: true } } } } } } },
      },
    },
  });
  return {
    team: { id: team.id, name: team.name },
    pupils: team.members.map((m) => {
      const code = m.pupil.user?.pupilCodes[0] ?? null;
      return { id: m.pupil.id, firstName: m.pupil.firstName, className: m.pupil.className, issuedAt: code?.createdAt ?? null, lastUsedAt: code?.lastUsedAt ?? null };
    }),
  };
}

export type CodesResult =
  | { done: "not-found" }
  | { done: "revoked"; firstName: string }
  | { done: "issued"; sheet: { teamName: string; cards: { firstName: string; code: string }[] } };

/**
 * New codes for every pupil of the team, or for one (they replace the earlier ones; the plain
 * codes are shown once, on the sheet), or one pupil's code revoked.
 */
export async function issueOrRevokeCodes(teamId: string, value: { intent: "issue" | "revoke"; pupilId?: string }, actorId: string): Promise<CodesResult> {
  const members = await db.teamMember.findMany({
    where: { teamId, pupil: { anonymisedAt: null, userId: { not: null }, ...(value.pupilId ? { id: value.pupilId } : {}) } },
    orderBy: { position: "asc" },
    select: { pupil: { select: { firstName: true, userId: true } }, team: { select: { name: true } } },
  });
  if (value.pupilId && members.length === 0) return { done: "not-found" };
  if (value.intent === "revoke") {
    await db.$transaction((tx) => revokePupilCodes(members[0]!.pupil.userId!, actorId, tx));
    return { done: "revoked", firstName: members[0]!.pupil.firstName };
  }
  const cards = await db.$transaction(async (tx) => {
    const out: { firstName: string; code: string }[] = [];
    for (const m of members) out.push({ firstName: m.pupil.firstName, code: await issuePupilCode(m.pupil.userId!, actorId, tx) });
    return out;
  });
  return { done: "issued", sheet: { teamName: members[0]?.team.name ?? "", cards } };
}

// --- Consents (/teams/<id>/toestemming) ------------------------------------------------------------

/** The team's pupils with their consents and the requests sent to their parents. */
export async function getConsentPage(teamId: string, relation: Exclude<TeamViewer, "pupil">) {
  const at = now();
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      id: true, name: true,
      members: {
        orderBy: { position: "asc" },
        where: { pupil: { anonymisedAt: null } },
        select: {
          pupil: {
            select: {
              id: true, firstName: true, className: true,
              consents: { orderBy: { at: "desc" }, select: { id: true, givenBy: true, giverName: true, channel: true, publishName: true, publishPhotos: true, textVersion: true, at: true, withdrawnAt: true } },
              consentRequests: { orderBy: { sentAt: "desc" }, select: { id: true, sentAt: true, expiresAt: true, answeredAt: true } },
            },
          },
        },
      },
    },
  });
  return {
    team: { id: team.id, name: team.name },
    mayAct: relation !== "school-contact",
    versions: [...CONSENT_TEXT_VERSIONS],
    current: CURRENT_CONSENT_TEXT,
    pupils: team.members.map(({ pupil }) => ({
      id: pupil.id,
      firstName: pupil.firstName,
      className: pupil.className,
      status: consentStatus(pupil.consents, at),
      consents: pupil.consents,
      requests: pupil.consentRequests.map((r) => ({ ...r, expired: !r.answeredAt && r.expiresAt.getTime() <= at.getTime() })),
    })),
  };
}

export type ConsentChange =
  | { intent: "withdraw"; consentId: string }
  | { intent: "request"; pupilId: string; parentEmail: string; locale: "nl" | "en" }
  | { intent: "paper"; pupilId: string; givenBy: "PARENT" | "PUPIL"; giverName: string; publishName: boolean; publishPhotos: boolean; pupilIs16OrOlder: boolean; textVersion: string };

export type ConsentChangeResult =
  | { done: "not-found" }
  | { done: "invalid"; fieldErrors: Record<string, string[]> }
  | { done: "withdrawn" }
  | { done: "requested" | "recorded"; firstName: string };

/** A consent of one of the team's pupils withdrawn, a request mailed to a parent, or a consent on paper recorded. */
export async function changeTeamConsent(teamId: string, value: ConsentChange, actorId: string): Promise<ConsentChangeResult> {
  if (value.intent === "withdraw") {
    const consent = await db.consent.findFirst({ where: { id: value.consentId, pupil: { teams: { some: { teamId } } } }, select: { id: true } });
    if (!consent) return { done: "not-found" };
    await withdrawConsent(consent.id, actorId);
    return { done: "withdrawn" };
  }
  const member = await db.teamMember.findFirst({ where: { teamId, pupilId: value.pupilId, pupil: { anonymisedAt: null } }, select: { pupil: { select: { firstName: true } } } });
  if (!member) return { done: "not-found" };
  if (value.intent === "request") {
    const sent = await sendConsentRequest(value.pupilId, value.parentEmail, value.locale, actorId);
    if (!sent.ok) return { done: "not-found" };
    return { done: "requested", firstName: member.pupil.firstName };
  }
  const result = await recordPaperConsent(value.pupilId, value, actorId);
  if (!result.ok && result.reason === "not-found") return { done: "not-found" };
  if (!result.ok && result.reason === "invalid") return { done: "invalid", fieldErrors: result.fieldErrors };
  return { done: "recorded", firstName: member.pupil.firstName };
}

// --- A pupil's own team (/mijn-team) ---------------------------------------------------------------

type MyTeamRow = { id: string; name: string; edition: string; category: string; resultsPublished: boolean };
type MateRow = { teamId: string; firstName: string; me: boolean };
type CoachRow = { teamId: string; name: string };

/** A pupil's own teams: teammates' first names and the begeleiders. Three queries however many teams and mates. */
export async function getMyTeams(userId: string) {
  const rows = await db.$queryRaw<MyTeamRow[]>`
      SELECT t.id, t.name, e.name AS edition, c.name AS category,
             EXISTS (SELECT 1 FROM "JudgingSettings" js WHERE js."editionId" = t."editionId" AND js."publishedAt" IS NOT NULL) AS "resultsPublished"
      FROM "Pupil" p
      JOIN "TeamMember" m ON m."pupilId" = p.id
      JOIN "Team" t ON t.id = m."teamId" AND t.status = 'REGISTERED'
      JOIN "Edition" e ON e.id = t."editionId"
      JOIN "EditionCategory" c ON c.id = t."categoryId"
      WHERE p."userId" = ${userId} AND p."anonymisedAt" IS NULL
      ORDER BY e."registrationOpensAt" DESC, t.name ASC`;
  const ids = rows.map((r) => r.id);
  const [mates, coaches] = ids.length
    ? await Promise.all([
        db.$queryRaw<MateRow[]>`
          SELECT m."teamId", p."firstName", (p."userId" IS NOT DISTINCT FROM ${userId}) AS me
          FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId"
          WHERE m."teamId" = ANY(${ids}) AND p."anonymisedAt" IS NULL
          ORDER BY m.position ASC`,
        db.$queryRaw<CoachRow[]>`
          SELECT tc."teamId", u.name FROM "TeamCoach" tc JOIN "User" u ON u.id = tc."userId"
          WHERE tc."teamId" = ANY(${ids}) ORDER BY u.name ASC`,
      ])
    : [[], []];
  return rows.map((team) => ({
    ...team,
    mates: mates.filter((m) => m.teamId === team.id).map((m) => ({ firstName: m.firstName, me: m.me })),
    coaches: coaches.filter((c) => c.teamId === team.id).map((c) => c.name),
  }));
}
