// Judging, the juror's side (issue 17, points 2, 4 and 9): the list of assigned entries in the
// juror's own order with progress, the scoring page (a draft may be incomplete, a submit needs a
// level for every criterion; refused input keeps what was chosen and typed and writes nothing),
// the judging window with a faked clock, refusals (unassigned 404, conflicted 403 also with an
// assignment, another edition), no other juror's scores in any loader data, declaring and
// withdrawing conflicts, and the juror's access to the entry's files.
import { parseWithZod } from "@conform-to/zod/v4";
import { afterEach, describe, expect, it } from "vitest";
import { canReadSubmissionFile } from "~/modules/challenges/submission-files.server";
import { reviewOrder } from "~/modules/judging/rules";
import { ScoreSheetSchema, ConflictActionSchema } from "~/modules/judging/scoring.schema";
import { action as sheetAction, loader as sheetLoader } from "~/routes/jury.$editionId.$teamId";
import { loader as listLoader } from "~/routes/jury.$editionId._index";
import { action as conflictAction, loader as conflictLoader } from "~/routes/jury.$editionId.conflicten";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond, type CookieJar } from "../support/http";
import { signedIn } from "../support/sessions";

const DAY = 86_400_000;
let n = 0;
const SECRET = "GEHEIM-OORDEEL-VAN-B";

afterEach(() => resetClock());

/** An edition whose judging opened a day ago and closes in nine days, a form of three criteria (the last not counted), teams and two jurors. */
async function world() {
  const at = new Date();
  const day = (d: number) => new Date(at.getTime() + d * DAY);
  const k = `${n++}-${Date.now()}`;
  const challenge = await db.challenge.create({ data: { slug: `scoring-${k}`, name: `Scoring ${k}`, description: "Test", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name: `Robotica ${k}`, slug: `scoring-${k}-2030`,
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(9), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }] },
    },
    include: { categories: true },
  });
  const form = await db.scoringForm.create({ data: { editionId: edition.id, scopeKey: "edition", createdAt: at, updatedAt: at } });
  const criteria = [];
  for (const [position, name] of ["Werking", "Uitleg", "Samenwerking"].entries()) {
    criteria.push(
      await db.scoringCriterion.create({
        data: { formId: form.id, name, weight: 2, counted: position < 2, position, createdAt: at, levels: { create: [1, 2, 3].map((value) => ({ value, text: `${name} niveau ${value}` })) } },
      }),
    );
  }
  const school = await createSchool(db, { name: `Maascollege ${k}` });
  const team = async (name: string) => {
    const t = await db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId: school.id, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
    const submission = await db.submission.create({ data: { teamId: t.id, createdAt: at, updatedAt: at } });
    await db.submissionVersion.create({ data: { submissionId: submission.id, number: 1, description: `Beschrijving van ${name}`, videoUrl: "https://video.example/robot", fileIds: [], at } });
    return t;
  };
  const teams = [await team(`Grijpers ${k}`), await team(`Servo ${k}`), await team(`Rangers ${k}`), await team(`Vonken ${k}`)];
  const juror = async (name: string) => {
    const user = await createUser(db, { name, email: `${name.toLowerCase()}-${k}@test.example` });
    await assignRole(db, user.id, "JUROR", { editionId: edition.id });
    const member = await db.juryMember.create({ data: { editionId: edition.id, email: user.email!, name, userId: user.id, createdAt: at } });
    return { user, member, jar: await signedIn(user.id) };
  };
  const a = await juror("Sanne");
  const b = await juror("Bert");
  // Sanne: the first three teams; Bert: the first one, submitted, with a top only he may read.
  for (const t of teams.slice(0, 3)) await db.juryAssignment.create({ data: { juryMemberId: a.member.id, teamId: t.id, source: "MANUAL", createdAt: at } });
  await db.juryAssignment.create({ data: { juryMemberId: b.member.id, teamId: teams[0]!.id, source: "MANUAL", createdAt: at } });
  await db.scoreSheet.create({
    data: {
      juryMemberId: b.member.id, teamId: teams[0]!.id, status: "SUBMITTED", submittedAt: at, top: SECRET, tip: SECRET, createdAt: at, updatedAt: at,
      levels: { create: criteria.map((c) => ({ criterionId: c.id, value: 3 })) },
    },
  });
  return { edition, criteria, teams, a, b, school, day };
}

