// A team's submission (issue 8, point 6): every save is a new numbered version, allowed to the
// team's school's teachers, the team's own pupils and the board, only while submissions are open
// (phases.ts, server time) or until the board's exception for the team. The begeleiders get a
// notice mail for every version; every write is audited.
import { randomBytes } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { isLanguage, type Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { isBoard, type RoleGrant } from "~/modules/auth/permissions";
import { deleteStoredFile, storeUpload } from "~/modules/files/files.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { ID_PATTERN } from "~/utils/input";
import { isSubmissionOpen, submissionsCloseAt } from "./phases";
import { SUBMISSION_FILE_OWNER } from "./submission-files.server";

export { SUBMISSION_FILE_OWNER };

export type Actor = { id: string; roles: readonly RoleGrant[] };

/** How a person relates to a team: may save ("board", "teacher", "pupil"), only read ("school"), or nothing. */
export type TeamAccess = "board" | "teacher" | "pupil" | "school" | null;

export const MAX_FILES = 20;
export const DESCRIPTION_MAX = 5000;
export const MARKETING_PLAN_MAX = 10000;
export const VIDEO_URL_MAX = 500;

export const newVersionId = () => `c${randomBytes(12).toString("hex")}`;

/** Ids are checked before any query (the one pattern of ~/utils/input). */
export { ID_PATTERN };

export function teamAccess(actor: Actor, team: { schoolId: string }, isMember: boolean): TeamAccess {
  if (isBoard(actor.roles)) return "board";
  if (actor.roles.some((r) => r.role === "TEACHER" && r.schoolId === team.schoolId)) return "teacher";
  if (isMember) return "pupil";
  if (actor.roles.some((r) => r.role === "SCHOOL_CONTACT" && r.schoolId === team.schoolId)) return "school";
  return null;
}

export const maySave = (access: TeamAccess) => access === "board" || access === "teacher" || access === "pupil";

/** A video link: https only (YouTube, Vimeo or any other https address). Null when it is not one. */
export function normalizeVideoUrl(value: string): string | null {
  const text = value.trim();
  if (!text || text.length > VIDEO_URL_MAX) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || !url.hostname.includes(".") || url.username || url.password) return null;
  return url.toString();
}

export const EDITION_DATES = {
  registrationOpensAt: true,
  registrationClosesAt: true,
  submissionDeadline: true,
  judgingOpensAt: true,
  judgingClosesAt: true,
  resultsPublishAt: true,
  registrationClosedEarlyAt: true,
  submissionsClosedEarlyAt: true,
  judgingClosedEarlyAt: true,
  resultsPublishedEarlyAt: true,
} as const satisfies Prisma.EditionSelect;

type EditionDatesRow = Prisma.EditionGetPayload<{ select: typeof EDITION_DATES }>;

/** When this team may still save: the edition's close, or the board's exception when later. */
export function teamDeadline(edition: EditionDatesRow, lateAllowedUntil: Date | null | undefined): Date {
  const close = submissionsCloseAt(edition);
  return lateAllowedUntil && lateAllowedUntil > close ? lateAllowedUntil : close;
}

/** May this team save at `at`? */
export function isTeamOpen(edition: EditionDatesRow, lateAllowedUntil: Date | null | undefined, at: Date): boolean {
  if (isSubmissionOpen(edition, at)) return true;
  return !!lateAllowedUntil && at.getTime() < lateAllowedUntil.getTime() && at.getTime() >= edition.registrationOpensAt.getTime();
}

export type SaveInput = {
  description: string;
  videoUrl?: string | null;
  marketingPlan?: string | null;
  /** Stored files (kind SUBMISSION, owner "SubmissionVersion") of earlier versions or of `versionId`. */
  fileIds: string[];
  /** The new version's id when files were stored for it beforehand (newVersionId()). */
  versionId?: string;
};

export type SaveRefusal =
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "withdrawn" }
  | { ok: false; reason: "closed"; deadline: Date }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

export type SaveResult = { ok: true; versionId: string; number: number; submissionId: string } | SaveRefusal;

