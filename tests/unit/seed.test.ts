// The demo seed, seeded on several days (the app clock is set for each): the network, its
// invoices and the challenge editions are relative to that day, so the demo never expires.
import { inject } from "vitest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentPhase } from "~/modules/challenges/phases";
import { schoolYearOf } from "~/modules/companies/school-year";
import { runDailyInvoicing } from "~/modules/invoices/jobs.server";
import { now, setClock } from "~/utils/clock.server";
import { createPrismaClient, getDb, setDb } from "~/utils/db.server";
import type { PrismaClient } from "~/generated/prisma/client";
import { dropDatabase } from "../../app/server/embedded-postgres";
import { seed } from "../../prisma/seed";
import { DEMO_JUROR } from "../../prisma/seed-judging";
import { createDatabaseFromTemplate } from "../support/test-postgres";

/**
 * Days to seed on: the two days of the faked-date run (tests/faketime.ts; the second is the
 * invoice day), the first days of a school year (before the invoices go out), the night grace
 * ends, and the last hour of a school year (Amsterdam time).
 */
const DAYS = ["2027-06-15T10:00:00Z", "2028-09-01T10:00:00Z", "2026-08-02T08:00:00Z", "2027-01-31T23:30:00Z", "2028-07-31T21:00:00Z"];

const EXPECTED_PHASES = {
  "young-solar-challenge": "registration",
  "tech-challenge": "building",
  "robotica-challenge": "judging",
  "junior-innovation-challenge": "results",
};

