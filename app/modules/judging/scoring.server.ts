// A juror's scoring (issue 17, point 4): the assigned entries of one edition in the juror's own
// fixed order, an entry's submission with the scoring form, and saving a score sheet (a draft, or
// submitted). The juror is always a JuryMember found by (account, edition) in the query itself, so
// another edition's or another juror's entry is simply not there. A conflict (declared or
// detected, conflicts.server.ts) refuses scoring even when the assignment exists. Scores change
// only while judging is open; after judgingClosesAt (phases.ts) the juror reads only. A juror never
// receives another juror's scores: every sheet query names the juror.
import { isJudgingOpen, judgingClosesAt } from "~/modules/challenges/phases";
import { EDITION_DATES } from "~/modules/challenges/submissions.server";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { conflictsBetween, loadConflicts, type ConflictReason } from "./conflicts.server";
import { reviewOrder } from "./rules";
import type { ScoreSheetInput } from "./scoring.schema";
import { listScoringForms, type Actor } from "./scoring-forms.server";

export type JudgingWindow = "before" | "open" | "closed";
export type Juror = { id: string; name: string; editionId: string };
export type EntryStatus = "notStarted" | "draft" | "submitted";

type Dates = Parameters<typeof isJudgingOpen>[0];

/** Before judging opens, while it is open, or after it closed (then read-only for the juror). */
export function judgingWindow(edition: Dates, at: Date): JudgingWindow {
  if (at.getTime() < edition.judgingOpensAt.getTime()) return "before";
  return isJudgingOpen(edition, at) ? "open" : "closed";
}

/** The person's place on the edition's jury (not removed), or null. */
export async function findJuror(userId: string, editionId: string): Promise<Juror | null> {
  return db.juryMember.findFirst({ where: { userId, editionId, removedAt: null }, select: { id: true, name: true, editionId: true } });
}

/** A conflict reason the page can put in words (names instead of ids). */
export type ReasonView = { code: ConflictReason["code"]; kind?: string; text?: string | null; name?: string };

