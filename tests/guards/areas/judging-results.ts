// Guards for results (issue 17, points 5–6): the board's results page and CSV, the public results
// page, a team's results page and certificate. See types.ts.
//
// The world gets two editions of fresh challenges, each with a team of school A (pupilA is in it)
// and a team of school B, scored with tops and tips that carry markers:
//  - P is published: its results page is public; a team's feedback is for the team's school, its
//    pupils and the board; the hidden tip (a marker) is on no page at all;
//  - U's judging has closed but nothing is published: "no scores or ranks before publication for
//    every role but the board" — its results page, team results, certificate and CSV answer 404/403
//    to everyone else, and its top (a marker) is on none of them. (The team page and the public
//    edition page before publication: tests/unit/judging-results.test.ts, their loaders' data.)
import fc from "fast-check";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { now } from "../../../app/utils/clock.server";
import { cleanString } from "../../../app/utils/input";
import type { ActionRow, Cells } from "../access-matrix";
import { cellsOf, everyone } from "../cells";
import { form, fresh, ID_TRICKS, optional, redirected, typedText, type Ctx, type FormAction } from "../kit";
import type { World } from "../world";
import type { GuardArea } from "./types";

type ActionCells = ActionRow["cells"];
const DAY = 86_400_000;
const filled = (max: number) => typedText(max).filter((s) => cleanString(s).length > 0);

const BOARD_ONLY: Cells = cellsOf(403, { anonymous: "login", board: 200 });
const POST_BOARD: ActionCells = cellsOf(403, { anonymous: "login", board: 400 }) as ActionCells;
/** School A's team in a published edition: the board, school A's staff and the team's pupil. */
const TEAM_A: Cells = cellsOf(404, { anonymous: "login", board: 200, schoolContactA: 200, teacherA: 200, pupilA: 200 });
const TEAM_A_HIDDEN: Cells = cellsOf(404, { anonymous: "login", board: "hidden", schoolContactA: "hidden", teacherA: "hidden", pupilA: "hidden" });
/** Before publication nobody reads a team's results: not even the board (its preview is the board page). */
const NOBODY: Cells = cellsOf(404, { anonymous: "login" });

const m = (name: string) => (w: World) => w.markers[name];

/** A fresh challenge's edition; `judgingClosedDaysAgo` > 0: judging closed that many days ago. */
async function resultsEdition(db: PrismaClient, name: string, judgingClosedDaysAgo: number) {
  const at = now();
  const challenge = await db.challenge.create({ data: { slug: fresh("guards-results-"), name: `Uitslag ${name}`, description: "Guards", createdAt: at, updatedAt: at } });
  const day = (n: number) => new Date(at.getTime() + (n - judgingClosedDaysAgo) * DAY);
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name, slug: fresh("guards-results-edition-"),
      registrationOpensAt: day(-60), registrationClosesAt: day(-40), submissionDeadline: day(-20), judgingOpensAt: day(-10), judgingClosesAt: day(0), resultsPublishAt: day(5),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", schoolType: "VMBO", position: 0 }] },
    },
    include: { categories: true },
  });
  const formRow = await db.scoringForm.create({ data: { editionId: edition.id, scopeKey: "edition", createdAt: at, updatedAt: at } });
  const criterion = await db.scoringCriterion.create({
    data: { formId: formRow.id, name: "Idee", weight: 2, position: 0, createdAt: at, levels: { create: [1, 2, 3, 4, 5].map((value) => ({ value, text: `Niveau ${value}` })) } },
  });
  const juror = await db.juryMember.create({ data: { editionId: edition.id, email: `${fresh("results-juror-")}@guards.example`, name: "Jurylid Uitslag", createdAt: at } });
  return { challenge, edition, criterionId: criterion.id, jurorId: juror.id };
}

