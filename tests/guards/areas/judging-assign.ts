// Guards for the jury's assignment (issue 17, points 3 and 7): the board's assignment page of an
// edition and its score-distribution page. See types.ts.
//
// Builds on the judging area's editions A and B (jgEditionA, jgEditionB): each gets a team, and
// A gets a juror with a submitted score sheet. Markers: A's team (on the assignment page), A's
// scoring juror (on the distribution page); B's team and juror must never show on A's pages.
import fc from "fast-check";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { now } from "../../../app/utils/clock.server";
import type { ActionRow, Cells } from "../access-matrix";
import { cellsOf } from "../cells";
import { form, fresh, ID_TRICKS, optional, redirected, type Ctx, type FormAction } from "../kit";
import type { GuardArea } from "./types";

type ActionCells = ActionRow["cells"];
const DAY = 86_400_000;

// Jurors of the edition too: the page is the board's alone.
const BOARD_ONLY: Cells = cellsOf(403, { anonymous: "login", board: 200 });
const POST_BOARD: ActionCells = cellsOf(403, { anonymous: "login", board: 400 }) as ActionCells;

const assignPath = (id: string) => `/bestuur/edities/${id}/jurering/toewijzing`;
const distributionPath = (id: string) => `/bestuur/edities/${id}/jurering/verdeling`;

async function team(db: PrismaClient, editionId: string, schoolId: string, name: string) {
  const at = now();
  const category = await db.editionCategory.findFirstOrThrow({ where: { editionId }, select: { id: true } });
  return db.team.create({ data: { editionId, categoryId: category.id, schoolId, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
}

/** A juror of the edition with a submitted sheet for the team (level: the form's first criterion's lowest). */
async function scoringJuror(db: PrismaClient, editionId: string, teamId: string, name: string) {
  const at = now();
  const member = await db.juryMember.create({ data: { editionId, email: `${fresh("ja-juror-")}@guards.example`, name, createdAt: at } });
  const criterion = await db.scoringCriterion.findFirst({ where: { form: { editionId } }, include: { levels: { orderBy: { value: "asc" }, take: 1 } } });
  await db.juryAssignment.create({ data: { juryMemberId: member.id, teamId, source: "MANUAL", createdAt: at } });
  await db.scoreSheet.create({
    data: {
      juryMemberId: member.id, teamId, status: "SUBMITTED", submittedAt: at, createdAt: at, updatedAt: at,
      ...(criterion ? { levels: { create: [{ criterionId: criterion.id, value: criterion.levels[0]!.value }] } } : {}),
    },
  });
  return member;
}

const rows = {
  "routes/bestuur.edities.$editionId.jurering_.toewijzing": {
    why: "Only the board assigns jurors and sees conflicts and coverage; a juror of the same edition gets 403 too.",
    path: (w) => assignPath(w.params.jgEditionA!),
    marker: (w) => w.markers.jaTeamA,
    cells: BOARD_ONLY,
    also: [
      { why: "Edition B's team is never on edition A's assignment page.", path: (w) => assignPath(w.params.jgEditionA!), marker: (w) => w.markers.jaTeamB, cells: cellsOf(403, { anonymous: "login", board: "hidden" }) },
      { why: "An unknown edition: 404 for the board, 403 for the rest.", path: () => assignPath("cnosuchedition00000000000"), cells: cellsOf(403, { anonymous: "login", board: 404 }) },
    ],
    action: { why: "Only the board changes the assignment.", form: () => ({ intent: "no-such-intent" }), cells: POST_BOARD },
  },
  "routes/bestuur.edities.$editionId.jurering_.verdeling": {
    why: "Who scores hard or soft is for the board only: no juror (also not of this edition), no school, no company.",
    path: (w) => distributionPath(w.params.jgEditionA!),
    marker: (w) => w.markers.jaScorerA,
    cells: BOARD_ONLY,
    also: [
      { why: "Edition B's juror is never on edition A's distribution.", path: (w) => distributionPath(w.params.jgEditionA!), marker: (w) => w.markers.jaScorerB, cells: cellsOf(403, { anonymous: "login", board: "hidden" }) },
      { why: "An unknown edition: 404 for the board, 403 for the rest.", path: () => distributionPath("cnosuchedition00000000000"), cells: cellsOf(403, { anonymous: "login", board: 404 }) },
    ],
  },
} satisfies GuardArea["rows"];

// --- Hostile input -------------------------------------------------------------------------------

/** A fresh edition (judging open) with two teams at different schools and two jurors, one teaching at the first team's school. */
async function fixture(ctx: Ctx) {
  const { db, world } = ctx;
  const at = now();
  const day = (n: number) => new Date(at.getTime() + n * DAY);
  const challenge = await db.challenge.create({ data: { slug: fresh("guards-assign-"), name: "Toewijzing", description: "Guards", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name: fresh("Fuzz toewijzing "), slug: fresh("guards-assign-edition-"),
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }] },
    },
  });
  const teamA = await team(db, edition.id, world.schoolA.id, fresh("Fuzzteam A "));
  const teamB = await team(db, edition.id, world.schoolB.id, fresh("Fuzzteam B "));
  // teacherA teaches at school A: as a juror, a conflict with team A.
  const teacher = await db.user.findUniqueOrThrow({ where: { id: world.userIds.teacherA }, select: { email: true } });
  const conflicted = await db.juryMember.create({ data: { editionId: edition.id, email: teacher.email!, name: "Docent-jurylid", userId: world.userIds.teacherA, createdAt: at } });
  const free = await db.juryMember.create({ data: { editionId: edition.id, email: `${fresh("ja-free-")}@guards.example`, name: "Vrij jurylid", createdAt: at } });
  await db.juryAssignment.create({ data: { juryMemberId: free.id, teamId: teamB.id, source: "MANUAL", createdAt: at } });
  await db.scoreSheet.create({ data: { juryMemberId: free.id, teamId: teamB.id, status: "DRAFT", createdAt: at, updatedAt: at } });
  await db.judgingSettings.create({ data: { editionId: edition.id, assignmentMode: "AUTOMATIC", minJurorsPerEntry: 1, updatedAt: at } });
  return {
    cookie: world.cookies.board,
    values: { editionId: edition.id, teamA: teamA.id, teamB: teamB.id, conflicted: conflicted.id, free: free.id },
  };
}

