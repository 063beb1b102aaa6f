// Guards for the network area (issue 7): its objects in the world, matrix rows, hostile-input rows,
// query-budget plans and dataset rows. See types.ts.
//
// The world gets: a second contact, a request and an invoice of company A (and B), the profile
// description of A, and a listed company of our own (with a contact person) for the directory.
import fc from "fast-check";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import type { ActionRow, Cells, Row } from "../access-matrix";
import { cellsOf, everyone, marker } from "../cells";
import { email, type FormAction, form, fresh, ID_TRICKS, optional, redirected, typedText } from "../kit";
import type { GuardArea } from "./types";

type ActionCells = ActionRow["cells"];

/** Company pages: the board and company A's contacts; to anyone else signed in company A does not exist. */
const COMPANY_A: Cells = {
  anonymous: "login", board: 200, contactA: 200, contactB: 404, schoolContactA: 404, schoolContactB: 404,
  teacherA: 404, teacherB: 404, pupilA: 404, jurorA: 404, officialA: 404,
};
/** Posting to company A's pages: allowed (the harmless form is refused with 400) for the same people. */
const POST_A: ActionCells = {
  anonymous: "login", board: 400, contactA: 400, contactB: 404, schoolContactA: 404, schoolContactB: 404,
  teacherA: 404, teacherB: 404, pupilA: 404, jurorA: 404, officialA: 404,
};
/** The request register: the board, school contacts and teachers; company contacts, pupils and jurors 403. */
const REGISTER: Cells = cellsOf(200, { anonymous: "login", contactA: 403, contactB: 403, pupilA: 403, jurorA: 403, officialA: 403 });
const POST_REGISTER: ActionCells = {
  anonymous: "login", board: 400, contactA: 403, contactB: 403, schoolContactA: 400, schoolContactB: 400,
  teacherA: 400, teacherB: 400, pupilA: 403, jurorA: 403, officialA: 403,
};

// Filled in by seedWorld: where /bedrijf sends company A's contact (a cell cannot know the id before).
let companyAPath = "/bedrijf/unknown";
let companyBPath = "/bedrijf/unknown";

// Text a person can type that survives the trip (NUL is dropped, blanks trimmed).
const text = (max: number) => typedText(max).filter((s) => s.replaceAll("\u0000", "").trim().length > 0);

const now = () => new Date();

async function contact(db: PrismaClient, companyId: string, name: string, address: string, userId: string | null = null) {
  return db.companyContact.create({ data: { companyId, name, email: address, userId, createdAt: now() } });
}

async function invoice(db: PrismaClient, companyId: string, number: string, description: string, status: "OPEN" | "PAID" = "OPEN") {
  const at = now();
  return db.invoice.create({
    data: {
      number,
      companyId,
      description,
      status,
      periodStart: at,
      periodEnd: new Date(at.getTime() + 300 * 86_400_000),
      issuedAt: at,
      dueAt: new Date(at.getTime() + 30 * 86_400_000),
      netCents: 25_000,
      vatMode: "EXEMPT",
      vatRateBp: 0,
      vatCents: 0,
      totalCents: 25_000,
      seller: {},
      buyer: {},
      accessToken: fresh("nw-token-"),
      paidAt: status === "PAID" ? at : null,
      createdAt: at,
      updatedAt: at,
    },
  });
}

async function request(db: PrismaClient, companyId: string, subject: string, status: "OPEN" | "YES" = "OPEN") {
  return db.companyRequest.create({
    data: { companyId, kind: "INTERNSHIP", subject, askedByName: "Docent Guards", askedAt: now(), status, answer: status === "YES" ? "Graag" : null },
  });
}

