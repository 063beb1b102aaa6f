// Registering and changing a team of pupils (issue 8, point 4). Rules on the server: a teacher of
// the team's school while registration is open (phases.ts, now()), the board always; pupils only
// once the school's data agreement is recorded; names unique per edition (teams.ts teamNameKey,
// and the database's unique index as the last word). Pupils get an account without e-mail (PUPIL
// role) and sign in with a code from their teacher. Every write is audited in its transaction.
import { audit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { endAllSessions } from "~/modules/auth/session.server";
import { revokePupilCodes } from "~/modules/auth/pupil-codes.server";
import { isBoard } from "~/modules/auth/permissions";
import { schoolYearOf } from "~/modules/companies/school-year";
import { queueMail, type MailLocale } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { i18next } from "~/utils/i18n.server";
import { isRegistrationOpen } from "./phases";
import { EDITION_DATES } from "./submissions.server";
import { checkTeam, mayChangeTeam, teamNameKey, type TeamProblem } from "./teams";

export type PupilRow = { firstName: string; className: string; leerjaar?: number | null; leerweg?: string | null; profiel?: string | null };

export type Actor = Pick<AuthUser, "id" | "roles">;

/** A refusal the page shows: field errors (i18n keys) or one of the named reasons. */
export type Refusal =
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "closed" | "no-agreement" | "withdrawn"; fieldErrors?: undefined }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

const KEY = {
  tooFew: (min: number) => `teams:errors.tooFew?count=${min}`,
  tooMany: (max: number) => `teams:errors.tooMany?count=${max}`,
  duplicate: "teams:errors.duplicatePupil",
  nameTaken: "teams:errors.nameTaken",
  category: "teams:errors.categoryRequired",
  coach: "teams:errors.coachUnknown",
  helperSchool: "teams:errors.helperSchool",
} as const;

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";

/** TeamProblem → field errors on the form (pupils list, a pupil row, the name). */
function problemErrors(problems: TeamProblem[], pupilsField = "pupils"): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  for (const p of problems) {
    if (p.kind === "too-few") add(pupilsField, KEY.tooFew(p.min));
    else if (p.kind === "too-many") add(pupilsField, KEY.tooMany(p.max));
    else if (p.kind === "duplicate-pupil") add(`${pupilsField}[${p.index}].firstName`, KEY.duplicate);
    else add("name", KEY.nameTaken);
  }
  return errors;
}

/** How the actor relates to a school's team for changing it (teams.ts mayChangeTeam). */
export function changeRole(actor: Pick<AuthUser, "roles">, schoolId: string): "board" | "teacher-of-school" | "other" {
  if (isBoard(actor.roles)) return "board";
  return actor.roles.some((r) => r.role === "TEACHER" && r.schoolId === schoolId) ? "teacher-of-school" : "other";
}

/** Creates the pupil's account (no e-mail, PUPIL role at the school) and the Pupil row. */
async function createPupil(tx: Tx, schoolId: string, row: PupilRow, at: Date) {
  const user = await tx.user.create({ data: { name: row.firstName, email: null, locale: "nl" } });
  await tx.roleAssignment.create({ data: { userId: user.id, role: "PUPIL", schoolId } });
  return tx.pupil.create({
    data: {
      schoolId,
      firstName: row.firstName,
      className: row.className,
      leerjaar: row.leerjaar ?? null,
      leerweg: row.leerweg || null,
      profiel: row.profiel || null,
      userId: user.id,
      schoolYear: schoolYearOf(at),
      createdAt: at,
    },
  });
}

/** Removes a pupil completely: their account (codes, sessions) and the Pupil row (consents too). */
async function deletePupil(tx: Tx, pupil: { id: string; userId: string | null }, actorId: string) {
  if (pupil.userId) {
    await revokePupilCodes(pupil.userId, actorId, tx);
    await endAllSessions(pupil.userId, tx);
  }
  await tx.pupil.delete({ where: { id: pupil.id } });
  if (pupil.userId) await tx.user.delete({ where: { id: pupil.userId } });
}

