// Schools, teachers and the data agreement: the school contact approves the school's own teacher
// requests (another school's: 404; the board: 403 by design), and pupils can be entered only once
// the board recorded the agreement.
import { describe, expect, it } from "vitest";
import { recordAgreement, requestTeacherRole, schoolMayEnterPupils } from "~/modules/challenges/schools.server";
import { action as schoolsAction } from "~/routes/bestuur.scholen";
import { action as requestAction, loader as requestLoader } from "~/routes/docent.aanvragen";
import { action as schoolAction, loader as schoolLoader } from "~/routes/school._index";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

let round = 0;
async function setup() {
  // Each test in this file shares the database: a fresh vestiging per test.
  const v = String(round++).padStart(2, "0");
  const schoolA = await createSchool(db, { name: "Maasdal College", brin: "14AB", vestiging: v });
  const schoolB = await createSchool(db, { name: "Peelland Techniek College", brin: "20CD", vestiging: v });
  const contactA = await createUser(db, { name: "Ellen Hermans" });
  await assignRole(db, contactA.id, "SCHOOL_CONTACT", { schoolId: schoolA.id });
  const contactB = await createUser(db, { name: "Frank Lenders" });
  await assignRole(db, contactB.id, "SCHOOL_CONTACT", { schoolId: schoolB.id });
  const board = await createUser(db, { name: "Annemiek Gielen" });
  await assignRole(db, board.id, "BOARD");
  return { schoolA, schoolB, contactA, contactB, board };
}

describe("teacher requests", () => {
  it("a signed-in person asks; the school contact approves: TEACHER role, audit, notice mail", async () => {
    const { schoolA, contactA } = await setup();
    const person = await createUser(db, { name: "Lars Jacobs", email: "lars@maasdal.example" });
    const personJar = await signedIn(person.id);
    expect((await respond(() => requestLoader(args(get("/docent/aanvragen"))))).status).toBe(302);
    const asked = await respond(() => requestAction(args(post("/docent/aanvragen", { intent: "request", schoolId: schoolA.id }, personJar))));
    expect(asked.status).toBe(302);
    const twice = await respond(() => requestAction(args(post("/docent/aanvragen", { intent: "request", schoolId: schoolA.id }, personJar))));
    expect(twice.status).toBe(400);
    expect((await twice.json()).error.schoolId).toEqual(["challenges:errors.requestOpen"]);
    const mine = await (await requestLoader(args(get("/docent/aanvragen", personJar)))).json();
    expect(mine.requests).toMatchObject([{ status: "OPEN", school: { name: "Maasdal College" } }]);

    const contactJar = await signedIn(contactA.id);
    const page = await (await schoolLoader(args(get("/school", contactJar)))).json();
    expect(page.school.teacherRequests.map((r: { user: { name: string } }) => r.user.name)).toEqual(["Lars Jacobs"]);
    const requestId = page.school.teacherRequests[0]!.id;
    const approved = await respond(() => schoolAction(args(post("/school", { intent: "approve", requestId }, contactJar))));
    expect(approved.status).toBe(302);
    expect(await db.roleAssignment.count({ where: { userId: person.id, role: "TEACHER", schoolId: schoolA.id } })).toBe(1);
    expect(await db.teacherRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "YES", decidedById: contactA.id });
    expect(await db.auditLog.count({ where: { action: "teacher-request.approve", entityId: requestId, actorId: contactA.id } })).toBe(1);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: "lars@maasdal.example", template: "notice" } });
    expect(mail.subject).toBe("U bent docent van Maasdal College");
    // Deciding twice: refused, nothing more written.
    const again = await respond(() => schoolAction(args(post("/school", { intent: "reject", requestId }, contactJar))));
    expect(again.status).toBe(400);
    expect(await db.roleAssignment.count({ where: { userId: person.id, role: "TEACHER" } })).toBe(1);
  });

  it("a school contact of school B gets 404 for a request at school A; the board gets 403 by design", async () => {
    const { schoolA, contactB, board } = await setup();
    const person = await createUser(db, { name: "Kim Verheijen" });
    const asked = await requestTeacherRole(person.id, schoolA.id);
    if (!asked.ok) throw new Error(asked.error);
    const contactBJar = await signedIn(contactB.id);
    const pageB = await (await schoolLoader(args(get("/school", contactBJar)))).json();
    expect(pageB.school.teacherRequests).toEqual([]);
    const other = await respond(() => schoolAction(args(post("/school", { intent: "approve", requestId: asked.id }, contactBJar))));
    expect(other.status).toBe(404);
    const boardJar = await signedIn(board.id);
    expect((await respond(() => schoolLoader(args(get("/school", boardJar))))).status).toBe(403);
    expect((await respond(() => schoolAction(args(post("/school", { intent: "approve", requestId: asked.id }, boardJar))))).status).toBe(403);
    expect(await db.roleAssignment.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.teacherRequest.findUniqueOrThrow({ where: { id: asked.id } })).toMatchObject({ status: "OPEN" });
  });

  it("the school contact invites a teacher of their own school", async () => {
    const { schoolA, contactA } = await setup();
    const jar = await signedIn(contactA.id);
    const bad = await respond(() => schoolAction(args(post("/school", { intent: "invite", email: "niet-een-adres" }, jar))));
    expect(bad.status).toBe(400);
    const res = await respond(() => schoolAction(args(post("/school", { intent: "invite", email: "Mieke@Maasdal.example", name: "Mieke Driessen" }, jar))));
    expect(res.status).toBe(302);
    expect(await db.invitation.findFirstOrThrow({ where: { email: "mieke@maasdal.example" } })).toMatchObject({ role: "TEACHER", schoolId: schoolA.id });
  });
});

