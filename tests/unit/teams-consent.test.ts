// Consent and erasure of pupil data (issue 8, point 5).
import { afterEach, describe, expect, it } from "vitest";
import { displayName } from "~/modules/challenges/consent";
import { eraseExpiredPupilData } from "~/modules/challenges/erasure.server";
import { registerTeam } from "~/modules/challenges/team-registration.server";
import { action as teamAction } from "~/routes/teams.$teamId._index";
import { action as consentAction } from "~/routes/teams.$teamId.toestemming";
import { action as answerAction, loader as answerLoader } from "~/routes/toestemming.$token";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createFoundationSettings, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

afterEach(() => resetClock());

let n = 0;
/** A school with its agreement, a teacher, an open edition and a team of Sem and Noa. */
async function teamWithPupils(names: [string, string] = ["Sem", "Noa"]) {
  setClock(new Date("2026-11-28T10:00:00Z"));
  const at = new Date("2026-10-01T00:00:00Z");
  const challenge = await db.challenge.create({ data: { slug: `c-${n++}`, name: "Young Solar Challenge", description: "x", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2027, name: "YSC 2027", slug: `ysc-${n++}`,
      registrationOpensAt: new Date("2026-11-01T00:00:00Z"), registrationClosesAt: new Date("2027-01-15T00:00:00Z"),
      submissionDeadline: new Date("2027-04-01T00:00:00Z"), judgingOpensAt: new Date("2027-04-02T00:00:00Z"),
      judgingClosesAt: new Date("2027-05-01T00:00:00Z"), resultsPublishAt: new Date("2027-05-15T00:00:00Z"),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Bovenbouw" }] },
    },
    include: { categories: true },
  });
  const school = await createSchool(db, { brin: `${20 + n}ZZ`, vestiging: "00" });
  await db.school.update({ where: { id: school.id }, data: { agreementSignedOn: at } });
  const teacher = await createUser(db, { name: "Mieke Driessen", email: `mieke${n++}@school.example` });
  const role = await assignRole(db, teacher.id, "TEACHER", { schoolId: school.id });
  const result = await registerTeam(
    { editionId: edition.id, schoolId: school.id, name: `Zonnestraal ${n++}`, categoryId: edition.categories[0]!.id, coachIds: [], pupils: [{ firstName: names[0], className: "3A" }, { firstName: names[1], className: "3A" }] },
    { id: teacher.id, roles: [{ ...role, organisation: null }] },
  );
  if (!result.ok) throw new Error(`team not registered: ${JSON.stringify(result)}`);
  const team = await db.team.findUniqueOrThrow({ where: { id: result.teamId }, include: { members: { orderBy: { position: "asc" }, include: { pupil: true } } } });
  return { team, teacher, sem: team.members[0]!.pupil, noa: team.members[1]!.pupil, jar: await signedIn(teacher.id) };
}

const publicName = async (pupilId: string, at: Date) => {
  const pupil = await db.pupil.findUniqueOrThrow({ where: { id: pupilId }, include: { consents: true, teams: true } });
  return displayName({ firstName: pupil.firstName, position: pupil.teams[0]!.position, consents: pupil.consents }, "public", at, (k) => `Leerling ${k}`);
};

