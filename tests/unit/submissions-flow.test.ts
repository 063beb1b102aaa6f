// Submissions (issue 8, points 6–8): the deadline to the second (with the clock), the board's
// exception, gap-free version numbers under concurrent saves, files, the notice mails, the
// deadline reminders, and the board's overview with its CSV and monitoring figures.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDeadlineReminders } from "~/modules/challenges/deadline-reminders.server";
import { editionCsvRows, getEditionOverview } from "~/modules/challenges/edition-overview.server";
import { canReadSubmissionFile } from "~/modules/challenges/submission-files.server";
import { grantLateException, saveSubmission } from "~/modules/challenges/submissions.server";
import { action as overviewAction, loader as overviewLoader } from "~/routes/bestuur.edities.$editionId.overzicht";
import { loader as overviewCsvLoader } from "~/routes/bestuur.edities.$editionId.overzicht[.]csv";
import { action as pageAction, loader as pageLoader } from "~/routes/teams.$teamId.inzending";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

const DAY = 86_400_000;
// 1 March 2027, 17:00 in Amsterdam (winter time: 16:00 UTC).
const DEADLINE = new Date("2027-03-01T16:00:00.000Z");
const at = (ms: number) => new Date(DEADLINE.getTime() + ms);

let dataDir: string;
const savedDataDir = process.env.DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "vv-submissions-"));
  process.env.DATA_DIR = dataDir;
  resetEnv();
});

