// A juror's scoring (issue 17, point 4): the assigned entries of one edition in the juror's own
// fixed order, an entry's submission with the scoring form, and saving a score sheet (a draft, or
// submitted). The juror is always a JuryMember found by (account, edition) in the query itself, so
// another edition's or another juror's entry is simply not there. A conflict (declared or
// detected, conflicts.server.ts) refuses scoring even when the assignment exists. Scores change
// only while judging is open; after judgingClosesAt (phases.ts) the juror reads only. A juror never
// receives another juror's scores: every sheet query names the juror.
import { isJudgingOpen, judgingClosesAt } from "~/modules/challenges/phases";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { conflictsBetween, loadConflicts, type ConflictReason } from "./conflicts.server";
import { reviewOrder } from "./rules";
import type { ScoreSheetInput } from "./scoring.schema";
import { listScoringForms, type Actor } from "./scoring-forms.server";

export type JudgingWindow = "before" | "open" | "closed";
export type EntryStatus = "notStarted" | "draft" | "submitted";

type Dates = Parameters<typeof isJudgingOpen>[0];

/** A place on an edition's jury, with the edition's name and dates. */
export type Juror = {
  id: string;
  name: string;
  editionId: string;
  edition: Dates & { id: string; name: string };
};

/** Before judging opens, while it is open, or after it closed (then read-only for the juror). */
export function judgingWindow(edition: Dates, at: Date): JudgingWindow {
  if (at.getTime() < edition.judgingOpensAt.getTime()) return "before";
  return isJudgingOpen(edition, at) ? "open" : "closed";
}

type JurorRow = { id: string; name: string; editionId: string; editionName: string } & Dates;

/** The person's place on the edition's jury (not removed) with the edition, or null: one query. */
export async function findJuror(userId: string, editionId: string): Promise<Juror | null> {
  const [row] = await db.$queryRaw<JurorRow[]>`
    SELECT m.id, m.name, m."editionId", e.name AS "editionName",
           e."registrationOpensAt", e."registrationClosesAt", e."submissionDeadline", e."judgingOpensAt", e."judgingClosesAt",
           e."resultsPublishAt", e."registrationClosedEarlyAt", e."submissionsClosedEarlyAt", e."judgingClosedEarlyAt", e."resultsPublishedEarlyAt"
    FROM "JuryMember" m JOIN "Edition" e ON e.id = m."editionId"
    WHERE m."userId" = ${userId} AND m."editionId" = ${editionId} AND m."removedAt" IS NULL
    ORDER BY m."createdAt", m.id
    LIMIT 1`;
  if (!row) return null;
  const { id, name, editionName, ...dates } = row;
  return { id, name, editionId: row.editionId, edition: { ...dates, id: row.editionId, name: editionName } };
}

/** A conflict reason the page can put in words (names instead of ids). */
export type ReasonView = { code: ConflictReason["code"]; kind?: string; text?: string | null; name?: string };

/** The reasons with the names of the schools and companies they are about: one query at most. */
export async function describeReasons(reasons: ConflictReason[]): Promise<ReasonView[]> {
  const ids = reasons.flatMap((r) => ("schoolId" in r ? [r.schoolId] : "companyId" in r ? [r.companyId] : []));
  const rows = ids.length
    ? await db.$queryRaw<Array<{ id: string; name: string }>>`
        SELECT id, name FROM "School" WHERE id = ANY(${ids}::text[])
        UNION ALL SELECT id, name FROM "Company" WHERE id = ANY(${ids}::text[])`
    : [];
  const names = new Map(rows.map((x) => [x.id, x.name]));
  return reasons.map((r) => {
    if (r.code === "DECLARED") return { code: r.code, kind: r.kind, text: r.text };
    const ref = "schoolId" in r ? r.schoolId : r.companyId;
    return { code: r.code, name: names.get(ref) ?? "" };
  });
}

