import { describe, expect, it } from "vitest";
import { audit, changedFields } from "~/modules/audit/audit.server";
import { now, resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { safeRedirectPath } from "~/utils/redirect";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";

describe("configuration", () => {
  it("needs nothing for the embedded default", () => {
    const env = parseEnv({});
    expect(env.embedded).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.seedDemoData).toBe(true);
  });

  it("requires SESSION_SECRET once DATABASE_URL is set, with a clear message", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgresql://u:p@db/x" })).toThrow(/SESSION_SECRET: is required/);
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db/x", SESSION_SECRET: "x".repeat(32) });
    expect(env.embedded).toBe(false);
    expect(env.seedDemoData).toBe(false);
  });

  it("refuses a production deployment without the real mail and payment services", () => {
    const base = { DATABASE_URL: "postgresql://u:p@db/x", SESSION_SECRET: "x".repeat(32), NODE_ENV: "production" };
    expect(() => parseEnv(base)).toThrow(/RESEND_API_KEY[\s\S]*STRIPE_SECRET_KEY[\s\S]*STRIPE_WEBHOOK_SECRET/);
    expect(parseEnv({ ...base, SIMULATE_SERVICES: "true" }).embedded).toBe(false);
    expect(parseEnv({ ...base, RESEND_API_KEY: "re_x", STRIPE_SECRET_KEY: "sk_x", STRIPE_WEBHOOK_SECRET: "whsec_x" }).embedded).toBe(false);
  });

  it("names each invalid variable", () => {
    expect(() => parseEnv({ PORT: "eighty", APP_URL: "ftp://x", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT[\s\S]*APP_URL[\s\S]*DATABASE_URL/,
    );
  });
});

describe("clock", () => {
  it("can be set by tests and reset", () => {
    setClock(new Date("2027-01-01T00:00:00Z"));
    expect(now().toISOString()).toBe("2027-01-01T00:00:00.000Z");
    resetClock();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe("audit log", () => {
  it("records who changed what, when, with before and after", async () => {
    setClock(new Date("2026-11-27T10:00:00Z"));
    const actor = await createUser(db, { name: "Annemiek Gielen" });
    const company = await createCompany(db, { name: "Kessels Elektrotechniek", city: "Venray" });
    const diff = changedFields({ city: "Venray", name: company.name }, { city: "Venlo", name: company.name });
    await db.$transaction(async (tx) => {
      await tx.company.update({ where: { id: company.id }, data: { city: "Venlo" } });
      await audit({ actorId: actor.id, action: "company.update", entityType: "Company", entityId: company.id, ...diff }, tx);
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: company.id } });
    expect(entry).toMatchObject({
      actorId: actor.id,
      action: "company.update",
      before: { city: "Venray" },
      after: { city: "Venlo" },
    });
    expect(entry.at.toISOString()).toBe("2026-11-27T10:00:00.000Z");
  });

  it("is not written when the change rolls back", async () => {
    const company = await createCompany(db);
    await expect(
      db.$transaction(async (tx) => {
        await audit({ actorId: null, action: "company.delete", entityType: "Company", entityId: company.id }, tx);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.auditLog.count({ where: { entityId: company.id } })).toBe(0);
  });
});

describe("scoped roles", () => {
  it("lets one person hold several roles, each with its own scope", async () => {
    const user = await createUser(db);
    const company = await createCompany(db);
    const school = await createSchool(db, { brin: "99ZZ", vestiging: "01" });
    await assignRole(db, user.id, "BOARD");
    await assignRole(db, user.id, "COMPANY_CONTACT", { companyId: company.id });
    await assignRole(db, user.id, "TEACHER", { schoolId: school.id });
    const roles = await db.roleAssignment.findMany({ where: { userId: user.id }, orderBy: { role: "asc" } });
    expect(roles.map((r) => [r.role, r.companyId, r.schoolId])).toEqual([
      ["BOARD", null, null],
      ["COMPANY_CONTACT", company.id, null],
      ["TEACHER", null, school.id],
    ]);
  });

  it("keeps BRIN + vestiging unique", async () => {
    await createSchool(db, { brin: "88YY", vestiging: "00" });
    await expect(createSchool(db, { brin: "88YY", vestiging: "00" })).rejects.toThrow();
  });
});

describe("safe redirects", () => {
  it("only follows same-site paths", () => {
    expect(safeRedirectPath("/bedrijven?x=1")).toBe("/bedrijven?x=1");
    expect(safeRedirectPath("https://evil.example/")).toBe("/");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
  });
});
