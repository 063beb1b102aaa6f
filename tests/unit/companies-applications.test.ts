// Companies apply, the board decides, tiers and settings: through the routes' loaders and actions.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { normalizeWebsite } from "~/modules/companies/applications.server";
import { canSeeCompanyLogo } from "~/modules/companies/logos.server";
import { getFoundationSettings } from "~/modules/companies/settings.server";
import { action as applyAction, loader as applyLoader } from "~/routes/aanmelden._index";
import { action as detailAction, loader as detailLoader } from "~/routes/bestuur.bedrijven.$companyId";
import { loader as csvLoader } from "~/routes/bestuur.bedrijven[.]csv";
import { loader as listLoader } from "~/routes/bestuur.bedrijven._index";
import { isIban, parseEuros } from "~/modules/companies/settings.schema";
import { action as settingsAction, loader as settingsLoader } from "~/routes/bestuur.instellingen";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { assignRole, createCompany, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

let dataDir: string;
const savedDataDir = process.env.DATA_DIR;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "vv-companies-"));
  process.env.DATA_DIR = dataDir;
  process.env.SESSION_SECRET ??= "companies-test-secret-0123456789abcdef";
  resetEnv();
});
afterAll(async () => {
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  resetEnv();
  await rm(dataDir, { recursive: true, force: true });
});
beforeEach(() => setClock(new Date("2026-11-28T10:00:00Z")));
afterAll(() => resetClock());

let n = 0;
const kvk = () => String(40_000_000 + n++);

// The application form's limits per client and per address (issue 15, finding 9) start afresh for
// each test here: these tests apply many times with the same addresses on purpose.
beforeEach(async () => {
  await db.rateLimit.deleteMany({ where: { key: { startsWith: "form:application:" } } });
});

function application(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "apply",
    name: "Van Dijk Metaal B.V.",
    kvkNumber: kvk(),
    vatNumber: "NL 8123.45678 B01",
    sector: "Metaal",
    city: "Venlo",
    website: "www.vandijkmetaal.example",
    invoiceAddress: "Industrieweg 4",
    invoicePostcode: "5928pn",
    invoiceCity: "Venlo",
    billingEmail: "Facturen@VanDijk.example",
    "contacts[0].name": "Sanne van Dijk",
    "contacts[0].email": "Sanne@VanDijk.example",
    "contacts[0].phone": "077 123 45 67",
    "contacts[0].jobTitle": "Directeur",
    ...overrides,
  };
}

function multipart(fields: Record<string, string>, logo?: File): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (logo) form.append("logo", logo);
  return new Request("http://localhost/aanmelden", { method: "POST", body: form });
}

async function board() {
  const user = await createUser(db, { name: "Annemiek Bestuur", email: `bestuur-${n++}@example.test` });
  await assignRole(db, user.id, "BOARD");
  return { user, jar: await signedIn(user.id) };
}

async function apply(fields: Record<string, string> = application()) {
  const res = await respond(() => applyAction(args(multipart(fields))));
  expect(res.status, await res.clone().text()).toBe(302);
  return db.company.findUniqueOrThrow({ where: { kvkNumber: fields.kvkNumber!.replace(/\D/g, "") }, include: { contacts: true } });
}

async function tier(name = `Vriend ${n++}`, amountCents = 25_000) {
  const at = new Date();
  return db.contributionTier.create({ data: { name, amountCents, createdAt: at, updatedAt: at } });
}

