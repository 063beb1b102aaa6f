// Guards for the companies area (issue 7): its objects in the world, matrix rows, hostile-input rows,
// query-budget plans and dataset rows. See types.ts.
//
// The world gets an application (company in status APPLIED, its name a marker, with a contact) and
// a contribution tier (its name a marker, shown on the settings page).
import fc from "fast-check";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import type { Cells, Row } from "../access-matrix";
import { cellsOf, everyone, marker, text } from "../cells";
import { email, form, fresh, optional, redirected, typedText, type Ctx, type Fixture, type FormAction } from "../kit";
import type { GuardArea } from "./types";

/** The KvK number an accepted application stored: the submitted one, digits only (spaces and NUL dropped). */
const submittedKvk = (fx: { values: Record<string, string> }, value: Record<string, unknown>) => {
  const digits = typeof value.kvkNumber === "string" ? value.kvkNumber.replace(/[^0-9]/g, "") : "";
  return digits.length === 8 ? digits : fx.values.kvk!;
};

const BOARD_ONLY: Cells = cellsOf(403, { anonymous: "login", board: 200 });
const BOARD_POSTS = { ...cellsOf(403, { anonymous: "login", board: 400 }) } as Record<keyof Cells, 403 | 400 | "login">;

// Text a person can type that survives the trip (NUL is dropped, blanks trimmed).
const typed = (max: number) => typedText(max).filter((s) => s.replaceAll("\u0000", "").trim().length > 0 && s.replaceAll("\u0000", "").trim().length <= max);

let serial = 0;
const eightDigits = () => String(70_000_000 + ((Date.now() * 7 + serial++ * 7919) % 29_999_999)).slice(0, 8);

/** A company straight into the table, in the status a case needs, with one contact. */
async function company(db: PrismaClient, status: "APPLIED" | "ACTIVE" | "ENDED", name = fresh("Guards bedrijf ")) {
  const at = new Date();
  const created = await db.company.create({
    data: {
      name,
      slug: fresh("guards-bedrijf-"),
      status,
      statusChangedAt: at,
      appliedAt: at,
      sector: "Techniek",
      city: "Venlo",
      billingEmail: "factuur@guards.example",
      invoiceAddress: "Straat 1",
      invoicePostcode: "5911 AA",
      invoiceCity: "Venlo",
    },
  });
  await db.companyContact.create({ data: { companyId: created.id, name: "Contact", email: `${fresh("contact-")}@guards.example`, createdAt: at } });
  return created;
}

async function tier(db: PrismaClient, name = fresh("Guards niveau ")) {
  const at = new Date();
  return db.contributionTier.create({ data: { name, amountCents: 25_000, benefits: "", createdAt: at, updatedAt: at } });
}

const rows: Record<string, Row> = {
  "routes/aanmelden._index": {
    why: "The public application form: open to everyone (a signed-in person may apply for a company too).",
    path: () => "/aanmelden",
    marker: () => text("companies", "apply.title"),
    cells: everyone(200),
    action: {
      why: "Anyone may apply; an incomplete application is refused with nothing written but the client's post count for the rate limit.",
      form: () => ({ intent: "apply" }),
      cells: everyone(400),
      writes: ["RateLimit"],
    },
  },
  "routes/aanmelden.bedankt": {
    why: "The thank-you page after applying: static, shows nobody's application.",
    path: () => "/aanmelden/bedankt",
    marker: () => text("companies", "thanks.title"),
    cells: everyone(200),
  },
  "routes/bestuur.bedrijven._index": {
    why: "Only the board sees every company and the pending applications (marker: an application's name).",
    path: () => "/bestuur/bedrijven",
    marker: marker("coApplied"),
    cells: BOARD_ONLY,
  },
  "routes/bestuur.bedrijven[.]csv": {
    why: "The companies' CSV (a resource route the list links to): the board only (marker: an application's name).",
    path: () => "/bestuur/bedrijven.csv",
    marker: marker("coApplied"),
    cells: BOARD_ONLY,
    formats: [{ name: "CSV", query: "status=APPLIED", contentType: "text/csv" }],
  },
  "routes/bestuur.bedrijven.$companyId": {
    why: "One company for the board (details, contacts, history, decisions); everyone else is refused before the company is looked up.",
    path: (w) => `/bestuur/bedrijven/${w.params.coAppliedId}`,
    marker: marker("coApplied"),
    cells: BOARD_ONLY,
    also: [
      {
        why: "An unknown company is a 404 for the board.",
        path: () => "/bestuur/bedrijven/cguardsnosuchcompany0000",
        marker: marker("coApplied"),
        cells: cellsOf(403, { anonymous: "login", board: 404 }),
      },
    ],
    action: {
      why: "Only the board approves, rejects, ends and reinstates; a form without a decision is refused.",
      form: () => ({ intent: "no-such-intent" }),
      cells: BOARD_POSTS,
    },
  },
  "routes/bestuur.instellingen": {
    why: "Only the board sees and changes the foundation's details, tiers and school years (marker: a tier's name).",
    path: () => "/bestuur/instellingen",
    marker: marker("coTier"),
    cells: BOARD_ONLY,
    action: {
      why: "Only the board changes settings; a form without an intent is refused.",
      form: () => ({ intent: "no-such-intent" }),
      cells: BOARD_POSTS,
    },
  },
};

