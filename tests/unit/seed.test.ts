import { describe, expect, it } from "vitest";
import { schoolYearOf } from "~/modules/companies/school-year";
import { runDailyInvoicing } from "~/modules/invoices/jobs.server";
import { getDb } from "~/utils/db.server";
import { seed } from "../../prisma/seed";

describe("demo seed", () => {
  it("fills an empty database with a believable network", async () => {
    const db = getDb();
    await seed(db);
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
    const current = schoolYearOf(new Date());
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
    expect(thisYear.some((i) => i.status === "OPEN" && i.dueAt < new Date() && i.reminders.some((r) => r.step === 30))).toBe(true);
    // Every ACTIVE or GRACE company has this year's invoice, so the daily job has nothing to add.
    const listed = await db.company.findMany({ where: { status: { in: ["ACTIVE", "GRACE"] } }, select: { id: true } });
    expect(listed.every((c) => thisYear.some((i) => i.companyId === c.id))).toBe(true);
    const marieke = thisYear.find((i) => i.company.name === "Van der Linden Installatietechniek");
    expect(marieke?.status).toBe("OPEN");
    expect(marieke?.company.status).toBe("ACTIVE");
    expect(marieke!.dueAt.getTime()).toBeGreaterThan(Date.now());
    // GRACE companies owe this year's contribution.
    for (const i of thisYear.filter((x) => x.company.status === "GRACE")) expect(i.status).toBe("OPEN");
  });

  it("stays as it is when the daily invoicing job runs on it today", async () => {
    const db = getDb();
    const before = await db.company.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } });
    const invoices = await db.invoice.count();
    const report = await runDailyInvoicing();
    expect(report.issued).toBe(0);
    expect(report.failed).toBe(0);
    expect(await db.invoice.count()).toBe(invoices);
    expect(await db.company.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } })).toEqual(before);
  });
});