describe("applying", () => {
  it("answers bad input with field errors in the form's terms and keeps what was typed", async () => {
    const fields = application({ kvkNumber: "1234567", vatNumber: "NL12345", billingEmail: "geen-adres", invoicePostcode: "59", "contacts[0].email": "" });
    const res = await respond(() => applyAction(args(multipart(fields))));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.kvkNumber).toEqual(["companies:errors.kvk"]);
    expect(body.errors.vatNumber).toEqual(["companies:errors.vat"]);
    expect(body.errors.billingEmail).toEqual(["companies:errors.email"]);
    expect(body.errors.invoicePostcode).toEqual(["companies:errors.postcode"]);
    expect(body.errors["contacts[0].email"]).toEqual(["companies:errors.emailRequired"]);
    expect(body.values.name).toBe("Van Dijk Metaal B.V.");
    expect(body.values.kvkNumber).toBe("1234567");
    expect(body.values.contacts[0].name).toBe("Sanne van Dijk");
    expect(await db.company.count()).toBe(0);
  });

  it("adds a contact block server-side without storing anything", async () => {
    const res = await respond(() => applyAction(args(multipart(application({ intent: "add-contact" })))));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.contactBlocks).toBe(2);
    expect(body.values.contacts[0].email).toBe("Sanne@VanDijk.example");
    expect(await db.company.count({ where: { name: "Van Dijk Metaal B.V." } })).toBe(0);
  });

  it("stores an application: APPLIED, dated, history, audit, contacts in lower case, mails to applicant and board", async () => {
    const { user: member } = await board();
    const fields = application({ "contacts[1].name": "Piet Jansen", "contacts[1].email": "piet@vandijk.example" });
    const company = await apply(fields);
    expect(company).toMatchObject({
      status: "APPLIED",
      vatNumber: "NL812345678B01",
      invoicePostcode: "5928 PN",
      billingEmail: "facturen@vandijk.example",
      website: "https://www.vandijkmetaal.example/",
    });
    expect(company.appliedAt?.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(company.statusChangedAt?.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(company.contacts.map((c) => c.email).sort()).toEqual(["piet@vandijk.example", "sanne@vandijk.example"]);
    const history = await db.companyStatusChange.findMany({ where: { companyId: company.id } });
    expect(history).toMatchObject([{ fromStatus: null, toStatus: "APPLIED" }]);
    expect(await db.auditLog.count({ where: { action: "company.apply", entityId: company.id } })).toBe(1);
    const mails = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `company:${company.id}:applied` } } });
    expect(mails.map((m) => m.toAddress).sort()).toEqual([member.email, "piet@vandijk.example", "sanne@vandijk.example"].sort());
    const boardMail = mails.find((m) => m.toAddress === member.email)!;
    expect(JSON.stringify(boardMail.props)).toContain(`/bestuur/bedrijven/${company.id}`);
  });

  it("refuses a second application with the same KvK number as a field error, not a 500", async () => {
    const number = kvk();
    await apply(application({ kvkNumber: number }));
    const res = await respond(() => applyAction(args(multipart(application({ kvkNumber: number, name: "Tweede Poging" })))));
    expect(res.status).toBe(400);
    expect((await res.json()).errors.kvkNumber).toEqual(["companies:errors.kvkTaken"]);
    expect(await db.company.count({ where: { name: "Tweede Poging" } })).toBe(0);
  });

  it("refuses the same address for two contacts", async () => {
    const res = await respond(() =>
      applyAction(args(multipart(application({ "contacts[1].name": "Twee", "contacts[1].email": "SANNE@vandijk.example" })))),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors["contacts[1].email"]).toEqual(["companies:errors.contactTwice"]);
  });

  it("stores a logo under the new company; a refused logo stores nothing and says why", async () => {
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.svg", { type: "image/svg+xml" });
    const fields = application();
    const before = { companies: await db.company.count(), files: await db.storedFile.count() };
    const refused = await respond(() => applyAction(args(multipart(fields, svg))));
    expect(refused.status).toBe(400);
    const [error] = (await refused.json()).errors.logo;
    expect(error).toMatch(/^companies:errors\.logoRefused\?message=/);
    expect(decodeURIComponent(error.split("message=")[1])).toContain("SVG");
    expect({ companies: await db.company.count(), files: await db.storedFile.count() }).toEqual(before);

    const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#036" } }).png().toBuffer();
    const res = await respond(() => applyAction(args(multipart(fields, new File([new Uint8Array(png)], "logo.png", { type: "image/png" })))));
    expect(res.status).toBe(302);
    const company = await db.company.findUniqueOrThrow({ where: { kvkNumber: fields.kvkNumber } });
    const file = await db.storedFile.findUniqueOrThrow({ where: { id: company.logoFileId! } });
    expect(file).toMatchObject({ ownerType: "CompanyLogo", ownerId: company.id, kind: "LOGO" });
  });

  it("normalises websites and refuses what is no web address", () => {
    expect(normalizeWebsite("example.nl")).toBe("https://example.nl/");
    expect(normalizeWebsite("javascript:alert(1)")).toBeNull();
    expect(normalizeWebsite("localhost")).toBeNull();
  });

  it("the form page is public", async () => {
    const res = await respond(() => applyLoader(args(get("/aanmelden"))));
    expect(res.status).toBe(200);
  });
});