// --- The list ------------------------------------------------------------------------------------

type EntryRow = { teamId: string; name: string; status: string; school: string; category: string; sheetStatus: string | null; updatedAt: Date | null };

/** The juror's assigned entries in their own order, each with its status, and the progress: four queries. */
export async function getJurorEntries(juror: Juror) {
  const at = now();
  const [rows, conflicts] = await Promise.all([
    db.$queryRaw<EntryRow[]>`
      SELECT t.id AS "teamId", t.name, t.status::text AS status, s.name AS school, c.name AS category,
             sh.status::text AS "sheetStatus", sh."updatedAt"
      FROM "JuryAssignment" a
      JOIN "Team" t ON t.id = a."teamId"
      JOIN "School" s ON s.id = t."schoolId"
      JOIN "EditionCategory" c ON c.id = t."categoryId"
      LEFT JOIN "ScoreSheet" sh ON sh."juryMemberId" = a."juryMemberId" AND sh."teamId" = a."teamId"
      WHERE a."juryMemberId" = ${juror.id} AND t."editionId" = ${juror.editionId}`,
    loadConflicts(juror.editionId, { juryMemberIds: [juror.id] }),
  ]);
  const mine = conflicts.get(juror.id);
  const byTeam = new Map(rows.map((r) => [r.teamId, r]));
  const entries = reviewOrder(juror.id, juror.editionId, [...byTeam.keys()]).map((teamId) => {
    const row = byTeam.get(teamId)!;
    const status: EntryStatus = !row.sheetStatus ? "notStarted" : row.sheetStatus === "SUBMITTED" ? "submitted" : "draft";
    return {
      teamId,
      name: row.name,
      school: row.school,
      category: row.category,
      withdrawn: row.status !== "REGISTERED",
      status,
      conflicted: !!mine?.get(teamId)?.length,
      updatedAt: row.updatedAt?.toISOString() ?? null,
    };
  });
  const counted = entries.filter((e) => !e.conflicted && !e.withdrawn);
  return {
    edition: { id: juror.edition.id, name: juror.edition.name },
    window: judgingWindow(juror.edition, at),
    judgingOpensAt: juror.edition.judgingOpensAt.toISOString(),
    judgingClosesAt: judgingClosesAt(juror.edition).toISOString(),
    entries,
    progress: { submitted: counted.filter((e) => e.status === "submitted").length, total: counted.length },
  };
}

// --- One entry -----------------------------------------------------------------------------------

type AssignedRow = {
  id: string;
  name: string;
  status: string;
  categoryId: string;
  category: string;
  school: string;
  sheetStatus: string | null;
  top: string | null;
  tip: string | null;
  submittedAt: Date | null;
  updatedAt: Date | null;
  levels: Array<{ criterionId: string; value: number }> | null;
};

/** The team assigned to this juror in their edition, with the juror's own sheet, or null: one query. */
async function findAssignedTeam(juror: Juror, teamId: string) {
  const [row] = await db.$queryRaw<AssignedRow[]>`
    SELECT t.id, t.name, t.status::text AS status, t."categoryId", c.name AS category, s.name AS school,
           sh.status::text AS "sheetStatus", sh.top, sh.tip, sh."submittedAt", sh."updatedAt",
           (SELECT json_agg(json_build_object('criterionId', l."criterionId", 'value', l.value)) FROM "ScoreSheetLevel" l WHERE l."sheetId" = sh.id) AS levels
    FROM "JuryAssignment" a
    JOIN "Team" t ON t.id = a."teamId"
    JOIN "School" s ON s.id = t."schoolId"
    JOIN "EditionCategory" c ON c.id = t."categoryId"
    LEFT JOIN "ScoreSheet" sh ON sh."juryMemberId" = a."juryMemberId" AND sh."teamId" = a."teamId"
    WHERE a."juryMemberId" = ${juror.id} AND a."teamId" = ${teamId} AND t."editionId" = ${juror.editionId}`;
  return row ?? null;
}

