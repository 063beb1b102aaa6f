// Correcting a pupil's details on the team page (intent "edit-pupil"): who may, when, and what is kept.
import { afterEach, describe, expect, it } from "vitest";
import { anonymisePupil } from "~/modules/challenges/erasure.server";
import { registerTeam } from "~/modules/challenges/team-registration.server";
import { action as teamAction } from "~/routes/teams.$teamId._index";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, type CookieJar, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

afterEach(() => resetClock());

const OPEN = new Date("2026-11-28T10:00:00Z");
const CLOSED = new Date("2027-01-20T10:00:00Z");

let n = 0;
/** An edition open 2026-11-01 – 2027-01-15, a school with its agreement, a teacher and a team of Sem and Noa. */
async function setup() {
  setClock(OPEN);
  const at = new Date("2026-10-01T00:00:00Z");
  const challenge = await db.challenge.create({ data: { slug: `edit-${n++}`, name: "Young Solar Challenge", description: "x", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2027, name: `YSC 2027 (${n})`, slug: `ysc-edit-${n++}`,
      registrationOpensAt: new Date("2026-11-01T00:00:00Z"), registrationClosesAt: new Date("2027-01-15T00:00:00Z"),
      submissionDeadline: new Date("2027-04-01T00:00:00Z"), judgingOpensAt: new Date("2027-04-02T00:00:00Z"),
      judgingClosesAt: new Date("2027-05-01T00:00:00Z"), resultsPublishAt: new Date("2027-05-15T00:00:00Z"),
      minTeamSize: 2, maxTeamSize: 4, createdAt: at, updatedAt: at, categories: { create: [{ name: "Bovenbouw" }] },
    },
    include: { categories: true },
  });
  const school = await createSchool(db, { brin: `${30 + n}QQ`, vestiging: "00" });
  await db.school.update({ where: { id: school.id }, data: { agreementSignedOn: at } });
  const teacher = await createUser(db, { name: "Mieke Driessen", email: `mieke-edit${n++}@school.example` });
  const role = await assignRole(db, teacher.id, "TEACHER", { schoolId: school.id });
  const actor = { id: teacher.id, roles: [{ ...role, organisation: null }] };
  const register = async (name: string, pupils: { firstName: string; className: string; leerjaar?: number; leerweg?: string }[]) => {
    const result = await registerTeam({ editionId: edition.id, schoolId: school.id, name, categoryId: edition.categories[0]!.id, coachIds: [], pupils }, actor);
    if (!result.ok) throw new Error(`team not registered: ${JSON.stringify(result)}`);
    return db.team.findUniqueOrThrow({ where: { id: result.teamId }, include: { members: { orderBy: { position: "asc" }, include: { pupil: true } } } });
  };
  const team = await register(`Zonnestraal ${n++}`, [{ firstName: "Sem", className: "3A", leerjaar: 3, leerweg: "KB" }, { firstName: "Noa", className: "3A" }]);
  const sem = team.members[0]!.pupil;
  const noa = team.members[1]!.pupil;
  await db.pupil.update({ where: { id: sem.id }, data: { girl: false } });
  return { school, team, sem, noa, teacher, register, jar: await signedIn(teacher.id) };
}

const edit = (teamId: string, fields: Record<string, string>, jar: CookieJar) =>
  respond(() => teamAction(args(post(`/teams/${teamId}`, { intent: "edit-pupil", ...fields }, jar), { teamId })));

const NEW_VALUES = { firstName: "Semmy", className: "4B", leerjaar: "4", leerweg: "TL", profiel: "PIE" };

async function boardJar() {
  const board = await createUser(db, { name: "Bestuur" });
  await assignRole(db, board.id, "BOARD");
  return signedIn(board.id);
}