describe("the board decides", () => {
  it("approves with a tier: dated, history, invitation and notice to each contact, invoice job", async () => {
    const { user, jar } = await board();
    const company = await apply(application({ "contacts[1].name": "Piet", "contacts[1].email": "Piet2@VanDijk.example" }));
    const gold = await tier("Goud", 100_000);
    const res = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "approve", tierId: gold.id }, jar), { companyId: company.id })));
    expect(res.status).toBe(302);
    const after = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(after).toMatchObject({ status: "APPROVED", tierId: gold.id });
    expect(after.decidedAt?.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    const change = await db.companyStatusChange.findFirstOrThrow({ where: { companyId: company.id, toStatus: "APPROVED" } });
    expect(change).toMatchObject({ fromStatus: "APPLIED", actorId: user.id });
    expect(await db.auditLog.count({ where: { action: "company.approve", entityId: company.id } })).toBe(1);
    const invitations = await db.invitation.findMany({ where: { companyId: company.id } });
    expect(invitations.map((i) => [i.email, i.role]).sort()).toEqual([
      ["piet2@vandijk.example", "COMPANY_CONTACT"],
      ["sanne@vandijk.example", "COMPANY_CONTACT"],
    ]);
    expect(await db.outboxMessage.count({ where: { template: "invitation", toAddress: { in: ["sanne@vandijk.example", "piet2@vandijk.example"] } } })).toBe(2);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `company:${company.id}:approved:` } } })).toBe(2);
    expect(await db.job.count({ where: { name: "invoices.issue-for-company", uniqueKey: `invoices.issue-for-company:${company.id}` } })).toBe(1);

    // A second approval is refused: the company is no longer APPLIED.
    const again = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "approve", tierId: gold.id }, jar), { companyId: company.id })));
    expect(again.status).toBe(400);
    expect((await again.json()).error).toBe("companies:errors.transition");
    expect(await db.invitation.count({ where: { companyId: company.id } })).toBe(2);
  });

  it("refuses approval without a tier or with an archived one, and changes nothing", async () => {
    const { jar } = await board();
    const company = await apply();
    const old = await tier();
    await db.contributionTier.update({ where: { id: old.id }, data: { archivedAt: new Date() } });
    for (const tierId of ["", old.id]) {
      const res = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "approve", tierId }, jar), { companyId: company.id })));
      expect(res.status).toBe(400);
      expect((await res.json()).fieldErrors.tierId).toEqual(["companies:errors.tierRequired"]);
    }
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).status).toBe("APPLIED");
    expect(await db.invitation.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("rejects only with a reason; the contacts get it in a mail", async () => {
    const { jar } = await board();
    const company = await apply();
    const empty = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "reject", reason: "  \u0000 " }, jar), { companyId: company.id })));
    expect(empty.status).toBe(400);
    expect((await empty.json()).fieldErrors.reason).toEqual(["companies:errors.reasonRequired"]);
    const res = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "reject", reason: "Geen band met de regio" }, jar), { companyId: company.id })));
    expect(res.status).toBe(302);
    const after = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(after).toMatchObject({ status: "REJECTED", rejectionReason: "Geen band met de regio" });
    const change = await db.companyStatusChange.findFirstOrThrow({ where: { companyId: company.id, toStatus: "REJECTED" } });
    expect(change.reason).toBe("Geen band met de regio");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: `company:${company.id}:rejected:sanne@vandijk.example` } });
    expect(JSON.stringify(mail.props)).toContain("Geen band met de regio");
    expect(await db.invitation.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("ends an active company with a reason and takes it back (invoiced again)", async () => {
    const { jar } = await board();
    const company = await createCompany(db, { name: "Actief BV" });
    const end = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "end", reason: "Opgezegd" }, jar), { companyId: company.id })));
    expect(end.status).toBe(302);
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).status).toBe("ENDED");
    const back = await respond(() => detailAction(args(post(`/bestuur/bedrijven/${company.id}`, { intent: "reinstate" }, jar), { companyId: company.id })));
    expect(back.status).toBe(302);
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).status).toBe("APPROVED");
    expect(await db.job.count({ where: { name: "invoices.issue-for-company", payload: { equals: { companyId: company.id } } } })).toBe(1);
    const history = await db.companyStatusChange.findMany({ where: { companyId: company.id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.toStatus)).toEqual(["ENDED", "APPROVED"]);
  });

  it("shows the detail page with contacts and history; 404 for an unknown or malformed id", async () => {
    const { jar } = await board();
    const company = await apply();
    const res = await respond(() => detailLoader(args(get(`/bestuur/bedrijven/${company.id}`, jar), { companyId: company.id })));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.company.contacts[0].email).toBe("sanne@vandijk.example");
    expect(body.company.statusChanges[0].toStatus).toBe("APPLIED");
    for (const id of ["cnotthere000000000000000", "a'b", "x".repeat(65)]) {
      const missing = await respond(() => detailLoader(args(get(`/bestuur/bedrijven/x`, jar), { companyId: id })));
      expect(missing.status).toBe(404);
    }
  });
});