/** The reasons with the names of the schools and companies they are about: one query at most. */
export async function describeReasons(reasons: ConflictReason[]): Promise<ReasonView[]> {
  const schoolIds = reasons.flatMap((r) => ("schoolId" in r ? [r.schoolId] : []));
  const companyIds = reasons.flatMap((r) => ("companyId" in r ? [r.companyId] : []));
  const [schools, companies] = await Promise.all([
    schoolIds.length ? db.school.findMany({ where: { id: { in: schoolIds } }, select: { id: true, name: true } }) : [],
    companyIds.length ? db.company.findMany({ where: { id: { in: companyIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = new Map([...schools, ...companies].map((x) => [x.id, x.name]));
  return reasons.map((r) => {
    if (r.code === "DECLARED") return { code: r.code, kind: r.kind, text: r.text };
    const ref = "schoolId" in r ? r.schoolId : r.companyId;
    return { code: r.code, name: names.get(ref) ?? "" };
  });
}

// --- The list ------------------------------------------------------------------------------------

/** The juror's assigned entries in their own order, each with its status, and the progress. */
export async function getJurorEntries(juror: Juror) {
  const at = now();
  const [member, conflicts] = await Promise.all([
    db.juryMember.findUniqueOrThrow({
      where: { id: juror.id },
      select: {
        edition: { select: { id: true, name: true, ...EDITION_DATES, challenge: { select: { name: true } } } },
        assignments: {
          where: { team: { editionId: juror.editionId } },
          select: { team: { select: { id: true, name: true, status: true, category: { select: { name: true } }, school: { select: { name: true } } } } },
        },
        scoreSheets: { select: { teamId: true, status: true, updatedAt: true } },
      },
    }),
    loadConflicts(juror.editionId, { juryMemberIds: [juror.id] }),
  ]);
  const mine = conflicts.get(juror.id);
  const sheets = new Map(member.scoreSheets.map((s) => [s.teamId, s]));
  const teams = new Map(member.assignments.map((a) => [a.team.id, a.team]));
  const order = reviewOrder(juror.id, juror.editionId, [...teams.keys()]);
  const entries = order.map((teamId) => {
    const team = teams.get(teamId)!;
    const sheet = sheets.get(teamId);
    const status: EntryStatus = !sheet ? "notStarted" : sheet.status === "SUBMITTED" ? "submitted" : "draft";
    return {
      teamId,
      name: team.name,
      school: team.school.name,
      category: team.category.name,
      withdrawn: team.status !== "REGISTERED",
      status,
      conflicted: !!mine?.get(teamId)?.length,
      updatedAt: sheet?.updatedAt.toISOString() ?? null,
    };
  });
  const counted = entries.filter((e) => !e.conflicted && !e.withdrawn);
  const edition = member.edition;
  return {
    edition: { id: edition.id, name: edition.name, challenge: edition.challenge.name },
    window: judgingWindow(edition, at),
    judgingOpensAt: edition.judgingOpensAt.toISOString(),
    judgingClosesAt: judgingClosesAt(edition).toISOString(),
    entries,
    progress: { submitted: counted.filter((e) => e.status === "submitted").length, total: counted.length },
  };
}

// --- One entry -----------------------------------------------------------------------------------

/** The assigned team of this juror with its edition's dates, or null (not assigned, another edition). */
async function findAssignedTeam(juror: Juror, teamId: string) {
  const assignment = await db.juryAssignment.findFirst({
    where: { juryMemberId: juror.id, teamId, team: { editionId: juror.editionId } },
    select: {
      team: {
        select: {
          id: true,
          name: true,
          status: true,
          categoryId: true,
          category: { select: { name: true } },
          school: { select: { name: true } },
          edition: { select: { id: true, name: true, ...EDITION_DATES } },
        },
      },
    },
  });
  return assignment?.team ?? null;
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
  const at = now();
  const [version, form, sheet] = await Promise.all([
    db.submissionVersion.findFirst({
      where: { submission: { teamId: team.id } },
      orderBy: { number: "desc" },
      select: { number: true, description: true, videoUrl: true, marketingPlan: true, fileIds: true, at: true },
    }),
    formFor(juror.editionId, team.categoryId),
    db.scoreSheet.findUnique({
      where: { juryMemberId_teamId: { juryMemberId: juror.id, teamId: team.id } },
      select: { status: true, top: true, tip: true, submittedAt: true, updatedAt: true, levels: { select: { criterionId: true, value: true } } },
    }),
  ]);
  const files = version?.fileIds.length
    ? await db.storedFile.findMany({ where: { id: { in: version.fileIds }, deletedAt: null }, select: { id: true, fileName: true, size: true } })
    : [];
  const window = judgingWindow(team.edition, at);
  return {
    ok: true as const,
    edition: { id: team.edition.id, name: team.edition.name },
    team: { id: team.id, name: team.name, school: team.school.name, category: team.category.name, withdrawn: team.status !== "REGISTERED" },
    window,
    canScore: window === "open",
    judgingOpensAt: team.edition.judgingOpensAt.toISOString(),
    judgingClosesAt: judgingClosesAt(team.edition).toISOString(),
    submission: version
      ? {
          number: version.number,
          at: version.at.toISOString(),
          description: version.description,
          videoUrl: version.videoUrl,
          marketingPlan: version.marketingPlan,
          files: version.fileIds.flatMap((id) => files.filter((f) => f.id === id)),
        }
      : null,
    criteria: form?.criteria ?? [],
    sheet: sheet
      ? {
          status: sheet.status === "SUBMITTED" ? ("submitted" as const) : ("draft" as const),
          top: sheet.top,
          tip: sheet.tip,
          submittedAt: sheet.submittedAt?.toISOString() ?? null,
          updatedAt: sheet.updatedAt.toISOString(),
          levels: Object.fromEntries(sheet.levels.map((l) => [l.criterionId, l.value])),
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
  const window = judgingWindow(team.edition, now());
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