const sheetPath = (editionId: string, teamId: string) => `/jury/${editionId}/${teamId}`;
const openSheet = (editionId: string, teamId: string, jar: CookieJar) => respond(() => sheetLoader(args(get(sheetPath(editionId, teamId), jar), { editionId, teamId })));
const postSheet = (editionId: string, teamId: string, fields: Record<string, string>, jar: CookieJar) =>
  respond(() => sheetAction(args(post(sheetPath(editionId, teamId), fields, jar), { editionId, teamId })));
const levelsOf = (criteria: Array<{ id: string }>, values: Array<number | "">) =>
  Object.fromEntries(criteria.flatMap((c, i) => [[`levels[${i}].criterionId`, c.id], [`levels[${i}].value`, String(values[i] ?? "")]]));

type Reply = { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };

describe("the score sheet's input", () => {
  const parse = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return parseWithZod(form, { schema: ScoreSheetSchema });
  };

  it("accepts a draft with empty levels and reads values as numbers; names bad values and an unknown intent", () => {
    const draft = parse({ intent: "save-draft", "levels[0].criterionId": "c1", "levels[0].value": "", "levels[1].criterionId": "c2", "levels[1].value": "3", top: "  Goed  " });
    expect(draft.status).toBe("success");
    if (draft.status === "success") expect(draft.value).toEqual({ intent: "save-draft", levels: [{ criterionId: "c1", value: undefined }, { criterionId: "c2", value: 3 }], top: "Goed", tip: "" });
    const bad = parse({ intent: "publish", "levels[0].criterionId": "c1", "levels[0].value": "2.5" });
    expect(bad.status).toBe("error");
    expect(bad.reply().error).toMatchObject({ intent: ["scoring:errors.intent"], "levels[0].value": ["scoring:errors.level"] });
  });

  it("requires a note for a conflict of the kind OTHER only", () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      return parseWithZod(data, { schema: ConflictActionSchema });
    };
    expect(form({ intent: "declare", teamId: "t1", kind: "OTHER", note: " " }).reply().error).toEqual({ note: ["scoring:errors.noteRequired"] });
    expect(form({ intent: "declare", teamId: "t1", kind: "CHILD_IN_TEAM" }).status).toBe("success");
  });
});

describe("the juror's list", () => {
  it("shows the assigned entries in the juror's own order with their status and n of m submitted; nobody else's scores", async () => {
    const { edition, a, teams, criteria } = await world();
    await db.scoreSheet.create({
      data: { juryMemberId: a.member.id, teamId: teams[1]!.id, status: "DRAFT", createdAt: new Date(), updatedAt: new Date(), levels: { create: [{ criterionId: criteria[0]!.id, value: 2 }] } },
    });
    const res = await respond(() => listLoader(args(get(`/jury/${edition.id}`, a.jar), { editionId: edition.id })));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const data = JSON.parse(text) as { window: string; entries: Array<{ teamId: string; status: string }>; progress: { submitted: number; total: number } };
    expect(data.window).toBe("open");
    expect(data.entries.map((e) => e.teamId)).toEqual(reviewOrder(a.member.id, edition.id, teams.slice(0, 3).map((t) => t.id)));
    expect(Object.fromEntries(data.entries.map((e) => [e.teamId, e.status]))).toEqual({ [teams[0]!.id]: "notStarted", [teams[1]!.id]: "draft", [teams[2]!.id]: "notStarted" });
    expect(data.progress).toEqual({ submitted: 0, total: 3 });
  });

  it("is for jurors of that edition only: another edition's juror 404, anyone without a JUROR role 403", async () => {
    const one = await world();
    const two = await world();
    expect((await respond(() => listLoader(args(get(`/jury/${two.edition.id}`, one.a.jar), { editionId: two.edition.id })))).status).toBe(404);
    const teacher = await createUser(db, { name: "Docent", email: `docent-${n++}@test.example` });
    await assignRole(db, teacher.id, "TEACHER", { schoolId: one.school.id });
    const jar = await signedIn(teacher.id);
    expect((await respond(() => listLoader(args(get(`/jury/${one.edition.id}`, jar), { editionId: one.edition.id })))).status).toBe(403);
    // Taken off the jury (the role stays in this test): 404.
    await db.juryMember.update({ where: { id: one.b.member.id }, data: { removedAt: new Date() } });
    expect((await respond(() => listLoader(args(get(`/jury/${one.edition.id}`, one.b.jar), { editionId: one.edition.id })))).status).toBe(404);
  });
});