describe("the data agreement", () => {
  it("gates pupil entry until the board records it (date, audit)", async () => {
    const { schoolA, schoolB, board } = await setup();
    expect(await schoolMayEnterPupils(schoolA.id)).toBe(false);
    const jar = await signedIn(board.id);
    const bad = await respond(() => schoolsAction(args(post("/bestuur/scholen", { intent: "record-agreement", schoolId: schoolA.id, signedOn: "31-02-2026" }, jar))));
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.signedOn).toEqual(["challenges:errors.date"]);
    expect(await schoolMayEnterPupils(schoolA.id)).toBe(false);
    const ok = await respond(() => schoolsAction(args(post("/bestuur/scholen", { intent: "record-agreement", schoolId: schoolA.id, signedOn: "15-9-2026" }, jar))));
    expect(ok.status).toBe(302);
    expect(await schoolMayEnterPupils(schoolA.id)).toBe(true);
    expect(await schoolMayEnterPupils(schoolB.id)).toBe(false);
    const school = await db.school.findUniqueOrThrow({ where: { id: schoolA.id } });
    expect(school.agreementSignedOn?.toISOString()).toBe("2026-09-14T22:00:00.000Z");
    expect(school.agreementRecordedById).toBe(board.id);
    expect(await db.auditLog.count({ where: { action: "school.agreement.record", entityId: schoolA.id } })).toBe(1);
    expect(await recordAgreement("cnosuchschool000000000000", { signedOn: new Date(), fileId: null }, board.id)).toBe(false);
  });

  it("the board creates a school; BRIN + vestiging are unique", async () => {
    const { board } = await setup();
    const jar = await signedIn(board.id);
    const dup = await respond(() => schoolsAction(args(post("/bestuur/scholen", { intent: "create-school", name: "Nog een", brin: "14ab", vestiging: "04", type: "VMBO" }, jar))));
    expect(dup.status).toBe(400);
    expect((await dup.json()).result.error.vestiging).toEqual(["challenges:errors.brinTaken"]);
    const ok = await respond(() => schoolsAction(args(post("/bestuur/scholen", { intent: "create-school", name: "Basisschool De Zonnewijzer", brin: "07ef", vestiging: "00", city: "Blerick", type: "PRIMARY" }, jar))));
    expect(ok.status).toBe(302);
    expect(await db.school.findFirstOrThrow({ where: { brin: "07EF" } })).toMatchObject({ type: "PRIMARY", city: "Blerick" });
  });
});