export type RegisterInput = {
  editionId: string;
  schoolId: string;
  name: string;
  categoryId: string;
  pupils: PupilRow[];
  /** Other teachers of the school; the registering teacher is a begeleider anyway. */
  coachIds: string[];
  /** Tech Challenge: helper pupils of a vmbo school (not counted in the team size). */
  helperSchoolId?: string | null;
  helpers?: PupilRow[];
};

/** Registers a team. Returns its id, or why not (field errors keyed like the form's fields). */
export async function registerTeam(input: RegisterInput, actor: Actor, locale: MailLocale = "nl"): Promise<{ ok: true; teamId: string } | Refusal> {
  const at = now();
  const [edition, school] = await Promise.all([
    db.edition.findUnique({ where: { id: input.editionId }, select: { id: true, name: true, minTeamSize: true, maxTeamSize: true, helpersAllowed: true, ...EDITION_DATES, categories: { select: { id: true } } } }),
    db.school.findUnique({ where: { id: input.schoolId }, select: { id: true, name: true, agreementSignedOn: true } }),
  ]);
  if (!edition || !school) return { ok: false, reason: "not-found" };
  const role = changeRole(actor, school.id);
  if (role === "other") return { ok: false, reason: "not-found" };
  if (!mayChangeTeam(role, isRegistrationOpen(edition, at))) return { ok: false, reason: "closed" };
  if (!school.agreementSignedOn) return { ok: false, reason: "no-agreement" };

  const errors: Record<string, string[]> = {};
  if (!edition.categories.some((c) => c.id === input.categoryId)) errors.categoryId = [KEY.category];
  const key = teamNameKey(input.name);
  const taken = await db.team.findFirst({ where: { editionId: edition.id, nameKey: key }, select: { id: true } });
  Object.assign(errors, problemErrors(checkTeam({ name: input.name, pupils: input.pupils }, edition, taken ? [input.name] : [])));
  if (!key) (errors.name ??= []).push("teams:errors.nameRequired");

  const coachIds = [...new Set([...(role === "teacher-of-school" ? [actor.id] : []), ...input.coachIds])];
  const teachers = await db.roleAssignment.findMany({ where: { role: "TEACHER", schoolId: school.id, userId: { in: coachIds } }, select: { userId: true } });
  if (input.coachIds.some((id) => !teachers.some((t) => t.userId === id))) errors.coachIds = [KEY.coach];
  if (coachIds.length === 0) errors.coachIds = ["teams:errors.coachRequired"];

  const helpers = edition.helpersAllowed ? (input.helpers ?? []) : [];
  let helperSchoolId: string | null = null;
  if (helpers.length) {
    const helperSchool = input.helperSchoolId
      ? await db.school.findUnique({ where: { id: input.helperSchoolId }, select: { id: true, type: true, agreementSignedOn: true } })
      : null;
    if (!helperSchool || helperSchool.type !== "VMBO" || !helperSchool.agreementSignedOn || helperSchool.id === school.id) errors.helperSchoolId = [KEY.helperSchool];
    else helperSchoolId = helperSchool.id;
  }
  if (Object.keys(errors).length) return { ok: false, reason: "invalid", fieldErrors: errors };

  try {
    const teamId = await db.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { editionId: edition.id, categoryId: input.categoryId, schoolId: school.id, name: input.name, nameKey: key, createdById: actor.id, createdAt: at, updatedAt: at },
      });
      let position = 1;
      for (const row of input.pupils) {
        const pupil = await createPupil(tx, school.id, row, at);
        await tx.teamMember.create({ data: { teamId: team.id, pupilId: pupil.id, position: position++ } });
      }
      for (const row of helpers) {
        const pupil = await createPupil(tx, helperSchoolId!, row, at);
        await tx.teamMember.create({ data: { teamId: team.id, pupilId: pupil.id, position: position++, helper: true } });
      }
      await tx.teamCoach.createMany({ data: coachIds.map((userId) => ({ teamId: team.id, userId })) });
      await audit(
        { actorId: actor.id, action: "team.register", entityType: "Team", entityId: team.id, after: { name: input.name, editionId: edition.id, categoryId: input.categoryId, pupils: input.pupils.length, helpers: helpers.length, coaches: coachIds.length } },
        tx,
      );
      await mailCoaches(tx, team.id, { teamName: input.name, editionName: edition.name, schoolName: school.name }, coachIds, locale);
      return team.id;
    });
    return { ok: true, teamId };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "invalid", fieldErrors: { name: [KEY.nameTaken] } };
    throw error;
  }
}

