// Guards for judging (issue 17, first slice): the board's judging page of an edition (scoring
// forms and the jury) and a juror's /jury. See types.ts.
//
// The world gets two editions of a fresh challenge, A and B, each with a scoring form whose
// criterion carries a marker; jurorA is on A's jury (a JUROR role scoped to A), and A's jury has
// a second, invited juror (a marker). B's name and criterion are markers a juror of A must never see.
import fc from "fast-check";
import { now } from "../../../app/utils/clock.server";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { assignRole, createUser } from "../../../prisma/factories";
import type { ActionRow, Cells } from "../access-matrix";
import { cellsOf } from "../cells";
import { email, form, fresh, ID_TRICKS, optional, redirected, typedText, type Ctx, type FormAction } from "../kit";
import type { GuardArea } from "./types";
import { cleanString } from "../../../app/utils/input";

type ActionCells = ActionRow["cells"];
/** Typed text that is still text once NULs and surrounding space are removed (required fields). */
const filled = (max: number) => typedText(max).filter((s) => cleanString(s).length > 0);
const DAY = 86_400_000;

const BOARD_ONLY: Cells = cellsOf(403, { anonymous: "login", board: 200 });
const POST_BOARD: ActionCells = cellsOf(403, { anonymous: "login", board: 400 }) as ActionCells;

/** An edition of a fresh challenge; `judgingInDays` < 0: judging has opened (the form is locked). */
async function judgingEdition(db: PrismaClient, name: string, judgingInDays = 30) {
  const at = now();
  const challenge = await db.challenge.create({ data: { slug: fresh("guards-judging-"), name: `Jurering ${name}`, description: "Guards", createdAt: at, updatedAt: at } });
  const day = (n: number) => new Date(at.getTime() + (judgingInDays + n) * DAY);
  return db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name, slug: fresh("guards-judging-edition-"),
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(0), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at,
      categories: { create: [{ name: "Vmbo", schoolType: "VMBO", position: 0 }] },
    },
    include: { categories: true },
  });
}

async function scoringForm(db: PrismaClient, editionId: string, criterionName: string) {
  const at = now();
  const form = await db.scoringForm.create({ data: { editionId, scopeKey: "edition", createdAt: at, updatedAt: at } });
  const criterion = await db.scoringCriterion.create({
    data: { formId: form.id, name: criterionName, weight: 2, position: 0, createdAt: at, levels: { create: [{ value: 1, text: "Matig" }, { value: 2, text: "Goed" }] } },
  });
  return { formId: form.id, criterionId: criterion.id };
}

const rows = {
  "routes/bestuur.edities.$editionId.jurering": {
    why: "Only the board builds an edition's scoring form and invites its jury; a juror of the edition too gets 403.",
    path: (w) => `/bestuur/edities/${w.params.jgEditionA}/jurering`,
    marker: (w) => w.markers.jgCriterionA,
    cells: BOARD_ONLY,
    also: [
      { why: "The jury with the invited juror (a marker) is on the same page, for the board only.", path: (w) => `/bestuur/edities/${w.params.jgEditionA}/jurering`, marker: (w) => w.markers.jgInvitee, cells: BOARD_ONLY },
      { why: "An unknown edition: 404 for the board, 403 for the rest.", path: () => "/bestuur/edities/cnosuchedition00000000000/jurering", cells: cellsOf(403, { anonymous: "login", board: 404 }) },
    ],
    action: { why: "Only the board edits scoring forms and the jury.", form: () => ({ intent: "no-such-intent" }), cells: POST_BOARD },
  },
  "routes/jury._index": {
    why: "A juror's editions: only people with a JUROR role; the juror of edition A sees A (its name is the marker), never edition B.",
    path: () => "/jury",
    marker: (w, role) => (role === "jurorA" ? w.markers.jgEditionA : undefined),
    cells: cellsOf(403, { anonymous: "login", jurorA: 200 }),
    also: [{ why: "Edition B, whose jury jurorA is not on, is on nobody's /jury here.", path: () => "/jury", marker: (w) => w.markers.jgEditionB, cells: cellsOf(403, { anonymous: "login", jurorA: "hidden" }) }],
  },
} satisfies GuardArea["rows"];

// --- Hostile input -------------------------------------------------------------------------------

/** A fresh edition with a form (open or locked) and a juror on its jury. */
async function boardFixture(ctx: Ctx, locked = false) {
  const edition = await judgingEdition(ctx.db, fresh("Fuzz jurering "), locked ? -1 : 30);
  const { formId, criterionId } = await scoringForm(ctx.db, edition.id, fresh("Criterium "));
  const member = await ctx.db.juryMember.create({ data: { editionId: edition.id, email: `${fresh("fuzz-juror-")}@guards.example`, name: "Fuzz jurylid", createdAt: now() } });
  return { cookie: ctx.world.cookies.board, values: { editionId: edition.id, formId, criterionId, categoryId: edition.categories[0]!.id, memberId: member.id } };
}

