// Conflicts as the database holds them (issue 17, point 2): declared by the juror, or detected
// from the juror's affiliations now — and recomputed when an affiliation changes, because nothing
// detected is stored.
import { describe, expect, it } from "vitest";
import { conflictsBetween, loadConflicts } from "~/modules/judging/conflicts.server";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";

const DAY = 86_400_000;
let n = 0;

async function world() {
  const at = new Date();
  const day = (d: number) => new Date(at.getTime() + d * DAY);
  const slug = `conflicts-${n++}-${Date.now()}`;
  const challenge = await db.challenge.create({ data: { slug, name: "Conflicten", description: "Test", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name: "Conflicten 2030", slug: `${slug}-2030`,
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }] },
    },
    include: { categories: true },
  });
  const [schoolA, schoolB] = [await createSchool(db, { name: `Maasschool ${slug}` }), await createSchool(db, { name: `Peelschool ${slug}` })];
  const team = (name: string, schoolId: string) =>
    db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId, name, nameKey: `${name}-${slug}`.toLowerCase(), createdAt: at, updatedAt: at } });
  const [teamA, teamB] = [await team("Zonnevissen", schoolA.id), await team("Stroomlijn", schoolB.id)];

  // An accepted juror who teaches at school A.
  const teacher = await createUser(db, { name: "Kees Teunissen", email: `kees-${slug}@test.example` });
  await assignRole(db, teacher.id, "TEACHER", { schoolId: schoolA.id });
  const kees = await db.juryMember.create({ data: { editionId: edition.id, email: teacher.email!, name: "Kees Teunissen", userId: teacher.id, createdAt: at } });
  // An invited juror (no account linked yet) whose address belongs to school B's contact person.
  const contact = await createUser(db, { name: "Ria Peters", email: `ria-${slug}@test.example` });
  await assignRole(db, contact.id, "SCHOOL_CONTACT", { schoolId: schoolB.id });
  const ria = await db.juryMember.create({ data: { editionId: edition.id, email: contact.email!, name: "Ria Peters", createdAt: at } });
  // A juror without affiliations who declared a child in team B.
  const lotte = await db.juryMember.create({ data: { editionId: edition.id, email: `lotte-${slug}@test.example`, name: "Lotte Bos", createdAt: at } });
  await db.jurorConflict.create({ data: { juryMemberId: lotte.id, teamId: teamB.id, kind: "CHILD_IN_TEAM", note: "Mijn dochter", declaredAt: at } });
  return { edition, schoolA, schoolB, teamA, teamB, teacher, kees, ria, lotte };
}

describe("an edition's conflicts", () => {
  it("gives each conflicted juror–team pair its reasons, and nothing for the other pairs", async () => {
    const w = await world();
    const map = await loadConflicts(w.edition.id);
    expect(map.get(w.kees.id)?.get(w.teamA.id)).toEqual([{ code: "TEACHES_AT_SCHOOL", schoolId: w.schoolA.id }]);
    expect(map.get(w.kees.id)?.has(w.teamB.id)).toBe(false);
    expect(map.get(w.ria.id)?.get(w.teamB.id)).toEqual([{ code: "SCHOOL_CONTACT", schoolId: w.schoolB.id }]);
    expect(map.get(w.ria.id)?.has(w.teamA.id)).toBe(false);
    expect(map.get(w.lotte.id)?.get(w.teamB.id)).toEqual([{ code: "DECLARED", kind: "CHILD_IN_TEAM", teamId: w.teamB.id, text: "Mijn dochter" }]);
    expect(map.get(w.lotte.id)?.has(w.teamA.id)).toBe(false);
  });

  it("is recomputed when an affiliation changes, and leaves out removed jurors", async () => {
    const w = await world();
    expect(await conflictsBetween(w.edition.id, w.kees.id, w.teamB.id)).toEqual([]);
    // Kees starts teaching at school B as well: a conflict with team B from now on.
    await assignRole(db, w.teacher.id, "TEACHER", { schoolId: w.schoolB.id });
    expect(await conflictsBetween(w.edition.id, w.kees.id, w.teamB.id)).toEqual([{ code: "TEACHES_AT_SCHOOL", schoolId: w.schoolB.id }]);
    // He stops teaching at school A: the conflict with team A is gone.
    await db.roleAssignment.deleteMany({ where: { userId: w.teacher.id, role: "TEACHER", schoolId: w.schoolA.id } });
    expect(await conflictsBetween(w.edition.id, w.kees.id, w.teamA.id)).toEqual([]);
    // A juror taken off the jury has no conflicts to show.
    await db.juryMember.update({ where: { id: w.ria.id }, data: { removedAt: new Date() } });
    expect((await loadConflicts(w.edition.id)).has(w.ria.id)).toBe(false);
  });

  it("never mixes in another edition's jurors or teams", async () => {
    const [a, b] = [await world(), await world()];
    const map = await loadConflicts(a.edition.id);
    expect(map.has(b.kees.id)).toBe(false);
    for (const perTeam of map.values()) expect([...perTeam.keys()].every((id) => id === a.teamA.id || id === a.teamB.id)).toBe(true);
  });
});
