// The request register, the public directory and the jaaroverzicht.
import { afterEach, describe, expect, it } from "vitest";
import { getAnnualSummary } from "~/modules/network/annual-summary.server";
import { getNetworkFigures } from "~/modules/network/figures.server";
import { loader as directoryLoader } from "~/routes/netwerk._index";
import { loader as registerLoader } from "~/routes/verzoeken._index";
import { action as recordAction, loader as newRequestLoader } from "~/routes/verzoeken.nieuw";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

async function teacherJar() {
  const school = await createSchool(db, { name: "Maasdal College" });
  const teacher = await createUser(db, { name: "Joost Hendriks", email: `joost-${Math.random()}@school.example` });
  await assignRole(db, teacher.id, "TEACHER", { schoolId: school.id });
  return { teacher, jar: await signedIn(teacher.id) };
}

afterEach(() => resetClock());

describe("the request register", () => {
  it("shows a company's open and recent requests before the form, records a new one and tells the contacts", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const company = await createCompany(db, { name: "Stera Techniek" });
    await db.companyContact.createMany({
      data: [
        { companyId: company.id, name: "Marieke", email: "marieke@stera.example", createdAt: new Date() },
        { companyId: company.id, name: "Weg", email: "weg@stera.example", createdAt: new Date(), removedAt: new Date() },
      ],
    });
    const request = (subject: string, askedAt: string, status: "OPEN" | "YES" = "OPEN") =>
      db.companyRequest.create({ data: { companyId: company.id, kind: "INTERNSHIP", subject, askedByName: "Bestuur", askedAt: new Date(askedAt), status } });
    await request("Oud maar open", "2024-01-10T10:00:00Z");
    await request("Recent beantwoord", "2026-03-01T10:00:00Z", "YES");
    await request("Lang geleden beantwoord", "2025-06-01T10:00:00Z", "YES");
    const { jar } = await teacherJar();

    const step1 = await (await newRequestLoader(args(get("/verzoeken/nieuw", jar)))).json();
    expect(step1.step).toBe(1);
    expect(step1.companies.map((c: { name: string }) => c.name)).toContain("Stera Techniek");

    const step2 = await (await newRequestLoader(args(get(`/verzoeken/nieuw?bedrijf=${company.id}`, jar)))).json();
    expect(step2.previous.map((r: { subject: string }) => r.subject)).toEqual(["Recent beantwoord", "Oud maar open"]);

    const bad = await respond(() => recordAction(args(post("/verzoeken/nieuw", { intent: "record", companyId: company.id, kind: "STAGE", subject: "  " }, jar))));
    expect(bad.status).toBe(400);
    const badBody = await bad.json();
    expect(badBody.error).toMatchObject({ kind: ["network:errors.kind"], subject: ["network:errors.subject"] });

    const ok = await respond(() =>
      recordAction(args(post("/verzoeken/nieuw", { intent: "record", companyId: company.id, kind: "VISIT", subject: "Bedrijfsbezoek klas 3", details: "In maart" }, jar))),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe(`/verzoeken?bedrijf=${company.id}`);
    const recorded = await db.companyRequest.findFirstOrThrow({ where: { subject: "Bedrijfsbezoek klas 3" } });
    expect(recorded).toMatchObject({ kind: "VISIT", status: "OPEN", details: "In maart", askedByName: "Joost Hendriks (Maasdal College)" });
    const mails = await db.outboxMessage.findMany({ where: { template: "notice" } });
    expect(mails.map((m) => m.toAddress)).toEqual(["marieke@stera.example"]);
    expect(mails[0]!.subject).toBe("Verzoek aan Stera Techniek: Bedrijfsbezoek");

    const register = await (await registerLoader(args(get(`/verzoeken?bedrijf=${company.id}&status=OPEN`, jar)))).json();
    expect(register.rows.map((r: { subject: string }) => r.subject)).toEqual(["Bedrijfsbezoek klas 3", "Oud maar open"]);
  });

  it("is for the board, school contacts and teachers only; a company's contact gets 403", async () => {
    const company = await createCompany(db);
    const contact = await createUser(db);
    await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: company.id });
    const jar = await signedIn(contact.id);
    expect((await respond(() => registerLoader(args(get("/verzoeken", jar))))).status).toBe(403);
    expect((await respond(() => newRequestLoader(args(get("/verzoeken/nieuw", jar))))).status).toBe(403);
    const res = await respond(() => recordAction(args(post("/verzoeken/nieuw", { intent: "record", companyId: company.id, kind: "CASE", subject: "x" }, jar))));
    expect(res.status).toBe(403);
    expect(await db.companyRequest.count({ where: { companyId: company.id } })).toBe(0);
  });

  it("does not record requests to a company outside the network", async () => {
    const company = await createCompany(db);
    await db.company.update({ where: { id: company.id }, data: { status: "REJECTED" } });
    const { jar } = await teacherJar();
    expect((await respond(() => newRequestLoader(args(get(`/verzoeken/nieuw?bedrijf=${company.id}`, jar))))).status).toBe(404);
    const res = await respond(() => recordAction(args(post("/verzoeken/nieuw", { intent: "record", companyId: company.id, kind: "CASE", subject: "x" }, jar))));
    expect(res.status).toBe(404);
    expect(await db.companyRequest.count({ where: { companyId: company.id } })).toBe(0);
  });
});

