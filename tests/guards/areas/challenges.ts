// Guards for the challenges area (issue 8, points 1–3): challenges, editions, schools, teacher
// requests and the data agreement. See types.ts.
//
// The world gets: a challenge with an edition whose registration is open (params challengeId,
// challengeSlug, editionId, editionYear — other areas build on them), a category and a registered
// team with markers, and an open teacher request at school A and at school B.
import fc from "fast-check";
import { teamNameKey } from "../../../app/modules/challenges/teams";
import { now } from "../../../app/utils/clock.server";
import type { ActionRow, Cells, Row } from "../access-matrix";
import { cellsOf, everyone, marker } from "../cells";
import { email, type FormAction, form, fresh, ID_TRICKS, optional, redirected, sessionFor, typedText, type Ctx } from "../kit";
import { assignRole, createCompany, createUser } from "../../../prisma/factories";
import type { GuardArea } from "./types";

type ActionCells = ActionRow["cells"];
const DAY = 86_400_000;

const BOARD_ONLY: Cells = cellsOf(403, { anonymous: "login", board: 200 });
const POST_BOARD: ActionCells = cellsOf(403, { anonymous: "login", board: 400 }) as ActionCells;
const SCHOOL_CONTACTS: Cells = cellsOf(403, { anonymous: "login", schoolContactA: 200, schoolContactB: 200 });
const POST_SCHOOL_CONTACTS: ActionCells = cellsOf(403, { anonymous: "login", schoolContactA: 400, schoolContactB: 400 }) as ActionCells;
const harmless = () => ({ intent: "no-such-intent" });

const rows: Record<string, Row> = {
  "routes/challenges._index": {
    why: "The public list of challenges: everyone, signed in or not.",
    path: () => "/challenges",
    marker: marker("challenge"),
    cells: everyone(200),
  },
  "routes/challenges.$slug._index": {
    why: "A challenge's public page with its editions: everyone.",
    path: (w) => `/challenges/${w.params.challengeSlug}`,
    marker: marker("challenge"),
    cells: everyone(200),
    also: [{ why: "An unknown challenge is a 404 for everyone.", path: () => "/challenges/bestaat-niet", cells: everyone(404) }],
  },
  "routes/challenges.$slug.$year": {
    why: "An edition's public page: dates, categories and the names of registered teams (never pupils).",
    path: (w) => `/challenges/${w.params.challengeSlug}/${w.params.editionYear}`,
    marker: marker("editionTeam"),
    cells: everyone(200),
    also: [
      { why: "The edition's sponsors (a listed company) are on its public page for everyone.", path: (w) => `/challenges/${w.params.challengeSlug}/${w.params.editionYear}`, marker: marker("editionSponsor"), cells: everyone(200) },
      {
        why: "A sponsor whose company is no longer listed in the network is not shown.",
        path: (w) => `/challenges/${w.params.challengeSlug}/${w.params.editionYear}`,
        marker: marker("endedSponsor"),
        cells: everyone("hidden"),
      },
      {
        why:
          "The teams area registers its marker team in this edition: the page shows the team's name, never the name of its pupil " +
          "without consent (nor of any pupil) — also not in the loader data.",
        path: (w) => `/challenges/${w.params.challengeSlug}/${w.params.editionYear}`,
        marker: marker("teamPupilNoConsent"),
        cells: everyone("hidden"),
      },
    ],
  },
  "routes/bestuur.challenges._index": {
    why: "Only the board manages challenges.",
    path: () => "/bestuur/challenges",
    marker: marker("challenge"),
    cells: BOARD_ONLY,
    action: { why: "Only the board creates challenges.", form: harmless, cells: POST_BOARD },
  },
  "routes/bestuur.challenges.$challengeId": {
    why: "Only the board edits a challenge and creates its editions.",
    path: (w) => `/bestuur/challenges/${w.params.challengeId}`,
    marker: marker("challenge"),
    cells: BOARD_ONLY,
    also: [{ why: "An unknown challenge: 404 for the board, 403 for the rest.", path: () => "/bestuur/challenges/cnosuchchallenge0000000000", cells: cellsOf(403, { anonymous: "login", board: 404 }) }],
    action: { why: "Only the board edits challenges and creates editions.", form: harmless, cells: POST_BOARD },
  },
  "routes/bestuur.edities.$editionId._index": {
    why: "Only the board edits an edition and closes its phases early.",
    path: (w) => `/bestuur/edities/${w.params.editionId}`,
    marker: marker("category"),
    cells: BOARD_ONLY,
    action: { why: "Only the board edits editions and closes phases.", form: harmless, cells: POST_BOARD },
  },
  "routes/bestuur.scholen": {
    why: "Only the board manages schools and records data agreements.",
    path: () => "/bestuur/scholen",
    marker: marker("schoolC"),
    cells: BOARD_ONLY,
    action: { why: "Only the board creates schools and records agreements.", form: harmless, cells: POST_BOARD },
  },
  "routes/school._index": {
    why: "A school contact sees their own school's teacher requests (never another school's); the board cannot approve teachers by design.",
    path: () => "/school",
    marker: (w, role) => (role === "schoolContactA" ? w.markers.requestA : role === "schoolContactB" ? w.markers.requestB : undefined),
    cells: SCHOOL_CONTACTS,
    action: { why: "Only school contacts decide on teacher requests of their school.", form: harmless, cells: POST_SCHOOL_CONTACTS },
  },
  "routes/docent.aanvragen": {
    why: "Anyone signed in but a pupil may ask to become a teacher of a school (a school in the list is the marker); a pupil account is refused.",
    path: () => "/docent/aanvragen",
    marker: marker("schoolC"),
    cells: cellsOf(200, { anonymous: "login", pupilA: 403 }),
    action: { why: "Anyone signed in but a pupil may send a request.", form: harmless, cells: cellsOf(400, { anonymous: "login", pupilA: 403 }) as ActionCells },
  },
};

