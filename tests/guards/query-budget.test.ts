// Guard: query budgets. Every page's loader runs under a Prisma query counter (query events) on a
// small and on a ten times larger dataset (tests/guards/datasets.ts), each in its own database.
// The two counts must be equal — a page's queries do not grow with its rows (no query in a loop) —
// and within the budget the route declares next to its loader (`export const queryBudget = N`,
// at most MAX_BUDGET). A page without a budget, or without a row in PAGES below, fails.
// QB_SQL=1 prints each page's statements.
import { PrismaPg } from "@prisma/adapter-pg";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dropDatabase } from "~/server/embedded-postgres";
import { PrismaClient } from "~/generated/prisma/client";
import { LOGO_OWNER_TYPE } from "~/modules/companies/logos.server";
import { storeUpload } from "~/modules/files/files.server";
import { startStripeFake, type StripeFake } from "~/modules/payments/stripe-fake.server";
import { getDb, setDb } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { createDatabaseFromTemplate } from "../support/test-postgres";
import { AREAS } from "./areas";
import type { PagePlan } from "./areas/types";
import { buildDataset, type Dataset } from "./datasets";
import { bootApp, plantRoutes, type App, type RouteInfo } from "./harness";
import { recordBite, recordGuard } from "./report";

export const MAX_BUDGET = 8;

/** How to get a 200 from each page (the catch-all answers 404 by design); areas add theirs. */
const CORE_PAGES: Record<string, PagePlan> = {
  "routes/$": { as: "anonymous", path: () => "/bestaat-niet", status: 404 },
  "routes/_index": { as: "anonymous", path: () => "/" },
  "routes/account": { as: "board", path: () => "/account" },
  "routes/bestuur.mensen": { as: "board", path: () => "/bestuur/mensen" },
  "routes/dashboard": { as: "teacher", path: () => "/dashboard" },
  "routes/dev.mailbox._index": { as: "anonymous", path: () => "/dev/mailbox" },
  "routes/dev.mailbox.$messageId": { as: "anonymous", path: (d) => `/dev/mailbox/${d.params.messageId}` },
  "routes/dev.payments": { as: "anonymous", path: () => "/dev/payments" },
  "routes/dev.stripe.checkout.$sessionId": { as: "anonymous", path: (d) => `/dev/stripe/checkout/${d.params.sessionId}` },
  "routes/invitation.$token": { as: "anonymous", path: (d) => `/invitation/${d.params.invitationToken}` },
  "routes/login._index": { as: "anonymous", path: () => "/login" },
  "routes/login.code": { as: "anonymous", path: () => "/login/code?email=persoon%40datasets.example" },
  "routes/login.confirm.$token": { as: "anonymous", path: (d) => `/login/confirm/${d.params.loginToken}` },
  "routes/login.leerling": { as: "anonymous", path: () => "/login/leerling" },
  "routes/ontwerp": { as: "anonymous", path: () => "/ontwerp" },
};
const PAGES: Record<string, PagePlan> = Object.assign({}, CORE_PAGES, ...AREAS.map((area) => area.pages ?? {}));

/** A file, PDF or CSV answer: one GET is counted (its budget lives here, the route has no page). */
type ResourcePlan = PagePlan & { route: string; budget: number };

/** The files, PDFs and CSV exports: the same rule as pages (equal on 1× and 10×, within budget). */
const RESOURCES: Record<string, ResourcePlan> = {
  "invoice PDF": { route: "routes/facturen.$invoiceId.pdf", as: "contact", path: (d) => `/facturen/${d.params.invoiceId}/pdf`, budget: 6 },
  "invoice PDF by link": { route: "routes/factuur.$token.pdf", as: "anonymous", path: (d) => `/factuur/${d.params.invoiceToken}/pdf`, budget: 4 },
  "stored file": { route: "routes/files.$fileId", as: "board", path: (d) => `/files/${d.params.fileId}`, budget: 4 },
  "companies CSV": { route: "routes/bestuur.bedrijven[.]csv", as: "board", path: () => "/bestuur/bedrijven.csv", budget: 6 },
  "results CSV": { route: "routes/bestuur.edities.$editionId.uitslag[.]csv", as: "board", path: (d) => `/bestuur/edities/${d.params.rsEditionId}/uitslag.csv`, budget: 6 },
  "certificate PDF": { route: "routes/teams.$teamId.oorkonde[.]pdf", as: "teacher", path: (d) => `/teams/${d.params.rsTeamId}/oorkonde.pdf`, budget: 8 },
  "edition overview CSV": {
    route: "routes/bestuur.edities.$editionId.overzicht[.]csv",
    as: "board",
    path: (d) => `/bestuur/edities/${d.params.submissionEditionId}/overzicht.csv`,
    budget: 6,
  },
};

