// The board's assignment page (issue 17, points 2, 3 and 7): the automatic, balanced distribution
// stored (conflicted pairs never), manual assignment refused for a conflicted pair with a field
// error, unassigning a juror with a score sheet only once confirmed (the sheet kept), coverage
// numbers, conflicts recomputed after an affiliation changes, and the score distribution.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { getAssignmentPage } from "~/modules/judging/assignment.server";
import { getDistributionPage } from "~/modules/judging/distribution.server";
import { action as assignmentAction, loader as assignmentLoader } from "~/routes/bestuur.edities.$editionId.jurering_.toewijzing";
import { loader as distributionLoader } from "~/routes/bestuur.edities.$editionId.jurering_.verdeling";
import { resetClock } from "~/utils/clock.server";
import { createPrismaClient, db, getDb, setDb } from "~/utils/db.server";
import { dropDatabase } from "../../app/server/embedded-postgres";
import { seed } from "../../prisma/seed";
import { createDatabaseFromTemplate } from "../support/test-postgres";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, type CookieJar, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

const DAY = 86_400_000;
let n = 0;

afterEach(() => resetClock());

/** An edition (judging opened yesterday) with six teams at two schools, five jurors, one teaching at school A. */
async function world() {
  const at = new Date();
  const day = (d: number) => new Date(at.getTime() + d * DAY);
  const slug = `assign-${n++}-${Date.now()}`;
  const challenge = await db.challenge.create({ data: { slug, name: "Toewijzing", description: "Test", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name: `Toewijzing ${slug}`, slug: `${slug}-2030`,
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }] },
    },
    include: { categories: true },
  });
  const [schoolA, schoolB] = [await createSchool(db, { name: `Maascollege ${slug}` }), await createSchool(db, { name: `Peelschool ${slug}` })];
  const teams = [];
  for (const [i, schoolId] of [schoolA.id, schoolA.id, schoolB.id, schoolB.id, schoolB.id, schoolB.id].entries()) {
    const name = `Team ${i} ${slug}`;
    teams.push(await db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } }));
  }
  // A withdrawn team is no entry.
  const gone = `Weg ${slug}`;
  const withdrawn = await db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId: schoolB.id, name: gone, nameKey: gone.toLowerCase(), status: "WITHDRAWN", withdrawnAt: at, createdAt: at, updatedAt: at } });

  const kees = await createUser(db, { name: "Kees Teunissen", email: `kees-${slug}@test.example` });
  await assignRole(db, kees.id, "TEACHER", { schoolId: schoolA.id });
  const members = [];
  for (const [i, name] of ["Kees Teunissen", "Lotte Bos", "Mark Peters", "Nina Smits", "Olaf Janssen"].entries()) {
    const user = i === 0 ? kees : await createUser(db, { name, email: `${name.split(" ")[0]!.toLowerCase()}-${slug}@test.example` });
    members.push(await db.juryMember.create({ data: { editionId: edition.id, email: user.email!, name, userId: user.id, createdAt: at } }));
  }
  const board = await createUser(db, { name: "Annemiek Gielen", email: `bestuur-${slug}@test.example` });
  await assignRole(db, board.id, "BOARD");
  return { edition, schoolA, schoolB, teams, withdrawn, members, kees, board, jar: await signedIn(board.id) };
}

const page = (editionId: string) => `/bestuur/edities/${editionId}/jurering/toewijzing`;
const postTo = (editionId: string, fields: Record<string, string>, jar: CookieJar) => respond(() => assignmentAction(args(post(page(editionId), fields, jar), { editionId })));
type PageData = Awaited<ReturnType<Awaited<ReturnType<typeof assignmentLoader>>["json"]>>;
async function load(editionId: string, jar: CookieJar) {
  const res = await respond(() => assignmentLoader(args(get(page(editionId), jar), { editionId })));
  expect(res.status).toBe(200);
  return (await res.json()) as PageData;
}
const errorsOf = async (res: Response) => ((await res.json()) as { result: { error: Record<string, string[]> } }).result.error;

