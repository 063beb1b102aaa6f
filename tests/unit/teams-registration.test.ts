// Registering and changing teams (issue 8, point 4): the rules a teacher and the board notice.
import { afterEach, describe, expect, it } from "vitest";
import { action as registerAction, loader as registerLoader } from "~/routes/teams.nieuw";
import { action as teamAction, loader as teamLoader } from "~/routes/teams.$teamId._index";
import { loader as mineLoader } from "~/routes/mijn-team";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

afterEach(() => resetClock());

let n = 0;
/** A challenge edition whose registration runs from 2026-11-01 to 2027-01-15; 2–4 pupils a team. */
async function edition() {
  const at = new Date("2026-10-01T00:00:00Z");
  const challenge = await db.challenge.create({ data: { slug: `ysc-${n++}`, name: "Young Solar Challenge", description: "Zonneboten", createdAt: at, updatedAt: at } });
  return db.edition.create({
    data: {
      challengeId: challenge.id, year: 2027, name: `YSC 2027 (${n})`, slug: `ysc-2027-${n}`,
      registrationOpensAt: new Date("2026-11-01T00:00:00Z"), registrationClosesAt: new Date("2027-01-15T00:00:00Z"),
      submissionDeadline: new Date("2027-04-01T00:00:00Z"), judgingOpensAt: new Date("2027-04-02T00:00:00Z"),
      judgingClosesAt: new Date("2027-05-01T00:00:00Z"), resultsPublishAt: new Date("2027-05-15T00:00:00Z"),
      minTeamSize: 2, maxTeamSize: 4, createdAt: at, updatedAt: at,
      categories: { create: [{ name: "Onderbouw", position: 0 }, { name: "Bovenbouw", position: 1 }] },
    },
    include: { categories: true },
  });
}

async function school(agreement = true) {
  const s = await createSchool(db, { name: `School ${n++}`, brin: `${10 + n}XY`, vestiging: "00" });
  if (agreement) await db.school.update({ where: { id: s.id }, data: { agreementSignedOn: new Date("2026-09-01T00:00:00Z") } });
  return s;
}

async function teacherAt(schoolId: string, name = `Docent ${n++}`) {
  const user = await createUser(db, { name, email: `docent${n++}@school.example` });
  await assignRole(db, user.id, "TEACHER", { schoolId });
  return user;
}

const pupils = (names: string[]) =>
  Object.fromEntries(names.flatMap((name, i) => [[`pupils[${i}].firstName`, name], [`pupils[${i}].className`, "2B"], [`pupils[${i}].leerweg`, "KB"]]));

const registration = (e: Awaited<ReturnType<typeof edition>>, schoolId: string, name: string, names: string[]) => ({
  editionId: e.id, schoolId, name, categoryId: e.categories[0]!.id, ...pupils(names),
});