/** Resource routes with a loader that are no file, PDF or CSV, and why they need no budget. */
const NO_RESOURCE_BUDGET: Record<string, string> = {
  "routes/bedrijf._index": "only redirects to the person's own company",
  "routes/healthz": "one fixed query (SELECT 1)",
  "routes/language": "a GET only redirects home",
  "routes/logout": "a GET only redirects home",
  "routes/webhooks.stripe": "answers a GET with 405",
};

/** A client on one database that counts the SQL statements it sends. */
type Counted = { client: PrismaClient; count: number; url: string };

function countingClient(url: string): Counted {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
  const counted: Counted = { client, count: 0, url };
  client.$on("query", (e) => {
    counted.count++;
    if (process.env.QB_SQL) console.log(`SQL ${e.query.slice(0, 160)}`);
  });
  return counted;
}

const largeName = `t_qb_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
let app: App;
let fake: StripeFake;
let fileClient: PrismaClient;
const dbs: { small?: Counted; large?: Counted } = {};
const datasets: { small?: Dataset; large?: Dataset } = {};
let dataDir: string | undefined;
let savedDataDir: string | undefined;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.RESEND_API_KEY;
  resetEnv();
  // Every request renders: repeats of a public page would otherwise come from the shared rendering.
  app = await bootApp({ sharedPages: false });
  fake = await startStripeFake({ deliver: async () => new Response("ok"), autoExpireIntervalMs: 0, log: () => {} });
  fileClient = getDb();
  dbs.small = countingClient(process.env.DATABASE_URL!);
  dbs.large = countingClient(await createDatabaseFromTemplate(inject("adminUrl"), largeName));
  // Stored files go to a folder of this run (the files route reads them back).
  dataDir = await mkdtemp(path.join(tmpdir(), "vv-qb-"));
  savedDataDir = process.env.DATA_DIR;
  process.env.DATA_DIR = dataDir;
  resetEnv();
  for (const [size, scale] of [["small", 1], ["large", 10]] as const) {
    setDb(dbs[size]!.client);
    const dataset = await buildDataset(dbs[size]!.client, scale);
    // One stored file (a listed company's logo, under the app's own rule) for the files route.
    const company = await dbs[size]!.client.company.findFirstOrThrow({ where: { status: "ACTIVE" }, select: { id: true } });
    const pdf = new File([`%PDF-1.4\n% logo ${size}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`], "logo.pdf", { type: "application/pdf" });
    const stored = await storeUpload({ file: pdf, kind: "DOCUMENT", ownerType: LOGO_OWNER_TYPE, ownerId: company.id, uploadedById: null });
    if (!stored.ok) throw new Error(`dataset: the file was refused: ${stored.error}`);
    dataset.params.fileId = stored.file.id;
    datasets[size] = dataset;
  }
}, 300_000);

afterAll(async () => {
  setDb(fileClient);
  await fake?.stop();
  await dbs.small?.client.$disconnect();
  await dbs.large?.client.$disconnect();
  await dropDatabase(inject("adminUrl"), largeName);
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  resetEnv();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type Measure = { loader: number; document: number; status: number };

/** Queries of the page's own loader (a Remix data request) and of the whole document (root too). */
async function measure(route: RouteInfo, size: "small" | "large", plan: PagePlan = PAGES[route.id]!, on: App = app): Promise<Measure> {
  const counted = dbs[size]!;
  const dataset = datasets[size]!;
  setDb(counted.client);
  const path = plan.path(dataset);
  const cookie = plan.as === "anonymous" ? undefined : dataset.cookies[plan.as];
  const get = async (url: string) => {
    const headers = new Headers(cookie ? { Cookie: cookie } : {});
    const res = await on.handler(new Request(`http://localhost:3000${url}`, { headers, redirect: "manual" }));
    await res.arrayBuffer();
    return res;
  };
  if (!route.hasComponent) {
    // A file, PDF or CSV: its one GET is the loader and the document.
    await get(path);
    counted.count = 0;
    const res = await get(path);
    return { loader: counted.count, document: counted.count, status: res.status };
  }
  await get(path); // warm: the first request of a page may load modules, never more queries
  counted.count = 0;
  if (process.env.QB_SQL) console.log(`SQL ---- ${route.id} ${size}`);
  const data = await get(`${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route.id)}`);
  const loader = counted.count;
  counted.count = 0;
  const document = await get(path);
  if (data.status !== document.status) throw new Error(`${route.id}: data request ${data.status}, document ${document.status}`);
  return { loader, document: counted.count, status: document.status };
}