// --- Hostile input ----------------------------------------------------------------------------

const board = async (ctx: Ctx) => ctx.world.cookies.board;
const statusOf = async (ctx: Ctx, fx: Fixture) => (await ctx.db.company.findUniqueOrThrow({ where: { id: fx.values.companyId! } })).status;

const applyAction: FormAction = {
  route: "routes/aanmelden._index",
  path: "/aanmelden",
  reads: { as: "conform" },
  refusal: "4xx",
  fields: [
    "intent", "name", "kvkNumber", "vatNumber", "sector", "city", "website", "logo", "invoiceAddress", "invoicePostcode", "invoiceCity",
    "invoiceAttention", "billingEmail", "contacts[0].name", "contacts[0].email", "contacts[0].phone", "contacts[0].jobTitle", "contacts[1].name", "contacts[1].email",
  ],
  aimed: {
    kvkNumber: ["1234567", "123456789", "1234567a", "１２３４５６７８", "12345678\u0000"],
    vatNumber: ["NL123456789B1", "BE0123456789", "NL123456789X01"],
    website: ["javascript:alert(1)", "http://", "ftp://a.b", "https://user:pw@example.nl"],
    invoicePostcode: ["5911", "ABCD 12", "5911 ABC"],
    "contacts[0].email": ["a@b", "<a@b.nl>", "a@b.nl\r\nBcc: c@d.nl"],
  },
  tables: ["Company", "CompanyContact", "CompanyStatusChange", "AuditLog", "OutboxMessage", "StoredFile", "RateLimit"],
  variants: [
    {
      name: "apply",
      valid: form({
        intent: optional(fc.constant("apply")),
        name: typed(200),
        kvkNumber: fc.constantFrom("{kvk}", "{kvkSpaced}"),
        vatNumber: optional(fc.constantFrom("NL123456789B01", "nl 1234.56789 b01", "")),
        sector: typed(100),
        city: typed(100),
        website: optional(fc.constantFrom("www.guards.example", "https://bedrijf.example/over-ons", "")),
        invoiceAddress: typed(200),
        invoicePostcode: fc.constantFrom("5911 AB", "5911ab"),
        invoiceCity: typed(100),
        invoiceAttention: optional(typed(120)),
        billingEmail: email,
        "contacts[0].name": typed(120),
        "contacts[0].email": email,
        "contacts[0].phone": optional(fc.constantFrom("077 123 45 67", "+31 6 12345678", "")),
        "contacts[0].jobTitle": optional(typed(120)),
        "contacts[1].name": optional(fc.constant("Tweede contactpersoon")),
        "contacts[1].email": optional(fc.constant("tweede-{unique}@guards.example")),
      }).map((fields) => {
        // A second contact is either complete or absent.
        const names = new Set(fields.map(([n]) => n));
        return names.has("contacts[1].name") !== names.has("contacts[1].email") ? fields.filter(([n]) => !n.startsWith("contacts[1]")) : fields;
      }),
      async prepare() {
        const kvk = eightDigits();
        return { values: { kvk, kvkSpaced: `${kvk.slice(0, 4)} ${kvk.slice(4)}` } };
      },
      accepted: (res) => redirected(res, "/aanmelden/bedankt"),
      async stored(ctx, fx, value) {
        // The KvK number as submitted (a mutated case may have replaced the fixture's), as stored.
        const found = await ctx.db.company.findUnique({ where: { kvkNumber: submittedKvk(fx, value) }, include: { contacts: true, statusChanges: true } });
        if (!found) return "no company with the KvK number";
        if (found.status !== "APPLIED" || found.statusChanges.length !== 1) return "not APPLIED with one status change";
        if (found.name !== value.name) return `name ${JSON.stringify(found.name)} ≠ ${JSON.stringify(value.name)}`;
        return found.contacts.length >= 1 ? null : "no contacts";
      },
      async shownOn(ctx, fx, value) {
        const kvk = submittedKvk(fx, value);
        const found = await ctx.db.company.findUniqueOrThrow({ where: { kvkNumber: kvk } });
        return [
          { path: `/bestuur/bedrijven/${found.id}`, cookie: ctx.world.cookies.board },
          { path: `/bestuur/bedrijven?q=${kvk}`, cookie: ctx.world.cookies.board },
        ];
      },
    },
  ],
};