afterAll(async () => {
  if (savedDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = savedDataDir;
  resetEnv();
  await rm(dataDir, { recursive: true, force: true });
});

let n = 0;
async function edition(options: { marketingPlan?: boolean } = {}) {
  const k = n++;
  const created = new Date("2026-09-01T00:00:00Z");
  const challenge = await db.challenge.create({
    data: { slug: `ysc-${k}`, name: `Young Solar Challenge ${k}`, description: "Zonne-auto's", createdAt: created, updatedAt: created },
  });
  return db.edition.create({
    data: {
      challengeId: challenge.id,
      year: 2027,
      name: `Young Solar Challenge 2027 (${k})`,
      slug: `ysc-2027-${k}`,
      registrationOpensAt: new Date("2026-10-01T00:00:00Z"),
      registrationClosesAt: new Date("2027-01-15T00:00:00Z"),
      submissionDeadline: DEADLINE,
      judgingOpensAt: new Date("2027-03-02T00:00:00Z"),
      judgingClosesAt: new Date("2027-03-20T00:00:00Z"),
      resultsPublishAt: new Date("2027-04-01T00:00:00Z"),
      marketingPlan: options.marketingPlan ?? false,
      categories: { create: [{ name: "Onderbouw", position: 0 }, { name: "Bovenbouw", position: 1 }] },
      createdAt: created,
      updatedAt: created,
    },
    include: { categories: true },
  });
}

type Pupil = { firstName: string; leerjaar?: number; leerweg?: string; profiel?: string; girl?: boolean; consent?: "name" | "withdrawn" };

async function team(
  ed: Awaited<ReturnType<typeof edition>>,
  options: { name?: string; pupils?: Pupil[]; category?: number; school?: { id: string } } = {},
) {
  const k = n++;
  const school = options.school ?? (await createSchool(db, { name: `School ${k}`, brin: `${10 + (k % 80)}SB`, vestiging: String(k % 100).padStart(2, "0") }));
  const teacher = await createUser(db, { name: `Docent ${k}`, email: `docent-${k}@school.example` });
  await assignRole(db, teacher.id, "TEACHER", { schoolId: school.id });
  const t = await db.team.create({
    data: {
      editionId: ed.id,
      categoryId: ed.categories[options.category ?? 0]!.id,
      schoolId: school.id,
      name: options.name ?? `Team ${k}`,
      nameKey: `team${k}`,
      createdById: teacher.id,
      createdAt: new Date("2026-10-10T00:00:00Z"),
      updatedAt: new Date("2026-10-10T00:00:00Z"),
      coaches: { create: [{ userId: teacher.id }] },
    },
  });
  const pupilUsers: string[] = [];
  for (const [i, p] of (options.pupils ?? [{ firstName: `Lotte${k}` }]).entries()) {
    // The account's name is longer than the first name the school entered: pages show the latter.
    const user = await createUser(db, { name: `${p.firstName} van Achteren`, email: null });
    await assignRole(db, user.id, "PUPIL");
    pupilUsers.push(user.id);
    const pupil = await db.pupil.create({
      data: {
        schoolId: school.id,
        firstName: p.firstName,
        className: "2B",
        leerjaar: p.leerjaar ?? null,
        leerweg: p.leerweg ?? null,
        profiel: p.profiel ?? null,
        girl: p.girl ?? null,
        userId: user.id,
        schoolYear: 2026,
        createdAt: new Date("2026-10-10T00:00:00Z"),
      },
    });
    await db.teamMember.create({ data: { teamId: t.id, pupilId: pupil.id, position: i + 1 } });
    if (p.consent) {
      await db.consent.create({
        data: {
          pupilId: pupil.id,
          givenBy: "PARENT",
          giverName: "Ouder",
          channel: "PAPER",
          publishName: true,
          publishPhotos: true,
          textVersion: "2026-1",
          at: new Date("2026-10-11T00:00:00Z"),
          withdrawnAt: p.consent === "withdrawn" ? new Date("2026-12-01T00:00:00Z") : null,
        },
      });
    }
  }
  const grants = (userId: string) => db.roleAssignment.findMany({ where: { userId }, select: { id: true, role: true, companyId: true, schoolId: true } });
  return {
    team: t,
    school,
    teacher: { id: teacher.id, roles: await grants(teacher.id) },
    pupil: { id: pupilUsers[0]!, roles: await grants(pupilUsers[0]!) },
    teacherEmail: teacher.email!,
    pupilFirstName: (options.pupils ?? [{ firstName: `Lotte${k}` }])[0]!.firstName,
  };
}

async function board() {
  const user = await createUser(db, { name: `Bestuur ${n++}` });
  await assignRole(db, user.id, "BOARD");
  return { id: user.id, roles: await db.roleAssignment.findMany({ where: { userId: user.id }, select: { id: true, role: true, companyId: true, schoolId: true } }) };
}

const versions = (teamId: string) => db.submissionVersion.findMany({ where: { submission: { teamId } }, orderBy: { number: "asc" } });

describe("the deadline, to the second", () => {
  it("accepts a save one second before the deadline and refuses one a second after, storing nothing", async () => {
    const ed = await edition();
    const { team: t, teacher } = await team(ed);
    setClock(at(-1000));
    const jar = await signedIn(teacher.id);
    const path = `/teams/${t.id}/inzending`;

    const ok = await respond(() => pageAction(args(post(path, { intent: "save", description: "Onze zonne-auto" }, jar), { teamId: t.id })));
    expect(ok.status).toBe(302);
    expect((await versions(t.id)).map((v) => v.number)).toEqual([1]);

    setClock(at(1000));
    const mailsBefore = await db.outboxMessage.count();
    const auditBefore = await db.auditLog.count();
    const late = await respond(() => pageAction(args(post(path, { intent: "save", description: "Te laat" }, jar), { teamId: t.id })));
    expect(late.status).toBe(400);
    const body = await late.json();
    // The clear message names the deadline in Amsterdam time: 17:00, not 16:00 UTC.
    expect(body.result.error[""]).toEqual([`submissions:errors.closed?deadline=${encodeURIComponent("1 maart 2027 om 17:00").replace(/%20/g, "+")}`]);
    expect(body.result.initialValue.description).toBe("Te laat");
    expect((await versions(t.id)).map((v) => v.description)).toEqual(["Onze zonne-auto"]);
    expect(await db.outboxMessage.count()).toBe(mailsBefore);
    expect(await db.auditLog.count()).toBe(auditBefore);

    // The page itself says it is too late and offers no form.
    const page = await (await pageLoader(args(get(path, jar), { teamId: t.id }))).json();
    expect(page.open).toBe(false);
    expect(page.canSave).toBe(false);
    expect(page.closedMessage).toContain("submissions:errors.closed");
  });

  it("refuses exactly at the deadline (the deadline itself is already too late)", async () => {
    const ed = await edition();
    const { team: t, teacher } = await team(ed);
    setClock(at(0));
    const result = await saveSubmission(t.id, { description: "Precies op tijd?", fileIds: [] }, teacher);
    expect(result).toMatchObject({ ok: false, reason: "closed", deadline: DEADLINE });
    expect(await db.submission.count({ where: { teamId: t.id } })).toBe(0);
  });

  it("lets a late save through with the board's exception, until its end", async () => {
    const ed = await edition();
    const { team: t, pupil } = await team(ed);
    const b = await board();
    setClock(at(DAY / 2));
    expect(await saveSubmission(t.id, { description: "Te laat", fileIds: [] }, pupil)).toMatchObject({ ok: false, reason: "closed" });

    const until = at(DAY);
    expect(await grantLateException(t.id, { until, reason: "Zieke leerling" }, pupil)).toEqual({ ok: false, reason: "forbidden" });
    expect(await grantLateException(t.id, { until, reason: "Zieke leerling" }, b)).toEqual({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "submission.late-exception" } });
    expect(audit.meta).toMatchObject({ teamId: t.id, reason: "Zieke leerling" });

    setClock(at(DAY - 1000));
    expect(await saveSubmission(t.id, { description: "Met uitzondering", fileIds: [] }, pupil)).toMatchObject({ ok: true, number: 1 });
    setClock(at(DAY + 1000));
    const after = await saveSubmission(t.id, { description: "Na de uitzondering", fileIds: [] }, pupil);
    expect(after).toMatchObject({ ok: false, reason: "closed", deadline: until });
    expect((await versions(t.id)).map((v) => v.description)).toEqual(["Met uitzondering"]);
  });

  it("the board's exception through the overview page: a date in Amsterdam time, a reason, and 404 for another edition's team", async () => {
    const ed = await edition();
    const other = await edition();
    const { team: t } = await team(ed);
    const { team: elsewhere } = await team(other);
    const b = await board();
    setClock(at(DAY / 2));
    const jar = await signedIn(b.id);
    const path = `/bestuur/edities/${ed.id}/overzicht`;
    const missingReason = await respond(() =>
      overviewAction(args(post(path, { intent: "late-exception", teamId: t.id, until: "2027-03-03T12:00", reason: "" }, jar), { editionId: ed.id })),
    );
    expect(missingReason.status).toBe(400);
    expect((await missingReason.json()).result.error.reason).toEqual(["submissions:errors.reason"]);
    const wrongEdition = await respond(() =>
      overviewAction(args(post(path, { intent: "late-exception", teamId: elsewhere.id, until: "2027-03-03T12:00", reason: "Ziek" }, jar), { editionId: ed.id })),
    );
    expect(wrongEdition.status).toBe(400);
    expect(await db.submission.count({ where: { teamId: elsewhere.id } })).toBe(0);
    const ok = await respond(() =>
      overviewAction(args(post(path, { intent: "late-exception", teamId: t.id, until: "2027-03-03T12:00", reason: "Ziek" }, jar), { editionId: ed.id })),
    );
    expect(ok.status).toBe(302);
    const sub = await db.submission.findUniqueOrThrow({ where: { teamId: t.id } });
    expect(sub.lateAllowedUntil?.toISOString()).toBe("2027-03-03T11:00:00.000Z");
  });
});

