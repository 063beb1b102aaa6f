// Schools, their teachers and the data agreement (verwerkersovereenkomst).
// - The board creates and edits schools and records per school that the agreement is in place;
//   until then the school's teachers cannot enter pupils (`schoolMayEnterPupils`).
// - A signed-in person asks to become a teacher of a school; the school's contact — not the board,
//   which cannot know who teaches where — approves (TEACHER role, audit, notice mail) or rejects.
//   The school contact can also invite a teacher by e-mail.
import { isLanguage, type Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { createInvitation } from "~/modules/auth/invitations.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { slugify } from "./editions.server";

export const AGREEMENT_OWNER = "SchoolAgreement";

export type SchoolInput = { name: string; brin: string; vestiging: string; city?: string; type: "VMBO" | "PRIMARY" };

// --- Schools (board) -------------------------------------------------------------------------------

export type SchoolResult = { ok: true; id: string } | { ok: false; field: "vestiging"; error: string } | { ok: false; notFound: true };

async function brinTaken(tx: Tx, brin: string, vestiging: string, exceptId?: string) {
  const other = await tx.school.findUnique({ where: { brin_vestiging: { brin, vestiging } }, select: { id: true } });
  return other !== null && other.id !== exceptId;
}

export async function createSchool(input: SchoolInput, actorId: string): Promise<SchoolResult> {
  return db.$transaction(async (tx) => {
    if (await brinTaken(tx, input.brin, input.vestiging)) return { ok: false, field: "vestiging", error: "challenges:errors.brinTaken" };
    const base = `${slugify(input.name)}-${input.brin.toLowerCase()}${input.vestiging}`;
    const school = await tx.school.create({
      data: { name: input.name, slug: base, brin: input.brin, vestiging: input.vestiging, city: input.city ?? null, type: input.type },
    });
    await audit({ actorId, action: "school.create", entityType: "School", entityId: school.id, after: input }, tx);
    return { ok: true, id: school.id };
  });
}

export async function updateSchool(id: string, input: SchoolInput, actorId: string): Promise<SchoolResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.school.findUnique({ where: { id }, select: { name: true, brin: true, vestiging: true, city: true, type: true } });
    if (!before) return { ok: false, notFound: true };
    if (await brinTaken(tx, input.brin, input.vestiging, id)) return { ok: false, field: "vestiging", error: "challenges:errors.brinTaken" };
    await tx.school.update({ where: { id }, data: { name: input.name, brin: input.brin, vestiging: input.vestiging, city: input.city ?? null, type: input.type } });
    await audit({ actorId, action: "school.update", entityType: "School", entityId: id, before, after: input }, tx);
    return { ok: true, id };
  });
}

/** Records that the data agreement is in place (signed on `signedOn`, optionally its PDF). False: no such school. */
export async function recordAgreement(schoolId: string, input: { signedOn: Date; fileId: string | null }, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.school.findUnique({
      where: { id: schoolId },
      select: { agreementSignedOn: true, agreementFileId: true, agreementRecordedAt: true },
    });
    if (!before) return false;
    const after = {
      agreementSignedOn: input.signedOn,
      agreementFileId: input.fileId ?? before.agreementFileId,
      agreementRecordedAt: now(),
      agreementRecordedById: actorId,
    };
    await tx.school.update({ where: { id: schoolId }, data: after });
    await audit({ actorId, action: "school.agreement.record", entityType: "School", entityId: schoolId, before, after }, tx);
    return true;
  });
}

/** The school's teachers may enter pupils only once the board recorded the data agreement. */
export async function schoolMayEnterPupils(schoolId: string, client: Tx = db): Promise<boolean> {
  const school = await client.school.findUnique({ where: { id: schoolId }, select: { agreementRecordedAt: true } });
  return school?.agreementRecordedAt != null;
}

/** Who may read the agreement's document: the board and the school's contacts. */
export async function canSeeAgreement(userId: string | null, schoolId: string): Promise<boolean> {
  if (!userId) return false;
  const grant = await db.roleAssignment.findFirst({
    where: { userId, user: { disabledAt: null }, OR: [{ role: "BOARD" }, { role: "SCHOOL_CONTACT", schoolId }] },
    select: { id: true },
  });
  return grant !== null;
}

// --- The school contact ------------------------------------------------------------------------------


// --- Teacher requests ---------------------------------------------------------------------------------

export type TeacherRequestResult = { ok: true; id: string } | { ok: false; error: string };

/** A signed-in person asks to become a teacher of a school. */
/** Pupil accounts (they sign in with a code from their teacher) never ask to become a teacher. */
export function mayRequestTeacherRole(user: { roles: readonly { role: string }[] }): boolean {
  return !user.roles.some((r) => r.role === "PUPIL");
}

/** /docent/aanvragen: every school (marked where the person already teaches) and their own requests. */
export async function getTeacherRequestPage(user: Pick<AuthUser, "id" | "roles">) {
  const [schools, requests] = await Promise.all([
    db.school.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, city: true, type: true } }),
    db.teacherRequest.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, createdAt: true, decidedAt: true, school: { select: { name: true } } },
    }),
  ]);
  const teacherOf = new Set(user.roles.filter((r) => r.role === "TEACHER").map((r) => r.schoolId));
  return { schools: schools.map((s) => ({ ...s, teacher: teacherOf.has(s.id) })), requests };
}