describe.each(DAYS)("the demo seeded on %s", (day) => {
  const at = new Date(day);
  const name = `seed_${at.getTime().toString(36)}_${process.pid}`;
  let client: PrismaClient;
  let fileDb: PrismaClient;

  beforeAll(async () => {
    fileDb = getDb();
    client = createPrismaClient(await createDatabaseFromTemplate(inject("adminUrl"), name));
    setDb(client);
    setClock(at);
    await seed(client);
  }, 120_000);
  beforeEach(() => {
    setDb(client);
    setClock(at);
  });
  afterAll(async () => {
    setDb(fileDb);
    await client.$disconnect();
    await dropDatabase(inject("adminUrl"), name);
  });

  it("fills an empty database with a believable network", async () => {
    const db = getDb();
    expect(await db.company.count()).toBe(20);
    const schools = await db.school.findMany({ select: { type: true } });
    expect(schools.filter((s) => s.type === "VMBO")).toHaveLength(2);
    expect(schools.filter((s) => s.type === "PRIMARY")).toHaveLength(1);
    expect(await db.roleAssignment.count({ where: { role: "BOARD" } })).toBeGreaterThanOrEqual(3);
    expect(await db.roleAssignment.count({ where: { role: "TEACHER" } })).toBeGreaterThanOrEqual(4);
    // Every company has at least one contact person.
    const withoutContact = await db.company.count({ where: { roles: { none: { role: "COMPANY_CONTACT" } } } });
    expect(withoutContact).toBe(0);
    // Someone holds more than one role.
    const rob = await db.user.findFirstOrThrow({ where: { name: "Rob Kurvers" }, include: { roles: true } });
    expect(rob.roles.map((r) => r.role).sort()).toEqual(["BOARD", "TEACHER"]);
  });

  it("puts the companies in every place of the network, with contacts, tiers and invoice details", async () => {
    const db = getDb();
    const byStatus = Object.fromEntries((await db.company.groupBy({ by: ["status"], _count: true })).map((g) => [g.status, g._count]));
    expect(byStatus).toMatchObject({ APPLIED: 2, GRACE: 2, ENDED: 1, REJECTED: 1 });
    expect(byStatus.ACTIVE).toBeGreaterThanOrEqual(10);
    expect(await db.contributionTier.count()).toBe(3);
    const settings = await db.foundationSettings.findUniqueOrThrow({ where: { id: "foundation" } });
    expect(settings.iban).toMatch(/^NL\d\d/);
    // Every demo contact person is a CompanyContact of their company, linked to their account.
    const contactRoles = await db.roleAssignment.findMany({ where: { role: "COMPANY_CONTACT" } });
    const contacts = await db.companyContact.findMany();
    for (const role of contactRoles) {
      expect(contacts.some((c) => c.userId === role.userId && c.companyId === role.companyId)).toBe(true);
    }
    const applied = await db.company.findMany({ where: { status: "APPLIED" }, include: { contacts: true } });
    expect(applied.every((c) => c.contacts.length > 0 && c.appliedAt)).toBe(true);
    const listed = await db.company.findMany({ where: { status: { in: ["ACTIVE", "GRACE"] } } });
    expect(listed.every((c) => c.tierId && c.billingEmail && c.invoiceAddress && c.invoicePostcode && c.invoiceCity)).toBe(true);
    expect(await db.companyRequest.count({ where: { answer: { not: null } } })).toBeGreaterThanOrEqual(3);
  });

  it("has contribution invoices for both school years, numbered gap-free, and Marieke's open one", async () => {
    const db = getDb();
    const current = schoolYearOf(now());
    const invoices = await db.invoice.findMany({ include: { schoolYear: true, company: true, reminders: true } });
    // Numbers: per calendar year 0001, 0002, … without gaps, and the sequence knows the last one.
    const byYear = new Map<string, number[]>();
    for (const i of invoices) {
      const [year, n] = i.number.split("-") as [string, string];
      byYear.set(year, [...(byYear.get(year) ?? []), Number(n)]);
    }
    for (const [year, numbers] of byYear) {
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, k) => k + 1));
      expect((await db.invoiceSequence.findUniqueOrThrow({ where: { year: Number(year) } })).lastNumber).toBe(numbers.length);
    }
    const previous = invoices.filter((i) => i.schoolYear?.startYear === current - 1);
    expect(previous.length).toBeGreaterThanOrEqual(14);
    expect(previous.every((i) => i.status === "PAID")).toBe(true);
    const thisYear = invoices.filter((i) => i.schoolYear?.startYear === current);
    expect(thisYear.filter((i) => i.status === "PAID").length).toBeGreaterThan(thisYear.filter((i) => i.status === "OPEN").length);
    expect(thisYear.some((i) => i.status === "OPEN" && i.dueAt < now() && i.reminders.some((r) => r.step === 30))).toBe(true);
    // Every ACTIVE or GRACE company has this year's invoice, so the daily job has nothing to add.
    const listed = await db.company.findMany({ where: { status: { in: ["ACTIVE", "GRACE"] } }, select: { id: true } });
    expect(listed.every((c) => thisYear.some((i) => i.companyId === c.id))).toBe(true);
    const marieke = thisYear.find((i) => i.company.name === "Van der Linden Installatietechniek");
    expect(marieke?.status).toBe("OPEN");
    expect(marieke?.company.status).toBe("ACTIVE");
    expect(marieke!.dueAt.getTime()).toBeGreaterThan(now().getTime());
    // GRACE companies owe this year's contribution.
    for (const i of thisYear.filter((x) => x.company.status === "GRACE")) expect(i.status).toBe("OPEN");
  });

  it("stays as it is when the daily invoicing job runs on it that day", async () => {
    const db = getDb();
    const before = await db.company.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } });
    const invoices = await db.invoice.count();
    const report = await runDailyInvoicing();
    expect(report.issued).toBe(0);
    expect(report.failed).toBe(0);
    expect(report.ended).toBe(0);
    expect(await db.invoice.count()).toBe(invoices);
    expect(await db.company.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("has an edition in every phase: registration open, building, judging, results", async () => {
    const db = getDb();
    const editions = await db.edition.findMany({ include: { challenge: true, _count: { select: { teams: true } } } });
    const phases = Object.fromEntries(editions.map((e) => [e.challenge.slug, currentPhase(e, now())]));
    expect(phases).toEqual(EXPECTED_PHASES);
    for (const e of editions) expect(e.name).toBe(`${e.challenge.name} ${e.year}`);
    // Each has teams; the open one has the Maasdal teams with pupils, and the building and judged ones have entries.
    expect(editions.every((e) => e._count.teams > 0)).toBe(true);
    const ysc = editions.find((e) => e.challenge.slug === "young-solar-challenge")!;
    expect(await db.teamMember.count({ where: { team: { editionId: ysc.id } } })).toBe(6);
    for (const slug of ["young-solar-challenge", "tech-challenge", "robotica-challenge"]) {
      const edition = editions.find((e) => e.challenge.slug === slug)!;
      expect(await db.submission.count({ where: { team: { editionId: edition.id } } }), slug).toBeGreaterThan(0);
    }
  });

  it("has a demo juror on the jury of the edition being judged, and scoring forms for it and the finished one", async () => {
    const db = getDb();
    const editions = await db.edition.findMany({ select: { id: true, challenge: { select: { slug: true } }, _count: { select: { scoringForms: true } } } });
    const bySlug = Object.fromEntries(editions.map((e) => [e.challenge.slug, e]));
    expect(bySlug["robotica-challenge"]!._count.scoringForms).toBe(1);
    expect(bySlug["junior-innovation-challenge"]!._count.scoringForms).toBe(1);
    const juror = await db.user.findUniqueOrThrow({ where: { email: DEMO_JUROR.email }, select: { id: true, roles: true, juryMemberships: true } });
    expect(juror.roles.map((r) => [r.role, r.editionId])).toEqual([["JUROR", bySlug["robotica-challenge"]!.id]]);
    expect(juror.juryMemberships.map((m) => [m.editionId, m.removedAt])).toEqual([[bySlug["robotica-challenge"]!.id, null]]);
    const sheets = await db.scoreSheet.findMany({ where: { juryMember: { userId: juror.id } }, select: { status: true } });
    expect(sheets.map((s) => s.status).sort()).toEqual(["DRAFT", "SUBMITTED"]);
    expect(await db.juryAssignment.count({ where: { juryMember: { userId: juror.id } } })).toBeGreaterThan(sheets.length);
    // One declared conflict, with a team that is not assigned to her.
    const conflicts = await db.jurorConflict.findMany({ where: { juryMember: { userId: juror.id } }, select: { teamId: true, kind: true } });
    expect(conflicts.map((c) => c.kind)).toEqual(["CHILD_IN_TEAM"]);
    expect(await db.juryAssignment.count({ where: { juryMember: { userId: juror.id }, teamId: conflicts[0]!.teamId } })).toBe(0);
    // Every entry assigned to her has something to open besides its description.
    const assigned = await db.juryAssignment.findMany({ where: { juryMember: { userId: juror.id } }, select: { team: { select: { submission: { select: { versions: { select: { videoUrl: true } } } } } } } });
    expect(assigned.every((a) => a.team.submission?.versions.some((v) => v.videoUrl))).toBe(true);
  });

  it("dates nothing after the day it was seeded", async () => {
    const db = getDb();
    const limit = now().getTime();
    const dates: Array<[string, Date | null]> = [
      ...(await db.invoice.findMany()).flatMap((i) => [[`invoice ${i.number} issued`, i.issuedAt], [`invoice ${i.number} paid`, i.paidAt]] as Array<[string, Date | null]>),
      ...(await db.invoiceReminder.findMany()).map((r) => ["reminder", r.sentAt] as [string, Date]),
      ...(await db.companyStatusChange.findMany()).map((c) => [`status ${c.toStatus}`, c.at] as [string, Date]),
      ...(await db.companyRequest.findMany()).flatMap((r) => [["request asked", r.askedAt], ["request answered", r.answeredAt]] as Array<[string, Date | null]>),
      ...(await db.team.findMany()).map((t) => [`team ${t.name}`, t.createdAt] as [string, Date]),
      ...(await db.submissionVersion.findMany()).map((v) => ["submission version", v.at] as [string, Date]),
      ...(await db.consent.findMany()).flatMap((c) => [["consent", c.at], ["consent withdrawn", c.withdrawnAt]] as Array<[string, Date | null]>),
      ...(await db.teacherRequest.findMany()).map((r) => ["teacher request", r.createdAt] as [string, Date]),
      ...(await db.edition.findMany()).map((e) => [`edition ${e.name} made`, e.createdAt] as [string, Date]),
      ...(await db.invitation.findMany()).flatMap((i) => [["invitation", i.createdAt], ["invitation accepted", i.acceptedAt]] as Array<[string, Date | null]>),
      ...(await db.juryMember.findMany()).map((m) => ["jury member", m.createdAt] as [string, Date]),
      ...(await db.juryAssignment.findMany()).map((a) => ["jury assignment", a.createdAt] as [string, Date]),
      ...(await db.scoreSheet.findMany()).flatMap((s) => [["score sheet", s.updatedAt], ["score sheet submitted", s.submittedAt]] as Array<[string, Date | null]>),
      ...(await db.scoringForm.findMany()).map((f) => ["scoring form", f.createdAt] as [string, Date]),
    ];
    expect(dates.filter(([, d]) => d && d.getTime() > limit).map(([what, d]) => `${what}: ${d!.toISOString()}`)).toEqual([]);
    const pupils = await db.pupil.findMany({ select: { schoolYear: true } });
    expect(pupils.every((p) => p.schoolYear === schoolYearOf(now()))).toBe(true);
  });
});