describe("the board's assignment page", () => {
  it("saves the mode and N, then distributes balanced: every entry N jurors, loads within 1, conflicted pairs never, one audit row", async () => {
    const w = await world();
    // Manual mode distributes nothing.
    const refused = await postTo(w.edition.id, { intent: "distribute" }, w.jar);
    expect(refused.status).toBe(400);
    expect((await errorsOf(refused))[""]).toEqual(["assignment:errors.manualMode"]);
    expect(await db.juryAssignment.count({ where: { team: { editionId: w.edition.id } } })).toBe(0);

    const bad = await postTo(w.edition.id, { intent: "save-settings", mode: "AUTOMATIC", minJurorsPerEntry: "0" }, w.jar);
    expect(bad.status).toBe(400);
    expect((await errorsOf(bad)).minJurorsPerEntry).toEqual(["assignment:errors.minJurors"]);
    expect(await db.judgingSettings.count({ where: { editionId: w.edition.id } })).toBe(0);

    expect((await postTo(w.edition.id, { intent: "save-settings", mode: "AUTOMATIC", minJurorsPerEntry: "3" }, w.jar)).status).toBe(302);
    expect(await db.judgingSettings.findUnique({ where: { editionId: w.edition.id }, select: { assignmentMode: true, minJurorsPerEntry: true } })).toEqual({ assignmentMode: "AUTOMATIC", minJurorsPerEntry: 3 });

    const done = await postTo(w.edition.id, { intent: "distribute" }, w.jar);
    expect(done.status).toBe(302);
    const stored = await db.juryAssignment.findMany({ where: { team: { editionId: w.edition.id } }, select: { juryMemberId: true, teamId: true, source: true } });
    expect(stored.every((a) => a.source === "AUTOMATIC")).toBe(true);
    // Six entries × 3 = 18 pairs; Kees (teaches at school A) never has team 0 or 1; the withdrawn team has none.
    expect(stored).toHaveLength(18);
    for (const t of w.teams) expect(stored.filter((a) => a.teamId === t.id)).toHaveLength(3);
    expect(stored.some((a) => a.juryMemberId === w.members[0]!.id && (a.teamId === w.teams[0]!.id || a.teamId === w.teams[1]!.id))).toBe(false);
    expect(stored.some((a) => a.teamId === w.withdrawn.id)).toBe(false);
    const loads = w.members.map((m) => stored.filter((a) => a.juryMemberId === m.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const audits = await db.auditLog.findMany({ where: { action: "judging.assignment.distribute", entityId: w.edition.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.meta).toMatchObject({ created: 18, removed: 0, entriesUnderN: 0 });

    // The page shows the same: coverage per entry and per juror, max − min, the conflict in words.
    const data = await load(w.edition.id, w.jar);
    expect(data.judgingStarted).toBe(true);
    expect(data.entries.map((e) => e.jurors)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(data.entries.map((e) => e.name)).not.toContain(w.withdrawn.name);
    expect(data.entriesUnderN).toBe(0);
    expect(data.loadSpread.max - data.loadSpread.min).toBeLessThanOrEqual(1);
    expect(data.jurors.map((j) => j.load).reduce((a, b) => a + b, 0)).toBe(18);
    const keesConflicts = data.conflicts.filter((c) => c.memberId === w.members[0]!.id);
    expect(keesConflicts.map((c) => c.teamId).sort()).toEqual([w.teams[0]!.id, w.teams[1]!.id].sort());
    expect(keesConflicts[0]!.reasons).toEqual([{ code: "TEACHES_AT_SCHOOL", school: w.schoolA.name }]);

    // Distributing again changes nothing (same seed, same state).
    expect((await postTo(w.edition.id, { intent: "distribute" }, w.jar)).status).toBe(302);
    const again = await db.juryAssignment.findMany({ where: { team: { editionId: w.edition.id } }, select: { juryMemberId: true, teamId: true } });
    expect(new Set(again.map((a) => `${a.juryMemberId}/${a.teamId}`))).toEqual(new Set(stored.map((a) => `${a.juryMemberId}/${a.teamId}`)));
  });

  it("shows entries under N with the reason when conflicts leave too few jurors", async () => {
    const w = await world();
    // Four of the five jurors declare a conflict with team 2: only one juror left for it.
    for (const m of w.members.slice(1)) await db.jurorConflict.create({ data: { juryMemberId: m.id, teamId: w.teams[2]!.id, kind: "CHILD_IN_TEAM", note: "", declaredAt: new Date() } });
    await postTo(w.edition.id, { intent: "save-settings", mode: "AUTOMATIC", minJurorsPerEntry: "2" }, w.jar);
    expect((await postTo(w.edition.id, { intent: "distribute" }, w.jar)).status).toBe(302);
    const data = await load(w.edition.id, w.jar);
    const short = data.entries.find((e) => e.id === w.teams[2]!.id)!;
    expect([short.jurors, short.underN, short.shortfall, short.unconflicted]).toEqual([1, true, "TOO_FEW_JURORS", 1]);
    expect(data.entriesUnderN).toBe(1);
    expect(data.conflicts.find((c) => c.memberId === w.members[1]!.id && c.teamId === w.teams[2]!.id)!.reasons).toEqual([{ code: "DECLARED", kind: "CHILD_IN_TEAM", text: null }]);
  });

  it("refuses a manual assignment of a conflicted pair with a field error; assigns and unassigns the rest (a juror with a sheet only once confirmed, the sheet kept)", async () => {
    const w = await world();
    const [kees, lotte] = [w.members[0]!, w.members[1]!];
    const refused = await postTo(w.edition.id, { intent: "assign", memberId: kees.id, teamId: w.teams[0]!.id }, w.jar);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { result: { error: Record<string, string[]>; initialValue: Record<string, string> } };
    expect(body.result.error.memberId![0]).toMatch(/^assignment:errors\.conflict\?/);
    expect(body.result.initialValue.teamId).toBe(w.teams[0]!.id);
    expect(await db.juryAssignment.count({ where: { juryMemberId: kees.id } })).toBe(0);

    expect((await postTo(w.edition.id, { intent: "assign", memberId: lotte.id, teamId: w.teams[0]!.id }, w.jar)).status).toBe(302);
    expect(await db.juryAssignment.findFirst({ where: { juryMemberId: lotte.id, teamId: w.teams[0]!.id }, select: { source: true } })).toEqual({ source: "MANUAL" });
    const twice = await postTo(w.edition.id, { intent: "assign", memberId: lotte.id, teamId: w.teams[0]!.id }, w.jar);
    expect(twice.status).toBe(400);
    expect((await errorsOf(twice)).teamId).toEqual(["assignment:errors.alreadyAssigned"]);

    const at = new Date();
    await db.scoreSheet.create({ data: { juryMemberId: lotte.id, teamId: w.teams[0]!.id, status: "DRAFT", createdAt: at, updatedAt: at } });
    const unconfirmed = await postTo(w.edition.id, { intent: "unassign", memberId: lotte.id, teamId: w.teams[0]!.id }, w.jar);
    expect(unconfirmed.status).toBe(400);
    expect((await errorsOf(unconfirmed))[""]).toEqual(["assignment:errors.hasSheet"]);
    expect(await db.juryAssignment.count({ where: { juryMemberId: lotte.id } })).toBe(1);
    expect((await postTo(w.edition.id, { intent: "unassign", memberId: lotte.id, teamId: w.teams[0]!.id, confirm: "yes" }, w.jar)).status).toBe(302);
    expect(await db.juryAssignment.count({ where: { juryMemberId: lotte.id } })).toBe(0);
    expect(await db.scoreSheet.count({ where: { juryMemberId: lotte.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ["judging.assignment.assign", "judging.assignment.unassign"] }, actorId: w.board.id } })).toBe(2);
  });

  it("recomputes conflicts after an affiliation changes: a juror who starts teaching at a team's school shows the conflict and is refused", async () => {
    const w = await world();
    const lotte = w.members[1]!;
    const target = w.teams[3]!; // school B
    expect((await load(w.edition.id, w.jar)).conflicts.some((c) => c.memberId === lotte.id)).toBe(false);
    await assignRole(db, lotte.userId!, "TEACHER", { schoolId: w.schoolB.id });
    const data = await load(w.edition.id, w.jar);
    expect(data.conflicts.find((c) => c.memberId === lotte.id && c.teamId === target.id)!.reasons).toEqual([{ code: "TEACHES_AT_SCHOOL", school: w.schoolB.name }]);
    const refused = await postTo(w.edition.id, { intent: "assign", memberId: lotte.id, teamId: target.id }, w.jar);
    expect(refused.status).toBe(400);
    expect(await db.juryAssignment.count({ where: { juryMemberId: lotte.id } })).toBe(0);

    // An automatic assignment made before the change is taken off at the next distribution.
    await db.roleAssignment.deleteMany({ where: { userId: lotte.userId!, role: "TEACHER" } });
    await postTo(w.edition.id, { intent: "save-settings", mode: "WHOLE_PANEL", minJurorsPerEntry: "3" }, w.jar);
    await postTo(w.edition.id, { intent: "distribute" }, w.jar);
    expect(await db.juryAssignment.count({ where: { juryMemberId: lotte.id } })).toBe(6);
    await assignRole(db, lotte.userId!, "TEACHER", { schoolId: w.schoolB.id });
    await postTo(w.edition.id, { intent: "distribute" }, w.jar);
    expect(await db.juryAssignment.count({ where: { juryMemberId: lotte.id } })).toBe(2);
  });

  it("coverage counts submitted sheets per entry and per juror", async () => {
    const w = await world();
    await postTo(w.edition.id, { intent: "save-settings", mode: "AUTOMATIC", minJurorsPerEntry: "2" }, w.jar);
    await postTo(w.edition.id, { intent: "distribute" }, w.jar);
    const mine = await db.juryAssignment.findMany({ where: { juryMemberId: w.members[2]!.id } });
    const at = new Date();
    await db.scoreSheet.create({ data: { juryMemberId: w.members[2]!.id, teamId: mine[0]!.teamId, status: "SUBMITTED", submittedAt: at, createdAt: at, updatedAt: at } });
    const data = await load(w.edition.id, w.jar);
    const juror = data.jurors.find((j) => j.id === w.members[2]!.id)!;
    expect([juror.load, juror.submitted]).toEqual([mine.length, 1]);
    expect(data.entries.find((e) => e.id === mine[0]!.teamId)!.submitted).toBe(1);
    expect(data.entries.reduce((s, e) => s + e.submitted, 0)).toBe(1);
  });

  it("draws each juror's distribution of submitted entry scores beside the panel's (drafts left out)", async () => {
    const w = await world();
    const at = new Date();
    const form = await db.scoringForm.create({ data: { editionId: w.edition.id, scopeKey: "edition", createdAt: at, updatedAt: at } });
    const criterion = await db.scoringCriterion.create({ data: { formId: form.id, name: "Werking", weight: 1, position: 0, createdAt: at, levels: { create: [1, 2, 3, 4, 5].map((value) => ({ value, text: `N${value}` })) } } });
    const sheet = (memberIndex: number, teamIndex: number, value: number, status: "SUBMITTED" | "DRAFT" = "SUBMITTED") =>
      db.scoreSheet.create({
        data: { juryMemberId: w.members[memberIndex]!.id, teamId: w.teams[teamIndex]!.id, status, createdAt: at, updatedAt: at, levels: { create: [{ criterionId: criterion.id, value }] } },
      });
    for (const t of [2, 3, 4]) await sheet(0, t, 1); // Kees: hard
    for (const t of [2, 3, 4]) await sheet(1, t, 5); // Lotte: soft
    for (const t of [2, 3, 4]) await sheet(2, t, 3);
    await sheet(3, 2, 5, "DRAFT");
    const res = await respond(() => distributionLoader(args(get(`/bestuur/edities/${w.edition.id}/jurering/verdeling`, w.jar), { editionId: w.edition.id })));
    const data = (await res.json()) as { panels: Array<{ panel: { count: number; mean: number }; jurors: Array<{ id: string; count: number; mean: number; verdict: string }> }> };
    expect(data.panels).toHaveLength(1);
    expect([data.panels[0]!.panel.count, data.panels[0]!.panel.mean]).toEqual([9, 3]);
    const by = new Map(data.panels[0]!.jurors.map((j) => [j.id, j]));
    expect(by.get(w.members[0]!.id)).toMatchObject({ count: 3, mean: 1, verdict: "STRICTER" });
    expect(by.get(w.members[1]!.id)).toMatchObject({ count: 3, mean: 5, verdict: "MILDER" });
    expect(by.get(w.members[2]!.id)).toMatchObject({ count: 3, mean: 3, verdict: "IN_LINE" });
    expect(by.has(w.members[3]!.id)).toBe(false);
  });

  it("never acts on another edition's juror or team", async () => {
    const [a, b] = [await world(), await world()];
    const cross = await postTo(a.edition.id, { intent: "assign", memberId: b.members[1]!.id, teamId: a.teams[0]!.id }, a.jar);
    expect(cross.status).toBe(404);
    const crossTeam = await postTo(a.edition.id, { intent: "assign", memberId: a.members[1]!.id, teamId: b.teams[0]!.id }, a.jar);
    expect(crossTeam.status).toBe(404);
    await db.juryAssignment.create({ data: { juryMemberId: b.members[1]!.id, teamId: b.teams[0]!.id, source: "MANUAL", createdAt: new Date() } });
    const crossUn = await postTo(a.edition.id, { intent: "unassign", memberId: b.members[1]!.id, teamId: b.teams[0]!.id, confirm: "yes" }, a.jar);
    expect(crossUn.status).toBe(404);
    expect(await db.juryAssignment.count({ where: { OR: [{ team: { editionId: a.edition.id } }, { team: { editionId: b.edition.id } }] } })).toBe(1);
  });
});

describe("the demo (prisma/seed-jury-panel.ts)", () => {
  const name = `assign_demo_${process.pid}`;
  let client: PrismaClient;
  let fileDb: PrismaClient;
  beforeAll(async () => {
    fileDb = getDb();
    client = createPrismaClient(await createDatabaseFromTemplate(inject("adminUrl"), name));
    setDb(client);
    await seed(client);
  }, 120_000);
  afterAll(async () => {
    setDb(fileDb);
    await client.$disconnect();
    await dropDatabase(inject("adminUrl"), name);
  });

  it("has the Robotica Challenge distributed automatically: six entries with three jurors each and a late one under N, every load 3, Kees's conflict shown, scores to draw", async () => {
    const edition = await client.edition.findFirstOrThrow({ where: { challenge: { slug: "robotica-challenge" } }, select: { id: true } });
    const page = (await getAssignmentPage(edition.id))!;
    expect(page.settings).toEqual({ minJurorsPerEntry: 3, mode: "AUTOMATIC" });
    // Six entries distributed; De Robotvrienden handed in after the distribution: still under N.
    expect(page.entries.filter((e) => e.name !== "De Robotvrienden").map((e) => e.jurors)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(page.entries.find((e) => e.name === "De Robotvrienden")).toMatchObject({ jurors: 0, underN: true });
    expect(page.loadSpread).toEqual({ min: 3, max: 3 });
    const sanne = page.jurors.find((j) => j.name === "Sanne Verheijen")!;
    expect([sanne.load, sanne.submitted]).toEqual([3, 1]);
    const kees = page.conflicts.filter((c) => c.juror === "Kees Teunissen");
    expect(kees).toHaveLength(3);
    expect(kees[0]!.reasons).toEqual([{ code: "TEACHES_AT_SCHOOL", school: "Peelland Techniek College" }]);
    const pictures = (await getDistributionPage(edition.id))!;
    const verdicts = Object.fromEntries(pictures.panels[0]!.jurors.map((j) => [j.name, j.verdict]));
    expect(verdicts).toMatchObject({ "Kees Teunissen": "STRICTER", "Miriam de Bruijn": "MILDER" });
  });
});
