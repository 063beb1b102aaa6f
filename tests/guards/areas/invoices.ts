// Guards for the invoices area (issue 7): its objects in the world, matrix rows, hostile-input rows,
// query-budget plans and dataset rows. See types.ts.
//
// The world gets a contribution invoice of company A and one of company B (their numbers and
// descriptions are markers), in a school year of its own, each with a secret link token.
import fc from "fast-check";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { startInvoicePayment } from "../../../app/modules/invoices/invoices.server";
import { now } from "../../../app/utils/clock.server";
import { randomToken } from "../../../app/utils/crypto.server";
import { toDateInputValue } from "../../../app/utils/format";
import type { Cells, Row } from "../access-matrix";
import { cellsOf, everyone, marker } from "../cells";
import { form, fresh, ID_TRICKS, redirected, sessionFor, typedText, type Ctx, type Fixture, type FormAction } from "../kit";

// A transfer can only be recorded as received today or earlier, and not before the invoice
// (issue 15, finding 12): the valid date is today's, typed in each accepted style.
const typedPaidDate = fc.constantFrom("iso", "-", "/", ".").map((style) => {
  const [y, m, d] = toDateInputValue(now()).split("-");
  return style === "iso" ? `${y}-${m}-${d}` : `${Number(d)}${style}${Number(m)}${style}${y}`;
});
import type { GuardArea } from "./types";

/** The world's and the datasets' school year: far from any real one, so nothing else invoices it. */
const GUARD_YEAR = 2091;

/** An invoice of company A: the board and company A's contacts; anyone else signed in gets 404. */
const INVOICE_A: Cells = {
  anonymous: "login", board: 200, contactA: 200, contactB: 404, schoolContactA: 404, schoolContactB: 404,
  teacherA: 404, teacherB: 404, pupilA: 404, jurorA: 404, officialA: 404,
};
const INVOICE_B: Cells = { ...INVOICE_A, contactA: 404, contactB: 200 };
const POST_A = {
  anonymous: "login", board: 400, contactA: 400, contactB: 404, schoolContactA: 404, schoolContactB: 404,
  teacherA: 404, teacherB: 404, pupilA: 404, jurorA: 404, officialA: 404,
} as const;
const BOARD_ONLY: Cells = cellsOf(403, { anonymous: "login", board: 200 });

// Text a person can type that survives the trip (NUL is dropped, blanks trimmed).
const text = (max: number) => typedText(max).filter((s) => s.replaceAll("\u0000", "").trim().length > 0 && s.replaceAll("\u0000", "").trim().length <= max);

async function schoolYear(db: PrismaClient, startYear: number) {
  await db.schoolYear.createMany({
    data: [{ startYear, startsOn: new Date(Date.UTC(startYear, 6, 31, 22)), endsOn: new Date(Date.UTC(startYear + 1, 6, 31, 21, 59, 59)) }],
    skipDuplicates: true,
  });
  return db.schoolYear.findUniqueOrThrow({ where: { startYear } });
}

/** A contribution invoice, straight into the table (the world has no foundation settings). */
async function invoice(
  db: PrismaClient,
  data: { companyId: string; schoolYearId: string | null; number: string; description: string; status?: "OPEN" | "PAID"; billingEmail?: string },
) {
  const at = new Date();
  return db.invoice.create({
    data: {
      number: data.number,
      companyId: data.companyId,
      schoolYearId: data.schoolYearId,
      kind: "CONTRIBUTION",
      status: data.status ?? "OPEN",
      description: data.description,
      periodStart: at,
      periodEnd: new Date(at.getTime() + 300 * 86_400_000),
      issuedAt: at,
      dueAt: new Date(at.getTime() + 30 * 86_400_000),
      netCents: 25_000,
      vatMode: "EXEMPT",
      vatRateBp: 0,
      vatCents: 0,
      totalCents: 25_000,
      seller: { name: "Stichting Guards", address: "Straat 1", postcode: "5911 AA", city: "Venlo", kvkNumber: "12345678", iban: "NL91 ABNA 0417 1643 00", email: "s@guards.example" },
      buyer: { name: "Bedrijf", billingEmail: data.billingEmail ?? "factuur@guards.example" },
      accessToken: randomToken(32),
      paidAt: data.status === "PAID" ? at : null,
      settledVia: data.status === "PAID" ? "TRANSFER" : null,
      createdAt: at,
      updatedAt: at,
    },
  });
}