describe("the directory", () => {
  it("lists active and grace companies only, filters by sector, and shows contact persons only inside the network", async () => {
    const before = (await getNetworkFigures()).companies;
    const make = async (name: string, status: "ACTIVE" | "GRACE" | "APPLIED" | "ENDED", sector: string) => {
      const company = await createCompany(db, { name, sector });
      await db.company.update({ where: { id: company.id }, data: { status } });
      await db.companyContact.create({ data: { companyId: company.id, name: `Contact ${name}`, email: `${status.toLowerCase()}@dir.example`, createdAt: new Date() } });
      return company;
    };
    const active = await make("Dirtest Actief", "ACTIVE", "Dirbouw");
    await make("Dirtest Respijt", "GRACE", "Dirinstallatie");
    await make("Dirtest Aangemeld", "APPLIED", "Dirbouw");
    await make("Dirtest Gestopt", "ENDED", "Dirbouw");

    const anonymous = await (await directoryLoader(args(get("/netwerk?q=dirtest")))).json();
    expect(anonymous.companies.map((c: { name: string }) => c.name)).toEqual(["Dirtest Actief", "Dirtest Respijt"]);
    expect(anonymous.sectors).toEqual(expect.arrayContaining(["Dirbouw", "Dirinstallatie"]));
    expect(anonymous.withContacts).toBe(false);
    expect(JSON.stringify(anonymous)).not.toContain("@dir.example");
    // The home page counts the listed companies only.
    expect((await getNetworkFigures()).companies).toBe(before + 2);

    const bouw = await (await directoryLoader(args(get("/netwerk?sector=Dirbouw")))).json();
    expect(bouw.companies.map((c: { name: string }) => c.name)).toEqual(["Dirtest Actief"]);
    const search = await (await directoryLoader(args(get("/netwerk?q=RESPIJT")))).json();
    expect(search.companies.map((c: { name: string }) => c.name)).toEqual(["Dirtest Respijt"]);

    const contact = await createUser(db);
    await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: active.id });
    const contactJar = await signedIn(contact.id);
    const inside = await (await directoryLoader(args(get("/netwerk?sector=Dirbouw", contactJar)))).json();
    expect(inside.withContacts).toBe(true);
    expect(inside.companies[0]!.contacts.map((p: { email: string }) => p.email)).toEqual(["active@dir.example"]);

    const teacher = await teacherJar();
    const outside = await (await directoryLoader(args(get("/netwerk?sector=Dirbouw", teacher.jar)))).json();
    expect(outside.withContacts).toBe(false);
  });
});

describe("the jaaroverzicht", () => {
  it("counts paid contributions and requests of the chosen school year only", async () => {
    const company = await createCompany(db);
    const year = await db.schoolYear.create({
      data: { startYear: 2026, startsOn: new Date("2026-07-31T22:00:00Z"), endsOn: new Date("2027-07-31T21:59:59Z") },
    });
    const invoice = (number: string, status: "PAID" | "OPEN", schoolYearId: string | null, periodStart: string) =>
      db.invoice.create({
        data: {
          number, companyId: company.id, schoolYearId, status, description: "Jaarbijdrage", periodStart: new Date(periodStart), periodEnd: new Date(periodStart),
          issuedAt: new Date(), dueAt: new Date(), netCents: 30_000, vatMode: "EXEMPT", vatRateBp: 0, vatCents: 0, totalCents: 30_000,
          seller: {}, buyer: {}, accessToken: `t-${number}`, createdAt: new Date(), updatedAt: new Date(),
        },
      });
    await invoice("2026-001", "PAID", year.id, "2026-09-01T00:00:00Z");
    await invoice("2026-002", "OPEN", null, "2026-10-01T00:00:00Z");
    await invoice("2025-001", "PAID", null, "2025-09-01T00:00:00Z");
    const request = (askedAt: string, status: "OPEN" | "NO") =>
      db.companyRequest.create({ data: { companyId: company.id, kind: "JURY", subject: "Jury", askedByName: "Bestuur", askedAt: new Date(askedAt), status } });
    await request("2026-09-10T10:00:00Z", "NO");
    await request("2026-10-10T10:00:00Z", "OPEN");
    await request("2026-07-10T10:00:00Z", "NO");

    const figures = Object.fromEntries((await getAnnualSummary(company.id, 2026)).map((f) => [f.key, f]));
    expect(figures.contributionsPaid).toMatchObject({ value: 30_000, available: true });
    expect(figures.sponsorshipPaid).toMatchObject({ value: 0, available: true });
    expect(figures.requestsAsked!.value).toBe(2);
    expect(figures.requestsAnswered!.value).toBe(1);
    expect(figures.cases).toMatchObject({ value: 0, available: false });
    const earlier = Object.fromEntries((await getAnnualSummary(company.id, 2025)).map((f) => [f.key, f.value]));
    expect(earlier).toMatchObject({ contributionsPaid: 30_000, requestsAsked: 1, requestsAnswered: 1 });
  });
});
