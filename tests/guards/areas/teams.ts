// Guards for teams of pupils and consent (issue 8, points 4–5): a team of school A with pupilA in
// it, a pupil marker WITHOUT consent that no public page may show, matrix rows, hostile-input rows,
// query-budget plans and dataset rows. See types.ts.
import fc from "fast-check";
import { sendConsentRequest } from "../../../app/modules/challenges/consent.server";
import { teamNameKey } from "../../../app/modules/challenges/teams";
import { PROFIELEN } from "../../../app/modules/challenges/profielen";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { now } from "../../../app/utils/clock.server";
import type { ActionRow, Cells } from "../access-matrix";

type ActionCells = ActionRow["cells"];
import { cellsOf, everyone, marker } from "../cells";
import { form, fresh, redirected, typedText, type Ctx, type FormAction } from "../kit";
import type { GuardArea } from "./types";

const DAY = 86_400_000;

/** A challenge and edition whose registration is open around now(), with one category. */
async function openEdition(db: PrismaClient, tag: string, name: string) {
  const at = now();
  const challenge = await db.challenge.create({ data: { slug: `guards-teams-${tag}`, name: `Challenge ${tag}`, description: "Guards", createdAt: at, updatedAt: at } });
  return db.edition.create({
    data: {
      challengeId: challenge.id, year: 2090, name, slug: `guards-teams-${tag}-2090`,
      registrationOpensAt: new Date(at.getTime() - 30 * DAY), registrationClosesAt: new Date(at.getTime() + 30 * DAY),
      submissionDeadline: new Date(at.getTime() + 60 * DAY), judgingOpensAt: new Date(at.getTime() + 61 * DAY),
      judgingClosesAt: new Date(at.getTime() + 70 * DAY), resultsPublishAt: new Date(at.getTime() + 80 * DAY),
      minTeamSize: 2, maxTeamSize: 4, createdAt: at, updatedAt: at,
      categories: { create: [{ name: `Categorie ${tag}` }] },
    },
    include: { categories: true },
  });
}

/** A team with pupils (each with a PUPIL account), straight into the database. */
async function makeTeam(
  db: PrismaClient,
  data: { editionId: string; categoryId: string; schoolId: string; name: string; coachId: string; pupils: { firstName: string; userId?: string }[] },
) {
  const at = now();
  const team = await db.team.create({
    data: { editionId: data.editionId, categoryId: data.categoryId, schoolId: data.schoolId, name: data.name, nameKey: teamNameKey(data.name), createdAt: at, updatedAt: at, coaches: { create: [{ userId: data.coachId }] } },
  });
  const pupilIds: string[] = [];
  let position = 1;
  for (const p of data.pupils) {
    let userId = p.userId;
    // A pupil account may already be a pupil (another area's team): the same pupil joins this team too.
    const existing = userId ? await db.pupil.findUnique({ where: { userId } }) : null;
    if (existing) {
      await db.teamMember.create({ data: { teamId: team.id, pupilId: existing.id, position: position++ } });
      pupilIds.push(existing.id);
      continue;
    }
    if (!userId) {
      const user = await db.user.create({ data: { name: p.firstName, email: null } });
      await db.roleAssignment.create({ data: { userId: user.id, role: "PUPIL", schoolId: data.schoolId } });
      userId = user.id;
    }
    const pupil = await db.pupil.create({ data: { schoolId: data.schoolId, firstName: p.firstName, className: "2B", userId, schoolYear: 2026, createdAt: at } });
    await db.teamMember.create({ data: { teamId: team.id, pupilId: pupil.id, position: position++ } });
    pupilIds.push(pupil.id);
  }
  return { teamId: team.id, pupilIds };
}

/** A fresh team of school A in the guards' own edition (for posts that change it). */
async function freshTeam(ctx: Ctx) {
  const w = ctx.world;
  return makeTeam(ctx.db, {
    editionId: w.params.teamsEditionId!, categoryId: w.params.teamsCategoryId!, schoolId: w.schoolA.id, name: fresh("Fuzzteam "),
    coachId: w.userIds.teacherA, pupils: [{ firstName: "Fuzz Een" }, { firstName: "Fuzz Twee" }],
  });
}