describe("scoring an entry", () => {
  it("saves an incomplete draft, refuses an incomplete submit at the missing fields keeping what was chosen, then submits (audited)", async () => {
    const { edition, a, teams, criteria } = await world();
    const teamId = teams[0]!.id;
    const page = await openSheet(edition.id, teamId, a.jar);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).not.toContain(SECRET);
    const data = JSON.parse(text) as { canScore: boolean; sheet: unknown; criteria: Array<{ id: string; counted: boolean }>; submission: { description: string; videoUrl: string } };
    expect([data.canScore, data.sheet, data.criteria.map((c) => c.counted)]).toEqual([true, null, [true, true, false]]);
    expect(data.submission.videoUrl).toBe("https://video.example/robot");

    const draft = await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [2, "", ""]), top: "Mooie robot" }, a.jar);
    expect(draft.status).toBe(302);
    expect(draft.headers.get("Location")).toBe(sheetPath(edition.id, teamId));
    const saved = await db.scoreSheet.findUniqueOrThrow({ where: { juryMemberId_teamId: { juryMemberId: a.member.id, teamId } }, include: { levels: true } });
    expect([saved.status, saved.top, saved.levels.map((l) => [l.criterionId, l.value])]).toEqual(["DRAFT", "Mooie robot", [[criteria[0]!.id, 2]]]);
    expect(await db.auditLog.count({ where: { action: "judging.sheet.draft", entityId: saved.id, actorId: a.user.id } })).toBe(1);

    const incomplete = await postSheet(edition.id, teamId, { intent: "submit", ...levelsOf(criteria, [3, 2, ""]), top: "Nog mooier", tip: "Test vaker" }, a.jar);
    expect(incomplete.status).toBe(400);
    const reply = (await incomplete.json()) as Reply;
    expect(reply.result.error).toEqual({ "": ["scoring:errors.incomplete"], "levels[2].value": ["scoring:errors.levelRequired"] });
    expect(reply.result.initialValue).toMatchObject({ top: "Nog mooier", tip: "Test vaker", levels: [{ value: "3" }, { value: "2" }, { criterionId: criteria[2]!.id }] });
    const unchanged = await db.scoreSheet.findUniqueOrThrow({ where: { id: saved.id }, include: { levels: true } });
    expect([unchanged.status, unchanged.top, unchanged.levels.length]).toEqual(["DRAFT", "Mooie robot", 1]);

    const wrongLevel = await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [7, "", ""]) }, a.jar);
    expect(wrongLevel.status).toBe(400);
    expect(((await wrongLevel.json()) as Reply).result.error).toEqual({ "levels[0].value": ["scoring:errors.level"] });

    const submitted = await postSheet(edition.id, teamId, { intent: "submit", ...levelsOf(criteria, [3, 2, 1]), top: "Nog mooier", tip: "Test vaker" }, a.jar);
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("Location")).toBe(`/jury/${edition.id}`);
    const final = await db.scoreSheet.findUniqueOrThrow({ where: { id: saved.id }, include: { levels: { orderBy: { value: "desc" } } } });
    expect([final.status, final.submittedAt !== null, final.levels.map((l) => l.value)]).toEqual(["SUBMITTED", true, [3, 2, 1]]);
    expect(await db.auditLog.count({ where: { action: "judging.sheet.submit", entityId: saved.id } })).toBe(1);
    // Bert's sheet of the same team is untouched.
    expect((await db.scoreSheet.findFirstOrThrow({ where: { juryMemberId: { not: a.member.id }, teamId } })).top).toBe(SECRET);

    const list = (await (await respond(() => listLoader(args(get(`/jury/${edition.id}`, a.jar), { editionId: edition.id })))).json()) as { progress: { submitted: number; total: number } };
    expect(list.progress).toEqual({ submitted: 1, total: 3 });
  });

  it("is scorable only while judging is open (faked clock): not before, read-only after close", async () => {
    const { edition, a, teams, criteria, day } = await world();
    const teamId = teams[0]!.id;
    // A session of that moment (an adult's session ends after a day without activity).
    const at = async (when: Date) => {
      setClock(when);
      return signedIn(a.user.id);
    };
    let jar = await at(day(-2));
    const early = await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [1, "", ""]) }, jar);
    expect(early.status).toBe(400);
    expect(((await early.json()) as Reply).result.error).toEqual({ "": ["scoring:errors.notOpen"] });
    expect(((await (await openSheet(edition.id, teamId, jar)).json()) as { window: string; canScore: boolean })).toMatchObject({ window: "before", canScore: false });
    expect(await db.scoreSheet.count({ where: { juryMemberId: a.member.id } })).toBe(0);

    jar = await at(day(8.9));
    const inTime = await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [1, "", ""]) }, jar);
    expect(inTime.headers.get("Location")).toBe(sheetPath(edition.id, teamId));

    jar = await at(day(9.1));
    const late = await postSheet(edition.id, teamId, { intent: "submit", ...levelsOf(criteria, [1, 1, 1]) }, jar);
    expect(late.status).toBe(400);
    expect(((await late.json()) as Reply).result.error).toEqual({ "": ["scoring:errors.closed"] });
    const after = (await (await openSheet(edition.id, teamId, jar)).json()) as { window: string; canScore: boolean; sheet: { status: string; levels: Record<string, number> } };
    expect(after).toMatchObject({ window: "closed", canScore: false, sheet: { status: "draft", levels: { [criteria[0]!.id]: 1 } } });
    // Closed early by the board: closed from then on.
    resetClock();
    await db.edition.update({ where: { id: edition.id }, data: { judgingClosedEarlyAt: new Date(Date.now() - 60_000) } });
    const closedEarly = await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [2, "", ""]) }, a.jar);
    expect(((await closedEarly.json()) as Reply).result.error).toEqual({ "": ["scoring:errors.closed"] });
  });

  it("refuses an unassigned entry (404), another edition's entry (404) and a conflicted one (403 with the reason), also when assigned", async () => {
    const { edition, a, b, teams, criteria } = await world();
    const other = await world();
    // Unassigned (Bert's only, and one assigned to nobody).
    for (const teamId of [teams[3]!.id]) {
      expect((await openSheet(edition.id, teamId, a.jar)).status).toBe(404);
      expect((await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [1, "", ""]) }, a.jar)).status).toBe(404);
    }
    expect((await openSheet(edition.id, teams[1]!.id, b.jar)).status).toBe(404);
    // Another edition's team through this edition's URL, and through its own.
    expect((await openSheet(edition.id, other.teams[0]!.id, a.jar)).status).toBe(404);
    expect((await openSheet(other.edition.id, other.teams[0]!.id, a.jar)).status).toBe(404);

    // Sanne saved a draft for team 2, then declares a conflict with it: the assignment stays, scoring is refused, the draft is kept.
    const teamId = teams[1]!.id;
    expect((await postSheet(edition.id, teamId, { intent: "save-draft", ...levelsOf(criteria, [2, "", ""]) }, a.jar)).status).toBe(302);
    const declared = await respond(() => conflictAction(args(post(`/jury/${edition.id}/conflicten`, { intent: "declare", teamId, kind: "FORMER_PUPIL" }, a.jar), { editionId: edition.id })));
    expect(declared.status).toBe(302);
    const refused = await openSheet(edition.id, teamId, a.jar);
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { conflict: { team: string; reasons: Array<{ code: string; kind: string }> } };
    expect(body.conflict.reasons).toEqual([{ code: "DECLARED", kind: "FORMER_PUPIL", text: null }]);
    expect((await postSheet(edition.id, teamId, { intent: "submit", ...levelsOf(criteria, [1, 1, 1]) }, a.jar)).status).toBe(403);
    expect(await db.juryAssignment.count({ where: { juryMemberId: a.member.id, teamId } })).toBe(1);
    expect((await db.scoreSheet.findUniqueOrThrow({ where: { juryMemberId_teamId: { juryMemberId: a.member.id, teamId } } })).status).toBe("DRAFT");
    const list = (await (await respond(() => listLoader(args(get(`/jury/${edition.id}`, a.jar), { editionId: edition.id })))).json()) as { entries: Array<{ teamId: string; conflicted: boolean }>; progress: { total: number } };
    expect(list.entries.find((e) => e.teamId === teamId)?.conflicted).toBe(true);
    expect(list.progress.total).toBe(2);

    // A detected conflict: Sanne starts teaching at the teams' school.
    await assignRole(db, a.user.id, "TEACHER", { schoolId: (await db.team.findUniqueOrThrow({ where: { id: teams[0]!.id } })).schoolId });
    const detected = await openSheet(edition.id, teams[0]!.id, a.jar);
    expect(detected.status).toBe(403);
    expect(((await detected.json()) as typeof body).conflict.reasons).toEqual([{ code: "TEACHES_AT_SCHOOL", name: expect.stringContaining("Maascollege") }]);
  });
});