describe("editing a pupil of a team", () => {
  it("lets a teacher of the school correct a pupil while registration is open, audited without the values", async () => {
    const { team, sem, jar } = await setup();
    const res = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES }, jar);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/teams/${team.id}`);
    const stored = await db.pupil.findUniqueOrThrow({ where: { id: sem.id }, include: { user: true } });
    expect(stored).toMatchObject({ firstName: "Semmy", className: "4B", leerjaar: 4, leerweg: "TL", profiel: "PIE", girl: false, anonymisedAt: null });
    expect(stored.user?.name).toBe("Semmy");

    const entries = await db.auditLog.findMany({ where: { action: "team.edit-pupil", entityId: team.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.meta).toEqual({ pupilId: sem.id, fields: ["firstName", "className", "leerjaar", "leerweg", "profiel"] });
    const written = JSON.stringify(entries[0]);
    for (const value of ["Semmy", "Sem\"", "4B", "3A", "PIE", "KB", "TL"]) expect(written).not.toContain(value);

    // Emptying the optional fields clears them; only the changed names are recorded.
    // (The selects' empty choice, "Geen", sends an empty value.)
    const cleared = await edit(team.id, { pupilId: sem.id, firstName: "Semmy", className: "4B", leerjaar: "", leerweg: "", profiel: "" }, jar);
    expect(cleared.status).toBe(302);
    expect(await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).toMatchObject({ firstName: "Semmy", leerjaar: null, leerweg: null, profiel: null, girl: false });
    const metas = (await db.auditLog.findMany({ where: { action: "team.edit-pupil", entityId: team.id } })).map((e) => e.meta);
    expect(metas).toHaveLength(2);
    expect(metas).toContainEqual({ pupilId: sem.id, fields: ["leerjaar", "leerweg", "profiel"] });
  });

  it("refuses a teacher once registration has closed, changing nothing; the board may still", async () => {
    const { team, sem, teacher } = await setup();
    setClock(CLOSED);
    const late = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES }, await signedIn(teacher.id));
    expect(late.status).toBe(403);
    expect((await late.json()).error[""]).toEqual(["teams:errors.closed"]);
    expect(await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).toMatchObject({ firstName: "Sem", className: "3A", leerjaar: 3, leerweg: "KB", profiel: null });
    expect(await db.auditLog.count({ where: { action: "team.edit-pupil", entityId: team.id } })).toBe(0);

    const byBoard = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES }, await boardJar());
    expect(byBoard.status).toBe(302);
    expect(await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).toMatchObject({ firstName: "Semmy", className: "4B", leerjaar: 4, leerweg: "TL", profiel: "PIE" });
    expect(await db.auditLog.count({ where: { action: "team.edit-pupil", entityId: team.id } })).toBe(1);
  });

  it("lets the school contact only read (403)", async () => {
    const { school, team, sem } = await setup();
    const contact = await createUser(db, { name: "Contact", email: `contact-edit${n++}@school.example` });
    await assignRole(db, contact.id, "SCHOOL_CONTACT", { schoolId: school.id });
    const res = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES }, await signedIn(contact.id));
    expect(res.status).toBe(403);
    expect((await res.json()).error[""]).toEqual(["teams:errors.readOnly"]);
    expect((await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).firstName).toBe("Sem");
  });

  it("answers 404 for a pupil of another team and for an anonymised pupil", async () => {
    const { team, noa, jar, register, teacher } = await setup();
    const other = await register(`Maanlicht ${n++}`, [{ firstName: "Lina", className: "2C" }, { firstName: "Daan", className: "2C" }]);
    const lina = other.members[0]!.pupil;
    const foreign = await edit(team.id, { pupilId: lina.id, ...NEW_VALUES }, jar);
    expect(foreign.status).toBe(404);
    expect((await db.pupil.findUniqueOrThrow({ where: { id: lina.id } })).firstName).toBe("Lina");

    await db.$transaction((tx) => anonymisePupil(noa.id, teacher.id, tx, "request"));
    const erased = await edit(team.id, { pupilId: noa.id, ...NEW_VALUES }, jar);
    expect(erased.status).toBe(404);
    expect(await db.pupil.findUniqueOrThrow({ where: { id: noa.id } })).toMatchObject({ firstName: "Leerling 2", className: "", leerjaar: null });
    expect(await db.auditLog.count({ where: { action: "team.edit-pupil", entityId: { in: [team.id, other.id] } } })).toBe(0);
  });

  it("refuses bad input with field errors and the typed values, changing nothing", async () => {
    const { team, sem, noa, jar } = await setup();
    const res = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES, leerjaar: "9" }, jar);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.leerjaar).toEqual(["teams:errors.leerjaar"]);
    expect(body.initialValue).toMatchObject({ intent: "edit-pupil", pupilId: sem.id, firstName: "Semmy", className: "4B", leerjaar: "9", profiel: "PIE" });

    // The profiel is one of the ten vmbo profielen, not free text (free text split the monitoring counts).
    const typedProfiel = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES, profiel: "Techniek" }, jar);
    expect(typedProfiel.status).toBe(400);
    const typedBody = await typedProfiel.json();
    expect(typedBody.error.profiel).toEqual(["teams:errors.profiel"]);
    expect(typedBody.initialValue).toMatchObject({ firstName: "Semmy", profiel: "Techniek" });

    const blank = await edit(team.id, { pupilId: sem.id, firstName: "   ", className: "4B" }, jar);
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.firstName).toEqual(["teams:errors.firstNameRequired"]);

    // Two pupils of one team are never the same first name and class.
    const twin = await edit(team.id, { pupilId: noa.id, firstName: "sem", className: "3a" }, jar);
    expect(twin.status).toBe(400);
    expect((await twin.json()).error.firstName).toEqual(["teams:errors.duplicatePupil"]);

    expect(await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).toMatchObject({ firstName: "Sem", className: "3A", leerjaar: 3, leerweg: "KB" });
    expect((await db.pupil.findUniqueOrThrow({ where: { id: noa.id } })).firstName).toBe("Noa");
    expect(await db.auditLog.count({ where: { action: "team.edit-pupil", entityId: team.id } })).toBe(0);
  });

  it("refuses changes to a withdrawn team", async () => {
    const { team, sem, jar } = await setup();
    await db.team.update({ where: { id: team.id }, data: { status: "WITHDRAWN", withdrawnAt: OPEN } });
    const res = await edit(team.id, { pupilId: sem.id, ...NEW_VALUES }, jar);
    expect(res.status).toBe(400);
    expect((await res.json()).error[""]).toEqual(["teams:errors.withdrawn"]);
    expect((await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).firstName).toBe("Sem");
  });
});
