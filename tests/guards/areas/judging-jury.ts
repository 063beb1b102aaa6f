// Guards for the juror's side of judging (issue 17, points 2, 4 and 9): a juror's entries of an
// edition, the scoring page of one entry, and the juror's conflicts page. See types.ts.
//
// The world gets edition C (judging open) on whose jury jurorA sits (a JUROR role for C besides
// the judging area's edition A), with three teams: "mine" (assigned to jurorA; its submission and
// file carry markers), "other" (assigned only to a second juror of C, whose submitted sheet has a
// marker in its top) and "conflict" (assigned to jurorA, who declared a conflict with it; its
// submission and file carry markers). Edition B (the judging area's, jurorA not on its jury) gets
// a team assigned to B's juror, with a sheet and a declared conflict of theirs (markers). Runs
// after the judging area (it uses editions A and B and B's juror).
import fc from "fast-check";
import { SUBMISSION_FILE_OWNER } from "../../../app/modules/challenges/submission-files.server";
import { storeUpload } from "../../../app/modules/files/files.server";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { now } from "../../../app/utils/clock.server";
import { cleanString } from "../../../app/utils/input";
import { assignRole, createSchool, createUser } from "../../../prisma/factories";
import type { ActionRow, Cells } from "../access-matrix";
import { cellsOf } from "../cells";
import { form, fresh, ID_TRICKS, optional, redirected, sessionFor, typedText, type Ctx, type FormAction } from "../kit";
import type { World } from "../world";
import type { GuardArea } from "./types";

const DAY = 86_400_000;
const JUROR_ONLY: Cells = cellsOf(403, { anonymous: "login", jurorA: 200 });
const POST_JUROR = cellsOf(403, { anonymous: "login", jurorA: 400 }) as ActionRow["cells"];
const PDF = (text: string) => `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`;
/** Typed text that is still text once NULs and surrounding space are removed (required fields). */
const filled = (max: number) => typedText(max).filter((s) => cleanString(s).length > 0);

/** An edition of a fresh challenge whose judging opened a day ago (open for nine more days). */
async function openEdition(db: PrismaClient, name: string) {
  const at = now();
  const day = (n: number) => new Date(at.getTime() + n * DAY);
  const challenge = await db.challenge.create({ data: { slug: fresh("guards-jury-"), name: `Jury ${name}`, description: "Guards", createdAt: at, updatedAt: at } });
  return db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name, slug: fresh("guards-jury-edition-"),
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(9), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at,
      categories: { create: [{ name: "Vmbo", schoolType: "VMBO", position: 0 }] },
    },
    include: { categories: true },
  });
}