// --- Hostile input -------------------------------------------------------------------------------

const board = async (ctx: Ctx) => ({ cookie: ctx.world.cookies.board, values: {} as Record<string, string> });
const accepted = (res: Response) => redirected(res);

async function freshChallenge(ctx: Ctx) {
  const at = now();
  const challenge = await ctx.db.challenge.create({ data: { slug: fresh("fuzz-challenge-"), name: fresh("Fuzz "), description: "Fuzz", createdAt: at, updatedAt: at } });
  return challenge.id;
}

async function freshEdition(ctx: Ctx) {
  const challengeId = await freshChallenge(ctx);
  const at = now();
  const d = new Date("2030-01-01T00:00:00Z");
  const edition = await ctx.db.edition.create({
    data: { challengeId, year: 2030, name: "Fuzz 2030", slug: fresh("fuzz-edition-"), registrationOpensAt: d, registrationClosesAt: d, submissionDeadline: d, judgingOpensAt: d, judgingClosesAt: d, resultsPublishAt: d, createdAt: at, updatedAt: at },
  });
  return edition.id;
}

/** A fresh edition and a listed company, optionally already its sponsor. */
async function sponsorFixture(ctx: Ctx, sponsoring: boolean) {
  const editionId = await freshEdition(ctx);
  const company = await createCompany(ctx.db, { name: fresh("Fuzz sponsor ") });
  const values: Record<string, string> = { editionId, companyId: company.id };
  if (sponsoring) values.sponsorId = (await ctx.db.editionSponsor.create({ data: { editionId, companyId: company.id, createdAt: now() } })).id;
  return { cookie: ctx.world.cookies.board, values };
}

const editionDates = {
  registrationOpensAt: fc.constant("2030-01-10T09:00"),
  registrationClosesAt: fc.constantFrom("2030-02-01T23:59", "1-2-2030 23:59", "01-02-2030T23:59"),
  submissionDeadline: fc.constant("2030-05-15T17:00"),
  judgingOpensAt: fc.constant("2030-05-20T09:00"),
  judgingClosesAt: fc.constant("2030-06-05T17:00"),
  resultsPublishAt: fc.constant("2030-06-12T12:00"),
};
const sizes = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 20 })).map(([min, extra]) => [String(min), String(Math.min(30, min + extra))] as const);