const levels = fc
  .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 })
  .chain((values) => fc.tuple(...values.map((v) => fc.tuple(fc.constant(String(v)), filled(200)))));
const criterionForm = (criterionId: fc.Arbitrary<string | undefined>, extra: Record<string, fc.Arbitrary<string | undefined>> = {}) =>
  levels.chain((ls) =>
    form({
      intent: fc.constant("save-criterion"),
      formId: fc.constant("{formId}"),
      criterionId,
      name: filled(120),
      description: optional(typedText(1000)),
      weight: fc.integer({ min: 1, max: 10 }).map(String),
      counted: optional(fc.constant("on")),
      ...Object.fromEntries(ls.flatMap(([value, text], i) => [[`levels[${i}].value`, fc.constant(value)], [`levels[${i}].text`, fc.constant(text)]])),
      ...extra,
    }),
  );

const actions: FormAction[] = [
  {
    route: "routes/bestuur.edities.$editionId.jurering",
    path: "/bestuur/edities/:editionId/jurering",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "formId", "criterionId", "name", "description", "weight", "counted", "levels[0].value", "levels[0].text", "levels[1].value", "levels[1].text", "overrideReason", "categoryId", "direction", "email", "memberId"],
    aimed: {
      formId: ID_TRICKS, criterionId: ID_TRICKS, categoryId: ID_TRICKS, memberId: ID_TRICKS,
      weight: ["0", "11", "1.5", "-1", "1e1", "NaN", " 3 ", "٣"],
      "levels[0].value": ["-1", "101", "1.5", "1e2", ""],
      direction: ["sideways", "UP", ""],
    },
    tables: ["ScoringForm", "ScoringCriterion", "ScoringLevel", "JudgingOverride", "JuryMember", "Invitation", "OutboxMessage", "RoleAssignment", "AuditLog"],
    variants: [
      {
        name: "save-criterion (new)",
        valid: criterionForm(fc.constant(undefined)),
        prepare: (ctx) => boardFixture(ctx),
        accepted: (res) => redirected(res) || res.status === 400,
        async stored(ctx, fx, value, res) {
          // Two typed names can clash after trimming and case folding: a field error, no write.
          if (res.status === 400) return null;
          const found = await ctx.db.scoringCriterion.findFirst({ where: { formId: fx.values.formId, name: String(value.name) }, include: { levels: true } });
          return found && found.levels.length === (value.levels as unknown[]).length ? null : "criterion with its levels";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/edities/${fx.values.editionId}/jurering`, cookie: ctx.world.cookies.board }],
      },
      {
        name: "save-criterion (change, locked form with a reason)",
        valid: criterionForm(fc.constant("{criterionId}"), { overrideReason: filled(500) }),
        prepare: (ctx) => boardFixture(ctx, true),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const c = await ctx.db.scoringCriterion.findUnique({ where: { id: fx.values.criterionId } });
          const logged = await ctx.db.judgingOverride.count({ where: { editionId: fx.values.editionId, reason: String(value.overrideReason) } });
          return c?.name === value.name && logged === 1 ? null : "criterion changed and the override logged";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/edities/${fx.values.editionId}/jurering`, cookie: ctx.world.cookies.board }],
      },
      {
        name: "add-form (category)",
        valid: form({ intent: fc.constant("add-form"), categoryId: fc.constant("{categoryId}") }),
        prepare: (ctx) => boardFixture(ctx),
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          return (await ctx.db.scoringForm.count({ where: { editionId: fx.values.editionId, categoryId: fx.values.categoryId } })) === 1 ? null : "category form";
        },
      },
      {
        name: "move / remove criterion",
        valid: fc.oneof(
          form({ intent: fc.constant("move-criterion"), criterionId: fc.constant("{criterionId}"), direction: fc.constantFrom("up", "down") }),
          form({ intent: fc.constant("remove-criterion"), criterionId: fc.constant("{criterionId}") }),
        ),
        prepare: (ctx) => boardFixture(ctx),
        accepted: (res) => redirected(res),
        async stored() {
          return null;
        },
      },
      {
        name: "invite-juror",
        valid: form({ intent: fc.constant("invite-juror"), name: filled(120), email }),
        prepare: (ctx) => boardFixture(ctx),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const member = await ctx.db.juryMember.findFirst({ where: { editionId: fx.values.editionId, email: String(value.email).toLowerCase() }, include: { invitation: true } });
          return member?.invitation?.role === "JUROR" && member.invitation.editionId === fx.values.editionId ? null : "jury member with a JUROR invitation for the edition";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/edities/${fx.values.editionId}/jurering`, cookie: ctx.world.cookies.board }],
      },
      {
        name: "remove-juror",
        valid: form({ intent: fc.constant("remove-juror"), memberId: fc.constant("{memberId}") }),
        prepare: (ctx) => boardFixture(ctx),
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const m = await ctx.db.juryMember.findUnique({ where: { id: fx.values.memberId } });
          return m?.removedAt ? null : "juror removed";
        },
      },
    ],
  },
];

// --- The area ----------------------------------------------------------------------------------------

export const judgingArea: GuardArea = {
  name: "judging",
  async seedWorld({ db, mk, world }) {
    const a = await judgingEdition(db, `Editie A ${mk("jgEditionA")}`);
    const b = await judgingEdition(db, `Editie B ${mk("jgEditionB")}`);
    await scoringForm(db, a.id, `Criterium ${mk("jgCriterionA")}`);
    await scoringForm(db, b.id, `Criterium ${mk("jgCriterionB")}`);
    const at = now();
    const jurorId = world.userIds.jurorA;
    await assignRole(db, jurorId, "JUROR", { editionId: a.id });
    await db.juryMember.create({ data: { editionId: a.id, email: "juror-a@guards.example", name: "Jurylid A", userId: jurorId, createdAt: at } });
    await db.juryMember.create({ data: { editionId: a.id, email: "genodigde@guards.example", name: `Genodigde ${mk("jgInvitee")}`, createdAt: at } });
    // B's jury has someone else, who is a juror of B only.
    const other = await createUser(db, { name: "Jurylid B", email: "juror-b@guards.example" });
    await assignRole(db, other.id, "JUROR", { editionId: b.id });
    await db.juryMember.create({ data: { editionId: b.id, email: "juror-b@guards.example", name: "Jurylid B", userId: other.id, createdAt: at } });
    Object.assign(world.params, { jgEditionA: a.id, jgEditionB: b.id });
  },
  rows,
  actions,
  pages: {
    "routes/bestuur.edities.$editionId.jurering": { as: "board", path: (d) => `/bestuur/edities/${d.params.jgEditionId}/jurering` },
    "routes/jury._index": { as: "teacher", path: () => "/jury" },
  },
  async seedDataset({ db, scale, tag }) {
    const at = now();
    // The teacher viewer is also a juror of `scale` editions (the /jury list grows with the data).
    const viewer = await db.user.findFirstOrThrow({ where: { email: `docent-${tag}@datasets.example` } });
    const params: Record<string, string> = {};
    for (let unit = 0; unit < scale; unit++) {
      const edition = await judgingEdition(db, `Jurering ${tag}-${unit}`);
      if (unit === 0) params.jgEditionId = edition.id;
      await assignRole(db, viewer.id, "JUROR", { editionId: edition.id });
      await db.juryMember.create({ data: { editionId: edition.id, email: `docent-${tag}@datasets.example`, name: `Docent ${tag}`, userId: viewer.id, createdAt: at } });
    }
    // The first edition: a form of `scale` criteria (5 levels each) and `scale` jurors with a conflict each.
    const first = params.jgEditionId!;
    const formRow = await db.scoringForm.create({ data: { editionId: first, scopeKey: "edition", createdAt: at, updatedAt: at } });
    for (let i = 0; i < scale; i++) {
      await db.scoringCriterion.create({
        data: { formId: formRow.id, name: `Criterium ${i}`, weight: 1 + (i % 10), position: i, createdAt: at, levels: { create: [1, 2, 3, 4, 5].map((value) => ({ value, text: `Niveau ${value}` })) } },
      });
    }
    const edition = await db.edition.findUniqueOrThrow({ where: { id: first }, include: { categories: true } });
    const school = await db.school.findFirstOrThrow({ select: { id: true } });
    for (let i = 0; i < scale; i++) {
      const name = `Jury team ${tag}-${i}`;
      const team = await db.team.create({ data: { editionId: first, categoryId: edition.categories[0]!.id, schoolId: school.id, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
      const member = await db.juryMember.create({ data: { editionId: first, email: `jurylid-${tag}-${i}@datasets.example`, name: `Jurylid ${tag}-${i}`, createdAt: at } });
      await db.jurorConflict.create({ data: { juryMemberId: member.id, teamId: team.id, kind: "OTHER", note: "Dataset", declaredAt: at } });
    }
    return params;
  },
};