describe("registering a team", () => {
  it("refuses too few and too many pupils with a field error and keeps what was typed", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const e = await edition();
    const s = await school();
    const jar = await signedIn((await teacherAt(s.id)).id);
    const few = await respond(() => registerAction(args(post(`/teams/nieuw?editie=${e.id}`, registration(e, s.id, "De Zonnekoningen", ["Sem"]), jar))));
    expect(few.status).toBe(400);
    const body = await few.json();
    expect(body.error.pupils).toEqual(["teams:errors.tooFew?count=2"]);
    expect(body.initialValue.name).toBe("De Zonnekoningen");
    expect(body.initialValue.pupils[0].firstName).toBe("Sem");
    const many = await respond(() => registerAction(args(post("/teams/nieuw", registration(e, s.id, "De Zonnekoningen", ["A", "B", "C", "D", "E"]), jar))));
    expect(many.status).toBe(400);
    expect((await many.json()).error.pupils).toEqual(["teams:errors.tooMany?count=4"]);
    expect(await db.team.count({ where: { editionId: e.id } })).toBe(0);
  });

  it("registers a team with pupil accounts, begeleiders and a mail to each begeleider", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const e = await edition();
    const s = await school();
    const teacher = await teacherAt(s.id, "Rob Kurvers");
    const colleague = await teacherAt(s.id, "Mieke Driessen");
    const jar = await signedIn(teacher.id);
    const res = await respond(() =>
      registerAction(args(post("/teams/nieuw", { ...registration(e, s.id, "De Zonnekoningen", ["Sem", "Noa"]), coachIds: colleague.id }, jar))),
    );
    expect(res.status).toBe(302);
    const team = await db.team.findFirstOrThrow({ where: { schoolId: s.id }, include: { members: { include: { pupil: { include: { user: { include: { roles: true } } } } } }, coaches: true } });
    expect(res.headers.get("Location")).toBe(`/teams/${team.id}`);
    expect(team.members.map((m) => m.pupil.firstName).sort()).toEqual(["Noa", "Sem"]);
    for (const m of team.members) {
      expect(m.pupil.user?.email).toBeNull();
      expect(m.pupil.user?.roles.map((r) => [r.role, r.schoolId])).toEqual([["PUPIL", s.id]]);
      expect(m.pupil.schoolYear).toBe(2026);
    }
    expect(team.coaches.map((c) => c.userId).sort()).toEqual([teacher.id, colleague.id].sort());
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `team:${team.id}:registered:` } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "team.register", entityId: team.id } })).toBe(1);
  });

  it("refuses a name that is taken in any spelling", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const e = await edition();
    const a = await school();
    const b = await school();
    const first = await respond(() => registerAction(args(post("/teams/nieuw", registration(e, a.id, "De Zonne-Koningen", ["Sem", "Noa"]), undefined))));
    expect(first.status).toBe(302); // not signed in: to the sign-in page
    const jarA = await signedIn((await teacherAt(a.id)).id);
    const jarB = await signedIn((await teacherAt(b.id)).id);
    expect((await respond(() => registerAction(args(post("/teams/nieuw", registration(e, a.id, "De Zonne-Koningen", ["Sem", "Noa"]), jarA))))).status).toBe(302);
    const taken = await respond(() => registerAction(args(post("/teams/nieuw", registration(e, b.id, "de zonnekóningen!", ["Lina", "Daan"]), jarB))));
    expect(taken.status).toBe(400);
    expect((await taken.json()).error.name).toEqual(["teams:errors.nameTaken"]);
    expect(await db.team.count({ where: { editionId: e.id } })).toBe(1);
  });

  it("refuses pupils while the school has no data agreement", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const e = await edition();
    const s = await school(false);
    const jar = await signedIn((await teacherAt(s.id)).id);
    const res = await respond(() => registerAction(args(post("/teams/nieuw", registration(e, s.id, "Team Zon", ["Sem", "Noa"]), jar))));
    expect(res.status).toBe(400);
    expect((await res.json()).error[""]).toEqual(["teams:errors.noAgreement"]);
    expect(await db.pupil.count({ where: { schoolId: s.id } })).toBe(0);
  });

  it("lets only the board change a team after registration closes, and hides it from another school's teacher", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const e = await edition();
    const s = await school();
    const other = await school();
    const teacher = await teacherAt(s.id);
    const jar = await signedIn(teacher.id);
    await respond(() => registerAction(args(post("/teams/nieuw", registration(e, s.id, "Team Zon", ["Sem", "Noa"]), jar))));
    const team = await db.team.findFirstOrThrow({ where: { schoolId: s.id } });
    const params = { teamId: team.id };

    const stranger = await signedIn((await teacherAt(other.id)).id);
    expect((await respond(() => teamLoader(args(get(`/teams/${team.id}`, stranger), params)))).status).toBe(404);
    expect((await respond(() => teamAction(args(post(`/teams/${team.id}`, { intent: "rename", name: "Gekaapt" }, stranger), params)))).status).toBe(404);

    setClock(new Date("2027-01-20T10:00:00Z"));
    const lateJar = await signedIn(teacher.id);
    const late = await respond(() => teamAction(args(post(`/teams/${team.id}`, { intent: "rename", name: "Team Maan" }, lateJar), params)));
    expect(late.status).toBe(403);
    expect((await late.json()).error[""]).toEqual(["teams:errors.closed"]);
    const lateRegistration = await respond(() => registerAction(args(post("/teams/nieuw", registration(e, s.id, "Team Ster", ["Sem", "Noa"]), lateJar))));
    expect(lateRegistration.status).toBe(403);

    const board = await createUser(db, { name: "Bestuur" });
    await assignRole(db, board.id, "BOARD");
    const boardJar = await signedIn(board.id);
    const renamed = await respond(() => teamAction(args(post(`/teams/${team.id}`, { intent: "rename", name: "Team Maan" }, boardJar), params)));
    expect(renamed.status).toBe(302);
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe("Team Maan");
  });

  it("shows a pupil their own team on /mijn-team and no team management page", async () => {
    setClock(new Date("2026-11-28T10:00:00Z"));
    const e = await edition();
    const s = await school();
    const jar = await signedIn((await teacherAt(s.id, "Mieke Driessen")).id);
    await respond(() => registerAction(args(post("/teams/nieuw", registration(e, s.id, "Team Zon", ["Sem", "Noa"]), jar))));
    const team = await db.team.findFirstOrThrow({ where: { schoolId: s.id } });
    const sem = await db.pupil.findFirstOrThrow({ where: { firstName: "Sem", schoolId: s.id } });
    const pupilJar = await signedIn(sem.userId!);
    const mine = await respond(() => mineLoader(args(get("/mijn-team", pupilJar))));
    expect(mine.status).toBe(200);
    const text = JSON.stringify(await mine.json());
    expect(text).toContain("Team Zon");
    expect(text).toContain("Noa");
    expect(text).toContain("Mieke Driessen");
    expect((await respond(() => teamLoader(args(get(`/teams/${team.id}`, pupilJar), { teamId: team.id })))).status).toBe(404);
    expect((await respond(() => registerLoader(args(get(`/teams/nieuw?editie=${e.id}`, pupilJar))))).status).toBe(403);
  });
});