describe("versions", () => {
  it("numbers versions 1, 2, 3 without gaps, also with two saves at once", async () => {
    const ed = await edition();
    const { team: t, teacher, pupil } = await team(ed);
    setClock(at(-DAY));
    expect(await saveSubmission(t.id, { description: "Eerste", fileIds: [] }, teacher)).toMatchObject({ ok: true, number: 1 });
    const both = await Promise.all([
      saveSubmission(t.id, { description: "Tegelijk A", fileIds: [] }, teacher),
      saveSubmission(t.id, { description: "Tegelijk B", fileIds: [] }, pupil),
    ]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect((await versions(t.id)).map((v) => v.number)).toEqual([1, 2, 3]);
    // The very first save, twice at once on a team without a submission row yet.
    const { team: fresh, teacher: freshTeacher } = await team(ed);
    await Promise.all([1, 2, 3].map((i) => saveSubmission(fresh.id, { description: `Start ${i}`, fileIds: [] }, freshTeacher)));
    expect((await versions(fresh.id)).map((v) => v.number)).toEqual([1, 2, 3]);
  });

  it("lets only the team's teachers, its pupils and the board save; the school contact reads; others get 404", async () => {
    const ed = await edition();
    const { team: t, school } = await team(ed);
    const { teacher: otherTeacher, pupil: otherPupil } = await team(ed);
    const contact = await createUser(db);
    await assignRole(db, contact.id, "SCHOOL_CONTACT", { schoolId: school.id });
    setClock(at(-DAY));
    const path = `/teams/${t.id}/inzending`;
    for (const who of [otherTeacher.id, otherPupil.id]) {
      const jar = await signedIn(who);
      expect((await respond(() => pageLoader(args(get(path, jar), { teamId: t.id })))).status).toBe(404);
      expect((await respond(() => pageAction(args(post(path, { intent: "save", description: "x" }, jar), { teamId: t.id })))).status).toBe(404);
    }
    const contactJar = await signedIn(contact.id);
    expect((await respond(() => pageLoader(args(get(path, contactJar), { teamId: t.id })))).status).toBe(200);
    expect((await respond(() => pageAction(args(post(path, { intent: "save", description: "x" }, contactJar), { teamId: t.id })))).status).toBe(403);
    expect((await respond(() => pageLoader(args(get(path), { teamId: t.id })))).status).toBe(302);
    expect(await versions(t.id)).toEqual([]);
  });

  it("checks the video link and asks for the marketing plan only in the Young Solar Challenge", async () => {
    const ysc = await edition({ marketingPlan: true });
    const { team: t, teacher } = await team(ysc);
    setClock(at(-DAY));
    const jar = await signedIn(teacher.id);
    const path = `/teams/${t.id}/inzending`;
    const http = await respond(() => pageAction(args(post(path, { intent: "save", description: "Auto", videoUrl: "http://youtube.com/watch?v=1" }, jar), { teamId: t.id })));
    expect(http.status).toBe(400);
    expect((await http.json()).result.error.videoUrl).toEqual(["submissions:errors.videoUrl"]);
    const noPlan = await respond(() => pageAction(args(post(path, { intent: "save", description: "Auto", videoUrl: "https://youtu.be/abc" }, jar), { teamId: t.id })));
    expect(noPlan.status).toBe(400);
    expect((await noPlan.json()).result.error.marketingPlan).toEqual(["submissions:errors.marketingPlan"]);
    const ok = await respond(() =>
      pageAction(args(post(path, { intent: "save", description: "Auto", videoUrl: "https://youtu.be/abc", marketingPlan: "Voor de buurt" }, jar), { teamId: t.id })),
    );
    expect(ok.status).toBe(302);
    expect(await versions(t.id)).toMatchObject([{ number: 1, videoUrl: "https://youtu.be/abc", marketingPlan: "Voor de buurt", submittedById: teacher.id }]);
  });

  it("adds a file as a new version, keeps it in later versions, and serves it only to the team's people", async () => {
    const ed = await edition();
    const { team: t, teacher, pupil, school, pupilFirstName } = await team(ed);
    const { teacher: otherTeacher } = await team(ed);
    setClock(at(-DAY));
    const jar = await signedIn(pupil.id);
    const path = `/teams/${t.id}/inzending`;
    const form = new FormData();
    form.set("intent", "upload");
    form.set("file", new File(["%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"], "verslag.pdf", { type: "application/pdf" }));
    const uploadRequest = () => new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: jar.header() } });
    // Before any description: refused, nothing stored.
    const early = await respond(() => pageAction(args(uploadRequest(), { teamId: t.id })));
    expect(early.status).toBe(400);
    expect(await db.storedFile.count({ where: { uploadedById: pupil.id } })).toBe(0);

    await respond(() => pageAction(args(post(path, { intent: "save", description: "Ons ontwerp" }, jar), { teamId: t.id })));
    const uploaded = await respond(() => pageAction(args(uploadRequest(), { teamId: t.id })));
    expect(uploaded.status).toBe(302);
    await respond(() => pageAction(args(post(path, { intent: "save", description: "Ons ontwerp, verbeterd" }, jar), { teamId: t.id })));
    const [v1, v2, v3] = await versions(t.id);
    expect(v1!.fileIds).toEqual([]);
    expect(v2!.fileIds).toHaveLength(1);
    expect(v3!.fileIds).toEqual(v2!.fileIds);
    const file = await db.storedFile.findUniqueOrThrow({ where: { id: v2!.fileIds[0]! } });
    expect(file).toMatchObject({ kind: "SUBMISSION", ownerType: "SubmissionVersion", ownerId: v2!.id });

    const contact = await createUser(db);
    await assignRole(db, contact.id, "SCHOOL_CONTACT", { schoolId: school.id });
    const b = await board();
    for (const who of [teacher.id, pupil.id, contact.id, b.id]) expect(await canReadSubmissionFile(who, file.ownerId)).toBe(true);
    for (const who of [otherTeacher.id, null]) expect(await canReadSubmissionFile(who, file.ownerId)).toBe(false);

    // The page shows the current version with its file, and the history with who saved it.
    const page = await (await pageLoader(args(get(path, jar), { teamId: t.id }))).json();
    expect(page.current!.files.map((f: { fileName: string }) => f.fileName)).toEqual(["verslag.pdf"]);
    expect(page.history.map((h: { number: number; by: string }) => [h.number, h.by])).toEqual([
      [3, pupilFirstName],
      [2, pupilFirstName],
      [1, pupilFirstName],
    ]);
    expect(page.countdown).toEqual({ unit: "days", count: 1 });

    // Removing the file is a new version without it; the file stays readable in version 2.
    const removed = await respond(() => pageAction(args(post(path, { intent: "remove-file", fileId: file.id }, jar), { teamId: t.id })));
    expect(removed.status).toBe(302);
    expect((await versions(t.id)).map((v) => v.fileIds.length)).toEqual([0, 1, 1, 0]);
  });

  it("mails 'inzending ontvangen' to the begeleiders for every version", async () => {
    const ed = await edition();
    const { team: t, pupil, teacherEmail } = await team(ed, { name: "De Zonnekoningen" });
    setClock(at(-DAY));
    await saveSubmission(t.id, { description: "Een", fileIds: [] }, pupil);
    await saveSubmission(t.id, { description: "Twee", fileIds: [] }, pupil);
    const mails = await db.outboxMessage.findMany({ where: { toAddress: teacherEmail }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual(["Inzending ontvangen: De Zonnekoningen (versie 1)", "Inzending ontvangen: De Zonnekoningen (versie 2)"]);
  });
});

