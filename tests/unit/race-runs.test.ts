// Race-day runs in the database (issue 18): an entry stored exactly once per client id (also
// when two calls race), the closed race (refused for an official, allowed for the board), the
// audit row and the notification in the same transaction, and the ranking from stored runs.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { correctRun, RACE_CHANNEL, raceRanking, recordRun, undoRun, type RaceActor, type RecordRunInput } from "~/modules/race/runs.server";
import { db } from "~/utils/db.server";
import { assignRole, createSchool, createUser } from "../../prisma/factories";

const DAY = 86_400_000;
let n = 0;

async function world() {
  const at = new Date();
  const day = (d: number) => new Date(at.getTime() + d * DAY);
  const slug = `race-${n++}-${Date.now()}`;
  const challenge = await db.challenge.create({ data: { slug, name: "Zonnerace", description: "Test", createdAt: at, updatedAt: at } });
  const edition = await db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name: "Zonnerace 2030", slug: `${slug}-2030`,
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(-1), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }, { name: "Basisschool", position: 1 }] },
    },
    include: { categories: { orderBy: { position: "asc" } } },
  });
  const vmbo = edition.categories[0]!;
  const po = edition.categories[1]!;
  const school = await createSchool(db, { name: `Maasschool ${slug}` });
  const team = (name: string, categoryId = vmbo.id) =>
    db.team.create({ data: { editionId: edition.id, categoryId, schoolId: school.id, name, nameKey: `${name}-${slug}`.toLowerCase(), createdAt: at, updatedAt: at } });
  const teams = { a: await team("Zonnevissen"), b: await team("Stroomlijn"), c: await team("Bliksem"), d: await team("Slak"), po: await team("Kleintjes", po.id) };
  const heat = (number: number, categoryId = vmbo.id) => db.raceHeat.create({ data: { editionId: edition.id, categoryId, number, name: `Manche ${number}`, status: "RUNNING", createdAt: at, updatedAt: at } });
  const heats = { one: await heat(1), two: await heat(2), po: await heat(1, po.id) };

  const officialUser = await createUser(db, { name: "Wim Official", email: `wim-${slug}@test.example` });
  await assignRole(db, officialUser.id, "OFFICIAL", { editionId: edition.id });
  const boardUser = await createUser(db, { name: "Annemiek Gielen", email: `bestuur-${slug}@test.example` });
  await assignRole(db, boardUser.id, "BOARD");
  const official: RaceActor = { id: officialUser.id, board: false };
  const board: RaceActor = { id: boardUser.id, board: true };
  return { edition, vmbo, po, teams, heats, official, board };
}

const clientId = () => `dev1-${Date.now().toString(36)}-${(n++).toString(36)}`;
const entry = (heatId: string, teamId: string, extra: Partial<RecordRunInput> = {}): RecordRunInput => ({
  clientId: clientId(), heatId, teamId, status: "FINISHED", timeMs: 65_300, penalties: [], ...extra,
});

describe("recording a run exactly once", () => {
  it("stores a run with its penalties, and a retry with the same client id returns it without a second row", async () => {
    const w = await world();
    const input = entry(w.heats.one.id, w.teams.a.id, { penalties: [{ seconds: 5, reason: "kegel geraakt" }, { seconds: 2, reason: "te vroeg" }] });
    const first = await recordRun(w.edition.id, input, w.official);
    expect(first).toMatchObject({ ok: true, replayed: false, run: { teamId: w.teams.a.id, timeMs: 65_300, status: "FINISHED", enteredById: w.official.id } });
    if (!first.ok) throw new Error("not stored");
    expect(first.run.penalties).toEqual([{ seconds: 5, reason: "kegel geraakt" }, { seconds: 2, reason: "te vroeg" }]);
    expect(Math.abs(first.run.enteredAt.getTime() - Date.now())).toBeLessThan(60_000);

    const retry = await recordRun(w.edition.id, input, w.official);
    expect(retry).toMatchObject({ ok: true, replayed: true, run: { id: first.run.id } });
    expect(await db.raceRun.count({ where: { editionId: w.edition.id } })).toBe(1);
    expect(await db.racePenalty.count({ where: { run: { editionId: w.edition.id } } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "race.run.record", entityId: first.run.id } })).toBe(1);
  });

  it("stores one row when two calls with the same client id run at the same time", async () => {
    const w = await world();
    const input = entry(w.heats.one.id, w.teams.a.id);
    const results = await Promise.all([recordRun(w.edition.id, input, w.official), recordRun(w.edition.id, input, w.official)]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const ids = results.map((r) => (r.ok ? r.run.id : null));
    expect(ids[0]).toBe(ids[1]);
    expect(results.map((r) => (r.ok ? r.replayed : null)).sort()).toEqual([false, true]);
    expect(await db.raceRun.count({ where: { editionId: w.edition.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "race.run.record", entityId: ids[0]! } })).toBe(1);
  });

  it("lets the unique client id decide also when the twins lock different heats", async () => {
    // Same client id sent for two heats (a confused device): the heat locks do not serialize them,
    // the (editionId, clientId) constraint does.
    const w = await world();
    const id = clientId();
    const results = await Promise.all([
      recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id, { clientId: id }), w.official),
      recordRun(w.edition.id, entry(w.heats.two.id, w.teams.a.id, { clientId: id, timeMs: 70_000 }), w.official),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.run.id : null))).size).toBe(1);
    expect(await db.raceRun.count({ where: { editionId: w.edition.id } })).toBe(1);
  });

  it("keeps client ids per edition: the same id in another edition is another run", async () => {
    const [w1, w2] = [await world(), await world()];
    const id = clientId();
    const r1 = await recordRun(w1.edition.id, entry(w1.heats.one.id, w1.teams.a.id, { clientId: id }), w1.official);
    const r2 = await recordRun(w2.edition.id, entry(w2.heats.one.id, w2.teams.a.id, { clientId: id }), w2.official);
    expect(r1.ok && r2.ok && r1.run.id !== r2.run.id).toBe(true);
  });
});