const rows: Record<string, Row> = {
  "routes/bedrijf._index": {
    why: "“Mijn bedrijf” sends a company contact to their company's pages and the board to the list of companies; others 403.",
    path: () => "/bedrijf",
    cells: {
      anonymous: "login",
      board: "redirect:/bestuur/bedrijven",
      get contactA() {
        return `redirect:${companyAPath}` as `redirect:/${string}`;
      },
      get contactB() {
        return `redirect:${companyBPath}` as `redirect:/${string}`;
      },
      schoolContactA: 403, schoolContactB: 403, teacherA: 403, teacherB: 403, pupilA: 403, jurorA: 403, officialA: 403,
    },
    noPage: "it only redirects to the company's own pages",
  },
  "routes/bedrijf.$companyId": {
    why: "The frame of company A's pages (name and status): the board and A's contacts; 404 for anyone else.",
    path: (w) => `/bedrijf/${w.companyA.id}`,
    marker: marker("companyA"),
    cells: COMPANY_A,
  },
  "routes/bedrijf.$companyId._index": {
    why: "Company A's profile (its description is the marker); contact B must get 404, not company A.",
    path: (w) => `/bedrijf/${w.companyA.id}`,
    marker: marker("nwProfileA"),
    cells: COMPANY_A,
    action: {
      why: "Only the board and A's contacts may change A's profile or logo.",
      form: () => ({ intent: "no-such-intent" }),
      cells: POST_A,
    },
  },
  "routes/bedrijf.$companyId.contactpersonen": {
    why: "Company A's contact persons: the board and A's contacts.",
    path: (w) => `/bedrijf/${w.companyA.id}/contactpersonen`,
    marker: marker("nwContactA"),
    cells: COMPANY_A,
    action: {
      why: "Only the board and A's contacts add or remove A's contacts.",
      form: () => ({ intent: "add" }),
      cells: POST_A,
    },
  },
  "routes/bedrijf.$companyId.facturen": {
    why: "Company A's invoices and payments: the board and A's contacts.",
    path: (w) => `/bedrijf/${w.companyA.id}/facturen`,
    marker: marker("nwInvoiceA"),
    cells: COMPANY_A,
  },
  "routes/bedrijf.$companyId.verzoeken": {
    why: "Requests to company A: the board and A's contacts.",
    path: (w) => `/bedrijf/${w.companyA.id}/verzoeken`,
    marker: marker("nwRequestA"),
    cells: COMPANY_A,
    action: {
      why: "Only the board and A's contacts answer A's requests.",
      form: () => ({ intent: "answer" }),
      cells: POST_A,
    },
  },
  "routes/bedrijf.$companyId.jaaroverzicht": {
    why: "Company A's jaaroverzicht (it names the company): the board and A's contacts.",
    path: (w) => `/bedrijf/${w.companyA.id}/jaaroverzicht`,
    marker: marker("companyA"),
    cells: COMPANY_A,
  },
  "routes/netwerk._index": {
    why: "The public directory of listed companies: everyone sees the company.",
    path: (w) => `/netwerk?q=${encodeURIComponent(w.markers.nwListed!)}`,
    marker: marker("nwListed"),
    cells: everyone(200),
    also: [
      {
        why: "Contact persons only for the board and contacts of companies in the network.",
        path: (w) => `/netwerk?q=${encodeURIComponent(w.markers.nwListed!)}`,
        marker: marker("nwListedContact"),
        cells: {
          anonymous: "hidden", board: 200, contactA: 200, contactB: 200, schoolContactA: "hidden", schoolContactB: "hidden",
          teacherA: "hidden", teacherB: "hidden", pupilA: "hidden", jurorA: "hidden", officialA: "hidden",
        },
      },
    ],
  },
  "routes/verzoeken._index": {
    why: "The request register: the board, school contacts and teachers (who ask companies); not companies or pupils.",
    path: (w) => `/verzoeken?bedrijf=${w.companyA.id}`,
    marker: marker("nwRequestA"),
    cells: REGISTER,
  },
  "routes/verzoeken.nieuw": {
    why: "Recording a request shows the company's open requests first: same people as the register.",
    path: (w) => `/verzoeken/nieuw?bedrijf=${w.params.nwListedCompanyId}`,
    marker: marker("nwListedRequest"),
    cells: REGISTER,
    action: {
      why: "Only the register's people record requests.",
      form: () => ({ intent: "record" }),
      cells: POST_REGISTER,
    },
  },
};

// --- Hostile input ----------------------------------------------------------------------------

const website = optional(fc.constantFrom("www.example.nl", "https://bedrijf.example.com/over-ons", "http://example.org", ""));
const postcode = optional(fc.constantFrom("5912 AB", "5912ab", "B-3500", ""));