describe("deadline reminders", () => {
  it("reminds the begeleiders of teams without a submission 7 days and 1 day before, each once", async () => {
    const ed = await edition();
    const quiet = await team(ed, { name: "Stille Stroom" });
    const busy = await team(ed, { name: "Snelle Zon" });
    const withdrawn = await team(ed, { name: "Gestopt" });
    await db.team.update({ where: { id: withdrawn.team.id }, data: { status: "WITHDRAWN" } });
    setClock(at(-10 * DAY));
    await saveSubmission(busy.team.id, { description: "Klaar", fileIds: [] }, busy.teacher);
    const reminders = (to: string) => db.outboxMessage.findMany({ where: { toAddress: to, idempotencyKey: { startsWith: "deadline:" } }, orderBy: { createdAt: "asc" } });

    // Other tests' editions share the deadline: each round is checked by its mails to these teams.
    await sendDeadlineReminders();
    expect(await reminders(quiet.teacherEmail)).toEqual([]);
    setClock(at(-7 * DAY + 60_000));
    expect((await sendDeadlineReminders()).queued).toBeGreaterThanOrEqual(1);
    expect(await reminders(quiet.teacherEmail)).toHaveLength(1);
    setClock(at(-7 * DAY + 3_600_000));
    await sendDeadlineReminders();
    setClock(at(-DAY + 60_000));
    await sendDeadlineReminders();
    await sendDeadlineReminders();
    setClock(at(1000));
    expect(await sendDeadlineReminders()).toEqual({ queued: 0, teams: 0 });

    const sent = await reminders(quiet.teacherEmail);
    expect(sent.map((m) => m.idempotencyKey)).toEqual([`deadline:${quiet.team.id}:7d:${quiet.teacher.id}`, `deadline:${quiet.team.id}:1d:${quiet.teacher.id}`]);
    expect(sent[1]!.subject).toBe("Morgen is de deadline: Stille Stroom heeft nog niets ingeleverd");
    expect(await reminders(busy.teacherEmail)).toEqual([]);
    expect(await reminders(withdrawn.teacherEmail)).toEqual([]);
  });
});