describe("what an entry may not do", () => {
  it("refuses a heat of another edition (404) and a team of another category, without writing", async () => {
    const [w, other] = [await world(), await world()];
    expect(await recordRun(w.edition.id, entry(other.heats.one.id, other.teams.a.id), w.official)).toEqual({ ok: false, notFound: true });
    expect(await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.po.id), w.official)).toEqual({ ok: false, fieldErrors: { teamId: ["race:errors.teamUnknown"] } });
    expect(await recordRun(w.edition.id, entry(w.heats.one.id, other.teams.a.id), w.official)).toEqual({ ok: false, fieldErrors: { teamId: ["race:errors.teamUnknown"] } });
    expect(await db.raceRun.count({ where: { editionId: { in: [w.edition.id, other.edition.id] } } })).toBe(0);
  });

  it("names the fields of bad input and writes nothing", async () => {
    const w = await world();
    const bad = entry(w.heats.one.id, w.teams.a.id, { clientId: "x", status: "DSQ", timeMs: -5, statusReason: " ", penalties: [{ seconds: 0, reason: "" }] });
    const result = await recordRun(w.edition.id, bad, w.official);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        clientId: ["race:errors.clientId"],
        time: ["race:errors.time"],
        statusReason: ["race:errors.dsqReason"],
        "penalties[0].seconds": ["race:errors.penaltySeconds"],
        "penalties[0].reason": ["race:errors.penaltyReason"],
      },
    });
    expect(await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id, { timeMs: null }), w.official)).toEqual({ ok: false, fieldErrors: { time: ["race:errors.timeRequired"] } });
    expect(await db.raceRun.count({ where: { editionId: w.edition.id } })).toBe(0);
  });

  it("gives a team one run per heat: a second entry with a new client id is refused", async () => {
    const w = await world();
    expect((await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id), w.official)).ok).toBe(true);
    expect(await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id, { timeMs: 60_000 }), w.official)).toEqual({ ok: false, fieldErrors: { teamId: ["race:errors.alreadyEntered"] } });
    expect((await recordRun(w.edition.id, entry(w.heats.two.id, w.teams.a.id, { timeMs: 60_000 }), w.official)).ok).toBe(true);
    expect(await db.raceRun.count({ where: { editionId: w.edition.id } })).toBe(2);
  });

  it("after the board closes the race: refused for an official, allowed for the board (audited as after closing)", async () => {
    const w = await world();
    const before = entry(w.heats.one.id, w.teams.a.id);
    const stored = await recordRun(w.edition.id, before, w.official);
    await db.raceSettings.create({ data: { editionId: w.edition.id, closedAt: new Date(), closedById: w.board.id, updatedAt: new Date() } });

    expect(await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.b.id), w.official)).toEqual({ ok: false, formErrors: ["race:errors.closed"] });
    // A retry of an entry made before closing still gets its stored run (and writes nothing).
    expect(await recordRun(w.edition.id, before, w.official)).toMatchObject({ ok: true, replayed: true, run: { id: stored.ok ? stored.run.id : "" } });

    const byBoard = await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.b.id, { status: "DSQ", timeMs: null, statusReason: "accu vervangen tijdens de race" }), w.board);
    expect(byBoard).toMatchObject({ ok: true, replayed: false, run: { status: "DSQ", statusReason: "accu vervangen tijdens de race", enteredById: w.board.id } });
    const log = await db.auditLog.findFirst({ where: { action: "race.run.record", entityId: byBoard.ok ? byBoard.run.id : "" } });
    expect(log).toMatchObject({ actorId: w.board.id, entityType: "RaceRun", meta: { editionId: w.edition.id, afterClose: true } });
    expect(log!.after).toMatchObject({ teamId: w.teams.b.id, status: "DSQ", statusReason: "accu vervangen tijdens de race" });
    expect(await db.raceRun.count({ where: { editionId: w.edition.id } })).toBe(2);
  });
});