/** A fresh open invoice of company A (a case must not find it paid by the one before). */
async function freshInvoice(ctx: Ctx) {
  const number = fresh("G-");
  // Unique per (company, school year, kind): fresh invoices have no school year.
  return invoice(ctx.db, { companyId: ctx.world.companyA.id, schoolYearId: null, number, description: `Jaarbijdrage ${number}` });
}

const boardFixture = async (ctx: Ctx): Promise<Fixture & { invoiceId: string }> => {
  const created = await freshInvoice(ctx);
  return { cookie: await sessionFor(ctx.db, ctx.world.userIds.board), values: { invoiceId: created.id }, invoiceId: created.id };
};

const rows: Record<string, Row> = {
  "routes/factuur.$token": {
    why: "The link in an invoice mail: the token is the key, so whoever holds it sees and may pay the invoice.",
    path: (w) => `/factuur/${w.params.invoiceTokenA}`,
    marker: marker("invoiceA"),
    cells: everyone(200),
    also: [
      {
        why: "A wrong token is a 404 for everyone.",
        path: () => `/factuur/${"x".repeat(43)}`,
        marker: marker("invoiceA"),
        cells: everyone(404),
      },
      {
        why: "Back from checkout with ?session_id: the page offers to ask Stripe (a POST); it writes nothing itself.",
        path: (w) => `/factuur/${w.params.invoiceTokenA}?session_id=cs_test_guards_unknown`,
        marker: marker("invoiceA"),
        cells: everyone(200),
      },
    ],
    action: {
      why: "Paying needs only the token (like the page); a form that is no payment is refused for everyone.",
      form: () => ({ intent: "no-such-intent" }),
      cells: everyone(400),
    },
  },
  "routes/factuur.$token.pdf": {
    why: "The invoice PDF from the mail link: the token is the key.",
    path: (w) => `/factuur/${w.params.invoiceTokenA}/pdf`,
    marker: marker("invoiceA"),
    cells: everyone(200),
    also: [
      {
        why: "A wrong token is a 404 for everyone.",
        path: () => `/factuur/${"x".repeat(43)}/pdf`,
        marker: marker("invoiceA"),
        cells: everyone(404),
      },
    ],
  },
  "routes/facturen.$invoiceId": {
    why: "Company A's invoice for signed-in people: the board and A's contacts; to anyone else it does not exist.",
    path: (w) => `/facturen/${w.params.invoiceIdA}`,
    marker: marker("invoiceA"),
    cells: INVOICE_A,
    also: [
      {
        why: "Company B's invoice: the other way round.",
        path: (w) => `/facturen/${w.params.invoiceIdB}`,
        marker: marker("invoiceB"),
        cells: INVOICE_B,
      },
    ],
    action: {
      why: "Paying company A's invoice: the board and A's contacts (the harmless form is refused with 400); others 404.",
      form: () => ({ intent: "no-such-intent" }),
      cells: POST_A,
    },
  },
  "routes/facturen.$invoiceId.pdf": {
    why: "The PDF of company A's invoice: the board and A's contacts; to anyone else it does not exist.",
    path: (w) => `/facturen/${w.params.invoiceIdA}/pdf`,
    marker: marker("invoiceA"),
    cells: INVOICE_A,
    also: [
      {
        why: "Company B's PDF: the other way round.",
        path: (w) => `/facturen/${w.params.invoiceIdB}/pdf`,
        marker: marker("invoiceB"),
        cells: INVOICE_B,
      },
    ],
  },
  "routes/bestuur.facturen": {
    why: "Only the board sees every company's invoices and who has not paid.",
    path: () => `/bestuur/facturen?jaar=${GUARD_YEAR}`,
    marker: marker("invoiceA"),
    cells: BOARD_ONLY,
    action: {
      why: "Only the board records transfers, waives and mails invoices again.",
      form: () => ({ intent: "no-such-intent" }),
      cells: {
        anonymous: "login", board: 400, contactA: 403, contactB: 403, schoolContactA: 403, schoolContactB: 403,
        teacherA: 403, teacherB: 403, pupilA: 403, jurorA: 403, officialA: 403,
      },
    },
  },
};

// --- Hostile input ----------------------------------------------------------------------------

const invoiceStatus = async (ctx: Ctx, fx: Fixture) => (await ctx.db.invoice.findUniqueOrThrow({ where: { id: fx.values.invoiceId! } })).status;