type VersionRow = { number: number; description: string; videoUrl: string | null; marketingPlan: string | null; at: Date; files: Array<{ id: string; fileName: string; size: number }> };

/** The team's latest submission version with its (not deleted) files, in their order: one query. */
async function latestVersion(teamId: string): Promise<VersionRow | null> {
  const [row] = await db.$queryRaw<VersionRow[]>`
    SELECT v.number, v.description, v."videoUrl", v."marketingPlan", v.at,
           COALESCE((SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'size', f.size) ORDER BY array_position(v."fileIds", f.id))
                     FROM "StoredFile" f WHERE f.id = ANY(v."fileIds") AND f."deletedAt" IS NULL), '[]'::json) AS files
    FROM "SubmissionVersion" v JOIN "Submission" s ON s.id = v."submissionId"
    WHERE s."teamId" = ${teamId}
    ORDER BY v.number DESC
    LIMIT 1`;
  return row ?? null;
}

/** The form for a category: its own, else the edition's. */
async function formFor(editionId: string, categoryId: string) {
  const forms = await listScoringForms(editionId);
  return forms.find((f) => f.categoryId === categoryId) ?? forms.find((f) => f.categoryId === null) ?? null;
}

export type EntryRefusal = { ok: false; reason: "not-found" } | { ok: false; reason: "conflict"; team: string; reasons: ReasonView[] };

/**
 * Everything the scoring page of one entry shows: the team, its latest submission with files,
 * the scoring form and the juror's own sheet. Refused when the entry is not assigned to this
 * juror (404) or the juror has a conflict with it (403, with the reasons in words).
 */
export async function getScoringPage(juror: Juror, teamId: string) {
  const team = await findAssignedTeam(juror, teamId);
  if (!team) return { ok: false, reason: "not-found" } as const satisfies EntryRefusal;
  const reasons = await conflictsBetween(juror.editionId, juror.id, team.id);
  if (reasons.length) return { ok: false, reason: "conflict", team: team.name, reasons: await describeReasons(reasons) } as const satisfies EntryRefusal;
  const [version, form] = await Promise.all([latestVersion(team.id), formFor(juror.editionId, team.categoryId)]);
  const window = judgingWindow(juror.edition, now());
  return {
    ok: true as const,
    edition: { id: juror.edition.id, name: juror.edition.name },
    team: { id: team.id, name: team.name, school: team.school, category: team.category, withdrawn: team.status !== "REGISTERED" },
    window,
    canScore: window === "open",
    judgingOpensAt: juror.edition.judgingOpensAt.toISOString(),
    judgingClosesAt: judgingClosesAt(juror.edition).toISOString(),
    submission: version
      ? { number: version.number, at: version.at.toISOString(), description: version.description, videoUrl: version.videoUrl, marketingPlan: version.marketingPlan, files: version.files }
      : null,
    criteria: form?.criteria ?? [],
    sheet: team.sheetStatus
      ? {
          status: team.sheetStatus === "SUBMITTED" ? ("submitted" as const) : ("draft" as const),
          top: team.top ?? "",
          tip: team.tip ?? "",
          submittedAt: team.submittedAt?.toISOString() ?? null,
          updatedAt: team.updatedAt?.toISOString() ?? null,
          levels: Object.fromEntries((team.levels ?? []).map((l) => [l.criterionId, l.value])),
        }
      : null,
  };
}

// --- Saving ----------------------------------------------------------------------------------------