describe("corrections and undo", () => {
  it("corrects a run (penalties replaced), with who and when on the run and before/after in the audit log", async () => {
    const w = await world();
    const stored = await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id, { timeMs: 50_000, penalties: [{ seconds: 5, reason: "kegel" }] }), w.official);
    if (!stored.ok) throw new Error("not stored");
    const fixed = await correctRun(w.edition.id, stored.run.id, { status: "DSQ", timeMs: 50_000, statusReason: "hulp van de begeleider", penalties: [] }, w.official);
    expect(fixed).toMatchObject({ ok: true, run: { status: "DSQ", statusReason: "hulp van de begeleider", penalties: [] } });
    const row = await db.raceRun.findUniqueOrThrow({ where: { id: stored.run.id } });
    expect(row.correctedById).toBe(w.official.id);
    expect(row.correctedAt).not.toBeNull();
    expect(await db.racePenalty.count({ where: { runId: stored.run.id } })).toBe(0);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "race.run.correct", entityId: stored.run.id } });
    expect(log.before).toMatchObject({ status: "FINISHED", penalties: [{ seconds: 5, reason: "kegel" }] });
    expect(log.after).toMatchObject({ status: "DSQ", statusReason: "hulp van de begeleider", penalties: [] });
  });

  it("undoes a run: it leaves the ranking, its client id stays taken, and a second undo is a 404", async () => {
    const w = await world();
    const input = entry(w.heats.one.id, w.teams.a.id, { timeMs: 30_000 });
    const stored = await recordRun(w.edition.id, input, w.official);
    if (!stored.ok) throw new Error("not stored");
    expect((await undoRun(w.edition.id, stored.run.id, w.official)).ok).toBe(true);
    expect((await raceRanking(w.edition.id, w.vmbo.id))?.places.find((p) => p.teamId === w.teams.a.id)?.best).toBeNull();
    // A late retry of the undone entry does not bring it back.
    expect(await recordRun(w.edition.id, input, w.official)).toMatchObject({ ok: true, replayed: true });
    expect(await db.raceRun.count({ where: { editionId: w.edition.id, undoneAt: null } })).toBe(0);
    expect(await undoRun(w.edition.id, stored.run.id, w.official)).toEqual({ ok: false, notFound: true });
    expect(await db.auditLog.count({ where: { action: "race.run.undo", entityId: stored.run.id } })).toBe(1);
    // After an undo the team can be entered again in that heat.
    expect((await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id, { timeMs: 31_000 }), w.official)).ok).toBe(true);
  });

  it("after closing: corrections and undo are the board's alone; another edition's run is a 404", async () => {
    const [w, other] = [await world(), await world()];
    const stored = await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.a.id), w.official);
    if (!stored.ok) throw new Error("not stored");
    await db.raceSettings.create({ data: { editionId: w.edition.id, closedAt: new Date(), updatedAt: new Date() } });
    const change = { status: "FINISHED" as const, timeMs: 66_000, penalties: [] };
    expect(await correctRun(w.edition.id, stored.run.id, change, w.official)).toEqual({ ok: false, formErrors: ["race:errors.closed"] });
    expect(await undoRun(w.edition.id, stored.run.id, w.official)).toEqual({ ok: false, formErrors: ["race:errors.closed"] });
    expect((await db.raceRun.findUniqueOrThrow({ where: { id: stored.run.id } })).timeMs).toBe(65_300);
    expect(await correctRun(other.edition.id, stored.run.id, change, other.board)).toEqual({ ok: false, notFound: true });
    expect(await correctRun(w.edition.id, stored.run.id, change, w.board)).toMatchObject({ ok: true, run: { timeMs: 66_000 } });
    expect(await db.auditLog.findFirst({ where: { action: "race.run.correct", entityId: stored.run.id } })).toMatchObject({ actorId: w.board.id, meta: { afterClose: true } });
  });
});