/** The "team registered" mail to each begeleider with an address, in their language. */
async function mailCoaches(tx: Tx, teamId: string, facts: { teamName: string; editionName: string; schoolName: string }, coachIds: string[], fallback: MailLocale) {
  const coaches = await tx.user.findMany({ where: { id: { in: coachIds }, email: { not: null }, disabledAt: null }, select: { id: true, email: true, locale: true } });
  for (const coach of coaches) {
    const locale: MailLocale = coach.locale === "en" || coach.locale === "nl" ? coach.locale : fallback;
    const t = await i18next.getFixedT(locale, "teams");
    const values = { team: facts.teamName, edition: facts.editionName };
    await queueMail(
      {
        to: coach.email!,
        template: "notice",
        props: {
          subject: t("mail.registered.subject", values),
          preview: t("mail.registered.preview", values),
          heading: t("mail.registered.heading", values),
          paragraphs: [t("mail.registered.body", values), t("mail.registered.codes")],
          facts: [
            { label: t("mail.registered.team"), value: facts.teamName },
            { label: t("mail.registered.edition"), value: facts.editionName },
            { label: t("mail.registered.school"), value: facts.schoolName },
          ],
          button: { label: t("mail.registered.button"), url: `${getEnv().APP_URL}/teams/${teamId}` },
        },
        locale,
        idempotencyKey: `team:${teamId}:registered:${coach.id}`,
      },
      tx,
    );
  }
}

export type TeamChange =
  | { kind: "rename"; name: string }
  | { kind: "move"; categoryId: string }
  | { kind: "add-pupil"; pupil: PupilRow }
  | { kind: "remove-pupil"; pupilId: string }
  | { kind: "edit-pupil"; pupilId: string; pupil: PupilRow };

/** The pupil fields a teacher may correct (never `girl`: monitoring only). */
const EDITABLE_PUPIL_FIELDS = ["firstName", "className", "leerjaar", "leerweg", "profiel"] as const;

/** Loads the team with what the rules need; null when it does not exist. */
async function loadTeam(teamId: string) {
  return db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true, name: true, nameKey: true, schoolId: true, categoryId: true, status: true, editionId: true,
      school: { select: { agreementSignedOn: true } },
      edition: { select: { minTeamSize: true, maxTeamSize: true, ...EDITION_DATES, categories: { select: { id: true } } } },
      members: { select: { id: true, position: true, helper: true, pupil: { select: { id: true, userId: true, firstName: true, className: true, leerjaar: true, leerweg: true, profiel: true, anonymisedAt: true } } }, orderBy: { position: "asc" } },
    },
  });
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadTeam>>>;

/** May the actor change this team now? Others of other schools: not found (404). */
function gate(team: Loaded | null, actor: Actor): Refusal | null {
  if (!team) return { ok: false, reason: "not-found" };
  const role = changeRole(actor, team.schoolId);
  if (role === "other") return { ok: false, reason: "not-found" };
  if (!mayChangeTeam(role, isRegistrationOpen(team.edition, now()))) return { ok: false, reason: "closed" };
  if (team.status === "WITHDRAWN") return { ok: false, reason: "withdrawn" };
  return null;
}