const team = marker("team");
const pupilWithoutConsent = marker("teamPupilNoConsent");

/** School A's team pages: the board, school A's teachers and contact; a pupil of the team too gets 404. */
const SCHOOL_A_TEAM = {
  anonymous: "login", board: 200, contactA: 404, contactB: 404, schoolContactA: 200, schoolContactB: 404, teacherA: 200, teacherB: 404, pupilA: 404, jurorA: 404, officialA: 404,
} as const satisfies Cells;
const SCHOOL_A_TEAM_POST: ActionCells = { ...SCHOOL_A_TEAM, board: 400, schoolContactA: 400, teacherA: 400 };


const ACTIONS: FormAction[] = [
  {
    route: "routes/teams.nieuw",
    path: "/teams/nieuw",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["editionId", "schoolId", "name", "categoryId", "pupils[0].firstName", "pupils[0].className", "pupils[1].firstName", "pupils[1].className", "pupils[1].leerjaar", "pupils[1].leerweg", "coachIds", "helperSchoolId"],
    tables: ["Team", "TeamMember", "TeamCoach", "Pupil", "User", "RoleAssignment", "OutboxMessage", "AuditLog", "Session"],
    variants: [
      {
        name: "register",
        valid: form({
          editionId: fc.constant("{editionId}"),
          schoolId: fc.constant("{schoolId}"),
          name: typedText(50).map((s) => `${s} {unique}`),
          categoryId: fc.constant("{categoryId}"),
          "pupils[0].firstName": typedText(60),
          "pupils[0].className": fc.constant("1A"),
          "pupils[1].firstName": typedText(60),
          "pupils[1].className": fc.constant("1B"),
          "pupils[1].leerweg": fc.constantFrom("BB", "KB", "GL", "TL", undefined),
        }),
        prepare: async (ctx) => ({
          cookie: ctx.world.cookies.teacherA,
          values: { editionId: ctx.world.params.teamsEditionId!, schoolId: ctx.world.schoolA.id, categoryId: ctx.world.params.teamsCategoryId! },
        }),
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, _fx, value) {
          const found = await ctx.db.team.findFirst({ where: { editionId: ctx.world.params.teamsEditionId!, nameKey: teamNameKey(String(value.name)) }, include: { members: { include: { pupil: true } } } });
          if (!found) return "team";
          if (found.name !== value.name) return `name stored as ${JSON.stringify(found.name)}`;
          return found.members.length === 2 && found.members.every((m) => m.pupil.userId) ? null : "pupils with accounts";
        },
      },
    ],
  },
  {
    route: "routes/teams.$teamId._index",
    path: "/teams/:teamId",
    param: "{teamId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "name", "categoryId", "pupilId", "userId", "firstName", "className", "leerjaar", "leerweg", "profiel"],
    tables: ["Team", "TeamMember", "TeamCoach", "Pupil", "User", "RoleAssignment", "PupilLoginCode", "Session", "Consent", "ConsentRequest", "AuditLog"],
    variants: [
      {
        name: "rename",
        valid: form({ intent: fc.constant("rename"), name: typedText(50).map((s) => `${s} {unique}`) }),
        async prepare(ctx) {
          const made = await freshTeam(ctx);
          return { cookie: ctx.world.cookies.teacherA, values: { teamId: made.teamId } };
        },
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, fx, value) {
          const found = await ctx.db.team.findUniqueOrThrow({ where: { id: fx.values.teamId } });
          return found.name === value.name ? null : `name stored as ${JSON.stringify(found.name)}`;
        },
      },
      {
        name: "edit-pupil",
        valid: form({
          intent: fc.constant("edit-pupil"),
          pupilId: fc.constant("{pupilId}"),
          firstName: typedText(60),
          className: typedText(20),
          leerjaar: fc.constantFrom("1", "3", "8", undefined),
          leerweg: fc.constantFrom("BB", "KB", "GL", "TL", undefined),
          profiel: fc.constantFrom(...PROFIELEN, undefined),
        }),
        async prepare(ctx) {
          const made = await freshTeam(ctx);
          return { cookie: ctx.world.cookies.teacherA, values: { teamId: made.teamId, pupilId: made.pupilIds[0]! } };
        },
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, fx, value) {
          const pupil = await ctx.db.pupil.findUniqueOrThrow({ where: { id: fx.values.pupilId } });
          const want = { firstName: value.firstName, className: value.className, leerjaar: value.leerjaar ?? null, leerweg: value.leerweg ?? null, profiel: value.profiel || null };
          const got = { firstName: pupil.firstName, className: pupil.className, leerjaar: pupil.leerjaar, leerweg: pupil.leerweg, profiel: pupil.profiel };
          return JSON.stringify(got) === JSON.stringify(want) ? null : `pupil stored as ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
        },
      },
    ],
  },
  {
    route: "routes/teams.$teamId.codes",
    path: "/teams/:teamId/codes",
    param: "{teamId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "pupilId"],
    tables: ["PupilLoginCode", "AuditLog"],
    variants: [
      {
        name: "issue",
        valid: form({ intent: fc.constant("issue") }),
        async prepare(ctx) {
          const made = await freshTeam(ctx);
          return { cookie: ctx.world.cookies.teacherA, values: { teamId: made.teamId } };
        },
        accepted: (res) => res.status === 200,
        async stored(ctx, fx) {
          const codes = await ctx.db.pupilLoginCode.count({ where: { revokedAt: null, user: { pupil: { teams: { some: { teamId: fx.values.teamId } } } } } });
          return codes === 2 ? null : `${codes} codes`;
        },
      },
    ],
  },
  {
    route: "routes/teams.$teamId.toestemming",
    path: "/teams/:teamId/toestemming",
    param: "{teamId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "pupilId", "givenBy", "giverName", "publishName", "publishPhotos", "pupilIs16OrOlder", "textVersion", "parentEmail", "locale", "consentId"],
    tables: ["Consent", "ConsentRequest", "OutboxMessage", "AuditLog"],
    variants: [
      {
        name: "paper",
        valid: form({
          intent: fc.constant("paper"), pupilId: fc.constant("{pupilId}"), givenBy: fc.constant("PARENT"), giverName: typedText(100),
          publishName: fc.constant("on"), publishPhotos: fc.constantFrom("on", undefined), textVersion: fc.constant("v2026"),
        }),
        async prepare(ctx) {
          const made = await freshTeam(ctx);
          return { cookie: ctx.world.cookies.teacherA, values: { teamId: made.teamId, pupilId: made.pupilIds[0]! } };
        },
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, fx, value) {
          const consent = await ctx.db.consent.findFirst({ where: { pupilId: fx.values.pupilId } });
          return consent?.giverName === value.giverName ? null : "consent";
        },
      },
    ],
  },
  {
    route: "routes/toestemming.$token",
    path: "/toestemming/:token",
    param: "{token}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["giverName", "publishName", "publishPhotos"],
    tables: ["Consent", "ConsentRequest", "AuditLog", "RateLimit"],
    variants: [
      {
        name: "answer",
        valid: form({ giverName: typedText(100), publishName: fc.constantFrom("on", undefined), publishPhotos: fc.constantFrom("on", undefined) }),
        async prepare(ctx) {
          const made = await freshTeam(ctx);
          const sent = await sendConsentRequest(made.pupilIds[0]!, `${fresh("ouder-")}@guards.example`, "nl", ctx.world.userIds.teacherA);
          if (!sent.ok) throw new Error("fixture: no consent request");
          return { values: { token: sent.token, requestId: sent.requestId } };
        },
        accepted: (res) => redirected(res, "/toestemming/"),
        async stored(ctx, fx) {
          const request = await ctx.db.consentRequest.findUniqueOrThrow({ where: { id: fx.values.requestId } });
          return request.answeredAt && request.parentEmail === null ? null : "answer";
        },
      },
    ],
  },
];

export const teamsArea: GuardArea = {
  name: "teams",

  async seedWorld({ db, mk, world }) {
    const own = await openEdition(db, `w${Date.now().toString(36)}`, `Editie ${mk("teamsEdition")}`);
    world.params.teamsEditionId = own.id;
    world.params.teamsCategoryId = own.categories[0]!.id;
    // The marker team goes into the challenges area's edition when there is one (its public page).
    let editionId = own.id;
    let categoryId = own.categories[0]!.id;
    const shared = world.params.editionId ? await db.edition.findUnique({ where: { id: world.params.editionId }, include: { categories: true } }) : null;
    if (shared) {
      editionId = shared.id;
      categoryId = shared.categories[0]?.id ?? (await db.editionCategory.create({ data: { editionId: shared.id, name: "Guards" } })).id;
    } else {
      world.params.editionId ??= own.id;
    }
    await db.school.update({ where: { id: world.schoolA.id }, data: { agreementSignedOn: now() } });
    const made = await makeTeam(db, {
      editionId, categoryId, schoolId: world.schoolA.id, name: `Team ${mk("team")}`, coachId: world.userIds.teacherA,
      pupils: [{ firstName: "Pupil A", userId: world.userIds.pupilA }, { firstName: `Naam ${mk("teamPupilNoConsent")}` }, { firstName: `Kind ${mk("teamConsentPupil")}` }],
    });
    world.params.teamId = made.teamId;
    const sent = await sendConsentRequest(made.pupilIds[2]!, "ouder@guards.example", "nl", world.userIds.teacherA);
    if (!sent.ok) throw new Error("the world's consent request was not sent");
    world.params.consentToken = sent.token;
  },

  rows: {
    "routes/teams._index": {
      why: "A school's teams: the board, and the teachers and contact of the school; another school sees its own (empty) list.",
      path: () => "/teams",
      marker: team,
      cells: { anonymous: "login", board: 200, contactA: 403, contactB: 403, schoolContactA: 200, schoolContactB: "hidden", teacherA: 200, teacherB: "hidden", pupilA: 403, jurorA: 403, officialA: 403 },
    },
    "routes/teams.nieuw": {
      why: "Registering a team: teachers (for their own school) and the board; nobody else.",
      path: (w) => `/teams/nieuw?editie=${w.params.teamsEditionId}`,
      marker: marker("teamsEdition"),
      cells: cellsOf(403, { anonymous: "login", board: 200, teacherA: 200, teacherB: 200 }),
      action: {
        why: "Only teachers and the board post a registration; an empty one is refused.",
        form: () => ({}),
        cells: cellsOf(403, { anonymous: "login", board: 400, teacherA: 400, teacherB: 400 }) as ActionCells,
      },
    },
    "routes/teams.$teamId._index": {
      why: "School A's team: the board and school A's staff; to another school, a company or a pupil (also of this team) it does not exist.",
      path: (w) => `/teams/${w.params.teamId}`,
      marker: team,
      cells: SCHOOL_A_TEAM,
      also: [
        {
          why: "A team page shows the pupils' first names inside the school only (checked: the pupil without consent is on it).",
          path: (w) => `/teams/${w.params.teamId}`,
          marker: pupilWithoutConsent,
          cells: SCHOOL_A_TEAM,
        },
      ],
      action: { why: "Changing the team: school A's teachers and the board; the school contact reads only.", form: () => ({ intent: "no-such-intent" }), cells: SCHOOL_A_TEAM_POST },
    },
    "routes/teams.$teamId.codes": {
      why: "Sign-in codes: school A's teachers and the board; the school contact may not (403); others: no such team.",
      path: (w) => `/teams/${w.params.teamId}/codes`,
      marker: pupilWithoutConsent,
      cells: { ...SCHOOL_A_TEAM, schoolContactA: 403 },
      action: { why: "Issuing and revoking codes, as the page.", form: () => ({ intent: "no-such-intent" }), cells: { ...SCHOOL_A_TEAM_POST, schoolContactA: 403 } },
    },
    "routes/teams.$teamId.toestemming": {
      why: "Consent per pupil: school A's staff and the board; others: no such team.",
      path: (w) => `/teams/${w.params.teamId}/toestemming`,
      marker: pupilWithoutConsent,
      cells: SCHOOL_A_TEAM,
      action: { why: "Recording, requesting and withdrawing consent: school A's teachers and the board.", form: () => ({ intent: "no-such-intent" }), cells: SCHOOL_A_TEAM_POST },
    },
    "routes/toestemming.$token": {
      why: "The link in a consent mail: the token is the key; the parent sees whose consent is asked (that pupil's first name only).",
      path: (w) => `/toestemming/${w.params.consentToken}`,
      marker: marker("teamConsentPupil"),
      cells: everyone(200),
      also: [
        {
          why: "A wrong token shows the \"does not work\" page to everyone, naming nobody.",
          path: () => "/toestemming/guards-wrong-token-guards-wrong-token",
          marker: marker("teamConsentPupil"),
          cells: everyone("hidden"),
        },
        {
          why: "The parent's page never shows another pupil of the team.",
          path: (w) => `/toestemming/${w.params.consentToken}`,
          marker: pupilWithoutConsent,
          cells: everyone("hidden"),
        },
      ],
      action: { why: "Answering needs a good token; a wrong one is refused for everyone (having counted the client's post for the rate limit).", path: () => "/toestemming/guards-wrong-token-guards-wrong-token", form: () => ({ giverName: "Ouder" }), cells: everyone(400), writes: ["RateLimit"] },
    },
    "routes/mijn-team": {
      why: "A pupil's own team; only pupils.",
      path: () => "/mijn-team",
      marker: team,
      cells: cellsOf(403, { anonymous: "login", pupilA: 200 }),
    },
  },

  actions: ACTIONS,

  pages: {
    "routes/teams._index": { as: "teacher", path: () => "/teams" },
    "routes/teams.nieuw": { as: "teacher", path: (d) => `/teams/nieuw?editie=${d.params.teamsEditionId}` },
    "routes/teams.$teamId._index": { as: "teacher", path: (d) => `/teams/${d.params.teamsTeamId}` },
    "routes/teams.$teamId.codes": { as: "teacher", path: (d) => `/teams/${d.params.teamsTeamId}/codes` },
    "routes/teams.$teamId.toestemming": { as: "teacher", path: (d) => `/teams/${d.params.teamsTeamId}/toestemming` },
    "routes/toestemming.$token": { as: "anonymous", path: (d) => `/toestemming/${d.params.teamsConsentToken}` },
    "routes/mijn-team": { as: "pupil", path: () => "/mijn-team" },
  },

  async seedDataset({ db, scale, tag, units }) {
    const edition = await openEdition(db, `d${tag}${Date.now().toString(36)}`, `Editie ${tag}`);
    const teacher = await db.roleAssignment.findFirstOrThrow({ where: { role: "TEACHER", schoolId: units[0]!.schoolIds[0]! }, select: { userId: true } });
    const viewer = await db.user.findFirstOrThrow({ where: { email: `leerling-${tag}@datasets.example` }, select: { id: true } });
    let first: { teamId: string; pupilIds: string[] } | null = null;
    for (let u = 0; u < units.length; u++) {
      const schoolId = units[u]!.schoolIds[0]!;
      await db.school.update({ where: { id: schoolId }, data: { agreementSignedOn: now() } });
      for (let i = 0; i < 2; i++) {
        // The pupils of the viewed team grow with the data (2 and 20): the team pages list them.
        const made = await makeTeam(db, {
          editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId, name: `Team ${tag} ${u}-${i}`, coachId: teacher.userId,
          pupils: [
            // The viewed team (the first) has 2 pupils per unit of scale; the others 2.
            ...Array.from({ length: u === 0 && i === 0 ? 2 * scale : 2 }, (_, k) => ({ firstName: `Leerling ${tag} ${u}-${i}-${k}` })),
            // The pupil viewer is in the first team of every unit (/mijn-team grows with the data).
            ...(i === 0 ? [{ firstName: `Kijker ${tag}`, userId: viewer.id }] : []),
          ],
        });
        await db.consent.createMany({
          data: made.pupilIds.map((pupilId) => ({ pupilId, givenBy: "PARENT" as const, giverName: "Ouder", channel: "PAPER" as const, publishName: true, publishPhotos: false, textVersion: "v2026", at: now() })),
        });
        if (u === 0 && i === 0) first = made;
      }
    }
    const sent = await sendConsentRequest(first!.pupilIds[0]!, `ouder-${tag}@datasets.example`, "nl", teacher.userId);
    if (!sent.ok) throw new Error("dataset: no consent request");
    return { teamsEditionId: edition.id, teamsTeamId: first!.teamId, teamsConsentToken: sent.token };
  },
};
