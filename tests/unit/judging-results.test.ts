// Results (issue 17, points 5–6): publication refused before judging closes and before the tips
// are screened; after it the ranking matches a hand-computed example (with a criterion
// tie-break); hidden tips never reach the team; the prizes-only scope hides places beyond the
// prizes; the board's CSV; one mail per team's teacher in the outbox, none before; nothing of it
// anywhere (public page, team page, certificate, CSV for others) before publication.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loader as publicLoader } from "~/routes/challenges.$slug.$year_.uitslag";
import { action as resultsAction, loader as resultsLoader } from "~/routes/bestuur.edities.$editionId.uitslag";
import { loader as csvLoader } from "~/routes/bestuur.edities.$editionId.uitslag[.]csv";
import { loader as certificateLoader } from "~/routes/teams.$teamId.oorkonde[.]pdf";
import { loader as teamResultsLoader } from "~/routes/teams.$teamId.uitslag";
import { loader as teamLoader } from "~/routes/teams.$teamId._index";
import { loader as editionLoader } from "~/routes/challenges.$slug.$year";
import { resetClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";
import { args, type CookieJar, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

const DAY = 86_400_000;
let n = 0;

type World = Awaited<ReturnType<typeof world>>;

/**
 * An edition whose judging opened 5 days ago and closes in 5 days; a form with criteria A
 * (weight 3) and B (weight 1), levels 1–5; three teams of one school scored by two jurors:
 *   T1: J1 A5 B3 → 18/4 = 4.5, J2 A4 B4 → 4     → mean 4.25
 *   T2: J1 A3 B5 → 14/4 = 3.5, J2 A4 B2 → 3.5   → mean 3.5  (A's mean 3.5)
 *   T3: J1 A4 B2 → 3.5,        J2 A4 B2 → 3.5   → mean 3.5  (A's mean 4: wins the tie on A)
 * so the ranking is T1 (1), T3 (2), T2 (3).
 */
async function world() {
  const at = new Date();
  const day = (d: number) => new Date(at.getTime() + d * DAY);
  const k = `${n++}-${Date.now()}`;
  const challenge = await db.challenge.create({ data: { slug: `results-${k}`, name: `Resultaten ${k}`, description: "Test", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2031, name: `Editie ${k}`, slug: `results-${k}-2031`,
      registrationOpensAt: day(-60), registrationClosesAt: day(-40), submissionDeadline: day(-10), judgingOpensAt: day(-5), judgingClosesAt: day(5), resultsPublishAt: day(10),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }] },
    },
    include: { categories: true },
  });
  const form = await db.scoringForm.create({ data: { editionId: edition.id, scopeKey: "edition", createdAt: at, updatedAt: at } });
  const levels = { create: [1, 2, 3, 4, 5].map((value) => ({ value, text: `Niveau ${value}` })) };
  const a = await db.scoringCriterion.create({ data: { formId: form.id, name: "Originaliteit", weight: 3, position: 0, createdAt: at, levels } });
  const b = await db.scoringCriterion.create({ data: { formId: form.id, name: "Presentatie", weight: 1, position: 1, createdAt: at, levels } });
  const school = await createSchool(db, { name: `School ${k}`, brin: `${String(n).padStart(2, "0")}RS`, vestiging: "00" });
  const teacher = await createUser(db, { name: "Docent Resultaat", email: `docent-${k}@test.example` });
  await assignRole(db, teacher.id, "TEACHER", { schoolId: school.id });
  const otherSchool = await createSchool(db, { name: `Andere school ${k}`, brin: `${String(n).padStart(2, "0")}RT`, vestiging: "00" });
  const otherTeacher = await createUser(db, { name: "Andere docent", email: `ander-${k}@test.example` });
  await assignRole(db, otherTeacher.id, "TEACHER", { schoolId: otherSchool.id });
  const board = await createUser(db, { name: "Bestuurslid", email: `bestuur-${k}@test.example` });
  await assignRole(db, board.id, "BOARD");
  const team = (name: string) =>
    db.team.create({ data: { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId: school.id, name, nameKey: name.toLowerCase(), createdAt: at, updatedAt: at } });
  const [t1, t2, t3] = [await team("Team Een"), await team("Team Twee"), await team("Team Drie")];
  const j1 = await db.juryMember.create({ data: { editionId: edition.id, email: `j1-${k}@test.example`, name: "Jurylid Janssen", createdAt: at } });
  const j2 = await db.juryMember.create({ data: { editionId: edition.id, email: `j2-${k}@test.example`, name: "Jurylid Pieters", createdAt: at } });
  const sheet = (memberId: string, teamId: string, la: number, lb: number, top: string, tip: string) =>
    db.scoreSheet.create({
      data: {
        juryMemberId: memberId, teamId, status: "SUBMITTED", submittedAt: at, top, tip, createdAt: at, updatedAt: at,
        levels: { create: [{ criterionId: a.id, value: la }, { criterionId: b.id, value: lb }] },
      },
    });
  const hiddenSheet = await sheet(j2.id, t1.id, 4, 4, "TOP-T1-J2", "TIP-T1-HIDDEN");
  await sheet(j1.id, t1.id, 5, 3, "TOP-T1-J1", "TIP-T1-SHOWN");
  await sheet(j1.id, t2.id, 3, 5, "TOP-T2-J1", "");
  await sheet(j2.id, t2.id, 4, 2, "TOP-T2-J2", "TIP-T2");
  await sheet(j1.id, t3.id, 4, 2, "TOP-T3-J1", "");
  await sheet(j2.id, t3.id, 4, 2, "TOP-T3-J2", "");
  // A draft never counts.
  const j3 = await db.juryMember.create({ data: { editionId: edition.id, email: `j3-${k}@test.example`, name: "Jurylid Concept", createdAt: at } });
  await db.scoreSheet.create({ data: { juryMemberId: j3.id, teamId: t2.id, status: "DRAFT", createdAt: at, updatedAt: at, levels: { create: [{ criterionId: a.id, value: 1 }, { criterionId: b.id, value: 1 }] } } });
  await db.judgingTieBreak.create({ data: { editionId: edition.id, position: 0, kind: "CRITERION", criterionId: a.id } });
  return {
    edition, challenge, teams: { t1, t2, t3 }, hiddenSheet,
    jars: { board: await signedIn(board.id), teacher: await signedIn(teacher.id), other: await signedIn(otherTeacher.id) },
  };
}