/** A form of `count` criteria with levels 1–3; returns the criterion ids in order. */
async function scoringForm(db: PrismaClient, editionId: string, count = 2): Promise<string[]> {
  const at = now();
  const f = await db.scoringForm.create({ data: { editionId, scopeKey: "edition", createdAt: at, updatedAt: at } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = await db.scoringCriterion.create({
      data: { formId: f.id, name: `Criterium ${i + 1}`, weight: 1 + (i % 3), counted: i !== 1, position: i, createdAt: at, levels: { create: [1, 2, 3].map((value) => ({ value, text: `Niveau ${value}` })) } },
    });
    ids.push(c.id);
  }
  return ids;
}

/** A team of the edition with one submission version (its description given). */
async function team(db: PrismaClient, edition: { id: string; categories: Array<{ id: string }> }, schoolId: string, name: string, description: string) {
  const at = now();
  const t = await db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
  const submission = await db.submission.create({ data: { teamId: t.id, createdAt: at, updatedAt: at } });
  const version = await db.submissionVersion.create({ data: { submissionId: submission.id, number: 1, description, videoUrl: "https://video.example/guards", fileIds: [], at } });
  return { id: t.id, versionId: version.id };
}

/** A person on the edition's jury (accepted: a JUROR role for it). */
async function juror(db: PrismaClient, editionId: string, userId?: string) {
  const user = userId ? { id: userId } : await createUser(db, { name: "Fuzz jurylid", email: `${fresh("fuzz-jury-")}@guards.example` });
  await assignRole(db, user.id, "JUROR", { editionId });
  const member = await db.juryMember.create({ data: { editionId, email: `${fresh("jury-")}@guards.example`, name: "Jurylid", userId: user.id, createdAt: now() } });
  return { userId: user.id, memberId: member.id };
}

const assign = (db: PrismaClient, memberId: string, teamId: string) => db.juryAssignment.create({ data: { juryMemberId: memberId, teamId, source: "MANUAL", createdAt: now() } });

const p = (w: World, name: string) => {
  const value = w.params[name];
  if (!value) throw new Error(`the world has no parameter "${name}"`);
  return value;
};

const rows = {
  "routes/jury.$editionId._index": {
    why: "A juror's entries of edition C: only jurorA (on C's jury) sees them, with their own team's name; anyone without a JUROR role gets 403.",
    path: (w) => `/jury/${p(w, "jsEditionC")}`,
    marker: (w) => w.markers.jsTeamMine,
    cells: JUROR_ONLY,
    also: [
      { why: "The entry assigned only to another juror is not on jurorA's list.", path: (w) => `/jury/${p(w, "jsEditionC")}`, marker: (w) => w.markers.jsTeamOther, cells: cellsOf(403, { anonymous: "login", jurorA: "hidden" }) },
      { why: "Another juror's scores are on nobody's list.", path: (w) => `/jury/${p(w, "jsEditionC")}`, marker: (w) => w.markers.jsOtherTop, cells: cellsOf(403, { anonymous: "login", jurorA: "hidden" }) },
      { why: "Edition B's list: jurorA is not on B's jury (404); the rest have no JUROR role (403).", path: (w) => `/jury/${p(w, "jgEditionB")}`, marker: (w) => w.markers.jsTeamB, cells: cellsOf(403, { anonymous: "login", jurorA: 404 }) },
    ],
  },
  "routes/jury.$editionId.$teamId": {
    why: "The scoring page of an entry assigned to jurorA: the submission (a marker) and the form; nobody else.",
    path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamMineId")}`,
    marker: (w) => w.markers.jsEntryMine,
    cells: JUROR_ONLY,
    also: [
      { why: "The same team's sheet of another juror (its top a marker) is never in jurorA's page or data.", path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamMineId")}`, marker: (w) => w.markers.jsOtherTopMine, cells: cellsOf(403, { anonymous: "login", jurorA: "hidden" }) },
      { why: "An entry of edition C assigned to another juror only: 404 for jurorA.", path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamOtherId")}`, marker: (w) => w.markers.jsEntryOther, cells: cellsOf(403, { anonymous: "login", jurorA: 404 }) },
      { why: "An entry assigned to jurorA who declared a conflict with it: 403 with the reason, never the submission.", path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamConflictId")}`, marker: (w) => w.markers.jsEntryConflict, cells: cellsOf(403, { anonymous: "login" }) },
      { why: "Edition B's entry through B's URL: 404 for jurorA.", path: (w) => `/jury/${p(w, "jgEditionB")}/${p(w, "jsTeamBId")}`, marker: (w) => w.markers.jsEntryB, cells: cellsOf(403, { anonymous: "login", jurorA: 404 }) },
    ],
    action: { why: "Only a juror of the edition posts a score sheet; a form without a valid intent is refused at its field.", form: () => ({ intent: "no-such-intent" }), cells: POST_JUROR },
  },
  "routes/jury.$editionId.conflicten": {
    why: "jurorA's conflicts in edition C: their declaration (its note a marker); nobody else.",
    path: (w) => `/jury/${p(w, "jsEditionC")}/conflicten`,
    marker: (w) => w.markers.jsConflictNote,
    cells: JUROR_ONLY,
    also: [
      { why: "Edition B's conflicts page: 404 for jurorA; B's juror's declaration is shown to nobody here.", path: (w) => `/jury/${p(w, "jgEditionB")}/conflicten`, marker: (w) => w.markers.jsConflictNoteB, cells: cellsOf(403, { anonymous: "login", jurorA: 404 }) },
    ],
    action: { why: "Only a juror of the edition declares or withdraws; a form without a valid intent is refused.", form: () => ({ intent: "no-such-intent" }), cells: POST_JUROR },
  },
} satisfies GuardArea["rows"];

// --- Hostile input -------------------------------------------------------------------------------

/** A fresh open edition with a form of two criteria, a team assigned to a fresh juror (their session). */
async function sheetFixture(ctx: Ctx) {
  const edition = await openEdition(ctx.db, fresh("Fuzz jurering "));
  const [c0, c1] = await scoringForm(ctx.db, edition.id, 2);
  const t = await team(ctx.db, edition, ctx.world.schoolB.id, fresh("Fuzz team "), "Fuzz inzending");
  const j = await juror(ctx.db, edition.id);
  await assign(ctx.db, j.memberId, t.id);
  return { cookie: await sessionFor(ctx.db, j.userId), values: { editionId: edition.id, teamId: t.id, c0: c0!, c1: c1!, memberId: j.memberId } };
}

/** A fresh edition with a team and a fresh juror (their session); `declared`: the juror declared a conflict with it. */
async function conflictFixture(ctx: Ctx, declared = false) {
  const edition = await openEdition(ctx.db, fresh("Fuzz conflict "));
  const t = await team(ctx.db, edition, ctx.world.schoolB.id, fresh("Fuzz team "), "Fuzz inzending");
  const j = await juror(ctx.db, edition.id);
  const conflict = declared ? await ctx.db.jurorConflict.create({ data: { juryMemberId: j.memberId, teamId: t.id, kind: "OTHER", note: "Buurman", declaredAt: now() } }) : null;
  return { cookie: await sessionFor(ctx.db, j.userId), values: { editionId: edition.id, teamId: t.id, memberId: j.memberId, conflictId: conflict?.id ?? "" } };
}

const level = fc.constantFrom("1", "2", "3");
const sheetForm = (intent: "save-draft" | "submit") =>
  form({
    intent: fc.constant(intent),
    "levels[0].criterionId": fc.constant("{c0}"),
    "levels[0].value": intent === "submit" ? level : optional(level),
    "levels[1].criterionId": fc.constant("{c1}"),
    "levels[1].value": intent === "submit" ? level : optional(level),
    top: optional(typedText(2000)),
    tip: optional(typedText(2000)),
  });

const actions: FormAction[] = [
  {
    route: "routes/jury.$editionId.$teamId",
    path: "/jury/:editionId/:teamId",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "levels[0].criterionId", "levels[0].value", "levels[1].criterionId", "levels[1].value", "top", "tip"],
    aimed: {
      intent: ["SUBMIT", "publish", ""],
      "levels[0].criterionId": ID_TRICKS,
      "levels[0].value": ["0", "4", "1.5", "-1", "1e1", "٣", "NaN"],
    },
    tables: ["ScoreSheet", "ScoreSheetLevel", "AuditLog"],
    variants: (["save-draft", "submit"] as const).map((intent) => ({
      name: intent,
      valid: sheetForm(intent),
      prepare: sheetFixture,
      accepted: (res: Response) => redirected(res),
      async stored(ctx: Ctx, fx: { values: Record<string, string> }, value: Record<string, unknown>) {
        const sheet = await ctx.db.scoreSheet.findUnique({ where: { juryMemberId_teamId: { juryMemberId: fx.values.memberId!, teamId: fx.values.teamId! } } });
        const status = intent === "submit" ? "SUBMITTED" : "DRAFT";
        return sheet?.status === status && sheet.top === value.top && sheet.tip === value.tip ? null : `a ${status} sheet with the top and tip`;
      },
      shownOn: async (_ctx: Ctx, fx: { cookie?: string; values: Record<string, string> }) => [{ path: `/jury/${fx.values.editionId}/${fx.values.teamId}`, cookie: fx.cookie }],
    })),
  },
  {
    route: "routes/jury.$editionId.conflicten",
    path: "/jury/:editionId/conflicten",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "teamId", "kind", "note", "conflictId"],
    aimed: { teamId: ID_TRICKS, conflictId: ID_TRICKS, kind: ["child_in_team", "OTHER ", "DECLARED", ""] },
    tables: ["JurorConflict", "AuditLog"],
    variants: [
      {
        name: "declare",
        valid: fc.oneof(
          form({ intent: fc.constant("declare"), teamId: fc.constant("{teamId}"), kind: fc.constantFrom("CHILD_IN_TEAM", "FORMER_PUPIL"), note: optional(typedText(500)) }),
          form({ intent: fc.constant("declare"), teamId: fc.constant("{teamId}"), kind: fc.constant("OTHER"), note: filled(500) }),
        ),
        prepare: (ctx) => conflictFixture(ctx),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const c = await ctx.db.jurorConflict.findUnique({ where: { juryMemberId_teamId: { juryMemberId: fx.values.memberId!, teamId: fx.values.teamId! } } });
          return c && c.kind === value.kind && c.note === value.note ? null : "the declaration with its kind and note";
        },
        shownOn: async (_ctx, fx) => [{ path: `/jury/${fx.values.editionId}/conflicten`, cookie: fx.cookie }],
      },
      {
        name: "withdraw",
        valid: form({ intent: fc.constant("withdraw"), conflictId: fc.constant("{conflictId}") }),
        prepare: (ctx) => conflictFixture(ctx, true),
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          return (await ctx.db.jurorConflict.count({ where: { id: fx.values.conflictId! } })) === 0 ? null : "declaration withdrawn";
        },
      },
    ],
  },
];