describe("declared conflicts", () => {
  it("declares (a note required for OTHER, field errors keep what was typed), lists detected ones in words, withdraws only one's own", async () => {
    const { edition, a, b, teams } = await world();
    const url = `/jury/${edition.id}/conflicten`;
    const send = (fields: Record<string, string>, jar: CookieJar) => respond(() => conflictAction(args(post(url, fields, jar), { editionId: edition.id })));

    const noNote = await send({ intent: "declare", teamId: teams[3]!.id, kind: "OTHER", note: "" }, a.jar);
    expect(noNote.status).toBe(400);
    const reply = (await noNote.json()) as Reply;
    expect(reply.result.error).toEqual({ note: ["scoring:errors.noteRequired"] });
    expect(reply.result.initialValue).toMatchObject({ teamId: teams[3]!.id, kind: "OTHER" });
    expect(await db.jurorConflict.count({ where: { juryMemberId: a.member.id } })).toBe(0);

    const foreign = await world();
    const wrongEdition = await send({ intent: "declare", teamId: foreign.teams[0]!.id, kind: "CHILD_IN_TEAM" }, a.jar);
    expect(wrongEdition.status).toBe(400);
    expect(((await wrongEdition.json()) as Reply).result.error).toEqual({ teamId: ["scoring:errors.team"] });

    expect((await send({ intent: "declare", teamId: teams[3]!.id, kind: "OTHER", note: "Buurman van de begeleider" }, a.jar)).status).toBe(302);
    const conflict = await db.jurorConflict.findFirstOrThrow({ where: { juryMemberId: a.member.id } });
    expect([conflict.kind, conflict.note]).toEqual(["OTHER", "Buurman van de begeleider"]);
    expect(await db.auditLog.count({ where: { action: "judging.conflict.declare", entityId: conflict.id, actorId: a.user.id } })).toBe(1);
    const twice = await send({ intent: "declare", teamId: teams[3]!.id, kind: "CHILD_IN_TEAM" }, a.jar);
    expect(((await twice.json()) as Reply).result.error).toEqual({ teamId: ["scoring:errors.alreadyDeclared"] });

    await assignRole(db, a.user.id, "SCHOOL_CONTACT", { schoolId: (await db.team.findUniqueOrThrow({ where: { id: teams[0]!.id } })).schoolId });
    const page = (await (await respond(() => conflictLoader(args(get(url, a.jar), { editionId: edition.id })))).json()) as {
      declared: Array<{ id: string; team: string; assigned: boolean }>;
      detected: Array<{ teamId: string; reasons: Array<{ code: string; name: string }> }>;
      teams: Array<{ id: string }>;
    };
    expect(page.declared.map((d) => [d.team, d.assigned])).toEqual([[teams[3]!.name, false]]);
    expect(page.detected.map((d) => d.teamId).sort()).toEqual(teams.map((t) => t.id).sort());
    expect(page.detected[0]!.reasons).toEqual([{ code: "SCHOOL_CONTACT", name: expect.stringContaining("Maascollege") }]);
    expect(page.teams.map((t) => t.id)).not.toContain(teams[3]!.id);

    // Bert cannot withdraw Sanne's declaration; Sanne can.
    expect((await send({ intent: "withdraw", conflictId: conflict.id }, b.jar)).status).toBe(404);
    expect(await db.jurorConflict.count({ where: { id: conflict.id } })).toBe(1);
    expect((await send({ intent: "withdraw", conflictId: conflict.id }, a.jar)).status).toBe(302);
    expect(await db.jurorConflict.count({ where: { id: conflict.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "judging.conflict.withdraw", entityId: conflict.id } })).toBe(1);
  });
});

describe("the entry's files for a juror", () => {
  it("are readable by an assigned juror once judging opened, not by an unassigned or conflicted one, not before", async () => {
    const { a, b, teams, day } = await world();
    const versionOf = async (teamId: string) => (await db.submissionVersion.findFirstOrThrow({ where: { submission: { teamId } } })).id;
    const [v0, v1, v3] = [await versionOf(teams[0]!.id), await versionOf(teams[1]!.id), await versionOf(teams[3]!.id)];
    expect(await canReadSubmissionFile(a.user.id, v0)).toBe(true);
    expect(await canReadSubmissionFile(b.user.id, v1)).toBe(false);
    expect(await canReadSubmissionFile(a.user.id, v3)).toBe(false);
    await db.jurorConflict.create({ data: { juryMemberId: a.member.id, teamId: teams[1]!.id, kind: "CHILD_IN_TEAM", declaredAt: new Date() } });
    expect(await canReadSubmissionFile(a.user.id, v1)).toBe(false);
    setClock(day(-2));
    expect(await canReadSubmissionFile(a.user.id, v0)).toBe(false);
    setClock(day(30));
    expect(await canReadSubmissionFile(a.user.id, v0)).toBe(true);
  });
});