class Refused extends Error {
  constructor(readonly refusal: SaveRefusal) {
    super(refusal.reason);
  }
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && (error as { code?: string }).code === "P2002";

/**
 * Save a new version of the team's submission. One transaction: the Submission row is locked
 * (FOR UPDATE), so two saves at once get numbers n+1 and n+2; the unique (submissionId, number)
 * is the last line of defence (a conflict is retried).
 */
export async function saveSubmission(teamId: string, input: SaveInput, actor: Actor): Promise<SaveResult> {
  if (!ID_PATTERN.test(teamId)) return { ok: false, reason: "not-found" };
  const versionId = input.versionId ?? newVersionId();
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction((tx) => saveIn(tx, teamId, input, versionId, actor), { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (error instanceof Refused) return error.refusal;
      if (isUniqueViolation(error) && attempt < 4) continue;
      throw error;
    }
  }
}

async function saveIn(tx: Tx, teamId: string, input: SaveInput, versionId: string, actor: Actor): Promise<SaveResult> {
  const team = await tx.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      schoolId: true,
      status: true,
      edition: { select: { id: true, name: true, marketingPlan: true, ...EDITION_DATES } },
      members: { where: { pupil: { userId: actor.id } }, select: { id: true } },
      coaches: { select: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } },
    },
  });
  if (!team) throw new Refused({ ok: false, reason: "not-found" });
  const access = teamAccess(actor, team, team.members.length > 0);
  if (!access) throw new Refused({ ok: false, reason: "not-found" });
  if (!maySave(access)) throw new Refused({ ok: false, reason: "forbidden" });
  if (team.status !== "REGISTERED") throw new Refused({ ok: false, reason: "withdrawn" });

  // The Submission row exists (created once, whoever is first) and is ours until the commit.
  const at = now();
  await tx.submission.createMany({ data: [{ teamId, createdAt: at, updatedAt: at }], skipDuplicates: true });
  const [locked] = await tx.$queryRaw<{ id: string; lateAllowedUntil: Date | null }[]>`
    SELECT id, "lateAllowedUntil" FROM "Submission" WHERE "teamId" = ${teamId} FOR UPDATE`;
  if (!locked) throw new Error(`submission of team ${teamId} vanished`);

  // The clock is read after the lock: a save that waited past the deadline is refused.
  const saveAt = now();
  if (!isTeamOpen(team.edition, locked.lateAllowedUntil, saveAt)) {
    throw new Refused({ ok: false, reason: "closed", deadline: teamDeadline(team.edition, locked.lateAllowedUntil) });
  }

  const fieldErrors: Record<string, string[]> = {};
  const description = input.description.replace(/\u0000/g, "").trim();
  if (!description) fieldErrors.description = ["submissions:errors.description"];
  else if (description.length > DESCRIPTION_MAX) fieldErrors.description = ["submissions:errors.descriptionLong"];
  let videoUrl: string | null = null;
  if (input.videoUrl?.trim()) {
    videoUrl = normalizeVideoUrl(input.videoUrl);
    if (!videoUrl) fieldErrors.videoUrl = ["submissions:errors.videoUrl"];
  }
  const plan = input.marketingPlan?.replace(/\u0000/g, "").trim() || null;
  if (team.edition.marketingPlan && !plan) fieldErrors.marketingPlan = ["submissions:errors.marketingPlan"];
  if (plan && plan.length > MARKETING_PLAN_MAX) fieldErrors.marketingPlan = ["submissions:errors.marketingPlanLong"];
  const fileIds = [...new Set(input.fileIds)];
  if (fileIds.length > MAX_FILES) fieldErrors.file = ["submissions:errors.tooManyFiles"];
  if (fileIds.length) {
    const owners = await tx.submissionVersion.findMany({ where: { submissionId: locked.id }, select: { id: true } });
    const allowedOwners = [versionId, ...owners.map((o) => o.id)];
    const files = await tx.storedFile.count({
      where: { id: { in: fileIds }, deletedAt: null, kind: "SUBMISSION", ownerType: SUBMISSION_FILE_OWNER, ownerId: { in: allowedOwners } },
    });
    if (files !== fileIds.length) fieldErrors.file = ["submissions:errors.fileUnknown"];
  }
  if (Object.keys(fieldErrors).length) throw new Refused({ ok: false, reason: "invalid", fieldErrors });

  const last = await tx.submissionVersion.findFirst({ where: { submissionId: locked.id }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  const version = await tx.submissionVersion.create({
    data: { id: versionId, submissionId: locked.id, number, description, videoUrl, marketingPlan: plan, fileIds, submittedById: actor.id, at: saveAt },
  });
  await tx.submission.update({ where: { id: locked.id }, data: { updatedAt: saveAt } });
  await audit(
    {
      actorId: actor.id,
      action: "submission.save",
      entityType: "SubmissionVersion",
      entityId: version.id,
      after: { teamId, number, description, videoUrl, marketingPlan: plan, fileIds, as: access, late: !isSubmissionOpen(team.edition, saveAt) },
    },
    tx,
  );

  // "Inzending ontvangen" to every begeleider of the team, in their own language.
  for (const { user } of team.coaches) {
    if (!user.email || user.disabledAt) continue;
    const lang: Language = isLanguage(user.locale) ? user.locale : "nl";
    const t = await i18next.getFixedT(lang, "submissions");
    const values = { team: team.name, edition: team.edition.name, number: String(number) };
    await queueMail(
      {
        to: user.email,
        template: "notice",
        props: {
          subject: t("mail.received.subject", values),
          preview: t("mail.received.preview", values),
          heading: t("mail.received.heading", values),
          paragraphs: [t("mail.received.body", values)],
          facts: [
            { label: t("mail.facts.team"), value: team.name },
            { label: t("mail.facts.version"), value: String(number) },
            { label: t("mail.facts.at"), value: formatDateTime(saveAt, lang) },
            { label: t("mail.facts.deadline"), value: formatDateTime(teamDeadline(team.edition, locked.lateAllowedUntil), lang) },
          ],
          button: { label: t("mail.received.button"), url: `${getEnv().APP_URL}/teams/${team.id}/inzending` },
        },
        locale: lang,
        idempotencyKey: `submission:${version.id}:received:${user.id}`,
      },
      tx,
    );
  }
  return { ok: true, versionId: version.id, number, submissionId: locked.id };
}

export type HandInInput = {
  description: string;
  videoUrl?: string | null;
  marketingPlan?: string | null;
  /** Files of the latest version to keep. */
  keepFileIds: string[];
  /** New files to add. */
  uploads?: File[];
};

/**
 * The whole hand-in as a page does it: refuse early when closed or not allowed (nothing stored),
 * store new files for the new version, save; a refused save removes the files it stored.
 */
export async function handIn(
  teamId: string,
  input: HandInInput,
  actor: Actor,
  lang: Language,
): Promise<SaveResult | { ok: false; reason: "file-refused"; error: string; refusal: string }> {
  const uploads = (input.uploads ?? []).filter((f) => f.size > 0);
  if (uploads.length) {
    // Before any file is stored: is this person allowed, and is the team still open?
    const precheck = await checkCanSave(teamId, actor);
    if (precheck) return precheck;
  }
  const versionId = newVersionId();
  const stored: string[] = [];
  for (const file of uploads) {
    const result = await storeUpload({ file, kind: "SUBMISSION", ownerType: SUBMISSION_FILE_OWNER, ownerId: versionId, uploadedById: actor.id }, lang);
    if (!result.ok) {
      for (const id of stored) await deleteStoredFile({ fileId: id, actorId: actor.id });
      return { ok: false, reason: "file-refused", error: result.error, refusal: result.reason };
    }
    stored.push(result.file.id);
  }
  const saved = await saveSubmission(
    teamId,
    { description: input.description, videoUrl: input.videoUrl, marketingPlan: input.marketingPlan, fileIds: [...input.keepFileIds, ...stored], versionId },
    actor,
  );
  if (!saved.ok) for (const id of stored) await deleteStoredFile({ fileId: id, actorId: actor.id });
  return saved;
}

/** Null when `actor` may save for the team now; else the refusal (reads only). */
export async function checkCanSave(teamId: string, actor: Actor): Promise<SaveRefusal | null> {
  if (!ID_PATTERN.test(teamId)) return { ok: false, reason: "not-found" };
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      schoolId: true,
      status: true,
      edition: { select: EDITION_DATES },
      members: { where: { pupil: { userId: actor.id } }, select: { id: true } },
      submission: { select: { lateAllowedUntil: true } },
    },
  });
  if (!team) return { ok: false, reason: "not-found" };
  const access = teamAccess(actor, team, team.members.length > 0);
  if (!access) return { ok: false, reason: "not-found" };
  if (!maySave(access)) return { ok: false, reason: "forbidden" };
  if (team.status !== "REGISTERED") return { ok: false, reason: "withdrawn" };
  const late = team.submission?.lateAllowedUntil ?? null;
  if (!isTeamOpen(team.edition, late, now())) return { ok: false, reason: "closed", deadline: teamDeadline(team.edition, late) };
  return null;
}