async function scoredTeam(db: PrismaClient, e: Awaited<ReturnType<typeof resultsEdition>>, schoolId: string, name: string, level: number, top: string, tip: string, tipHidden = false) {
  const at = now();
  const team = await db.team.create({ data: { editionId: e.edition.id, categoryId: e.edition.categories[0]!.id, schoolId, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
  const sheet = await db.scoreSheet.create({
    data: { juryMemberId: e.jurorId, teamId: team.id, status: "SUBMITTED", submittedAt: at, top, tip, tipHidden, createdAt: at, updatedAt: at, levels: { create: [{ criterionId: e.criterionId, value: level }] } },
  });
  return { team, sheetId: sheet.id };
}

const rows = {
  "routes/bestuur.edities.$editionId.uitslag": {
    why: "Only the board sets up, previews and publishes an edition's results; everyone else 403.",
    path: (w) => `/bestuur/edities/${w.params.rsEditionU}/uitslag`,
    marker: m("rsTeamUA"),
    cells: BOARD_ONLY,
    also: [
      { why: "The published edition's page too: the board only.", path: (w) => `/bestuur/edities/${w.params.rsEditionP}/uitslag`, marker: m("rsTeamPA"), cells: BOARD_ONLY },
      { why: "An unknown edition: 404 for the board, 403 for the rest.", path: () => "/bestuur/edities/cnosuchedition00000000000/uitslag", cells: cellsOf(403, { anonymous: "login", board: 404 }) },
    ],
    action: { why: "Only the board changes settings, screens tips and publishes.", form: () => ({ intent: "no-such-intent" }), cells: POST_BOARD },
  },
  "routes/bestuur.edities.$editionId.uitslag[.]csv": {
    why: "The ranking as CSV is the board's, also before publication (the unpublished edition here); nobody else's.",
    path: (w) => `/bestuur/edities/${w.params.rsEditionU}/uitslag.csv`,
    marker: m("rsTeamUA"),
    cells: BOARD_ONLY,
    also: [{ why: "The published edition's CSV: still the board's only.", path: (w) => `/bestuur/edities/${w.params.rsEditionP}/uitslag.csv`, marker: m("rsTeamPA"), cells: BOARD_ONLY }],
  },
  "routes/challenges.$slug.$year_.uitslag": {
    why: "A published edition's results page is public (team names and places).",
    path: (w) => `/challenges/${w.params.rsSlugP}/2030/uitslag`,
    marker: m("rsTeamPA"),
    cells: everyone(200),
    also: [
      { why: "The hidden tip is on no page, not even the public one.", path: (w) => `/challenges/${w.params.rsSlugP}/2030/uitslag`, marker: m("rsHiddenTip"), cells: everyone("hidden") },
      { why: "No scores or ranks before publication: the unpublished edition's results page is a 404 for everyone.", path: (w) => `/challenges/${w.params.rsSlugU}/2030/uitslag`, marker: m("rsTeamUA"), cells: everyone(404) },
    ],
  },
  "routes/teams.$teamId.uitslag": {
    why: "A team's results after publication (place, tops, tips): the board, the staff of the team's school and its pupils; to anyone else it does not exist.",
    path: (w) => `/teams/${w.params.rsTeamPA}/uitslag`,
    marker: m("rsTopPA"),
    cells: TEAM_A,
    also: [
      { why: "A tip the board hid never reaches the team.", path: (w) => `/teams/${w.params.rsTeamPA}/uitslag`, marker: m("rsHiddenTip"), cells: TEAM_A_HIDDEN },
      { why: "No scores or ranks before publication: the unpublished team's results are a 404 for every role, the board included.", path: (w) => `/teams/${w.params.rsTeamUA}/uitslag`, marker: m("rsTopU"), cells: NOBODY },
    ],
  },
  "routes/teams.$teamId.oorkonde[.]pdf": {
    why: "A team's certificate after publication: the board, the staff of the team's school and its pupils (the team name is in the PDF).",
    path: (w) => `/teams/${w.params.rsTeamPA}/oorkonde.pdf`,
    marker: m("rsTeamPA"),
    cells: TEAM_A,
    also: [{ why: "No certificate before publication, for every role.", path: (w) => `/teams/${w.params.rsTeamUA}/oorkonde.pdf`, marker: m("rsTeamUA"), cells: NOBODY }],
  },
} satisfies GuardArea["rows"];

// --- Hostile input -------------------------------------------------------------------------------

/** A fresh edition for one case: judging `open` (settings may change) or `closed` (screening, publishing). */
async function fixture(ctx: Ctx, judging: "future" | "closed") {
  const e = await resultsEdition(ctx.db, fresh("Fuzz uitslag "), judging === "closed" ? 2 : -40);
  const { team, sheetId } = await scoredTeam(ctx.db, e, ctx.world.schoolA.id, fresh("fuzz team "), 3, "Top", "Tip");
  const award = await ctx.db.judgingAward.create({ data: { editionId: e.edition.id, name: fresh("Prijs "), createdAt: now() } });
  return {
    cookie: ctx.world.cookies.board,
    values: { editionId: e.edition.id, criterionId: e.criterionId, categoryId: e.edition.categories[0]!.id, teamId: team.id, sheetId, awardId: award.id },
  };
}
const boardPage = (ctx: Ctx, editionId: string) => [{ path: `/bestuur/edities/${editionId}/uitslag`, cookie: ctx.world.cookies.board }];
const settingsOf = (ctx: Ctx, editionId: string) => ctx.db.judgingSettings.findUnique({ where: { editionId } });

const actions: FormAction[] = [
  {
    route: "routes/bestuur.edities.$editionId.uitslag",
    path: "/bestuur/edities/:editionId/uitslag",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "aggregation", "normalize", "prizePlaces", "resultsScope", "tieBreaks[0]", "tieBreaks[1]", "tieBreaks[2]", "name", "categoryId", "awardId", "teamId", "sheetId", "hidden"],
    aimed: {
      categoryId: ID_TRICKS, awardId: ID_TRICKS, teamId: ID_TRICKS, sheetId: ID_TRICKS,
      prizePlaces: ["0", "21", "1.5", "-1", "1e1", "NaN", " 3 ", "٣"],
      aggregation: ["mean", "MODE", ""],
      resultsScope: ["ALL", ""],
      "tieBreaks[0]": ["CRITERION:", "CRITERION:' OR 1=1", "RANDOM", "SHARED\u0000"],
      hidden: ["yes", "1", ""],
    },
    tables: ["JudgingSettings", "JudgingTieBreak", "JudgingAward", "ScoreSheet", "Edition", "OutboxMessage", "AuditLog"],
    variants: [
      {
        name: "save-settings (before judging)",
        valid: form({
          intent: fc.constant("save-settings"),
          aggregation: fc.constantFrom("MEAN", "MEDIAN"),
          normalize: optional(fc.constant("on")),
          prizePlaces: fc.integer({ min: 1, max: 20 }).map(String),
          resultsScope: fc.constantFrom("FULL_RANKING", "PRIZES_ONLY"),
        }),
        prepare: (ctx) => fixture(ctx, "future"),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const s = await settingsOf(ctx, fx.values.editionId!);
          return s && s.aggregation === value.aggregation && s.prizePlaces === value.prizePlaces && s.resultsScope === value.resultsScope && s.normalize === value.normalize ? null : "settings";
        },
        shownOn: async (ctx, fx) => boardPage(ctx, fx.values.editionId!),
      },
      {
        name: "save-tie-breaks (before judging)",
        valid: form({
          intent: fc.constant("save-tie-breaks"),
          "tieBreaks[0]": fc.constantFrom("CRITERION:{criterionId}", "JURY_MAJORITY"),
          "tieBreaks[1]": optional(fc.constant("SHARED")),
        }),
        prepare: (ctx) => fixture(ctx, "future"),
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          return (await ctx.db.judgingTieBreak.count({ where: { editionId: fx.values.editionId } })) >= 1 ? null : "tie-breaks";
        },
      },
      {
        name: "publish-tie-breaks",
        valid: form({ intent: fc.constant("publish-tie-breaks") }),
        prepare: (ctx) => fixture(ctx, "future"),
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          return (await settingsOf(ctx, fx.values.editionId!))?.tieBreaksPublishedAt ? null : "tie-breaks published";
        },
      },
      {
        name: "add-award",
        valid: form({ intent: fc.constant("add-award"), name: filled(120), categoryId: optional(fc.constant("{categoryId}")) }),
        prepare: (ctx) => fixture(ctx, "future"),
        accepted: (res) => redirected(res) || res.status === 400,
        async stored(ctx, fx, value, res) {
          // A name that equals the fixture's award after case folding is a field error, no write.
          if (res.status === 400) return null;
          return (await ctx.db.judgingAward.count({ where: { editionId: fx.values.editionId, name: String(value.name) } })) === 1 ? null : "award";
        },
        shownOn: async (ctx, fx) => boardPage(ctx, fx.values.editionId!),
      },
      {
        name: "award-team / remove-award",
        valid: fc.oneof(
          form({ intent: fc.constant("award-team"), awardId: fc.constant("{awardId}"), teamId: optional(fc.constant("{teamId}")) }),
          form({ intent: fc.constant("remove-award"), awardId: fc.constant("{awardId}") }),
        ),
        prepare: (ctx) => fixture(ctx, "future"),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const award = await ctx.db.judgingAward.findUnique({ where: { id: fx.values.awardId } });
          if (value.intent === "remove-award") return award ? "award removed" : null;
          return award?.teamId === (value.teamId ?? null) ? null : "award's team";
        },
      },
      {
        name: "tip (show / hide)",
        valid: form({ intent: fc.constant("tip"), sheetId: fc.constant("{sheetId}"), hidden: fc.constantFrom("true", "false") }),
        prepare: (ctx) => fixture(ctx, "closed"),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const sheet = await ctx.db.scoreSheet.findUnique({ where: { id: fx.values.sheetId } });
          return sheet?.tipHidden === value.hidden ? null : "tipHidden";
        },
      },
      {
        name: "tips-screened, then publish",
        valid: form({ intent: fc.constantFrom("tips-screened", "publish") }),
        async prepare(ctx) {
          const fx = await fixture(ctx, "closed");
          // Half the cases publish: their tips were screened already.
          const at = now();
          await ctx.db.judgingSettings.create({ data: { editionId: fx.values.editionId, tipsScreenedAt: at, updatedAt: at } });
          return fx;
        },
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const s = await settingsOf(ctx, fx.values.editionId!);
          return value.intent === "publish" ? (s?.publishedAt ? null : "published") : s?.tipsScreenedAt ? null : "screened";
        },
      },
    ],
  },
];