const actions: FormAction[] = [
  ...(["routes/bedrijf.$companyId._index"] as const).map((route): FormAction => ({
    // The profile page is an index route: its form posts to /bedrijf/<id>?index.
    route,
    path: "/bedrijf/:companyId?index",
    param: "{companyId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "name", "description", "sector", "city", "website", "vatNumber", "invoiceAddress", "invoicePostcode", "invoiceCity", "invoiceAttention", "billingEmail", "poNumber", "logo"],
    aimed: { website: ["javascript:alert('vv-xss')", "//evil.example", "http://", "ftp://example.nl"], billingEmail: ["a@", "@b.nl"] },
    tables: ["Company", "AuditLog", "StoredFile"],
    variants: [
      {
        name: "profile",
        valid: form({
          intent: fc.constant("profile"),
          name: text(120),
          description: optional(text(1000)),
          sector: optional(text(80)),
          city: optional(text(80)),
          website,
          vatNumber: optional(fc.constantFrom("NL123456789B01", "nl 1234.56.789.b01", "BE0123456789")),
          invoiceAddress: optional(text(200)),
          invoicePostcode: postcode,
          invoiceCity: optional(text(80)),
          invoiceAttention: optional(text(120)),
          billingEmail: optional(email),
          poNumber: optional(text(50)),
        }),
        async prepare(ctx) {
          const company = await ctx.db.company.create({ data: { name: "Profielbedrijf", slug: fresh("nw-profile-") } });
          await ctx.db.roleAssignment.create({ data: { userId: ctx.world.userIds.contactA, role: "COMPANY_CONTACT", companyId: company.id } });
          return { cookie: await ctx.world.newSession("contactA"), values: { companyId: company.id } };
        },
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const company = await ctx.db.company.findUniqueOrThrow({ where: { id: fx.values.companyId } });
          if (company.name !== value.name) return `name stored as ${JSON.stringify(company.name)}`;
          if (company.description !== value.description) return "description";
          if (company.website !== value.website) return `website stored as ${JSON.stringify(company.website)}`;
          if (company.billingEmail !== value.billingEmail) return "billing e-mail";
          return (await ctx.db.auditLog.count({ where: { entityId: company.id, action: "company.profile.update" } })) ? null : "audit";
        },
        async shownOn(ctx, fx) {
          return [{ path: `/bedrijf/${fx.values.companyId}`, cookie: ctx.world.cookies.board }];
        },
      },
    ],
  })),
  {
    route: "routes/bedrijf.$companyId.contactpersonen",
    path: "/bedrijf/:companyId/contactpersonen",
    param: "{companyId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "name", "email", "phone", "jobTitle", "contactId"],
    aimed: { contactId: ID_TRICKS, phone: ["+31 (0)77-1234567", "12", "bel me"] },
    tables: ["CompanyContact", "Invitation", "OutboxMessage", "RoleAssignment", "AuditLog"],
    variants: [
      {
        name: "add",
        valid: form({
          intent: fc.constant("add"),
          name: text(120),
          email,
          phone: optional(fc.constantFrom("077 123 45 67", "+31 6 12345678", "")),
          jobTitle: optional(text(120)),
        }),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.contactA, values: { companyId: ctx.world.companyA.id } }),
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const address = String(value.email);
          const row = await ctx.db.companyContact.findFirst({ where: { companyId: fx.values.companyId, email: address, removedAt: null } });
          if (!row) return "contact";
          if (row.name !== value.name) return `name stored as ${JSON.stringify(row.name)}`;
          const mails = await ctx.db.outboxMessage.count({ where: { toAddress: address, template: "invitation" } });
          return mails ? null : "invitation mail";
        },
        async shownOn(ctx, fx) {
          return [{ path: `/bedrijf/${fx.values.companyId}/contactpersonen`, cookie: ctx.world.cookies.board }];
        },
      },
      {
        name: "remove",
        valid: form({ intent: fc.constant("remove"), contactId: fc.constant("{contactId}") }),
        async prepare(ctx) {
          const company = await ctx.db.company.create({ data: { name: "Bedrijf met twee", slug: fresh("nw-two-") } });
          const leaving = await contact(ctx.db, company.id, "Vertrekt", `${fresh("weg-")}@guards.example`);
          await contact(ctx.db, company.id, "Blijft", `${fresh("blijft-")}@guards.example`);
          return { cookie: ctx.world.cookies.board, values: { companyId: company.id, contactId: leaving.id } };
        },
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const row = await ctx.db.companyContact.findUniqueOrThrow({ where: { id: fx.values.contactId } });
          return row.removedAt ? null : "contact not removed";
        },
      },
    ],
  },
  {
    route: "routes/bedrijf.$companyId.verzoeken",
    path: "/bedrijf/:companyId/verzoeken",
    param: "{companyId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "requestId", "answer", "text"],
    aimed: { requestId: ID_TRICKS, answer: ["yes", "WITHDRAWN", "OPEN"] },
    tables: ["CompanyRequest", "OutboxMessage", "AuditLog"],
    variants: [
      {
        name: "answer",
        valid: form({ intent: fc.constant("answer"), requestId: fc.constant("{requestId}"), answer: fc.constantFrom("YES", "NO"), text: optional(text(2000)) }),
        async prepare(ctx) {
          const open = await request(ctx.db, ctx.world.companyA.id, "Te beantwoorden");
          return { cookie: ctx.world.cookies.contactA, values: { companyId: ctx.world.companyA.id, requestId: open.id } };
        },
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const row = await ctx.db.companyRequest.findUniqueOrThrow({ where: { id: fx.values.requestId } });
          if (row.status !== value.answer) return `status ${row.status}`;
          return row.answer === value.text ? null : `answer stored as ${JSON.stringify(row.answer)}`;
        },
        async shownOn(ctx, fx) {
          return [{ path: `/bedrijf/${fx.values.companyId}/verzoeken`, cookie: ctx.world.cookies.contactA }];
        },
      },
    ],
  },
  {
    route: "routes/verzoeken.nieuw",
    path: "/verzoeken/nieuw",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "companyId", "kind", "subject", "details"],
    aimed: { companyId: ID_TRICKS, kind: ["internship", "PUPIL", ""] },
    tables: ["CompanyRequest", "OutboxMessage", "AuditLog"],
    variants: [
      {
        name: "record",
        valid: form({
          intent: fc.constant("record"),
          companyId: fc.constant("{companyId}"),
          kind: fc.constantFrom("INTERNSHIP", "VISIT", "CASE", "SPONSORING", "JURY", "MEETING", "OTHER"),
          subject: text(200),
          details: optional(text(4000)),
        }),
        async prepare(ctx) {
          const company = await ctx.db.company.create({ data: { name: "Gevraagd bedrijf", slug: fresh("nw-asked-"), status: "ACTIVE" } });
          await contact(ctx.db, company.id, "Ontvanger", `${fresh("ontvanger-")}@guards.example`);
          return { cookie: ctx.world.cookies.teacherA, values: { companyId: company.id } };
        },
        accepted: (res) => redirected(res, "/verzoeken"),
        async stored(ctx, fx, value) {
          const row = await ctx.db.companyRequest.findFirst({ where: { companyId: fx.values.companyId } });
          if (!row) return "request";
          if (row.subject !== value.subject || row.kind !== value.kind) return "subject or kind";
          const mails = await ctx.db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `company-request:${row.id}:asked:` } } });
          return mails === 1 ? null : `${mails} notice mails`;
        },
        async shownOn(ctx, fx) {
          return [{ path: `/verzoeken?bedrijf=${fx.values.companyId}`, cookie: ctx.world.cookies.board }];
        },
      },
    ],
  },
];