const decisionAction: FormAction = {
  route: "routes/bestuur.bedrijven.$companyId",
  path: "/bestuur/bedrijven/:companyId",
  param: "{companyId}",
  reads: { as: "conform" },
  refusal: "4xx",
  fields: ["intent", "tierId", "reason"],
  aimed: { intent: ["APPROVE", "approve ", "delete"], tierId: ["", "\u0000", "' OR '1'='1"] },
  tables: ["Company", "CompanyStatusChange", "AuditLog", "Invitation", "OutboxMessage", "Job"],
  variants: [
    {
      name: "approve",
      valid: form({ intent: fc.constant("approve"), tierId: fc.constant("{tierId}") }),
      async prepare(ctx) {
        const [created, chosen] = await Promise.all([company(ctx.db, "APPLIED"), tier(ctx.db)]);
        return { cookie: await board(ctx), values: { companyId: created.id, tierId: chosen.id } };
      },
      accepted: (res) => redirected(res, "/bestuur/bedrijven/"),
      async stored(ctx, fx) {
        const found = await ctx.db.company.findUniqueOrThrow({ where: { id: fx.values.companyId! } });
        if (found.status !== "APPROVED" || found.tierId !== fx.values.tierId) return `status ${found.status}, tier ${found.tierId}`;
        return (await ctx.db.invitation.count({ where: { companyId: found.id } })) ? null : "no invitation";
      },
    },
    {
      name: "reject",
      valid: form({ intent: fc.constant("reject"), reason: typed(1000) }),
      async prepare(ctx) {
        return { cookie: await board(ctx), values: { companyId: (await company(ctx.db, "APPLIED")).id } };
      },
      accepted: (res) => redirected(res, "/bestuur/bedrijven/"),
      async stored(ctx, fx, value) {
        const found = await ctx.db.company.findUniqueOrThrow({ where: { id: fx.values.companyId! } });
        return found.status === "REJECTED" && found.rejectionReason === value.reason ? null : `status ${found.status}, reason ${JSON.stringify(found.rejectionReason)}`;
      },
      shownOn: async (ctx, fx) => [{ path: `/bestuur/bedrijven/${fx.values.companyId}`, cookie: ctx.world.cookies.board }],
    },
    {
      name: "end",
      valid: form({ intent: fc.constant("end"), reason: typed(1000) }),
      async prepare(ctx) {
        return { cookie: await board(ctx), values: { companyId: (await company(ctx.db, "ACTIVE")).id } };
      },
      accepted: (res) => redirected(res, "/bestuur/bedrijven/"),
      stored: async (ctx, fx) => ((await statusOf(ctx, fx)) === "ENDED" ? null : "not ENDED"),
      shownOn: async (ctx, fx) => [{ path: `/bestuur/bedrijven/${fx.values.companyId}`, cookie: ctx.world.cookies.board }],
    },
    {
      name: "reinstate",
      valid: form({ intent: fc.constant("reinstate") }),
      async prepare(ctx) {
        return { cookie: await board(ctx), values: { companyId: (await company(ctx.db, "ENDED")).id } };
      },
      accepted: (res) => redirected(res, "/bestuur/bedrijven/"),
      stored: async (ctx, fx) => ((await statusOf(ctx, fx)) === "APPROVED" ? null : "not APPROVED"),
    },
  ],
};

const VALID_IBANS = ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "DE89370400440532013000", "BE68539007547034"];