const actions: FormAction[] = [
  {
    route: "routes/bestuur.challenges._index",
    path: "/bestuur/challenges",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "name", "description", "national", "image"],
    tables: ["Challenge", "StoredFile", "AuditLog"],
    variants: [
      {
        name: "create-challenge",
        valid: form({ intent: fc.constant("create-challenge"), name: typedText(120), description: typedText(4000), national: optional(fc.constant("on")) }),
        prepare: board,
        accepted,
        async stored(ctx, _fx, value) {
          const found = await ctx.db.challenge.findFirst({ where: { name: String(value.name) }, orderBy: { createdAt: "desc" } });
          return found ? null : "challenge";
        },
        shownOn: async (ctx) => [{ path: "/bestuur/challenges", cookie: ctx.world.cookies.board }, { path: "/challenges" }],
      },
    ],
  },
  {
    route: "routes/bestuur.challenges.$challengeId",
    path: "/bestuur/challenges/:challengeId",
    param: "{challengeId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "name", "description", "national", "year", "minTeamSize", "maxTeamSize", "categories[0].name", "categories[0].schoolType", "registrationOpensAt", "registrationClosesAt", "submissionDeadline", "judgingOpensAt", "judgingClosesAt", "resultsPublishAt", "marketingPlan", "helpersAllowed"],
    aimed: { "categories[0].schoolType": ["primary", "MBO", ""], registrationClosesAt: ["31-02-2030 10:00", "2030-13-01T00:00", "2030-02-01T25:00"] },
    tables: ["Challenge", "Edition", "EditionCategory", "StoredFile", "AuditLog"],
    variants: [
      {
        name: "update-challenge",
        valid: form({ intent: fc.constant("update-challenge"), name: typedText(120), description: typedText(4000), national: optional(fc.constant("on")) }),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.board, values: { challengeId: await freshChallenge(ctx) } }),
        accepted,
        async stored(ctx, fx, value) {
          const c = await ctx.db.challenge.findUnique({ where: { id: fx.values.challengeId } });
          return c?.name === value.name ? null : "challenge name";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/challenges/${fx.values.challengeId}`, cookie: ctx.world.cookies.board }],
      },
      {
        name: "create-edition",
        valid: sizes.chain(([min, max]) =>
          form({
            intent: fc.constant("create-edition"),
            year: fc.integer({ min: 2000, max: 2200 }).map(String),
            minTeamSize: fc.constant(min),
            maxTeamSize: fc.constant(max),
            "categories[0].name": typedText(80),
            "categories[0].schoolType": optional(fc.constantFrom("VMBO", "PRIMARY")),
            ...editionDates,
            marketingPlan: optional(fc.constant("on")),
            helpersAllowed: optional(fc.constant("on")),
          }),
        ),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.board, values: { challengeId: await freshChallenge(ctx) } }),
        accepted,
        async stored(ctx, fx, value) {
          const e = await ctx.db.edition.findFirst({ where: { challengeId: fx.values.challengeId, year: Number(value.year) }, include: { categories: true } });
          return e && e.categories.length === 1 ? null : "edition with its category";
        },
      },
    ],
  },
  {
    route: "routes/bestuur.edities.$editionId._index",
    path: "/bestuur/edities/:editionId",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "minTeamSize", "maxTeamSize", "categories[0].id", "categories[0].name", "registrationOpensAt", "registrationClosesAt", "submissionDeadline", "judgingOpensAt", "judgingClosesAt", "resultsPublishAt", "teamId", "kitBudget", "transport", "logisticsNotes", "companyId", "label", "sponsorId"],
    aimed: { "categories[0].id": ID_TRICKS, teamId: ID_TRICKS, kitBudget: ["-1", "1e9", "12,345", "NaN"], companyId: ID_TRICKS, sponsorId: ID_TRICKS },
    tables: ["Edition", "EditionCategory", "Team", "EditionSponsor", "AuditLog"],
    variants: [
      {
        name: "update-edition",
        valid: sizes.chain(([min, max]) =>
          form({ intent: fc.constant("update-edition"), minTeamSize: fc.constant(min), maxTeamSize: fc.constant(max), "categories[0].name": typedText(80), ...editionDates }),
        ),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.board, values: { editionId: await freshEdition(ctx) } }),
        accepted,
        async stored(ctx, fx, value) {
          const cats = await ctx.db.editionCategory.findMany({ where: { editionId: fx.values.editionId } });
          const e = await ctx.db.edition.findUniqueOrThrow({ where: { id: fx.values.editionId } });
          return cats.length === 1 && e.minTeamSize === Number(value.minTeamSize) ? null : "edition";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/edities/${fx.values.editionId}`, cookie: ctx.world.cookies.board }],
      },
      {
        name: "add-sponsor",
        valid: form({ intent: fc.constant("add-sponsor"), companyId: fc.constant("{companyId}"), label: optional(typedText(80)) }),
        prepare: (ctx) => sponsorFixture(ctx, false),
        accepted,
        async stored(ctx, fx) {
          return (await ctx.db.editionSponsor.count({ where: { editionId: fx.values.editionId, companyId: fx.values.companyId } })) === 1 ? null : "sponsor";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/edities/${fx.values.editionId}`, cookie: ctx.world.cookies.board }],
      },
      {
        name: "remove-sponsor",
        valid: form({ intent: fc.constant("remove-sponsor"), sponsorId: fc.constant("{sponsorId}") }),
        prepare: (ctx) => sponsorFixture(ctx, true),
        accepted,
        async stored(ctx, fx) {
          return (await ctx.db.editionSponsor.count({ where: { id: fx.values.sponsorId } })) === 0 ? null : "sponsor removed";
        },
      },
    ],
  },
  {
    route: "routes/bestuur.scholen",
    path: "/bestuur/scholen",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "schoolId", "name", "brin", "vestiging", "city", "type", "signedOn", "document"],
    aimed: { schoolId: ID_TRICKS, brin: ["14AB ", "1AB", "ABCD", "14ab\u0000"], vestiging: ["1", "001", "ab"], signedOn: ["31-02-2026", "2026-13-01", "0-0-0"] },
    tables: ["School", "StoredFile", "AuditLog"],
    variants: [
      {
        name: "create-school",
        valid: form({ intent: fc.constant("create-school"), name: typedText(120), brin: fc.constant("{brin}"), vestiging: fc.constant("{vestiging}"), city: optional(typedText(80)), type: fc.constantFrom("VMBO", "PRIMARY") }),
        async prepare(ctx) {
          // A BRIN + vestiging nobody has (unique per case).
          const n = (await ctx.db.school.count()) + Math.floor(Math.random() * 1000);
          const letters = String.fromCharCode(65 + (n % 26)) + String.fromCharCode(65 + (Math.floor(n / 26) % 26));
          return { cookie: ctx.world.cookies.board, values: { brin: `${String(Math.floor(n / 676) % 100).padStart(2, "0")}${letters}`, vestiging: String(Math.floor(Math.random() * 100)).padStart(2, "0") } };
        },
        accepted: (res) => redirected(res) || res.status === 400,
        async stored(ctx, fx, _value, res) {
          if (res.status === 400) return null; // a rare BRIN clash is answered with a field error
          return (await ctx.db.school.count({ where: { brin: fx.values.brin, vestiging: fx.values.vestiging } })) === 1 ? null : "school";
        },
        shownOn: async (ctx) => [{ path: "/bestuur/scholen", cookie: ctx.world.cookies.board }],
      },
      {
        name: "record-agreement",
        valid: form({ intent: fc.constant("record-agreement"), schoolId: fc.constant("{schoolId}"), signedOn: fc.constantFrom("2026-09-15", "15-9-2026", "1.10.2026") }),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.board, values: { schoolId: ctx.world.schoolB.id } }),
        accepted,
        async stored(ctx, fx) {
          const s = await ctx.db.school.findUnique({ where: { id: fx.values.schoolId } });
          return s?.agreementRecordedAt ? null : "agreement";
        },
      },
    ],
  },
  {
    route: "routes/school._index",
    path: "/school",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "requestId", "email", "name"],
    aimed: { requestId: ID_TRICKS },
    tables: ["TeacherRequest", "RoleAssignment", "Invitation", "OutboxMessage", "AuditLog"],
    variants: [
      {
        name: "invite",
        valid: form({ intent: fc.constant("invite"), email, name: optional(typedText(120)) }),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.schoolContactA, values: {} }),
        accepted,
        async stored(ctx, _fx, value) {
          const inv = await ctx.db.invitation.findFirst({ where: { email: String(value.email).trim().toLowerCase(), role: "TEACHER", schoolId: ctx.world.schoolA.id } });
          return inv ? null : "invitation";
        },
      },
      {
        name: "approve",
        valid: form({ intent: fc.constantFrom("approve", "reject"), requestId: fc.constant("{requestId}") }),
        async prepare(ctx) {
          const person = await createUser(ctx.db, { name: fresh("Aanvrager "), email: `${fresh("fuzz-teacher-")}@guards.example` });
          const request = await ctx.db.teacherRequest.create({ data: { schoolId: ctx.world.schoolA.id, userId: person.id, createdAt: now() } });
          return { cookie: ctx.world.cookies.schoolContactA, values: { requestId: request.id } };
        },
        accepted,
        async stored(ctx, fx) {
          const r = await ctx.db.teacherRequest.findUnique({ where: { id: fx.values.requestId } });
          return r && r.status !== "OPEN" ? null : "decision";
        },
      },
    ],
  },
  {
    route: "routes/docent.aanvragen",
    path: "/docent/aanvragen",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "schoolId"],
    aimed: { schoolId: ID_TRICKS },
    tables: ["TeacherRequest", "AuditLog"],
    variants: [
      {
        name: "request",
        valid: form({ intent: fc.constant("request"), schoolId: fc.constant("{schoolId}") }),
        async prepare(ctx) {
          const person = await createUser(ctx.db, { email: `${fresh("fuzz-ask-")}@guards.example` });
          return { cookie: await sessionFor(ctx.db, person.id), values: { schoolId: ctx.world.schoolB.id, userId: person.id } };
        },
        accepted,
        async stored(ctx, fx) {
          return (await ctx.db.teacherRequest.count({ where: { userId: fx.values.userId, status: "OPEN" } })) === 1 ? null : "request";
        },
      },
    ],
  },
];

// --- The area ----------------------------------------------------------------------------------------

export const challengesArea: GuardArea = {
  name: "challenges",
  async seedWorld({ db, mk, world }) {
    const at = now();
    const challenge = await db.challenge.create({
      data: { slug: fresh("guards-challenge-").toLowerCase(), name: `Challenge ${mk("challenge")}`, description: "Een challenge van de guards.", createdAt: at, updatedAt: at },
    });
    const year = at.getUTCFullYear() + 1;
    const edition = await db.edition.create({
      data: {
        challengeId: challenge.id,
        year,
        name: `${challenge.name} ${year}`,
        slug: `${challenge.slug}-${year}`,
        registrationOpensAt: new Date(at.getTime() - 30 * DAY),
        registrationClosesAt: new Date(at.getTime() + 60 * DAY),
        submissionDeadline: new Date(at.getTime() + 90 * DAY),
        judgingOpensAt: new Date(at.getTime() + 95 * DAY),
        judgingClosesAt: new Date(at.getTime() + 110 * DAY),
        resultsPublishAt: new Date(at.getTime() + 120 * DAY),
        createdAt: at,
        updatedAt: at,
        categories: { create: [{ name: `Categorie ${mk("category")}`, schoolType: "VMBO", position: 0 }] },
      },
      include: { categories: true },
    });
    const teamName = `Team ${mk("editionTeam")}`;
    await db.team.create({
      data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId: world.schoolA.id, name: teamName, nameKey: teamNameKey(teamName), createdAt: at, updatedAt: at },
    });
    for (const [key, status] of [["editionSponsor", "ACTIVE"], ["endedSponsor", "ENDED"]] as const) {
      const company = await createCompany(db, { name: `Sponsor ${mk(key)}` });
      await db.company.update({ where: { id: company.id }, data: { status } });
      await db.editionSponsor.create({ data: { editionId: edition.id, companyId: company.id, label: `Hoofdsponsor ${key}`, createdAt: at } });
    }
    for (const [key, school] of [["requestA", world.schoolA.id], ["requestB", world.schoolB.id]] as const) {
      const person = await createUser(db, { name: `Aanvrager ${mk(key)}`, email: `${key.toLowerCase()}@guards.example` });
      await db.teacherRequest.create({ data: { schoolId: school, userId: person.id, createdAt: at } });
    }
    // A school nobody holds a role at (the site header shows the schools of one's roles).
    await db.school.create({ data: { name: `School C ${mk("schoolC")}`, slug: fresh("guards-school-c-").toLowerCase(), brin: "33CC", vestiging: "00", type: "PRIMARY" } });
    Object.assign(world.params, { challengeId: challenge.id, challengeSlug: challenge.slug, editionId: edition.id, editionYear: String(year) });
  },
  rows,
  actions,
  pages: {
    "routes/challenges._index": { as: "anonymous", path: () => "/challenges" },
    "routes/challenges.$slug._index": { as: "anonymous", path: (d) => `/challenges/${d.params.challengeSlug}` },
    "routes/challenges.$slug.$year": { as: "anonymous", path: (d) => `/challenges/${d.params.challengeSlug}/${d.params.editionYear}` },
    "routes/bestuur.challenges._index": { as: "board", path: () => "/bestuur/challenges" },
    "routes/bestuur.challenges.$challengeId": { as: "board", path: (d) => `/bestuur/challenges/${d.params.challengeId}` },
    "routes/bestuur.edities.$editionId._index": { as: "board", path: (d) => `/bestuur/edities/${d.params.editionId}` },
    "routes/bestuur.scholen": { as: "board", path: () => "/bestuur/scholen" },
    "routes/school._index": { as: "teacher", path: () => "/school" },
    "routes/docent.aanvragen": { as: "teacher", path: () => "/docent/aanvragen" },
  },
  async seedDataset({ db, scale, tag, units }) {
    const at = now();
    const schoolIds = units.flatMap((u) => u.schoolIds);
    // The teacher viewer is also the school contact of school 0 (the school page is viewed as them).
    const viewer = await db.user.findFirstOrThrow({ where: { email: `docent-${tag}@datasets.example` } });
    await assignRole(db, viewer.id, "SCHOOL_CONTACT", { schoolId: schoolIds[0]! });
    const params: Record<string, string> = {};
    for (let unit = 0; unit < scale; unit++) {
      const challenge = await db.challenge.create({
        data: { slug: `challenge-${tag}-${unit}`, name: `Challenge ${tag}-${unit}`, description: "Dataset", national: unit % 2 === 0, createdAt: at, updatedAt: at },
      });
      // The first challenge gets one edition per unit, so its pages grow with the data too.
      for (const year of unit === 0 ? Array.from({ length: scale }, (_, i) => 2030 + i) : [2030]) {
        const edition = await db.edition.create({
          data: {
            challengeId: challenge.id,
            year,
            name: `${challenge.name} ${year}`,
            slug: `${challenge.slug}-${year}`,
            registrationOpensAt: new Date(at.getTime() - DAY),
            registrationClosesAt: new Date(at.getTime() + 10 * DAY),
            submissionDeadline: new Date(at.getTime() + 20 * DAY),
            judgingOpensAt: new Date(at.getTime() + 21 * DAY),
            judgingClosesAt: new Date(at.getTime() + 22 * DAY),
            resultsPublishAt: new Date(at.getTime() + 23 * DAY),
            createdAt: at,
            updatedAt: at,
            categories: { create: [{ name: "Vmbo BB/KB", position: 0 }, { name: "Vmbo GL/TL", position: 1 }] },
          },
          include: { categories: true },
        });
        if (unit === 0 && year === 2030) Object.assign(params, { challengeId: challenge.id, challengeSlug: challenge.slug, editionId: edition.id, editionYear: String(year) });
      }
    }
    // Teams (in the first edition), one per unit per school, and teacher requests to school 0.
    const first = await db.edition.findUniqueOrThrow({ where: { id: params.editionId! }, include: { categories: true } });
    // Every company of the dataset sponsors the first edition (its public and board pages list them).
    await db.editionSponsor.createMany({ data: units.flatMap((u) => u.companyIds).map((companyId) => ({ editionId: first.id, companyId, label: "Sponsor", createdAt: at })) });
    for (let unit = 0; unit < scale; unit++) {
      for (const [i, schoolId] of units[unit]!.schoolIds.entries()) {
        const name = `Team ${tag}-${unit}-${i}`;
        await db.team.create({ data: { editionId: first.id, categoryId: first.categories[i % 2]!.id, schoolId, name, nameKey: teamNameKey(name), createdAt: at, updatedAt: at } });
      }
      const asker = await createUser(db, { name: `Aanvrager ${tag}-${unit}`, email: `aanvrager-${tag}-${unit}@datasets.example` });
      await db.teacherRequest.create({ data: { schoolId: schoolIds[0]!, userId: asker.id, createdAt: at } });
      await db.teacherRequest.create({ data: { schoolId: schoolIds[(unit % (schoolIds.length - 1)) + 1]!, userId: viewer.id, createdAt: at } }).catch(() => undefined);
    }
    return params;
  },
};