export const networkArea: GuardArea = {
  name: "network",
  async seedWorld({ db, mk, world }) {
    const a = world.companyA.id;
    const b = world.companyB.id;
    companyAPath = `/bedrijf/${a}`;
    companyBPath = `/bedrijf/${b}`;
    await db.company.update({ where: { id: a }, data: { description: `Beschrijving ${mk("nwProfileA")}` } });
    await db.company.update({ where: { id: b }, data: { description: `Beschrijving ${mk("nwProfileB")}` } });
    await contact(db, a, `Contact A ${mk("nwContactA")}`, "contact-a@guards.example", world.userIds.contactA);
    await contact(db, a, "Tweede contact A", "contact-a2@guards.example");
    await contact(db, b, `Contact B ${mk("nwContactB")}`, "contact-b@guards.example", world.userIds.contactB);
    await invoice(db, a, fresh("NW-A-"), `Jaarbijdrage ${mk("nwInvoiceA")}`);
    await invoice(db, b, fresh("NW-B-"), `Jaarbijdrage ${mk("nwInvoiceB")}`);
    await request(db, a, `Stage ${mk("nwRequestA")}`);
    await request(db, b, `Stage ${mk("nwRequestB")}`);
    // A listed company of our own, so the directory's marker does not depend on A's and B's status.
    const listed = await db.company.create({ data: { name: `Vriend ${mk("nwListed")}`, slug: fresh("nw-listed-"), status: "ACTIVE", sector: "Bouw" } });
    await contact(db, listed.id, `Persoon ${mk("nwListedContact")}`, `${fresh("listed-")}@guards.example`);
    await request(db, listed.id, `Bezoek ${mk("nwListedRequest")}`);
    world.params.nwListedCompanyId = listed.id;
  },
  rows,
  actions,
  pages: {
    "routes/bedrijf.$companyId": { as: "contact", path: (d) => `/bedrijf/${d.params.nwCompanyId}` },
    "routes/bedrijf.$companyId._index": { as: "contact", path: (d) => `/bedrijf/${d.params.nwCompanyId}` },
    "routes/bedrijf.$companyId.contactpersonen": { as: "contact", path: (d) => `/bedrijf/${d.params.nwCompanyId}/contactpersonen` },
    "routes/bedrijf.$companyId.facturen": { as: "contact", path: (d) => `/bedrijf/${d.params.nwCompanyId}/facturen` },
    "routes/bedrijf.$companyId.verzoeken": { as: "contact", path: (d) => `/bedrijf/${d.params.nwCompanyId}/verzoeken` },
    "routes/bedrijf.$companyId.jaaroverzicht": { as: "contact", path: (d) => `/bedrijf/${d.params.nwCompanyId}/jaaroverzicht` },
    "routes/netwerk._index": { as: "contact", path: () => "/netwerk" },
    "routes/verzoeken._index": { as: "teacher", path: () => "/verzoeken" },
    "routes/verzoeken.nieuw": { as: "teacher", path: (d) => `/verzoeken/nieuw?bedrijf=${d.params.nwCompanyId}` },
  },
  async seedDataset({ db, scale, tag, viewerCompanyId, units }) {
    const at = new Date();
    for (let unit = 0; unit < scale; unit++) {
      const u = `${tag}u${unit}`;
      for (const [i, companyId] of units[unit]!.companyIds.entries()) {
        for (let c = 0; c < 2; c++) await contact(db, companyId, `Contact ${u}-${i}-${c}`, `contact-${u}-${i}-${c}@datasets.example`);
        await request(db, companyId, `Verzoek ${u}-${i}`);
      }
      // The viewer's own company grows too: contacts, requests (open and answered), invoices and payments.
      for (let c = 0; c < 2; c++) await contact(db, viewerCompanyId, `Collega ${u}-${c}`, `collega-${u}-${c}@datasets.example`);
      await request(db, viewerCompanyId, `Open verzoek ${u}`);
      await request(db, viewerCompanyId, `Beantwoord verzoek ${u}`, "YES");
      const paid = await invoice(db, viewerCompanyId, `NW-${u}-1`, `Jaarbijdrage ${u}`, "PAID");
      await invoice(db, viewerCompanyId, `NW-${u}-2`, `Jaarbijdrage ${u} (2)`);
      await db.payment.create({
        data: { purposeType: "invoice", purposeId: paid.id, description: `Factuur ${u}`, amountCents: 25_000, status: "PAID", createdAt: at, updatedAt: at, paidAt: at },
      });
    }
    return { nwCompanyId: viewerCompanyId };
  },
};