const page = (w: World) => `/bestuur/edities/${w.edition.id}/uitslag`;
const act = (w: World, fields: Record<string, string>) => respond(() => resultsAction(args(post(page(w), fields, w.jars.board), { editionId: w.edition.id })));
const errorsOf = async (res: Response) => ((await res.json()) as { result: { error?: Record<string, string[]> } }).result.error ?? {};
const mails = (w: World) => db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `results:${w.edition.id}:` } } });
const closeJudging = (w: World) => db.edition.update({ where: { id: w.edition.id }, data: { judgingClosedEarlyAt: new Date(Date.now() - 60_000) } });
const publicPage = (w: World, jar?: CookieJar) =>
  respond(() => publicLoader(args(get(`/challenges/${w.challenge.slug}/2031/uitslag`, jar), { slug: w.challenge.slug, year: "2031" })) as Promise<Response>);
const teamResults = (w: World, teamId: string, jar: CookieJar) => respond(() => teamResultsLoader(args(get(`/teams/${teamId}/uitslag`, jar), { teamId })) as Promise<Response>);
const certificate = (w: World, teamId: string, jar: CookieJar) => respond(() => certificateLoader(args(get(`/teams/${teamId}/oorkonde.pdf`, jar), { teamId })) as Promise<Response>);
const csv = (w: World, jar: CookieJar) => respond(() => csvLoader(args(get(`/bestuur/edities/${w.edition.id}/uitslag.csv`, jar), { editionId: w.edition.id })) as Promise<Response>);

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => resetClock());

