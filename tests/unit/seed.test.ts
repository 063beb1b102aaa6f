import { describe, expect, it } from "vitest";
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
});