describe("the board's overview", () => {
  async function populated() {
    const ed = await edition();
    const school = await createSchool(db, { name: "Maasdal College", brin: `M${n++}`, vestiging: "00" });
    const a = await team(ed, {
      name: "Zonnevonk",
      school,
      pupils: [
        { firstName: "Anouk", leerjaar: 3, leerweg: "KB", profiel: "PIE", girl: true, consent: "name" },
        { firstName: "Geheimnaam", leerjaar: 3, leerweg: "BB", profiel: "PIE", girl: true },
        { firstName: "Teruggetrokken", leerjaar: 4, leerweg: "KB", profiel: "BWI", girl: false, consent: "withdrawn" },
      ],
    });
    const b = await team(ed, { name: "Stroomversnelling", category: 1, pupils: [{ firstName: "Daan", leerjaar: 4, leerweg: "GL", profiel: "BWI", girl: false }] });
    setClock(at(-2 * DAY));
    await saveSubmission(a.team.id, { description: "Klaar", fileIds: [] }, a.teacher);
    return { ed, a, b };
  }

  it("counts teams per category and school, submissions, consent and monitoring — girls only as a total", async () => {
    const { ed } = await populated();
    const overview = (await getEditionOverview(ed.id, at(-DAY)))!;
    expect(overview.stats).toEqual({ registered: 2, withdrawn: 0, submitted: 1, missing: 1, pupils: 4 });
    expect(overview.byCategory).toEqual([
      { key: "Onderbouw", teams: 1, submitted: 1 },
      { key: "Bovenbouw", teams: 1, submitted: 0 },
    ]);
    expect(overview.bySchool.find((r) => r.key === "Maasdal College")).toEqual({ key: "Maasdal College", teams: 1, submitted: 1 });
    expect(overview.consent).toEqual({ name: 1, photosOnly: 0, none: 2, withdrawn: 1 });
    expect(overview.monitoring).toEqual({
      pupils: 4,
      girls: 2,
      byLeerjaar: [
        { value: "3", count: 2 },
        { value: "4", count: 2 },
      ],
      byLeerweg: [
        { value: "BB", count: 1 },
        { value: "GL", count: 1 },
        { value: "KB", count: 2 },
      ],
      byProfiel: [
        { value: "BWI", count: 2 },
        { value: "PIE", count: 2 },
      ],
    });
    // No figure about girls per team or per pupil anywhere in the overview.
    expect(JSON.stringify(overview.teams)).not.toMatch(/girl/i);
    expect(overview.timeline).toEqual([{ day: "2027-02-27", first: 1, total: 1 }]);
  });

  it("exports a CSV with a pupil's name only with standing consent", async () => {
    const { ed } = await populated();
    const b = await board();
    setClock(at(-DAY));
    const jar = await signedIn(b.id);
    const res = await respond(() => overviewCsvLoader(args(get(`/bestuur/edities/${ed.id}/overzicht.csv`, jar), { editionId: ed.id })));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="inzendingen-/);
    const csv = await res.text();
    expect(csv).toContain("Anouk, Leerling 2, Leerling 3");
    expect(csv).not.toContain("Geheimnaam");
    expect(csv).not.toContain("Teruggetrokken");
    expect(csv).toContain("Zonnevonk");
    const rows = (await editionCsvRows(ed.id, at(-DAY), "en"))!.rows;
    expect(rows[0]).toContain("Pupils");
    expect(rows.find((r) => r.includes("Stroomversnelling"))).toContain("Pupil 1");
  });

  it("is for the board only; an unknown edition is a 404", async () => {
    const { ed, a } = await populated();
    const path = `/bestuur/edities/${ed.id}/overzicht`;
    const teacherJar = await signedIn(a.teacher.id);
    expect((await respond(() => overviewLoader(args(get(path, teacherJar), { editionId: ed.id })))).status).toBe(403);
    const b = await board();
    const jar = await signedIn(b.id);
    expect((await respond(() => overviewLoader(args(get(path.replace(ed.id, "doesnotexist1"), jar), { editionId: "doesnotexist1" })))).status).toBe(404);
    const page = await (await overviewLoader(args(get(path, jar), { editionId: ed.id }))).json();
    expect(page.teams.map((t: { name: string }) => t.name)).toEqual(["Stroomversnelling", "Zonnevonk"]);
  });
});