/** Pay variants of an invoice page (public by token, or signed in by id). */
function payVariants(signedIn: boolean): FormAction["variants"] {
  const prepare = async (ctx: Ctx): Promise<Fixture> => {
    const created = await freshInvoice(ctx);
    const cookie = signedIn ? await sessionFor(ctx.db, ctx.world.userIds.contactA) : undefined;
    return { cookie, values: { invoiceId: created.id, token: created.accessToken } };
  };
  return [
    {
      name: "pay",
      valid: form({ intent: fc.constant("pay"), method: fc.constantFrom("card-ideal", "sepa") }),
      prepare,
      accepted: (res) => redirected(res, "http://localhost:3000/dev/stripe/checkout/"),
      async stored(ctx, fx) {
        const payment = await ctx.db.payment.findFirst({ where: { purposeType: "invoice", purposeId: fx.values.invoiceId! } });
        return payment ? null : "no payment for the invoice";
      },
    },
    {
      name: "sync",
      valid: form({ intent: fc.constant("sync"), sessionId: fc.constant("{sessionId}") }),
      async prepare(ctx) {
        const fx = await prepare(ctx);
        const created = await ctx.db.invoice.findUniqueOrThrow({ where: { id: fx.values.invoiceId! } });
        const checkout = await startInvoicePayment(created, "card-ideal", { returnPath: "/", actorId: null });
        ctx.fake.pay(checkout.sessionId, "ideal");
        await ctx.settle();
        return { ...fx, values: { ...fx.values, sessionId: checkout.sessionId } };
      },
      accepted: (res) => res.status === 200,
      async stored(ctx, fx) {
        const status = await invoiceStatus(ctx, fx);
        return status === "PAID" ? null : `invoice is ${status}`;
      },
    },
  ];
}

const SESSION_TRICKS = ["cs_", "cs_x\u0000", "cs_../x", "pi_123", `cs_${"x".repeat(201)}`];

const actions: FormAction[] = [
  {
    route: "routes/factuur.$token",
    path: "/factuur/:token",
    param: "{token}",
    reads: { as: "entries" },
    refusal: "4xx",
    fields: ["intent", "method", "sessionId"],
    aimed: { method: ["card", "ideal", "SEPA", "sepa\u0000"], sessionId: SESSION_TRICKS },
    tables: ["Payment", "PaymentEvent", "AuditLog", "Invoice", "CompanyStatusChange", "Company", "StripeEvent"],
    variants: payVariants(false),
  },
  {
    route: "routes/facturen.$invoiceId",
    path: "/facturen/:invoiceId",
    param: "{invoiceId}",
    reads: { as: "entries" },
    refusal: "4xx",
    fields: ["intent", "method", "sessionId"],
    aimed: { method: ["card", "ideal", "SEPA"], sessionId: SESSION_TRICKS },
    tables: ["Payment", "PaymentEvent", "AuditLog", "Invoice", "CompanyStatusChange", "Company", "StripeEvent"],
    variants: payVariants(true),
  },
  {
    route: "routes/bestuur.facturen",
    path: "/bestuur/facturen",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "invoiceId", "date", "reference", "reason"],
    aimed: { invoiceId: ID_TRICKS, date: ["31-02-2026", "2026-13-01", "1-1-99999", "vandaag", ""] },
    tables: ["Invoice", "AuditLog", "Company", "CompanyStatusChange", "OutboxMessage", "Job", "Payment", "PaymentEvent"],
    variants: [
      {
        name: "transfer",
        valid: form({ intent: fc.constant("transfer"), invoiceId: fc.constant("{invoiceId}"), date: typedPaidDate, reference: text(100) }),
        prepare: boardFixture,
        accepted: (res) => redirected(res, "/bestuur/facturen"),
        async stored(ctx, fx, value) {
          const row = await ctx.db.invoice.findUniqueOrThrow({ where: { id: fx.values.invoiceId! } });
          if (row.status !== "PAID" || row.settledVia !== "TRANSFER") return `invoice is ${row.status}`;
          return row.transferReference === value.reference ? null : `reference stored as ${JSON.stringify(row.transferReference)}`;
        },
        shownOn: async (ctx, fx) => [{ path: `/facturen/${fx.values.invoiceId}`, cookie: fx.cookie }, { path: "/bestuur/facturen", cookie: fx.cookie }],
      },
      {
        name: "waive",
        valid: form({ intent: fc.constant("waive"), invoiceId: fc.constant("{invoiceId}"), reason: text(500) }),
        prepare: boardFixture,
        accepted: (res) => redirected(res, "/bestuur/facturen"),
        async stored(ctx, fx, value) {
          const row = await ctx.db.invoice.findUniqueOrThrow({ where: { id: fx.values.invoiceId! } });
          if (row.status !== "WAIVED") return `invoice is ${row.status}`;
          return row.waivedReason === value.reason ? null : `reason stored as ${JSON.stringify(row.waivedReason)}`;
        },
      },
      {
        name: "resend",
        valid: form({ intent: fc.constant("resend"), invoiceId: fc.constant("{invoiceId}") }),
        async prepare(ctx) {
          const fx = await boardFixture(ctx);
          await ctx.db.company.update({ where: { id: ctx.world.companyA.id }, data: { billingEmail: "factuur-a@guards.example" } });
          return fx;
        },
        accepted: (res) => redirected(res, "/bestuur/facturen"),
        async stored(ctx, fx) {
          const mail = await ctx.db.outboxMessage.findFirst({ where: { idempotencyKey: { startsWith: `invoice:${fx.values.invoiceId}:resent:` } } });
          return mail ? null : "no mail in the outbox";
        },
      },
    ],
  },
];