describe("access to the board's pages", () => {
  const pages = [
    { name: "list", run: (r: Request) => listLoader(args(r)) },
    { name: "csv", run: (r: Request) => csvLoader(args(r)) },
    { name: "detail", run: (r: Request) => detailLoader(args(r, { companyId: "cabc" })) },
    { name: "detail action", run: (r: Request) => detailAction(args(r, { companyId: "cabc" })) },
    { name: "settings", run: (r: Request) => settingsLoader(args(r)) },
    { name: "settings action", run: (r: Request) => settingsAction(args(r)) },
  ];
  it("sends anonymous visitors to sign in and refuses other roles with 403", async () => {
    const contact = await createUser(db);
    const company = await createCompany(db);
    await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: company.id });
    const jar = await signedIn(contact.id);
    for (const page of pages) {
      const isPost = page.name.endsWith("action");
      const anonymous = await respond(() => page.run(isPost ? post("/bestuur/x", { intent: "reinstate" }) : get("/bestuur/x")));
      expect(anonymous.status, page.name).toBe(302);
      expect(anonymous.headers.get("Location"), page.name).toMatch(/^\/login\?redirectTo=/);
      const other = await respond(() => page.run(isPost ? post("/bestuur/x", { intent: "reinstate" }, jar) : get("/bestuur/x", jar)));
      expect(other.status, page.name).toBe(403);
    }
  });
});