const settingsAction: FormAction = {
  route: "routes/bestuur.instellingen",
  path: "/bestuur/instellingen",
  reads: { as: "conform" },
  refusal: "4xx",
  fields: [
    "intent", "name", "address", "postcode", "city", "kvkNumber", "vatNumber", "vatExemptionReason", "iban", "email", "contributionVatMode", "vatRate",
    "graceMonths", "paymentTermDays", "invoiceMonth", "invoiceDay", "reminderDays", "pupilRetentionMonths", "tierId", "amount", "benefits", "archived", "direction", "startYear",
  ],
  aimed: {
    iban: ["NL00ABNA0417164300", "NL91ABNA041716430", "IBAN"],
    vatRate: ["0", "100", "21%", "-21", "21,555"],
    reminderDays: ["0", "30,,60", "1,2,3,4,5,6,7", "366", "30\u000060"],
    amount: ["0", "0,99", "1,2,3", "-250", "1e3", "250,", "100000,01"],
    startYear: ["1999", "2101", "20 26", "２０２６"],
    graceMonths: ["-1", "25", "3.5"],
    pupilRetentionMonths: ["0", "37", "12 maanden", ""],
  },
  tables: ["FoundationSettings", "ContributionTier", "SchoolYear", "AuditLog"],
  variants: [
    {
      name: "settings",
      valid: form({
        intent: fc.constant("settings"),
        name: typed(200),
        address: typed(200),
        postcode: fc.constantFrom("5911 AB", "5911ab"),
        city: typed(100),
        kvkNumber: fc.stringMatching(/^\d{8}$/),
        vatNumber: optional(fc.constantFrom("NL123456789B01", "")),
        vatExemptionReason: typed(300),
        iban: fc.constantFrom(...VALID_IBANS),
        email,
        contributionVatMode: fc.constantFrom("EXEMPT", "RATE"),
        vatRate: fc.constantFrom("21", "9", "21,5", "0.5"),
        graceMonths: fc.integer({ min: 0, max: 24 }).map(String),
        paymentTermDays: fc.integer({ min: 1, max: 120 }).map(String),
        invoiceMonth: fc.integer({ min: 1, max: 12 }).map(String),
        invoiceDay: fc.integer({ min: 1, max: 28 }).map(String),
        reminderDays: fc.array(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 6 }).map((days) => days.join(", ")),
        pupilRetentionMonths: fc.integer({ min: 1, max: 36 }).map(String),
      }),
      prepare: async (ctx) => ({ cookie: await board(ctx), values: {} }),
      accepted: (res) => redirected(res, "/bestuur/instellingen"),
      async stored(ctx, _fx, value) {
        const row = await ctx.db.foundationSettings.findUnique({ where: { id: "foundation" } });
        return row && row.name === value.name && row.city === value.city && row.pupilRetentionMonths === Number(value.pupilRetentionMonths) ? null : "settings not saved";
      },
      shownOn: async (ctx) => [{ path: "/bestuur/instellingen", cookie: ctx.world.cookies.board }],
    },
    {
      name: "tier-create",
      valid: form({
        intent: fc.constant("tier-create"),
        name: typed(60).map((s) => `${s} {unique}`),
        amount: fc.constantFrom("250", "1.250,50", "99,95", "1250.5", " 300 ", "€ 75"),
        benefits: optional(typed(2000)),
      }),
      prepare: async (ctx) => ({ cookie: await board(ctx), values: {} }),
      accepted: (res) => redirected(res, "/bestuur/instellingen"),
      async stored(ctx, _fx, value) {
        return (await ctx.db.contributionTier.count({ where: { name: String(value.name) } })) ? null : "no tier with the name";
      },
      shownOn: async (ctx) => [{ path: "/bestuur/instellingen", cookie: ctx.world.cookies.board }],
    },
    {
      name: "tier-update",
      valid: form({
        intent: fc.constant("tier-update"),
        tierId: fc.constant("{tierId}"),
        name: typed(60).map((s) => `${s} {unique}`),
        amount: fc.constantFrom("250", "1.250,50", "99,95"),
        benefits: optional(typed(2000)),
      }),
      prepare: async (ctx) => ({ cookie: await board(ctx), values: { tierId: (await tier(ctx.db)).id } }),
      accepted: (res) => redirected(res, "/bestuur/instellingen"),
      async stored(ctx, fx, value) {
        const found = await ctx.db.contributionTier.findUniqueOrThrow({ where: { id: fx.values.tierId! } });
        return found.name === value.name ? null : "tier not renamed";
      },
    },
    {
      name: "tier-archive",
      valid: form({ intent: fc.constant("tier-archive"), tierId: fc.constant("{tierId}"), archived: fc.constant("true") }),
      prepare: async (ctx) => ({ cookie: await board(ctx), values: { tierId: (await tier(ctx.db)).id } }),
      accepted: (res) => redirected(res, "/bestuur/instellingen"),
      async stored(ctx, fx) {
        return (await ctx.db.contributionTier.findUniqueOrThrow({ where: { id: fx.values.tierId! } })).archivedAt ? null : "not archived";
      },
    },
    {
      name: "year-add",
      valid: form({ intent: fc.constant("year-add"), startYear: fc.constantFrom("{year}", " {year} ") }),
      async prepare(ctx) {
        // A year in range that no invoice uses; an earlier case's row is removed so it can be added again.
        const used = new Set((await ctx.db.schoolYear.findMany({ where: { invoices: { some: {} } }, select: { startYear: true } })).map((y) => y.startYear));
        const year = [2000 + (serial++ % 40), ...Array.from({ length: 101 }, (_, i) => 2000 + i)].find((y) => !used.has(y))!;
        await ctx.db.schoolYear.deleteMany({ where: { startYear: year } });
        return { cookie: await board(ctx), values: { year: String(year) } };
      },
      accepted: (res) => redirected(res, "/bestuur/instellingen"),
      async stored(ctx, _fx, value) {
        return (await ctx.db.schoolYear.count({ where: { startYear: Number(value.startYear) } })) ? null : "no school year";
      },
    },
  ],
};