const actions: FormAction[] = [
  {
    route: "routes/bestuur.edities.$editionId.jurering_.toewijzing",
    path: "/bestuur/edities/:editionId/jurering/toewijzing",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "mode", "minJurorsPerEntry", "memberId", "teamId", "confirm"],
    aimed: {
      memberId: ID_TRICKS, teamId: ID_TRICKS,
      mode: ["manual", "SOMETHING", "", "AUTOMATIC "],
      minJurorsPerEntry: ["0", "21", "1.5", "-1", "1e1", "NaN", "٣", ""],
      confirm: ["no", "YES", "true", "1"],
    },
    tables: ["JudgingSettings", "JuryAssignment", "AuditLog"],
    variants: [
      {
        name: "save-settings",
        valid: form({ intent: fc.constant("save-settings"), mode: fc.constantFrom("MANUAL", "AUTOMATIC", "WHOLE_PANEL"), minJurorsPerEntry: fc.integer({ min: 1, max: 20 }).map(String) }),
        prepare: fixture,
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const s = await ctx.db.judgingSettings.findUnique({ where: { editionId: fx.values.editionId } });
          return s?.assignmentMode === value.mode && s?.minJurorsPerEntry === value.minJurorsPerEntry ? null : "mode and N saved";
        },
      },
      {
        name: "distribute (never the conflicted pair)",
        valid: form({ intent: fc.constant("distribute") }),
        prepare: fixture,
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const conflicted = await ctx.db.juryAssignment.count({ where: { juryMemberId: fx.values.conflicted, teamId: fx.values.teamA } });
          const teamA = await ctx.db.juryAssignment.count({ where: { teamId: fx.values.teamA } });
          return conflicted === 0 && teamA === 1 ? null : "team A given to the free juror, never to the teacher of its school";
        },
      },
      {
        name: "assign (free juror to team A)",
        valid: form({ intent: fc.constant("assign"), memberId: fc.constant("{free}"), teamId: fc.constant("{teamA}") }),
        prepare: fixture,
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          return (await ctx.db.juryAssignment.count({ where: { juryMemberId: fx.values.free, teamId: fx.values.teamA, source: "MANUAL" } })) === 1 ? null : "manual assignment";
        },
      },
      {
        name: "unassign (confirmed: the juror's draft kept)",
        valid: form({ intent: fc.constant("unassign"), memberId: fc.constant("{free}"), teamId: fc.constant("{teamB}"), confirm: fc.constant("yes") }),
        prepare: fixture,
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const left = await ctx.db.juryAssignment.count({ where: { juryMemberId: fx.values.free, teamId: fx.values.teamB } });
          const sheet = await ctx.db.scoreSheet.count({ where: { juryMemberId: fx.values.free, teamId: fx.values.teamB } });
          return left === 0 && sheet === 1 ? null : "assignment removed, sheet kept";
        },
      },
      {
        name: "assign a conflicted pair or unassign without confirming: refused, nothing written",
        valid: fc.oneof(
          form({ intent: fc.constant("assign"), memberId: fc.constant("{conflicted}"), teamId: fc.constant("{teamA}") }),
          form({ intent: fc.constant("unassign"), memberId: fc.constant("{free}"), teamId: fc.constant("{teamB}"), confirm: optional(fc.constant("")) }),
        ),
        prepare: fixture,
        accepted: (res) => res.status === 400,
        async stored(ctx, fx) {
          const conflicted = await ctx.db.juryAssignment.count({ where: { juryMemberId: fx.values.conflicted } });
          const kept = await ctx.db.juryAssignment.count({ where: { juryMemberId: fx.values.free, teamId: fx.values.teamB } });
          return conflicted === 0 && kept === 1 ? null : "no conflicted assignment, the started one kept";
        },
      },
    ],
  },
];