describe("the board's list and CSV", () => {
  it("lists pending applications first, filters by status and searches", async () => {
    const { jar } = await board();
    await createCompany(db, { name: "Aaa Actief" });
    const pending = await apply(application({ name: "Zzz Aanvraag" }));
    const list = await (await listLoader(args(get("/bestuur/bedrijven", jar)))).json();
    const statuses: string[] = list.rows.map((r: { status: string }) => r.status);
    expect(statuses.lastIndexOf("APPLIED")).toBeLessThan(statuses.findIndex((st) => st !== "APPLIED"));
    expect(list.rows.map((r: { id: string }) => r.id)).toContain(pending.id);
    expect(list.pending).toBeGreaterThan(0);
    const filtered = await (await listLoader(args(get("/bestuur/bedrijven?status=ACTIVE&q=aaa", jar)))).json();
    expect(filtered.rows.map((r: { name: string }) => r.name)).toEqual(["Aaa Actief"]);
  });

  it("exports CSV with status, tier and this school year's contribution invoice", async () => {
    const { jar } = await board();
    const gold = await tier("Platina", 50_000);
    const company = await createCompany(db, { name: "Csv Export BV", kvkNumber: "87654321" });
    await db.company.update({ where: { id: company.id }, data: { tierId: gold.id, billingEmail: "=cmd@evil.example" } });
    const year = await db.schoolYear.create({ data: { startYear: 2026, startsOn: new Date("2026-07-31T22:00:00Z"), endsOn: new Date("2027-07-31T21:59:59Z") } });
    const at = new Date("2026-09-01T08:00:00Z");
    await db.invoice.create({
      data: {
        number: "2026-0001", companyId: company.id, schoolYearId: year.id, description: "Jaarbijdrage", periodStart: at, periodEnd: at, issuedAt: at, dueAt: at,
        netCents: 50_000, vatMode: "EXEMPT", vatRateBp: 0, vatCents: 0, totalCents: 50_000, seller: {}, buyer: {}, accessToken: "tok-csv-1",
        status: "PAID", paidAt: new Date("2026-09-15T10:00:00Z"), createdAt: at, updatedAt: at,
      },
    });
    const res = await csvLoader(args(get("/bestuur/bedrijven.csv?q=Csv", jar)));
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toContain("KvK-nummer");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Csv Export BV;87654321;Actief;Platina;Venlo;Techniek;'=cmd@evil.example;2026-0001;Betaald");
    expect(lines[1]).toContain("15-09-2026".slice(0, 2));
  });
});