export const companiesArea: GuardArea = {
  name: "companies",
  async seedWorld({ db, mk, world }) {
    const applied = await company(db, "APPLIED", `Aanmelding ${mk("coApplied")}`);
    await tier(db, `Niveau ${mk("coTier")}`);
    world.params.coAppliedId = applied.id;
  },
  rows,
  actions: [applyAction, decisionAction, settingsAction],
  pages: {
    "routes/aanmelden._index": { as: "anonymous", path: () => "/aanmelden" },
    "routes/aanmelden.bedankt": { as: "anonymous", path: () => "/aanmelden/bedankt" },
    "routes/bestuur.bedrijven._index": { as: "board", path: () => "/bestuur/bedrijven" },
    "routes/bestuur.bedrijven.$companyId": { as: "board", path: (d) => `/bestuur/bedrijven/${d.params.coCompanyId}` },
    "routes/bestuur.instellingen": { as: "board", path: () => "/bestuur/instellingen" },
  },
  async seedDataset({ db, scale, tag, boardId }) {
    // Per unit: an application with two contacts, a tier and a school year; the viewed company
    // gets `scale` contacts, status changes and invoices, so its page grows with the dataset.
    const viewed = await company(db, "APPLIED", `Aanmelding ${tag}`);
    const at = new Date();
    for (let unit = 0; unit < scale; unit++) {
      const u = `${tag}u${unit}`;
      const applied = await company(db, "APPLIED", `Aanmelding ${u}`);
      await db.companyContact.create({ data: { companyId: applied.id, name: `Tweede ${u}`, email: `tweede-${u}@datasets.example`, createdAt: at } });
      await db.companyStatusChange.create({ data: { companyId: applied.id, fromStatus: null, toStatus: "APPLIED", at, actorId: null } });
      await tier(db, `Niveau ${u}`);
      await db.schoolYear.createMany({ data: [{ startYear: 2040 + unit, startsOn: new Date(Date.UTC(2040 + unit, 6, 31, 22)), endsOn: new Date(Date.UTC(2041 + unit, 6, 31, 21)) }], skipDuplicates: true });
      await db.companyContact.create({ data: { companyId: viewed.id, name: `Contact ${u}`, email: `contact-${u}@datasets.example`, createdAt: at } });
      await db.companyStatusChange.create({ data: { companyId: viewed.id, fromStatus: unit ? "APPROVED" : null, toStatus: "APPLIED", at, actorId: boardId, reason: `Reden ${u}` } });
      await db.invoice.create({
        data: {
          number: `DS-CO-${u}`, companyId: viewed.id, schoolYearId: null, kind: "CONTRIBUTION", description: `Jaarbijdrage ${u}`, periodStart: at, periodEnd: at, issuedAt: at, dueAt: at,
          netCents: 25_000, vatMode: "EXEMPT", vatRateBp: 0, vatCents: 0, totalCents: 25_000, seller: {}, buyer: {}, accessToken: `ds-co-${u}`, createdAt: at, updatedAt: at,
        },
      });
    }
    return { coCompanyId: viewed.id };
  },
};