export const invoicesArea: GuardArea = {
  name: "invoices",
  async seedWorld({ db, mk, world }) {
    const year = await schoolYear(db, GUARD_YEAR);
    const numberA = mk("invoiceA");
    const numberB = mk("invoiceB");
    const a = await invoice(db, { companyId: world.companyA.id, schoolYearId: year.id, number: numberA, description: `Jaarbijdrage ${numberA}` });
    const b = await invoice(db, { companyId: world.companyB.id, schoolYearId: year.id, number: numberB, description: `Jaarbijdrage ${numberB}`, status: "PAID" });
    world.params.invoiceIdA = a.id;
    world.params.invoiceIdB = b.id;
    world.params.invoiceTokenA = a.accessToken;
  },
  rows,
  actions,
  pages: {
    "routes/bestuur.facturen": { as: "board", path: (d) => `/bestuur/facturen?jaar=${d.params.invoiceYear}` },
    "routes/facturen.$invoiceId": { as: "contact", path: (d) => `/facturen/${d.params.invoiceId}` },
    "routes/factuur.$token": { as: "anonymous", path: (d) => `/factuur/${d.params.invoiceToken}` },
  },
  async seedDataset({ db, scale, tag, viewerCompanyId, units }) {
    const year = await schoolYear(db, GUARD_YEAR + 1);
    const at = new Date();
    let first: { id: string; accessToken: string } | undefined;
    for (let unit = 0; unit < scale; unit++) {
      const u = `${tag}u${unit}`;
      for (const [i, companyId] of units[unit]!.companyIds.entries()) {
        const created = await invoice(db, {
          companyId,
          schoolYearId: year.id,
          number: `INV-${u}-${i}`,
          description: `Jaarbijdrage ${u}-${i}`,
          status: i % 2 ? "PAID" : "OPEN",
        });
        if (companyId === viewerCompanyId) first = created;
        // Payments and reminders of every invoice grow with the data (3 and 2 per unit of scale):
        // the invoice pages list them and must not query per row.
        await db.payment.createMany({
          data: Array.from({ length: 3 * scale }, (_, p) => ({
            purposeType: "invoice",
            purposeId: created.id,
            description: `Factuur INV-${u}-${i} (${p % 3 === 2 ? "SEPA" : "iDEAL"})`,
            amountCents: 25_000,
            status: p % 3 === 0 ? ("EXPIRED" as const) : p % 3 === 1 ? ("FAILED" as const) : ("OPEN" as const),
            checkoutSessionId: `cs_inv_${u}_${i}_${p}`,
            checkoutUrl: null,
            createdAt: new Date(at.getTime() - (3 * scale - p) * 60_000),
            updatedAt: at,
          })),
        });
        await db.invoiceReminder.createMany({
          data: Array.from({ length: 2 * scale }, (_, k) => (k + 1) * 30).map((step) => ({ invoiceId: created.id, step, sentAt: at, toAddress: `factuur-${u}-${i}@datasets.example` })),
        });
      }
    }
    if (!first) throw new Error("invoices dataset: the viewer's company got no invoice");
    return { invoiceYear: String(GUARD_YEAR + 1), invoiceId: first.id, invoiceToken: first.accessToken };
  },
};