// --- The area ----------------------------------------------------------------------------------------

export const judgingAssignArea: GuardArea = {
  name: "judging-assign",
  async seedWorld({ db, mk, world }) {
    const a = world.params.jgEditionA!;
    const b = world.params.jgEditionB!;
    const teamA = await team(db, a, world.schoolA.id, `Team ${mk("jaTeamA")}`);
    const teamB = await team(db, b, world.schoolB.id, `Team ${mk("jaTeamB")}`);
    const memberA = await scoringJuror(db, a, teamA.id, `Jurylid ${mk("jaScorerA")}`);
    const memberB = await scoringJuror(db, b, teamB.id, `Jurylid ${mk("jaScorerB")}`);
    Object.assign(world.params, { jaTeamA: teamA.id, jaTeamB: teamB.id, jaMemberA: memberA.id, jaMemberB: memberB.id });
  },
  rows,
  actions,
  pages: {
    "routes/bestuur.edities.$editionId.jurering_.toewijzing": { as: "board", path: (d) => assignPath(d.params.jaEditionId!) },
    "routes/bestuur.edities.$editionId.jurering_.verdeling": { as: "board", path: (d) => distributionPath(d.params.jaEditionId!) },
  },
  async seedDataset({ db, scale, tag, units }) {
    // One edition with 5·scale teams, 3·scale jurors (each with a declared conflict), every juror
    // assigned and scoring three teams: the pages' query counts must not grow with them.
    const at = now();
    const day = (n: number) => new Date(at.getTime() + n * DAY);
    const challenge = await db.challenge.create({ data: { slug: `ja-${tag}-${Date.now().toString(36)}`, name: `Toewijzing ${tag}`, description: "Dataset", createdAt: at, updatedAt: at } });
    const edition = await db.edition.create({
      data: {
        challengeId: challenge.id, year: 2030, name: `Toewijzing ${tag}`, slug: `ja-${tag}-${Date.now().toString(36)}-e`,
        registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(10), resultsPublishAt: day(15),
        createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }, { name: "Basis", position: 1 }] },
      },
      include: { categories: true },
    });
    const form = await db.scoringForm.create({ data: { editionId: edition.id, scopeKey: "edition", createdAt: at, updatedAt: at } });
    const criteria = [];
    for (let i = 0; i < 3; i++) {
      criteria.push(await db.scoringCriterion.create({ data: { formId: form.id, name: `Criterium ${i}`, weight: 1 + i, position: i, createdAt: at, levels: { create: [1, 2, 3, 4, 5].map((value) => ({ value, text: `N${value}` })) } } }));
    }
    const schools = units.flatMap((u) => u.schoolIds);
    const teams = [];
    for (let i = 0; i < 5 * scale; i++) {
      const name = `Team ${tag}-${i}`;
      teams.push(await db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[i % 2]!.id, schoolId: schools[i % schools.length]!, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } }));
    }
    for (let j = 0; j < 3 * scale; j++) {
      const member = await db.juryMember.create({ data: { editionId: edition.id, email: `ja-${tag}-${j}@datasets.example`, name: `Jurylid ${tag}-${j}`, createdAt: at } });
      await db.jurorConflict.create({ data: { juryMemberId: member.id, teamId: teams[j % teams.length]!.id, kind: "OTHER", note: "Dataset", declaredAt: at } });
      for (let k = 1; k <= 3; k++) {
        const teamId = teams[(j + k) % teams.length]!.id;
        await db.juryAssignment.create({ data: { juryMemberId: member.id, teamId, source: "AUTOMATIC", createdAt: at } });
        await db.scoreSheet.create({
          data: { juryMemberId: member.id, teamId, status: "SUBMITTED", submittedAt: at, createdAt: at, updatedAt: at, levels: { create: criteria.map((c, i) => ({ criterionId: c.id, value: 1 + ((j + k + i) % 5) })) } },
        });
      }
    }
    return { jaEditionId: edition.id };
  },
};