export async function requestTeacherRole(userId: string, schoolId: string): Promise<TeacherRequestResult> {
  return db.$transaction(async (tx) => {
    // The same rule as mayRequestTeacherRole, checked again here for any caller.
    const pupil = await tx.roleAssignment.findFirst({ where: { userId, role: "PUPIL" }, select: { id: true } });
    if (pupil) return { ok: false, error: "challenges:errors.pupilCannotRequest" };
    const school = await tx.school.findUnique({ where: { id: schoolId }, select: { id: true } });
    if (!school) return { ok: false, error: "challenges:errors.schoolRequired" };
    const already = await tx.roleAssignment.findFirst({ where: { userId, role: "TEACHER", schoolId }, select: { id: true } });
    if (already) return { ok: false, error: "challenges:errors.alreadyTeacher" };
    const existing = await tx.teacherRequest.findUnique({ where: { schoolId_userId: { schoolId, userId } } });
    if (existing?.status === "OPEN") return { ok: false, error: "challenges:errors.requestOpen" };
    const at = now();
    const request = existing
      ? await tx.teacherRequest.update({ where: { id: existing.id }, data: { status: "OPEN", createdAt: at, decidedAt: null, decidedById: null } })
      : await tx.teacherRequest.create({ data: { schoolId, userId, createdAt: at } });
    await audit({ actorId: userId, action: "teacher-request.create", entityType: "TeacherRequest", entityId: request.id, after: { schoolId } }, tx);
    return { ok: true, id: request.id };
  });
}

export type DecisionResult = "done" | "not-found" | "already-decided";

/**
 * The school contact approves or rejects an open request of their own school (another school's
 * request: "not-found"). Approval adds the TEACHER role; both send the person a notice mail.
 */
export async function decideTeacherRequest(
  requestId: string,
  decision: "approve" | "reject",
  contact: { id: string; schoolId: string },
): Promise<DecisionResult> {
  return db.$transaction(async (tx) => {
    const request = await tx.teacherRequest.findFirst({
      where: { id: requestId, schoolId: contact.schoolId },
      include: { user: { select: { id: true, name: true, email: true, locale: true } }, school: { select: { name: true } } },
    });
    if (!request) return "not-found";
    if (request.status !== "OPEN") return "already-decided";
    const at = now();
    const status = decision === "approve" ? "YES" : "NO";
    await tx.teacherRequest.update({ where: { id: request.id }, data: { status, decidedAt: at, decidedById: contact.id } });
    let roleId: string | null = null;
    if (decision === "approve") {
      const existing = await tx.roleAssignment.findFirst({ where: { userId: request.userId, role: "TEACHER", schoolId: contact.schoolId }, select: { id: true } });
      roleId = existing?.id ?? (await tx.roleAssignment.create({ data: { userId: request.userId, role: "TEACHER", schoolId: contact.schoolId }, select: { id: true } })).id;
    }
    await audit(
      {
        actorId: contact.id,
        action: `teacher-request.${decision}`,
        entityType: "TeacherRequest",
        entityId: request.id,
        before: { status: request.status },
        after: { status, roleId },
      },
      tx,
    );
    if (request.user.email) {
      const lng: Language = isLanguage(request.user.locale) ? request.user.locale : "nl";
      const t = await i18next.getFixedT(lng, "challenges");
      const values = { school: request.school.name, name: request.user.name };
      const key = decision === "approve" ? "approved" : "rejected";
      await queueMail(
        {
          to: request.user.email,
          template: "notice",
          props: {
            subject: t(`mail.${key}.subject`, values),
            preview: t(`mail.${key}.preview`, values),
            heading: t(`mail.${key}.heading`, values),
            paragraphs: [t(`mail.${key}.text`, values)],
            facts: [
              { label: t("mail.school"), value: request.school.name },
              { label: t("mail.date"), value: formatDate(at, lng) },
            ],
            button: decision === "approve" ? { label: t("mail.approved.button"), url: `${getEnv().APP_URL}/dashboard` } : undefined,
          },
          locale: lng,
          idempotencyKey: `teacher-request:${request.id}:${key}:${at.getTime()}`,
        },
        tx,
      );
    }
    return "done";
  });
}

/** The school contact invites a teacher of their school by e-mail (the invitation adds the role). */
export async function inviteTeacher(
  input: { email: string; name?: string },
  contact: { id: string; name: string; schoolId: string },
  locale: Language,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const school = await tx.school.findUnique({ where: { id: contact.schoolId }, select: { name: true } });
    if (!school) return false;
    const t = await i18next.getFixedT(locale, "challenges");
    await createInvitation(
      { email: input.email, name: input.name, role: "TEACHER", schoolId: contact.schoolId },
      { id: contact.id, name: contact.name },
      locale,
      { roleLabel: t("auth:roles.TEACHER"), organisationName: school.name },
      tx,
    );
    return true;
  });
}

/** The school contact's page: the school, its data agreement, open teacher requests and its teachers. */
export function getSchoolContactPage(schoolId: string) {
  return db.school.findUnique({
    where: { id: schoolId },
    select: {
      id: true,
      name: true,
      brin: true,
      vestiging: true,
      agreementSignedOn: true,
      agreementRecordedAt: true,
      agreementFileId: true,
      teacherRequests: { where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { id: true, createdAt: true, user: { select: { name: true, email: true } } } },
      roles: { where: { role: "TEACHER" }, orderBy: { createdAt: "asc" }, select: { id: true, user: { select: { name: true, email: true } } } },
    },
  });
}