describe("consent", () => {
  it("does not let a pupil under 16 consent themselves", async () => {
    const { team, sem, jar } = await teamWithPupils();
    const form = { intent: "paper", pupilId: sem.id, givenBy: "PUPIL", giverName: "Sem", publishName: "on", textVersion: "v2026" };
    const res = await respond(() => consentAction(args(post(`/teams/${team.id}/toestemming`, form, jar), { teamId: team.id })));
    expect(res.status).toBe(400);
    expect((await res.json()).error.pupilIs16OrOlder).toEqual(["teams:errors.tooYoung"]);
    expect(await db.consent.count({ where: { pupilId: sem.id } })).toBe(0);
    const ok = await respond(() => consentAction(args(post(`/teams/${team.id}/toestemming`, { ...form, pupilIs16OrOlder: "on" }, jar), { teamId: team.id })));
    expect(ok.status).toBe(302);
    expect(await db.consent.count({ where: { pupilId: sem.id, givenBy: "PUPIL", channel: "PAPER" } })).toBe(1);
  });

  it("sends a request to a parent whose address is gone once they answered; a GET writes nothing", async () => {
    const { team, noa, jar } = await teamWithPupils();
    const sent = await respond(() =>
      consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "request", pupilId: noa.id, parentEmail: "Ouder.Noa@Example.NL", locale: "nl" }, jar), { teamId: team.id })),
    );
    expect(sent.status).toBe(302);
    const request = await db.consentRequest.findFirstOrThrow({ where: { pupilId: noa.id } });
    expect(request.parentEmail).toBe("ouder.noa@example.nl");
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `consent-request:${request.id}` } });
    const url = (mail.props as { button: { url: string } }).button.url;
    const token = url.split("/toestemming/")[1]!;

    const page = await respond(() => answerLoader(args(get(`/toestemming/${token}`), { token })));
    expect(page.status).toBe(200);
    expect(JSON.stringify(await page.json())).toContain("Noa");
    expect((await db.consentRequest.findUniqueOrThrow({ where: { id: request.id } })).answeredAt).toBeNull();

    const answer = await respond(() => answerAction(args(post(`/toestemming/${token}`, { giverName: "Fatima de Vries", publishName: "on" }), { token })));
    expect(answer.status).toBe(302);
    const after = await db.consentRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(after.parentEmail).toBeNull();
    expect(after.answeredAt).not.toBeNull();
    const consent = await db.consent.findFirstOrThrow({ where: { pupilId: noa.id } });
    expect([consent.channel, consent.givenBy, consent.publishName, consent.publishPhotos, consent.giverName]).toEqual(["EMAIL", "PARENT", true, false, "Fatima de Vries"]);

    const again = await respond(() => answerAction(args(post(`/toestemming/${token}`, { giverName: "Iemand anders", publishPhotos: "on" }), { token })));
    expect(again.status).toBe(400);
    expect(await db.consent.count({ where: { pupilId: noa.id } })).toBe(1);
    const answeredPage = await respond(() => answerLoader(args(get(`/toestemming/${token}`), { token })));
    expect(JSON.stringify(await answeredPage.json())).not.toContain("Noa");
  });

  it("stops showing the name publicly once the consent is withdrawn", async () => {
    const { team, sem, jar } = await teamWithPupils();
    await respond(() =>
      consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "paper", pupilId: sem.id, givenBy: "PARENT", giverName: "Ouder van Sem", publishName: "on", textVersion: "v2026" }, jar), { teamId: team.id })),
    );
    expect(await publicName(sem.id, new Date("2026-11-28T11:00:00Z"))).toBe("Sem");
    const consent = await db.consent.findFirstOrThrow({ where: { pupilId: sem.id } });
    setClock(new Date("2026-11-28T12:00:00Z"));
    const res = await respond(() => consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "withdraw", consentId: consent.id }, jar), { teamId: team.id })));
    expect(res.status).toBe(302);
    expect(await publicName(sem.id, new Date("2026-11-28T13:00:00Z"))).toBe("Leerling 1");
  });
});