// --- The area ----------------------------------------------------------------------------------------

export const judgingJuryArea: GuardArea = {
  name: "judging-jury",
  async seedWorld({ db, mk, world }) {
    const editionB = await db.edition.findUniqueOrThrow({ where: { id: p(world, "jgEditionB") }, include: { categories: true } });
    const c = await openEdition(db, `Editie C ${mk("jsEditionC")}`);
    await scoringForm(db, c.id, 2);
    const school = await createSchool(db, { name: `Jury school ${mk("jsSchool")}` });
    const mine = await team(db, c, school.id, `Team ${mk("jsTeamMine")}`, `Inzending ${mk("jsEntryMine")}`);
    const other = await team(db, c, school.id, `Team ${mk("jsTeamOther")}`, `Inzending ${mk("jsEntryOther")}`);
    const conflict = await team(db, c, school.id, `Team ${mk("jsTeamConflict")}`, `Inzending ${mk("jsEntryConflict")}`);
    const a = await juror(db, c.id, world.userIds.jurorA);
    const second = await juror(db, c.id);
    await assign(db, a.memberId, mine.id);
    await assign(db, a.memberId, conflict.id);
    await assign(db, second.memberId, other.id);
    await assign(db, second.memberId, mine.id);
    const at = now();
    const sheet = (memberId: string, teamId: string, top: string) =>
      db.scoreSheet.create({ data: { juryMemberId: memberId, teamId, status: "SUBMITTED", submittedAt: at, top, tip: top, createdAt: at, updatedAt: at } });
    await sheet(second.memberId, other.id, `Top ${mk("jsOtherTop")}`);
    await sheet(second.memberId, mine.id, `Top ${mk("jsOtherTopMine")}`);
    await db.jurorConflict.create({ data: { juryMemberId: a.memberId, teamId: conflict.id, kind: "OTHER", note: `Buurman ${mk("jsConflictNote")}`, declaredAt: at } });

    // Edition B: a team assigned to B's juror, with their sheet and a declaration of theirs.
    const memberB = await db.juryMember.findFirstOrThrow({ where: { editionId: editionB.id, userId: { not: null } }, select: { id: true } });
    const teamB = await team(db, editionB, school.id, `Team ${mk("jsTeamB")}`, `Inzending ${mk("jsEntryB")}`);
    const teamB2 = await team(db, editionB, school.id, `Team ${mk("jsTeamB2")}`, "Inzending B2");
    await assign(db, memberB.id, teamB.id);
    await sheet(memberB.id, teamB.id, `Top ${mk("jsTopB")}`);
    const conflictB = await db.jurorConflict.create({ data: { juryMemberId: memberB.id, teamId: teamB2.id, kind: "OTHER", note: `Nicht ${mk("jsConflictNoteB")}`, declaredAt: at } });

    // Files of the submissions (PDFs with a marker): jurorA may read "mine" (judging is open), not "conflict" or "other".
    const store = async (name: string, versionId: string) => {
      const file = new File([PDF(mk(name))], `${name}.pdf`, { type: "application/pdf" });
      const stored = await storeUpload({ file, kind: "SUBMISSION", ownerType: SUBMISSION_FILE_OWNER, ownerId: versionId, uploadedById: null });
      if (!stored.ok) throw new Error(`the world's ${name} was refused: ${stored.error}`);
      await db.submissionVersion.update({ where: { id: versionId }, data: { fileIds: [stored.file.id] } });
      return stored.file.id;
    };
    Object.assign(world.params, {
      jsEditionC: c.id,
      jsTeamMineId: mine.id,
      jsTeamOtherId: other.id,
      jsTeamConflictId: conflict.id,
      jsTeamBId: teamB.id,
      jsConflictBId: conflictB.id,
      jsFileMine: await store("jsFileMine", mine.versionId),
      jsFileOther: await store("jsFileOther", other.versionId),
      jsFileConflict: await store("jsFileConflict", conflict.versionId),
    });
  },
  rows,
  actions,
  pages: {
    "routes/jury.$editionId._index": { as: "teacher", path: (d) => `/jury/${d.params.jsEditionId}` },
    "routes/jury.$editionId.$teamId": { as: "teacher", path: (d) => `/jury/${d.params.jsEditionId}/${d.params.jsTeamId}` },
    "routes/jury.$editionId.conflicten": { as: "teacher", path: (d) => `/jury/${d.params.jsEditionId}/conflicten` },
  },
  async seedDataset({ db, scale, tag }) {
    const at = now();
    // The teacher viewer judges an open edition: `scale` entries assigned (each with a submission
    // of `scale` files' worth of text and a sheet), a form of `scale` criteria, and `scale`
    // declared conflicts with other teams. The teams are of a school the viewer has no role at.
    const viewer = await db.user.findFirstOrThrow({ where: { email: `docent-${tag}@datasets.example` } });
    const edition = await openEdition(db, `Jury ${tag}`);
    const criteria = await scoringForm(db, edition.id, scale);
    const school = await createSchool(db, { name: `Juryschool ${tag}` });
    const j = await juror(db, edition.id, viewer.id);
    let first = "";
    for (let i = 0; i < scale; i++) {
      const t = await team(db, edition, school.id, `Jury entry ${tag}-${i}`, `Inzending ${i}`);
      if (!first) first = t.id;
      await assign(db, j.memberId, t.id);
      await db.scoreSheet.create({
        data: {
          juryMemberId: j.memberId, teamId: t.id, status: i % 2 ? "SUBMITTED" : "DRAFT", submittedAt: i % 2 ? at : null, top: "Top", tip: "Tip", createdAt: at, updatedAt: at,
          levels: { create: criteria.map((criterionId) => ({ criterionId, value: 2 })) },
        },
      });
      const other = await team(db, edition, school.id, `Jury conflict ${tag}-${i}`, `Inzending ${i}`);
      await db.jurorConflict.create({ data: { juryMemberId: j.memberId, teamId: other.id, kind: "FORMER_PUPIL", declaredAt: at } });
      // Another juror's sheet of the same entry (never read by the viewer's pages).
      const second = await juror(db, edition.id);
      await assign(db, second.memberId, t.id);
    }
    return { jsEditionId: edition.id, jsTeamId: first };
  },
};
