// The team's submission page (/teams/<id>/inzending): the team with its edition's dates (one
// query, also used for the access check), the versions, and what a save on that page does (the
// description, a file added or a file removed: each one a new version).
import type { Language } from "~/i18n/config";
import { uploadLimits } from "~/modules/files/files.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { i18next } from "~/utils/i18n.server";
import { isSubmissionOpen } from "./phases";
import { closedError, type EDITION_DATES, handIn, isTeamOpen, maySave, teamDeadline, type Actor, type TeamAccess } from "./submissions.server";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type SubmissionTeam = {
  id: string;
  name: string;
  schoolId: string;
  status: "REGISTERED" | "WITHDRAWN";
  schoolName: string;
  categoryName: string;
  editionName: string;
  marketingPlan: boolean;
  lateAllowedUntil: Date | null;
  isMember: boolean;
} & { [K in keyof typeof EDITION_DATES]: Date | null };

/** The team with its edition's dates and whether `userId` is one of its pupils: one query. */
export async function findSubmissionTeam(teamId: string, userId: string): Promise<SubmissionTeam | null> {
  const [team] = await db.$queryRaw<SubmissionTeam[]>`
    SELECT t.id, t.name, t."schoolId", t.status::text AS status, s.name AS "schoolName", c.name AS "categoryName",
           e.name AS "editionName", e."marketingPlan",
           e."registrationOpensAt", e."registrationClosesAt", e."submissionDeadline", e."judgingOpensAt", e."judgingClosesAt",
           e."resultsPublishAt", e."registrationClosedEarlyAt", e."submissionsClosedEarlyAt", e."judgingClosedEarlyAt",
           e."resultsPublishedEarlyAt", sub."lateAllowedUntil",
           EXISTS (SELECT 1 FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId" WHERE m."teamId" = t.id AND p."userId" = ${userId}) AS "isMember"
    FROM "Team" t
    JOIN "Edition" e ON e.id = t."editionId"
    JOIN "EditionCategory" c ON c.id = t."categoryId"
    JOIN "School" s ON s.id = t."schoolId"
    LEFT JOIN "Submission" sub ON sub."teamId" = t.id
    WHERE t.id = ${teamId}`;
  return team ?? null;
}

const datesOf = (team: SubmissionTeam) => ({
  registrationOpensAt: team.registrationOpensAt!,
  registrationClosesAt: team.registrationClosesAt!,
  submissionDeadline: team.submissionDeadline!,
  judgingOpensAt: team.judgingOpensAt!,
  judgingClosesAt: team.judgingClosesAt!,
  resultsPublishAt: team.resultsPublishAt!,
  registrationClosedEarlyAt: team.registrationClosedEarlyAt,
  submissionsClosedEarlyAt: team.submissionsClosedEarlyAt,
  judgingClosedEarlyAt: team.judgingClosedEarlyAt,
  resultsPublishedEarlyAt: team.resultsPublishedEarlyAt,
});

type VersionRow = {
  id: string;
  number: number;
  description: string;
  videoUrl: string | null;
  marketingPlan: string | null;
  fileIds: string[];
  at: Date;
  userName: string | null;
  pupilFirstName: string | null;
};

function loadVersions(teamId: string) {
  return db.$queryRaw<VersionRow[]>`
    SELECT v.id, v.number, v.description, v."videoUrl", v."marketingPlan", v."fileIds", v.at,
           u.name AS "userName", p."firstName" AS "pupilFirstName"
    FROM "SubmissionVersion" v
    JOIN "Submission" s ON s.id = v."submissionId"
    LEFT JOIN "User" u ON u.id = v."submittedById"
    LEFT JOIN "Pupil" p ON p."userId" = u.id
    WHERE s."teamId" = ${teamId}
    ORDER BY v.number DESC`;
}