describe("the audit row and the notification", () => {
  it("writes who entered what in the audit log", async () => {
    const w = await world();
    const input = entry(w.heats.one.id, w.teams.a.id, { timeMs: 61_234, penalties: [{ seconds: 10, reason: "buiten de baan" }] });
    const result = await recordRun(w.edition.id, input, w.official);
    if (!result.ok) throw new Error("not stored");
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "race.run.record", entityId: result.run.id } });
    expect(log.actorId).toBe(w.official.id);
    expect(log.after).toEqual({ heatId: w.heats.one.id, teamId: w.teams.a.id, status: "FINISHED", timeMs: 61_234, statusReason: "", penalties: [{ seconds: 10, reason: "buiten de baan" }] });
    expect(log.meta).toEqual({ editionId: w.edition.id, clientId: input.clientId });
  });

  it("notifies the race channel once per stored run, on commit, and not for a retry or a refusal", async () => {
    const w = await world();
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const received: unknown[] = [];
    listener.on("notification", (msg) => {
      if (msg.channel === RACE_CHANNEL) received.push(JSON.parse(msg.payload!));
    });
    try {
      await listener.query(`LISTEN ${RACE_CHANNEL}`);
      const input = entry(w.heats.one.id, w.teams.a.id);
      const result = await recordRun(w.edition.id, input, w.official);
      await recordRun(w.edition.id, input, w.official);
      await recordRun(w.edition.id, entry(w.heats.one.id, w.teams.po.id), w.official);
      await listener.query("SELECT 1"); // notifications arrive before this query's answer
      const ours = received.filter((m) => (m as { editionId: string }).editionId === w.edition.id);
      expect(ours).toEqual([{ editionId: w.edition.id, categoryId: w.vmbo.id, heatId: w.heats.one.id, runId: result.ok ? result.run.id : "", kind: "recorded" }]);
    } finally {
      await listener.end();
    }
  });
});

describe("the race ranking from stored runs", () => {
  it("ranks the category by best counted time under the published rule, leaving out undone runs and other categories", async () => {
    const w = await world();
    const rec = async (heatId: string, teamId: string, extra: Partial<RecordRunInput> = {}) => {
      const r = await recordRun(w.edition.id, entry(heatId, teamId, extra), w.official);
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.run;
    };
    // a: 41.000 (heat 1), 44.000 (heat 2) → 41.000
    // b: 37.000 + 5 s = 42.000 (heat 1); heat 2 DSQ → 42.000
    // c: 42.000 (heat 2) → shares place 2 with b; its heat-1 run of 30.000 was undone
    // d: DNF only → under LAST_PLACE place 4 (3 teams with a valid run)
    await rec(w.heats.one.id, w.teams.a.id, { timeMs: 41_000 });
    await rec(w.heats.two.id, w.teams.a.id, { timeMs: 44_000 });
    await rec(w.heats.one.id, w.teams.b.id, { timeMs: 37_000, penalties: [{ seconds: 5, reason: "kegel" }] });
    await rec(w.heats.two.id, w.teams.b.id, { status: "DSQ", timeMs: 20_000, statusReason: "duwen" });
    const undone = await rec(w.heats.one.id, w.teams.c.id, { timeMs: 30_000 });
    await db.raceRun.update({ where: { id: undone.id }, data: { undoneAt: new Date(), undoneById: w.official.id } });
    await rec(w.heats.two.id, w.teams.c.id, { timeMs: 42_000 });
    await rec(w.heats.one.id, w.teams.d.id, { status: "DNF", timeMs: null });
    await rec(w.heats.po.id, w.teams.po.id, { timeMs: 1_000 });

    const ranking = await raceRanking(w.edition.id, w.vmbo.id);
    expect(ranking?.noValidRun).toBe("LAST_PLACE");
    expect(ranking?.places.map((p) => [p.teamName, p.place, p.shared, p.best?.countedMs ?? null, p.runCount])).toEqual([
      ["Zonnevissen", 1, false, 41_000, 2],
      ...[["Stroomlijn", 2, true, 42_000, 2], ["Bliksem", 2, true, 42_000, 1]].sort((x, y) => ((x[0] === "Stroomlijn" ? w.teams.b.id : w.teams.c.id) < (y[0] === "Stroomlijn" ? w.teams.b.id : w.teams.c.id) ? -1 : 1)),
      ["Slak", 4, false, null, 1],
    ]);

    await db.raceSettings.create({ data: { editionId: w.edition.id, noValidRun: "NO_POINTS", updatedAt: new Date() } });
    expect((await raceRanking(w.edition.id, w.vmbo.id))?.places.find((p) => p.teamId === w.teams.d.id)?.place).toBeNull();
  });

  it("knows no category of another edition", async () => {
    const [w, other] = [await world(), await world()];
    expect(await raceRanking(w.edition.id, other.vmbo.id)).toBeNull();
  });
});