export type SaveResult =
  | { ok: true; submitted: boolean }
  | EntryRefusal
  | { ok: false; reason: "invalid"; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/**
 * Saves the juror's sheet for one entry: a draft may leave levels empty, a submit needs a level
 * for every criterion of the form (errors at `levels[i].value`, i = the criterion's place on the
 * form). Saving a draft over a submitted sheet makes it a draft again. Refused outside the
 * judging window, for an entry not assigned to the juror and for one they have a conflict with.
 * One transaction with its audit entry; a refusal writes nothing.
 */
export async function saveScoreSheet(juror: Juror, teamId: string, input: ScoreSheetInput, actor: Actor): Promise<SaveResult> {
  const team = await findAssignedTeam(juror, teamId);
  if (!team) return { ok: false, reason: "not-found" };
  const reasons = await conflictsBetween(juror.editionId, juror.id, team.id);
  if (reasons.length) return { ok: false, reason: "conflict", team: team.name, reasons: await describeReasons(reasons) };
  const window = judgingWindow(juror.edition, now());
  if (window !== "open") return { ok: false, reason: "invalid", formErrors: [window === "before" ? "scoring:errors.notOpen" : "scoring:errors.closed"] };
  if (team.status !== "REGISTERED") return { ok: false, reason: "invalid", formErrors: ["scoring:errors.withdrawn"] };
  const form = await formFor(juror.editionId, team.categoryId);
  if (!form?.criteria.length) return { ok: false, reason: "invalid", formErrors: ["scoring:errors.noForm"] };

  const submit = input.intent === "submit";
  const fieldErrors: Record<string, string[]> = {};
  const chosen = new Map<string, number>();
  for (const [index, choice] of input.levels.entries()) {
    const criterion = form.criteria.find((c) => c.id === choice.criterionId);
    if (!criterion) {
      fieldErrors[`levels[${index}].value`] = ["scoring:errors.notFound"];
      continue;
    }
    if (choice.value === undefined) continue;
    if (!criterion.levels.some((l) => l.value === choice.value)) fieldErrors[`levels[${index}].value`] = ["scoring:errors.level"];
    else chosen.set(criterion.id, choice.value);
  }
  if (submit) {
    form.criteria.forEach((c, index) => {
      if (!chosen.has(c.id) && !fieldErrors[`levels[${index}].value`]) fieldErrors[`levels[${index}].value`] = ["scoring:errors.levelRequired"];
    });
  }
  if (Object.keys(fieldErrors).length) {
    return { ok: false, reason: "invalid", formErrors: submit ? ["scoring:errors.incomplete"] : undefined, fieldErrors };
  }

  return db.$transaction(async (tx) => {
    const at = now();
    const before = await tx.scoreSheet.findUnique({
      where: { juryMemberId_teamId: { juryMemberId: juror.id, teamId: team.id } },
      select: { id: true, status: true, top: true, tip: true, levels: { select: { criterionId: true, value: true } } },
    });
    const data = { status: submit ? ("SUBMITTED" as const) : ("DRAFT" as const), submittedAt: submit ? at : null, top: input.top, tip: input.tip, updatedAt: at };
    const sheet = before
      ? await tx.scoreSheet.update({ where: { id: before.id }, data, select: { id: true } })
      : await tx.scoreSheet.create({ data: { ...data, juryMemberId: juror.id, teamId: team.id, createdAt: at }, select: { id: true } });
    await tx.scoreSheetLevel.deleteMany({ where: { sheetId: sheet.id } });
    if (chosen.size) await tx.scoreSheetLevel.createMany({ data: [...chosen].map(([criterionId, value]) => ({ sheetId: sheet.id, criterionId, value })) });
    await audit(
      {
        actorId: actor.id,
        action: submit ? "judging.sheet.submit" : "judging.sheet.draft",
        entityType: "ScoreSheet",
        entityId: sheet.id,
        before: before ? { status: before.status, top: before.top, tip: before.tip, levels: before.levels } : undefined,
        after: { status: data.status, top: input.top, tip: input.tip, levels: [...chosen].map(([criterionId, value]) => ({ criterionId, value })) },
        meta: { editionId: juror.editionId, teamId: team.id },
      },
      tx,
    );
    return { ok: true, submitted: submit } as const;
  });
}