/** The i18n error key (with its values) for a closed submission, the deadline in Amsterdam time. */
export function closedError(deadline: Date, lang: Language): string {
  return `submissions:errors.closed?${new URLSearchParams({ deadline: formatDateTime(deadline, lang) }).toString()}`;
}

// --- The board's exception ------------------------------------------------------------------------

export type ExceptionResult = { ok: true } | { ok: false; reason: "not-found" | "forbidden" | "past" };

/** The board lets a team save after the deadline until `until` (a reason is recorded). */
export async function grantLateException(teamId: string, input: { until: Date; reason: string }, actor: Actor): Promise<ExceptionResult> {
  if (!isBoard(actor.roles)) return { ok: false, reason: "forbidden" };
  if (!ID_PATTERN.test(teamId)) return { ok: false, reason: "not-found" };
  const at = now();
  if (input.until.getTime() <= at.getTime()) return { ok: false, reason: "past" };
  return db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true } });
    if (!team) return { ok: false as const, reason: "not-found" as const };
    await tx.submission.createMany({ data: [{ teamId, createdAt: at, updatedAt: at }], skipDuplicates: true });
    const before = await tx.submission.findUniqueOrThrow({ where: { teamId }, select: { id: true, lateAllowedUntil: true } });
    await tx.submission.update({ where: { teamId }, data: { lateAllowedUntil: input.until, updatedAt: at } });
    await audit(
      {
        actorId: actor.id,
        action: "submission.late-exception",
        entityType: "Submission",
        entityId: before.id,
        before: { lateAllowedUntil: before.lateAllowedUntil },
        after: { lateAllowedUntil: input.until },
        meta: { teamId, reason: input.reason },
      },
      tx,
    );
    return { ok: true as const };
  });
}