describe("settings, tiers and school years", () => {
  const valid = {
    intent: "settings",
    name: "Stichting Vrienden van het Maasdal College",
    address: "Schoolstraat 1",
    postcode: "5911ab",
    city: "Venlo",
    kvkNumber: "12345678",
    vatNumber: "",
    vatExemptionReason: "Vrijgesteld van btw",
    iban: "NL91 ABNA 0417 1643 00",
    email: "Bestuur@Vrienden.example",
    contributionVatMode: "RATE",
    vatRate: "21",
    graceMonths: "3",
    paymentTermDays: "30",
    invoiceMonth: "9",
    invoiceDay: "1",
    reminderDays: "60, 30",
    pupilRetentionMonths: "18",
  };

  it("saves the foundation's details with the VAT rate in basis points, audited", async () => {
    const { jar } = await board();
    const res = await respond(() => settingsAction(args(post("/bestuur/instellingen", valid, jar))));
    expect(res.status).toBe(302);
    const settings = await getFoundationSettings();
    expect(settings).toMatchObject({ saved: true, contributionVatMode: "RATE", contributionVatRateBp: 2100, iban: "NL91ABNA0417164300", postcode: "5911 AB", reminderDays: [30, 60], email: "bestuur@vrienden.example", pupilRetentionMonths: 18 });
    expect(await db.auditLog.count({ where: { action: "settings.save" } })).toBe(1);
  });

  it("refuses a bad IBAN, a missing VAT rate and neither VAT number nor exemption, keeping the values", async () => {
    const { jar } = await board();
    const res = await respond(() => settingsAction(args(post("/bestuur/instellingen", { ...valid, iban: "NL00ABNA0417164300", vatRate: "", vatExemptionReason: "", graceMonths: "99", pupilRetentionMonths: "0" }, jar))));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.form).toBe("settings");
    expect(body.errors.iban).toEqual(["companies:errors.iban"]);
    expect(body.errors.graceMonths).toEqual(["companies:errors.range"]);
    expect(body.errors.pupilRetentionMonths).toEqual(["companies:errors.range"]);
    expect(body.values.iban).toBe("NL00ABNA0417164300");
  });

  it("adds, edits, orders and archives tiers; a name is unique", async () => {
    const { jar } = await board();
    const add = (name: string, amount: string) => respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "tier-create", name, amount, benefits: "Logo op de website" }, jar))));
    expect((await add("Brons", "250")).status).toBe(302);
    expect((await add("Zilver", "1.250,50")).status).toBe(302);
    const dup = await add("Brons", "300");
    expect(dup.status).toBe(400);
    expect((await dup.json()).errors.name).toEqual(["companies:errors.tierNameTaken"]);
    const silver = await db.contributionTier.findUniqueOrThrow({ where: { name: "Zilver" } });
    expect(silver.amountCents).toBe(125_050);
    await respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "tier-move", tierId: silver.id, direction: "up" }, jar))));
    const order = await db.contributionTier.findMany({ where: { name: { in: ["Brons", "Zilver"] } }, orderBy: { position: "asc" } });
    expect(order.map((t) => t.name)).toEqual(["Zilver", "Brons"]);
    await respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "tier-update", tierId: silver.id, name: "Zilver+", amount: "1500", benefits: "" }, jar))));
    expect(await db.contributionTier.findUniqueOrThrow({ where: { id: silver.id } })).toMatchObject({ name: "Zilver+", amountCents: 150_000 });
    await respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "tier-archive", tierId: silver.id, archived: "true" }, jar))));
    expect((await db.contributionTier.findUniqueOrThrow({ where: { id: silver.id } })).archivedAt).not.toBeNull();
    const missing = await respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "tier-archive", tierId: "cnothere", archived: "true" }, jar))));
    expect(missing.status).toBe(404);
  });

  it("adds a school year once, 1 August to 31 July", async () => {
    const { jar } = await board();
    const res = await respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "year-add", startYear: "2030" }, jar))));
    expect(res.status).toBe(302);
    const year = await db.schoolYear.findUniqueOrThrow({ where: { startYear: 2030 } });
    expect(year.startsOn.toISOString()).toBe("2030-07-31T22:00:00.000Z");
    const again = await respond(() => settingsAction(args(post("/bestuur/instellingen", { intent: "year-add", startYear: "2030" }, jar))));
    expect(again.status).toBe(400);
    expect((await again.json()).errors.startYear).toEqual(["companies:errors.yearExists"]);
  });

  it("parses amounts and IBANs as people type them", () => {
    expect(parseEuros("250")).toBe(25_000);
    expect(parseEuros("1.250,50")).toBe(125_050);
    expect(parseEuros("1250.5")).toBe(125_050);
    expect(parseEuros("€ 1,250.00")).toBe(125_000);
    expect(parseEuros("12,345")).toBe(1_234_500);
    expect(parseEuros("abc")).toBeNull();
    expect(isIban("NL91ABNA0417164300")).toBe(true);
    expect(isIban("NL92ABNA0417164300")).toBe(false);
  });
});

describe("logo access", () => {
  it("is public for ACTIVE and GRACE companies; otherwise only the board and the company's contacts", async () => {
    const { user } = await board();
    const company = await createCompany(db);
    const contact = await createUser(db);
    await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: company.id });
    const other = await createUser(db);
    await assignRole(db, other.id, "COMPANY_CONTACT", { companyId: (await createCompany(db)).id });
    for (const status of ["ACTIVE", "GRACE"] as const) {
      await db.company.update({ where: { id: company.id }, data: { status } });
      expect(await canSeeCompanyLogo(null, company.id)).toBe(true);
    }
    for (const status of ["APPLIED", "APPROVED", "ENDED", "REJECTED"] as const) {
      await db.company.update({ where: { id: company.id }, data: { status } });
      expect(await canSeeCompanyLogo(null, company.id), status).toBe(false);
      expect(await canSeeCompanyLogo(other.id, company.id), status).toBe(false);
      expect(await canSeeCompanyLogo(user.id, company.id), status).toBe(true);
      expect(await canSeeCompanyLogo(contact.id, company.id), status).toBe(true);
    }
    expect(await canSeeCompanyLogo(user.id, "cnothere")).toBe(false);
  });
});