/** What is wrong with a page's counts (small and large dataset) against its budget; [] when nothing. */
function judge(name: string, small: Measure, large: Measure, budget: number | undefined, expected: number): string[] {
  if (small.status !== expected || large.status !== expected) return [`${name}: answered ${small.status} (small) / ${large.status} (large), expected ${expected}`];
  const problems: string[] = [];
  if (small.loader !== large.loader) problems.push(`${name}: loader makes ${small.loader} queries on the small dataset but ${large.loader} on the 10× one`);
  if (small.document !== large.document) problems.push(`${name}: the whole page makes ${small.document} queries on the small dataset but ${large.document} on the 10× one`);
  if (typeof budget === "number" && Math.max(small.loader, large.loader) > budget) {
    problems.push(`${name}: loader makes ${Math.max(small.loader, large.loader)} queries, over its budget of ${budget}`);
  }
  return problems;
}

const figures: Record<string, string> = {};
let mostQueries = 0;
const failed: string[] = [];

describe("query budgets", () => {
  it("every page declares a budget and has a row in PAGES", () => {
    const pages = app.routes.filter((r) => r.hasComponent && r.hasLoader);
    const problems: string[] = [];
    for (const page of pages) {
      const budget = page.module.queryBudget;
      if (typeof budget !== "number" || !Number.isInteger(budget) || budget < 0) {
        problems.push(`${page.id}: no query budget (export const queryBudget = N next to its loader)`);
      } else if (budget > MAX_BUDGET) problems.push(`${page.id}: budget ${budget} is above the maximum of ${MAX_BUDGET}`);
      if (!PAGES[page.id]) problems.push(`${page.id}: no row in PAGES (tests/guards/query-budget.test.ts, or its area's pages): as whom and where it answers 200`);
    }
    for (const id of Object.keys(PAGES)) if (!pages.some((p) => p.id === id)) problems.push(`${id}: in PAGES but not a page`);
    failed.push(...problems.map((p) => p.split(":")[0]!));
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("each page's queries are the same for 1× and 10× the data, and within its budget", async () => {
    const problems: string[] = [];
    for (const page of app.routes.filter((r) => r.hasComponent && r.hasLoader && PAGES[r.id])) {
      const small = await measure(page, "small");
      const large = await measure(page, "large");
      const budget = page.module.queryBudget as number | undefined;
      const expected = PAGES[page.id]!.status ?? 200;
      figures[page.id] = `${small.loader}/${large.loader} (document ${small.document}/${large.document}), budget ${budget ?? "none"}`;
      mostQueries = Math.max(mostQueries, small.loader, large.loader);
      problems.push(...judge(page.id, small, large, budget, expected));
    }
    failed.push(...problems.map((p) => p.split(":")[0]!));
    const table = Object.entries(figures).map(([id, f]) => `  ${id}: ${f}`).join("\n");
    expect(problems, `${problems.join("\n")}\n\nqueries small/large:\n${table}`).toEqual([]);
  }, 120_000);

  it("every file, PDF and CSV route has a plan, or a reason why it needs none", () => {
    const problems: string[] = [];
    for (const route of app.routes.filter((r) => r.hasLoader && !r.hasComponent)) {
      if (!Object.values(RESOURCES).some((r) => r.route === route.id) && !NO_RESOURCE_BUDGET[route.id]) {
        problems.push(`${route.id}: a resource route without a plan in RESOURCES (tests/guards/query-budget.test.ts) or a reason in NO_RESOURCE_BUDGET`);
      }
    }
    for (const [name, plan] of Object.entries(RESOURCES)) if (!app.routes.some((r) => r.id === plan.route)) problems.push(`${name}: ${plan.route} is not a route`);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("each file, PDF and CSV answer's queries are the same for 1× and 10× the data, and within its budget", async () => {
    const problems: string[] = [];
    for (const [name, plan] of Object.entries(RESOURCES)) {
      const route = app.routes.find((r) => r.id === plan.route)!;
      // Counted as one GET of the address.
      const asResource = { ...route, hasComponent: false };
      const small = await measure(asResource, "small", plan);
      const large = await measure(asResource, "large", plan);
      const label = `${plan.route} (${name})`;
      figures[label] = `${small.loader}/${large.loader}, budget ${plan.budget}`;
      mostQueries = Math.max(mostQueries, small.loader, large.loader);
      problems.push(...judge(label, small, large, plan.budget, plan.status ?? 200));
    }
    failed.push(...problems.map((p) => p.split(":")[0]!));
    expect(problems, `${problems.join("\n")}\n\nqueries small/large:\n${Object.entries(figures).map(([id, f]) => `  ${id}: ${f}`).join("\n")}`).toEqual([]);
  }, 120_000);
});

describe("the query-budget guard bites", () => {
  it("reports, by name, a planted loader that queries once per row", async () => {
    const planted = plantRoutes(app, [
      {
        id: "routes/guards-bite.n-plus-one",
        path: "guards-bite/n-plus-one",
        module: {
          // Deliberately broken: one query per company.
          loader: async () => {
            const companies = await getDb().company.findMany({ select: { id: true } });
            const names = [];
            for (const c of companies) names.push((await getDb().company.findUnique({ where: { id: c.id }, select: { name: true } }))?.name);
            return Response.json(names);
          },
        },
      },
    ]);
    const route = planted.routes[0]!;
    const plan: PagePlan = { as: "anonymous", path: () => "/guards-bite/n-plus-one" };
    const small = await measure(route, "small", plan, planted.app);
    const large = await measure(route, "large", plan, planted.app);
    const report = judge(route.id, small, large, MAX_BUDGET, 200).join("\n");
    expect(report).toMatch(/^routes\/guards-bite\.n-plus-one: loader makes \d+ queries on the small dataset but \d+ on the 10× one/m);
    expect(report).toContain("routes/guards-bite.n-plus-one: loader makes");
    recordBite("query-budget", "routes/guards-bite.n-plus-one (a query per row)", report);
  }, 120_000);
});

afterAll(() => {
  const resources = Object.keys(figures).filter((k) => k.endsWith(")") && k.includes(" (")).length;
  const pages = Object.keys(figures).length - resources;
  if (!pages && !resources) return;
  const { small, large } = datasets;
  const rows = (d?: Dataset) => (d ? Object.values(d.rows).reduce((a, b) => a + b, 0) : 0);
  recordGuard(
    "query-budget",
    `${pages} pages and ${resources} file/PDF/CSV answers under a budget (≤ ${MAX_BUDGET}), counted on ${rows(small)} and ${rows(large)} rows; most queries by one loader: ${mostQueries}${failed.length ? `; FAILED: ${failed.join(", ")}` : ""}`,
    { pages, resources, smallRows: rows(small), largeRows: rows(large), ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, [v]])) },
  );
});