describe("erasure of pupil data", () => {
  it("anonymises pupils 12 months after their school year ends, not before; the team keeps its name", async () => {
    const { team, sem, noa, jar } = await teamWithPupils();
    await respond(() =>
      consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "paper", pupilId: sem.id, givenBy: "PARENT", giverName: "Ouder", publishName: "on", textVersion: "v2026" }, jar), { teamId: team.id })),
    );
    // School year 2026-2027 ends on 1 August 2027 (Amsterdam); plus 12 months.
    setClock(new Date("2028-07-31T12:00:00Z"));
    await eraseExpiredPupilData();
    expect((await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).anonymisedAt).toBeNull();

    setClock(new Date("2028-08-01T12:00:00Z"));
    await eraseExpiredPupilData();
    const erased = await db.pupil.findUniqueOrThrow({ where: { id: sem.id }, include: { user: true, consents: true } });
    expect(erased.firstName).toBe("Leerling 1");
    expect(erased.className).toBe("");
    expect(erased.consents).toEqual([]);
    expect(erased.user?.disabledAt).not.toBeNull();
    expect((await db.pupil.findUniqueOrThrow({ where: { id: noa.id } })).firstName).toBe("Leerling 2");
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(team.name);
  });

  it("follows the retention the board set: 6 months instead of 12", async () => {
    const { sem } = await teamWithPupils();
    await db.foundationSettings.deleteMany();
    await createFoundationSettings(db, { pupilRetentionMonths: 6 });
    setClock(new Date("2028-01-31T12:00:00Z"));
    await eraseExpiredPupilData();
    expect((await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).anonymisedAt).toBeNull();
    setClock(new Date("2028-02-01T12:00:00Z"));
    await eraseExpiredPupilData();
    expect((await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).firstName).toBe("Leerling 1");
    await db.foundationSettings.deleteMany();
  });

  it("leaves no copy of the pupil's first name or the parent's address in any table (issue 15, finding 6)", async () => {
    const letters = () => Array.from({ length: 8 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
    const firstName = `Ysolde${letters()}`;
    const parentEmail = `ouder.${letters()}@example.nl`;
    const parentName = `Fatima ${letters()}`;
    const { team, sem, jar } = await teamWithPupils([firstName, `Bram${letters()}`]);
    await db.pupil.update({ where: { id: sem.id }, data: { girl: true, leerjaar: 3 } });
    // One request answered by the parent, one left open: two consent mails in the outbox.
    for (let i = 0; i < 2; i++) {
      const sent = await respond(() =>
        consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "request", pupilId: sem.id, parentEmail, locale: "nl" }, jar), { teamId: team.id })),
      );
      expect(sent.status).toBe(302);
    }
    const first = await db.consentRequest.findFirstOrThrow({ where: { pupilId: sem.id }, orderBy: { sentAt: "asc" } });
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `consent-request:${first.id}` } });
    const token = (mail.props as { button: { url: string } }).button.url.split("/toestemming/")[1]!;
    expect((await respond(() => answerAction(args(post(`/toestemming/${token}`, { giverName: parentName, publishName: "on" }), { token })))).status).toBe(302);

    // Every text, varchar, JSON and text-array column of every table.
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema()
        AND (data_type IN ('text', 'character varying', 'json', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))
      ORDER BY table_name, column_name`;
    expect(columns.length).toBeGreaterThan(50);
    const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const holding = async (needle: string) => {
      const found: string[] = [];
      for (const c of columns) {
        const rows = await db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${q(c.table_name)} WHERE ${q(c.column_name)}::text ILIKE $1`,
          `%${needle}%`,
        );
        if (rows[0]!.n > 0) found.push(`${c.table_name}.${c.column_name}`);
      }
      return found;
    };
    // The search finds them before erasure (it cannot pass by looking in the wrong place).
    expect(await holding(firstName)).toEqual(expect.arrayContaining(["Pupil.firstName", "OutboxMessage.props", "User.name"]));
    expect(await holding(parentEmail)).toEqual(expect.arrayContaining(["ConsentRequest.parentEmail", "OutboxMessage.toAddress"]));

    const erased = await respond(() => teamAction(args(post(`/teams/${team.id}`, { intent: "erase-pupil", pupilId: sem.id }, jar), { teamId: team.id })));
    expect(erased.status).toBe(302);
    expect(await holding(firstName)).toEqual([]);
    expect(await holding(parentEmail)).toEqual([]);
    expect(await holding(parentName)).toEqual([]);
    const pupil = await db.pupil.findUniqueOrThrow({ where: { id: sem.id } });
    expect([pupil.firstName, pupil.girl, pupil.leerjaar, pupil.className]).toEqual(["Leerling 1", null, null, ""]);
  });

  it("erases every copy at the end of retention too", async () => {
    const { team, sem, jar } = await teamWithPupils([`Ysolde${Date.now().toString(36).replace(/[0-9]/g, "")}`, "Noa"]);
    await db.pupil.update({ where: { id: sem.id }, data: { girl: false } });
    await respond(() => consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "request", pupilId: sem.id, parentEmail: "retentie.ouder@example.nl" }, jar), { teamId: team.id })));
    const request = await db.consentRequest.findFirstOrThrow({ where: { pupilId: sem.id } });
    expect(await db.outboxMessage.count({ where: { idempotencyKey: `consent-request:${request.id}` } })).toBe(1);
    setClock(new Date("2028-08-01T12:00:00Z"));
    await eraseExpiredPupilData();
    expect(await db.outboxMessage.count({ where: { idempotencyKey: `consent-request:${request.id}` } })).toBe(0);
    expect((await db.pupil.findUniqueOrThrow({ where: { id: sem.id } })).girl).toBeNull();
  });

  it("forgets the parent's address when a request expires unanswered", async () => {
    const { team, noa, jar } = await teamWithPupils();
    await respond(() =>
      consentAction(args(post(`/teams/${team.id}/toestemming`, { intent: "request", pupilId: noa.id, parentEmail: "ouder@example.nl" }, jar), { teamId: team.id })),
    );
    setClock(new Date("2027-01-05T12:00:00Z"));
    await eraseExpiredPupilData();
    expect((await db.consentRequest.findFirstOrThrow({ where: { pupilId: noa.id } })).parentEmail).toBeNull();
  });
});