function countdown(deadline: Date, at: Date): { unit: "days" | "hours" | "minutes"; count: number } | null {
  const left = deadline.getTime() - at.getTime();
  if (left <= 0) return null;
  if (left >= DAY) return { unit: "days", count: Math.floor(left / DAY) };
  if (left >= HOUR) return { unit: "hours", count: Math.floor(left / HOUR) };
  return { unit: "minutes", count: Math.max(1, Math.ceil(left / 60_000)) };
}

/** Everything the submission page shows: the deadline, the current version with its files, the history. */
export async function getSubmissionPage(team: SubmissionTeam, access: TeamAccess, lang: Language) {
  const t = await i18next.getFixedT(lang, "submissions");
  const at = now();
  const dates = datesOf(team);
  const versions = await loadVersions(team.id);
  const latest = versions[0] ?? null;
  const files = latest?.fileIds.length
    ? await db.storedFile.findMany({ where: { id: { in: latest.fileIds }, deletedAt: null }, select: { id: true, fileName: true, size: true } })
    : [];
  const deadline = teamDeadline(dates, team.lateAllowedUntil);
  const open = team.status === "REGISTERED" && isTeamOpen(dates, team.lateAllowedUntil, at);
  const late = open && !isSubmissionOpen(dates, at);
  // Inside the school a pupil is shown by first name; adults by their name.
  const by = (v: VersionRow) => v.pupilFirstName ?? v.userName ?? t("page.unknownPerson");
  return {
    title: t("page.title", { team: team.name }),
    team: { id: team.id, name: team.name, school: team.schoolName, category: team.categoryName, edition: team.editionName, withdrawn: team.status !== "REGISTERED" },
    marketingPlan: team.marketingPlan,
    access,
    canSave: maySave(access) && open,
    open,
    late,
    deadline: deadline.toISOString(),
    countdown: countdown(deadline, at),
    closedMessage: open ? null : closedError(deadline, lang),
    current: latest
      ? {
          number: latest.number,
          at: latest.at.toISOString(),
          by: by(latest),
          description: latest.description,
          videoUrl: latest.videoUrl,
          marketingPlan: latest.marketingPlan,
          files: latest.fileIds.flatMap((id) => files.filter((f) => f.id === id)),
        }
      : null,
    history: versions.map((v) => ({ number: v.number, at: v.at.toISOString(), by: by(v), files: v.fileIds.length })),
    upload: uploadLimits("SUBMISSION", lang),
  };
}

export type SubmissionPageInput =
  | { intent: "save"; description: string; videoUrl?: string; marketingPlan?: string }
  | { intent: "upload"; file: File }
  | { intent: "remove-file"; fileId: string };

/**
 * A save from the submission page: the text (keeping the files), or a file added or removed
 * (keeping the text). Files need a described version first.
 */
export async function saveFromSubmissionPage(teamId: string, value: SubmissionPageInput, actor: Actor, lang: Language) {
  const [latest] = await db.submissionVersion.findMany({
    where: { submission: { teamId } },
    orderBy: { number: "desc" },
    take: 1,
    select: { description: true, videoUrl: true, marketingPlan: true, fileIds: true },
  });
  if (value.intent === "save") {
    return handIn(
      teamId,
      { description: value.description, videoUrl: value.videoUrl || null, marketingPlan: value.marketingPlan || null, keepFileIds: latest?.fileIds ?? [] },
      actor,
      lang,
    );
  }
  if (!latest) return { ok: false as const, reason: "describe-first" as const };
  if (value.intent === "remove-file" && !latest.fileIds.includes(value.fileId)) return { ok: false as const, reason: "file-unknown" as const };
  return handIn(
    teamId,
    {
      description: latest.description,
      videoUrl: latest.videoUrl,
      marketingPlan: latest.marketingPlan,
      keepFileIds: value.intent === "remove-file" ? latest.fileIds.filter((id) => id !== value.fileId) : latest.fileIds,
      uploads: value.intent === "upload" ? [value.file] : [],
    },
    actor,
    lang,
  );
}