describe("publishing results", () => {
  it("is refused while judging is open and before the tips are screened, and sends nothing", async () => {
    const early = await act(w, { intent: "publish" });
    expect(early.status).toBe(400);
    expect((await errorsOf(early))[""]).toEqual(["results:errors.judgingNotClosed"]);
    // The tips cannot be marked as screened while jurors may still change them.
    expect((await errorsOf(await act(w, { intent: "tips-screened" })))[""]).toEqual(["results:errors.judgingNotClosed"]);

    await closeJudging(w);
    const unscreened = await act(w, { intent: "publish" });
    expect(unscreened.status).toBe(400);
    expect((await errorsOf(unscreened))[""]).toEqual(["results:errors.notScreened"]);
    expect(await mails(w)).toEqual([]);
    expect((await db.judgingSettings.findUnique({ where: { editionId: w.edition.id } }))?.publishedAt ?? null).toBeNull();
  });

  it("before publication shows scores to the board only: no public page, no team results or certificate, no CSV for others, nothing on the team page", async () => {
    await closeJudging(w);
    expect((await publicPage(w)).status).toBe(404);
    expect((await publicPage(w, w.jars.teacher)).status).toBe(404);
    expect((await teamResults(w, w.teams.t1.id, w.jars.teacher)).status).toBe(404);
    expect((await certificate(w, w.teams.t1.id, w.jars.teacher)).status).toBe(404);
    expect((await csv(w, w.jars.teacher)).status).toBe(403);
    const team = await respond(() => teamLoader(args(get(`/teams/${w.teams.t1.id}`, w.jars.teacher), { teamId: w.teams.t1.id })) as Promise<Response>);
    const text = await team.text();
    expect(text).toContain("Team Een");
    expect(text).not.toMatch(/TOP-T1|TIP-T1|4\.25/);
    expect(JSON.parse(text).team.resultsPublished).toBe(false);
    const edition = await respond(() => editionLoader(args(get(`/challenges/${w.challenge.slug}/2031`), { slug: w.challenge.slug, year: "2031" })) as Promise<Response>);
    expect((await edition.json()).resultsPublished).toBe(false);
    // The board's own preview and CSV already have the ranking.
    const preview = await (await respond(() => resultsLoader(args(get(page(w), w.jars.board), { editionId: w.edition.id })) as Promise<Response>)).json();
    expect(preview.categories[0].ranked.map((r: { team: string; place: number }) => [r.team, r.place])).toEqual([["Team Een", 1], ["Team Drie", 2], ["Team Twee", 3]]);
    expect((await csv(w, w.jars.board)).status).toBe(200);
  });

  it("publishes in one step after screening: the hand-computed ranking, hidden tips kept from the team, a mail per team's teacher", async () => {
    await closeJudging(w);
    expect((await act(w, { intent: "tip", sheetId: w.hiddenSheet.id, hidden: "true" })).status).toBe(302);
    expect((await act(w, { intent: "tips-screened" })).status).toBe(302);
    expect((await act(w, { intent: "publish" })).status).toBe(302);

    const settings = await db.judgingSettings.findUniqueOrThrow({ where: { editionId: w.edition.id } });
    expect(settings.publishedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "judging.results.publish", entityId: w.edition.id } })).toBe(1);
    // The edition's phase follows: its results are out before their date.
    expect((await db.edition.findUniqueOrThrow({ where: { id: w.edition.id } })).resultsPublishedEarlyAt).not.toBeNull();

    // One mail per team with submitted sheets and per teacher of its school (no coaches): three.
    const sent = await mails(w);
    expect(sent).toHaveLength(3);
    expect(sent.every((m) => m.toAddress.startsWith("docent-"))).toBe(true);
    expect(sent.map((m) => m.subject).join("\n")).toContain("Team Een");

    const pub = await publicPage(w);
    expect(pub.status).toBe(200);
    const data = await pub.json();
    expect(data.categories[0].places.map((p: { team: string; place: number; score: number }) => [p.team, p.place, p.score])).toEqual([
      ["Team Een", 1, 4.25],
      ["Team Drie", 2, 3.5],
      ["Team Twee", 3, 3.5],
    ]);
    expect(data.method).toEqual({ aggregation: "MEAN", normalize: false, tieBreaks: [{ kind: "CRITERION", criterion: "Originaliteit" }] });

    const mine = await teamResults(w, w.teams.t1.id, w.jars.teacher);
    expect(mine.status).toBe(200);
    const text = await mine.text();
    const results = JSON.parse(text).results;
    expect(results.place).toEqual({ place: 1, shared: false, of: 3 });
    expect([...results.tops].sort()).toEqual(["TOP-T1-J1", "TOP-T1-J2"]);
    expect(results.tips).toEqual(["TIP-T1-SHOWN"]);
    expect(text).not.toContain("TIP-T1-HIDDEN");
    expect(text).not.toMatch(/Janssen|Pieters/);
    // Another school's teacher: the team does not exist for them.
    expect((await teamResults(w, w.teams.t1.id, w.jars.other)).status).toBe(404);
    expect((await certificate(w, w.teams.t1.id, w.jars.other)).status).toBe(404);
    const pdf = await certificate(w, w.teams.t1.id, w.jars.teacher);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    // Publishing again is refused and sends nothing more; so is any change.
    expect((await act(w, { intent: "publish" })).status).toBe(400);
    expect((await act(w, { intent: "tip", sheetId: w.hiddenSheet.id, hidden: "false" })).status).toBe(400);
    expect(await mails(w)).toHaveLength(3);
  });

  it("prizes only: the public page and the team beyond the prizes show no place; the board's CSV has the whole ranking", async () => {
    await closeJudging(w);
    expect((await act(w, { intent: "save-settings", aggregation: "MEAN", prizePlaces: "2", resultsScope: "PRIZES_ONLY" })).status).toBe(302);
    await act(w, { intent: "tips-screened" });
    await act(w, { intent: "publish" });
    const data = await (await publicPage(w)).json();
    expect(data.categories[0].places.map((p: { team: string }) => p.team)).toEqual(["Team Een", "Team Drie"]);
    expect(JSON.stringify(data)).not.toContain("Team Twee");
    const third = await (await teamResults(w, w.teams.t2.id, w.jars.teacher)).json();
    expect(third.results.place).toBeNull();

    const file = await csv(w, w.jars.board);
    expect(file.headers.get("Content-Type")).toContain("text/csv");
    const lines = (await file.text()).replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines).toEqual(["Plaats;Team;School;Categorie;Score;Juryleden", expect.stringMatching(/^1;Team Een;School .*;Vmbo;4\.25;2$/), expect.stringMatching(/^2;Team Drie;.*;3\.50;2$/), expect.stringMatching(/^3;Team Twee;.*;3\.50;2$/)]);
  });

  it("refuses changing the method once judging has opened, and bad tie-breaks with field errors", async () => {
    const res = await act(w, { intent: "save-settings", aggregation: "MEDIAN", prizePlaces: "3", resultsScope: "FULL_RANKING" });
    expect(res.status).toBe(400);
    expect((await errorsOf(res))[""]).toEqual(["results:errors.methodLocked"]);
    const bad = await act(w, { intent: "save-settings", aggregation: "MEAN", prizePlaces: "0", resultsScope: "FULL_RANKING" });
    expect((await errorsOf(bad)).prizePlaces).toEqual(["results:errors.prizePlaces"]);
    expect((await errorsOf(await act(w, { intent: "save-tie-breaks", "tieBreaks[0]": "SHARED" })))[""]).toEqual(["results:errors.tieBreaksLocked"]);
    // Refusals write nothing: no settings row, no audit entry.
    expect(await db.judgingSettings.findUnique({ where: { editionId: w.edition.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: w.edition.id, action: { startsWith: "judging.results." } } })).toBe(0);
  });
});