// --- The area ----------------------------------------------------------------------------------------

export const judgingResultsArea: GuardArea = {
  name: "judging-results",
  async seedWorld({ db, mk, world }) {
    const at = now();
    // pupilA's pupil row (the teams area makes it; made here when that area is absent).
    const pupil =
      (await db.pupil.findFirst({ where: { userId: world.userIds.pupilA } })) ??
      (await db.pupil.create({ data: { schoolId: world.schoolA.id, firstName: "Pupil A", className: "3A", schoolYear: 2030, userId: world.userIds.pupilA, createdAt: at } }));

    const p = await resultsEdition(db, `Gepubliceerd ${mk("rsEditionP")}`, 3);
    const pa = await scoredTeam(db, p, world.schoolA.id, `Team P A ${mk("rsTeamPA")}`, 4, `Top ${mk("rsTopPA")}`, `Tip ${mk("rsHiddenTip")}`, true);
    const pb = await scoredTeam(db, p, world.schoolB.id, `Team P B ${mk("rsTeamPB")}`, 3, `Top ${mk("rsTopPB")}`, "");
    await db.teamMember.create({ data: { teamId: pa.team.id, pupilId: pupil.id, position: 0 } });
    await db.judgingSettings.create({ data: { editionId: p.edition.id, tipsScreenedAt: at, publishedAt: at, updatedAt: at } });

    const u = await resultsEdition(db, `Ongepubliceerd ${mk("rsEditionU")}`, 1);
    const ua = await scoredTeam(db, u, world.schoolA.id, `Team U A ${mk("rsTeamUA")}`, 5, `Top ${mk("rsTopU")}`, "Tip");
    await db.teamMember.create({ data: { teamId: ua.team.id, pupilId: pupil.id, position: 0 } });
    await db.judgingSettings.create({ data: { editionId: u.edition.id, tipsScreenedAt: at, updatedAt: at } });

    Object.assign(world.params, {
      rsEditionP: p.edition.id, rsEditionU: u.edition.id, rsSlugP: p.challenge.slug, rsSlugU: u.challenge.slug,
      rsTeamPA: pa.team.id, rsTeamPB: pb.team.id, rsTeamUA: ua.team.id,
    });
  },
  rows,
  actions,
  pages: {
    "routes/bestuur.edities.$editionId.uitslag": { as: "board", path: (d) => `/bestuur/edities/${d.params.rsEditionId}/uitslag` },
    "routes/challenges.$slug.$year_.uitslag": { as: "anonymous", path: (d) => `/challenges/${d.params.rsSlug}/2030/uitslag` },
    "routes/teams.$teamId.uitslag": { as: "teacher", path: (d) => `/teams/${d.params.rsTeamId}/uitslag` },
  },
  async seedDataset({ db, scale, tag, units }) {
    // A published edition with `scale` teams of the teacher viewer's school, each scored by `scale` jurors.
    const e = await resultsEdition(db, `Uitslag ${tag}`, 3);
    const schoolId = units[0]!.schoolIds[0]!;
    const at = now();
    const jurors = [e.jurorId];
    for (let i = 1; i < scale; i++) {
      jurors.push((await db.juryMember.create({ data: { editionId: e.edition.id, email: `uitslag-${tag}-${i}@datasets.example`, name: `Jurylid ${tag}-${i}`, createdAt: at } })).id);
    }
    let first = "";
    for (let i = 0; i < scale; i++) {
      const name = `Uitslag team ${tag}-${i}`;
      const team = await db.team.create({ data: { editionId: e.edition.id, categoryId: e.edition.categories[0]!.id, schoolId, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
      if (i === 0) first = team.id;
      for (const [j, jurorId] of jurors.entries()) {
        await db.scoreSheet.create({
          data: { juryMemberId: jurorId, teamId: team.id, status: "SUBMITTED", submittedAt: at, top: `Top ${i}-${j}`, tip: `Tip ${i}-${j}`, createdAt: at, updatedAt: at, levels: { create: [{ criterionId: e.criterionId, value: 1 + ((i + j) % 5) }] } },
        });
      }
    }
    await db.judgingAward.create({ data: { editionId: e.edition.id, name: `Prijs ${tag}`, teamId: first, createdAt: at } });
    await db.judgingSettings.create({ data: { editionId: e.edition.id, tipsScreenedAt: at, publishedAt: at, updatedAt: at } });
    return { rsEditionId: e.edition.id, rsSlug: e.challenge.slug, rsTeamId: first };
  },
};