/** Rename, move to another category, add, edit or remove a pupil. */
export async function updateTeam(teamId: string, change: TeamChange, actor: Actor): Promise<{ ok: true } | Refusal> {
  const team = await loadTeam(teamId);
  const refused = gate(team, actor);
  if (refused) return refused;
  const t = team!;
  const pupils = t.members.filter((m) => !m.helper).map((m) => ({ firstName: m.pupil.firstName, className: m.pupil.className }));
  const at = now();
  if (change.kind === "rename") {
    const key = teamNameKey(change.name);
    if (!key) return { ok: false, reason: "invalid", fieldErrors: { name: ["teams:errors.nameRequired"] } };
    const other = await db.team.findFirst({ where: { editionId: t.editionId, nameKey: key, NOT: { id: t.id } }, select: { id: true } });
    if (other) return { ok: false, reason: "invalid", fieldErrors: { name: [KEY.nameTaken] } };
    try {
      await db.$transaction(async (tx) => {
        await tx.team.update({ where: { id: t.id }, data: { name: change.name, nameKey: key, updatedAt: at } });
        await audit({ actorId: actor.id, action: "team.rename", entityType: "Team", entityId: t.id, before: { name: t.name }, after: { name: change.name } }, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: "invalid", fieldErrors: { name: [KEY.nameTaken] } };
      throw error;
    }
    return { ok: true };
  }
  if (change.kind === "move") {
    if (!t.edition.categories.some((c) => c.id === change.categoryId)) return { ok: false, reason: "invalid", fieldErrors: { categoryId: [KEY.category] } };
    await db.$transaction(async (tx) => {
      await tx.team.update({ where: { id: t.id }, data: { categoryId: change.categoryId, updatedAt: at } });
      await audit({ actorId: actor.id, action: "team.move", entityType: "Team", entityId: t.id, before: { categoryId: t.categoryId }, after: { categoryId: change.categoryId } }, tx);
    });
    return { ok: true };
  }
  if (change.kind === "add-pupil") {
    if (!t.school.agreementSignedOn) return { ok: false, reason: "no-agreement" };
    const problems = checkTeam({ name: t.name, pupils: [...pupils, change.pupil] }, t.edition, []).filter((p) => p.kind !== "too-few");
    if (problems.length) {
      const errors: Record<string, string[]> = {};
      for (const p of problems) {
        if (p.kind === "too-many") (errors.firstName ??= []).push(KEY.tooMany(p.max));
        if (p.kind === "duplicate-pupil") (errors.firstName ??= []).push(KEY.duplicate);
      }
      return { ok: false, reason: "invalid", fieldErrors: errors };
    }
    await db.$transaction(async (tx) => {
      const pupil = await createPupil(tx, t.schoolId, change.pupil, at);
      const position = Math.max(0, ...t.members.map((m) => m.position)) + 1;
      await tx.teamMember.create({ data: { teamId: t.id, pupilId: pupil.id, position } });
      await tx.team.update({ where: { id: t.id }, data: { updatedAt: at } });
      await audit({ actorId: actor.id, action: "team.add-pupil", entityType: "Team", entityId: t.id, after: { pupilId: pupil.id, position } }, tx);
    });
    return { ok: true };
  }
  if (change.kind === "edit-pupil") return editPupil(t, change, actor, at);
  const member = t.members.find((m) => m.pupil.id === change.pupilId);
  if (!member) return { ok: false, reason: "not-found" };
  if (!member.helper && pupils.length - 1 < t.edition.minTeamSize)
    return { ok: false, reason: "invalid", fieldErrors: { pupilId: [KEY.tooFew(t.edition.minTeamSize)] } };
  await db.$transaction(async (tx) => {
    await deletePupil(tx, member.pupil, actor.id);
    await tx.team.update({ where: { id: t.id }, data: { updatedAt: at } });
    await audit({ actorId: actor.id, action: "team.remove-pupil", entityType: "Team", entityId: t.id, before: { pupilId: member.pupil.id, position: member.position } }, tx);
  });
  return { ok: true };
}

/**
 * Corrects a pupil of the team (first name, class, leerjaar, leerweg, profiel). Only a member of
 * this team that is not anonymised; first name and class stay unique among the team's pupils (or
 * its helpers). The audit entry names the changed fields, never their values (personal data).
 */
async function editPupil(t: Loaded, change: Extract<TeamChange, { kind: "edit-pupil" }>, actor: Actor, at: Date): Promise<{ ok: true } | Refusal> {
  const member = t.members.find((m) => m.pupil.id === change.pupilId);
  if (!member || member.pupil.anonymisedAt) return { ok: false, reason: "not-found" };
  const next = {
    firstName: change.pupil.firstName,
    className: change.pupil.className,
    leerjaar: change.pupil.leerjaar ?? null,
    leerweg: change.pupil.leerweg || null,
    profiel: change.pupil.profiel || null,
  };
  const others = t.members.filter((m) => m.helper === member.helper && m.id !== member.id).map((m) => ({ firstName: m.pupil.firstName, className: m.pupil.className }));
  if (checkTeam({ name: t.name, pupils: [...others, next] }, t.edition, []).some((p) => p.kind === "duplicate-pupil"))
    return { ok: false, reason: "invalid", fieldErrors: { firstName: [KEY.duplicate] } };
  const fields = EDITABLE_PUPIL_FIELDS.filter((f) => member.pupil[f] !== next[f]);
  if (fields.length === 0) return { ok: true };
  const data = Object.fromEntries(fields.map((f) => [f, next[f]]));
  const done = await db.$transaction(async (tx) => {
    // Not anonymised in the meantime: the update only touches a pupil that still has its data.
    const updated = await tx.pupil.updateMany({ where: { id: member.pupil.id, anonymisedAt: null }, data });
    if (updated.count !== 1) return false;
    if (fields.includes("firstName") && member.pupil.userId) await tx.user.update({ where: { id: member.pupil.userId }, data: { name: next.firstName } });
    await tx.team.update({ where: { id: t.id }, data: { updatedAt: at } });
    await audit({ actorId: actor.id, action: "team.edit-pupil", entityType: "Team", entityId: t.id, meta: { pupilId: member.pupil.id, fields } }, tx);
    return true;
  });
  return done ? { ok: true } : { ok: false, reason: "not-found" };
}

/** Withdraws the team from the edition (kept, marked WITHDRAWN). */
export async function withdrawTeam(teamId: string, actor: Actor): Promise<{ ok: true } | Refusal> {
  const team = await loadTeam(teamId);
  const refused = gate(team, actor);
  if (refused) return refused;
  const at = now();
  await db.$transaction(async (tx) => {
    await tx.team.update({ where: { id: teamId }, data: { status: "WITHDRAWN", withdrawnAt: at, updatedAt: at } });
    await audit({ actorId: actor.id, action: "team.withdraw", entityType: "Team", entityId: teamId, before: { status: "REGISTERED" }, after: { status: "WITHDRAWN" } }, tx);
  });
  return { ok: true };
}

/** Adds a teacher of the team's school as begeleider. */
export async function addCoach(teamId: string, userId: string, actor: Actor): Promise<{ ok: true } | Refusal> {
  const team = await loadTeam(teamId);
  const refused = gate(team, actor);
  if (refused) return refused;
  const teacher = await db.roleAssignment.findFirst({ where: { role: "TEACHER", schoolId: team!.schoolId, userId }, select: { id: true } });
  if (!teacher) return { ok: false, reason: "invalid", fieldErrors: { userId: [KEY.coach] } };
  await db.$transaction(async (tx) => {
    await tx.teamCoach.createMany({ data: [{ teamId, userId }], skipDuplicates: true });
    await audit({ actorId: actor.id, action: "team.add-coach", entityType: "Team", entityId: teamId, after: { userId } }, tx);
  });
  return { ok: true };
}
