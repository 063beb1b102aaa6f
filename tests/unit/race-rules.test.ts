// Race-day rules (issue 18): m:ss.mmm, counted time, best valid run, race ranking with shared
// places, points per place, the no-valid-run rule and the combined classification with the jury.
// Every expected value is worked out by hand beside its case.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeJuryScores, rankByJury, rankEntries, type Ranking } from "~/modules/judging/rules";
import {
  bestRuns,
  combinedClassification,
  countedTimeMs,
  DEFAULT_POINTS_TABLE,
  formatRaceTime,
  parseRaceTime,
  pointsByPlace,
  pointsForPlace,
  raceRanking,
  type CombinedTieBreak,
  type NoValidRunRule,
  type Penalty,
  type Run,
  type RunStatus,
} from "~/modules/race/rules";

let runNo = 0;
const run = (teamId: string, timeMs: number | null, opts: { status?: RunStatus; penalties?: Penalty[]; heat?: number; id?: string } = {}): Run => ({
  id: opts.id ?? `r${String(runNo++).padStart(4, "0")}`,
  teamId,
  heatNumber: opts.heat ?? 1,
  status: opts.status ?? (timeMs === null ? "DNF" : "FINISHED"),
  timeMs,
  penalties: opts.penalties ?? [],
});
const dsq = (teamId: string, timeMs: number | null = null) => run(teamId, timeMs, { status: "DSQ" });
const places = (teamIds: string[], runs: Run[], noValidRun: NoValidRunRule = "LAST_PLACE") =>
  raceRanking({ teamIds, runs, noValidRun }).map((r) => [r.teamId, r.place]);

/** A jury ranking straight from judging's rankEntries, from jury scores per team. */
const juryRanking = (scores: Record<string, number | null>): Ranking =>
  rankEntries({ entries: Object.entries(scores).map(([entryId, jury]) => ({ entryId, components: { jury } })), components: [{ id: "jury", weight: 1 }], tieBreaks: [] });

describe("m:ss.mmm", () => {
  it("reads the accepted forms, decimals as a fraction of a second", () => {
    expect(parseRaceTime("1:05.300")).toEqual({ ok: true, ms: 65_300 });
    expect(parseRaceTime("1:05.3")).toEqual({ ok: true, ms: 65_300 });
    expect(parseRaceTime("1:05.03")).toEqual({ ok: true, ms: 65_030 });
    expect(parseRaceTime("1:05")).toEqual({ ok: true, ms: 65_000 });
    expect(parseRaceTime("12:00.001")).toEqual({ ok: true, ms: 720_001 });
    expect(parseRaceTime("0:59.999")).toEqual({ ok: true, ms: 59_999 });
    expect(parseRaceTime(" 45,3 ")).toEqual({ ok: true, ms: 45_300 }); // Dutch comma, spaces
    expect(parseRaceTime("9.5")).toEqual({ ok: true, ms: 9_500 });
    expect(parseRaceTime("99:59.999")).toEqual({ ok: true, ms: 5_999_999 });
  });

  it("refuses with a typed error what it cannot read for certain", () => {
    const error = (s: string) => { const r = parseRaceTime(s); return r.ok ? `ok ${r.ms}` : r.error; };
    expect(error("")).toBe("EMPTY");
    expect(error("   ")).toBe("EMPTY");
    expect(error("-1:05.300")).toBe("NEGATIVE");
    expect(error("-5")).toBe("NEGATIVE");
    expect(error("1:60.000")).toBe("SECONDS_OUT_OF_RANGE");
    expect(error("65.3")).toBe("SECONDS_OUT_OF_RANGE"); // not guessed as 1:05.300
    expect(error("125")).toBe("SECONDS_OUT_OF_RANGE");
    expect(error("1:05.3001")).toBe("TOO_MANY_DECIMALS");
    expect(error("45.1234")).toBe("TOO_MANY_DECIMALS");
    expect(error("100:00.000")).toBe("TOO_LONG");
    expect(error("0:00.000")).toBe("ZERO");
    expect(error("1:5.300")).toBe("FORMAT"); // seconds take two digits after a colon
    expect(error("1:005.300")).toBe("FORMAT");
    expect(error("1:05.")).toBe("FORMAT");
    expect(error("1.05.300")).toBe("FORMAT");
    expect(error("1:05:300")).toBe("FORMAT");
    expect(error("abc")).toBe("FORMAT");
    expect(error("1:05.3e2")).toBe("FORMAT");
  });

  it("formats with three decimals and unpadded minutes", () => {
    expect(formatRaceTime(65_300)).toBe("1:05.300");
    expect(formatRaceTime(45_300)).toBe("0:45.300");
    expect(formatRaceTime(0)).toBe("0:00.000");
    expect(formatRaceTime(720_001)).toBe("12:00.001");
    expect(() => formatRaceTime(-1)).toThrow(RangeError);
    expect(() => formatRaceTime(1.5)).toThrow(RangeError);
  });

  it("reads back every time it formats (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5_999_999 }), (ms) => {
      expect(parseRaceTime(formatRaceTime(ms))).toEqual({ ok: true, ms });
    }));
  });
});

describe("a run's counted time and a team's best valid run", () => {
  it("adds the penalties' seconds to the time", () => {
    // 1:05.300 + 5 s + 10 s = 80 300 ms
    expect(countedTimeMs(run("a", 65_300, { penalties: [{ seconds: 5, reason: "kegel geraakt" }, { seconds: 10, reason: "buiten de baan" }] }))).toBe(80_300);
    expect(countedTimeMs(run("a", 65_300))).toBe(65_300);
  });

  it("never counts a DNF or DSQ run, whatever time it carries", () => {
    expect(countedTimeMs(run("a", null))).toBeNull();
    expect(countedTimeMs(dsq("a", 40_000))).toBeNull();
    expect(countedTimeMs(run("a", 40_000, { status: "DNF" }))).toBeNull();
  });

  it("refuses a finished run without a time and a penalty that is not whole positive seconds", () => {
    expect(() => countedTimeMs(run("a", null, { status: "FINISHED" }))).toThrow(RangeError);
    expect(() => countedTimeMs(run("a", 0, { status: "FINISHED" }))).toThrow(RangeError);
    expect(() => countedTimeMs(run("a", 1000, { penalties: [{ seconds: -5, reason: "x" }] }))).toThrow(RangeError);
    expect(() => countedTimeMs(run("a", 1000, { penalties: [{ seconds: 1.5, reason: "x" }] }))).toThrow(RangeError);
  });

  it("takes the lowest counted time, so a penalty can make another run the best", () => {
    // heat 1: 50.000 + 15 s = 65.000; heat 2: 58.000 → heat 2 counts
    const best = bestRuns([run("a", 50_000, { heat: 1, penalties: [{ seconds: 15, reason: "hulp" }], id: "h1" }), run("a", 58_000, { heat: 2, id: "h2" }), dsq("a", 30_000)]);
    expect(best.get("a")).toEqual({ teamId: "a", runId: "h2", countedMs: 58_000, timeMs: 58_000, penaltySeconds: 0 });
  });

  it("has no best run for a team with only DNF and DSQ runs", () => {
    expect(bestRuns([run("a", null), dsq("a", 30_000)]).has("a")).toBe(false);
  });

  it("never changes a team's best time by adding a slower run or a DNF/DSQ run (property)", () => {
    const runArb = fc.record({
      timeMs: fc.integer({ min: 1, max: 600_000 }),
      status: fc.constantFrom<RunStatus>("FINISHED", "DNF", "DSQ"),
      penalty: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(fc.property(fc.array(runArb, { minLength: 1, maxLength: 8 }), runArb, (rs, extra) => {
      const toRun = (r: typeof extra, i: number) => run("a", r.timeMs, { status: r.status, heat: i, penalties: r.penalty ? [{ seconds: r.penalty, reason: "p" }] : [] });
      const runs = rs.map(toRun);
      const before = bestRuns(runs).get("a")?.countedMs ?? null;
      const added = toRun(extra, 99);
      const addedCounted = countedTimeMs(added);
      const after = bestRuns([...runs, added]).get("a")?.countedMs ?? null;
      if (addedCounted === null || (before !== null && addedCounted >= before)) expect(after).toBe(before);
      else expect(after).toBe(addedCounted);
    }));
  });
});

describe("the race ranking of a category", () => {
  it("ranks by best counted time and shares places on equal times: 1, 2, 2, 4", () => {
    // a 41.000; b 42.500 (its 44.000 run is slower); c 37.500 + 5 s = 42.500; d 50.000
    const runs = [run("a", 41_000), run("b", 44_000), run("b", 42_500), run("c", 37_500, { penalties: [{ seconds: 5, reason: "start te vroeg" }] }), run("d", 50_000)];
    const r = raceRanking({ teamIds: ["a", "b", "c", "d"], runs, noValidRun: "LAST_PLACE" });
    expect(r.map((x) => [x.teamId, x.place, x.shared, x.best?.countedMs])).toEqual([
      ["a", 1, false, 41_000],
      ["b", 2, true, 42_500],
      ["c", 2, true, 42_500],
      ["d", 4, false, 50_000],
    ]);
  });

  it("does not share a place between times one millisecond apart", () => {
    expect(places(["a", "b"], [run("a", 42_501), run("b", 42_500)])).toEqual([["b", 1], ["a", 2]]);
  });

  it("LAST_PLACE: teams without a valid run share the place after all valid ones", () => {
    // 2 teams with a valid run → d (DNF), e (DSQ) and f (no run) share place 3
    const r = raceRanking({ teamIds: ["f", "e", "d", "a", "b"], runs: [run("a", 40_000), run("b", 45_000), run("d", null), dsq("e", 30_000)], noValidRun: "LAST_PLACE" });
    expect(r.map((x) => [x.teamId, x.place, x.shared])).toEqual([["a", 1, false], ["b", 2, false], ["d", 3, true], ["e", 3, true], ["f", 3, true]]);
  });

  it("LAST_PLACE with one team without a valid run: a place of its own", () => {
    expect(raceRanking({ teamIds: ["a", "b"], runs: [run("a", 40_000), dsq("b", 1)], noValidRun: "LAST_PLACE" }).map((x) => [x.teamId, x.place, x.shared])).toEqual([["a", 1, false], ["b", 2, false]]);
  });

  it("NO_POINTS: teams without a valid run have no place", () => {
    expect(places(["a", "b", "c"], [run("a", 40_000), run("b", null)], "NO_POINTS")).toEqual([["a", 1], ["b", null], ["c", null]]);
  });

  it("refuses runs of a team outside the ranking and a team listed twice", () => {
    expect(() => raceRanking({ teamIds: ["a"], runs: [run("x", 1000)], noValidRun: "LAST_PLACE" })).toThrow(RangeError);
    expect(() => raceRanking({ teamIds: ["a", "a"], runs: [], noValidRun: "LAST_PLACE" })).toThrow(RangeError);
  });

  it("is a permutation of the teams with non-decreasing places, each place 1 + the teams strictly faster (property)", () => {
    const arb = fc.array(fc.record({ team: fc.integer({ min: 0, max: 7 }), timeMs: fc.integer({ min: 1, max: 20 }), status: fc.constantFrom<RunStatus>("FINISHED", "FINISHED", "DNF", "DSQ") }), { maxLength: 20 });
    fc.assert(fc.property(arb, fc.constantFrom<NoValidRunRule>("LAST_PLACE", "NO_POINTS"), (rows, rule) => {
      const teamIds = ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"];
      const runs = rows.map((x, i) => run(`t${x.team}`, x.timeMs * 100, { status: x.status, heat: i }));
      const r = raceRanking({ teamIds, runs, noValidRun: rule });
      expect(r.map((x) => x.teamId).sort()).toEqual(teamIds);
      const placed = r.filter((x) => x.place !== null);
      for (let i = 1; i < placed.length; i++) expect(placed[i]!.place!).toBeGreaterThanOrEqual(placed[i - 1]!.place!);
      for (const x of r.filter((y) => y.best)) expect(x.place).toBe(1 + r.filter((y) => y.best && y.best.countedMs < x.best!.countedMs).length);
      if (rule === "NO_POINTS") expect(r.filter((x) => x.place === null).every((x) => x.best === null)).toBe(true);
    }));
  });
});

describe("points per place", () => {
  const T = DEFAULT_POINTS_TABLE; // 10, 8, 6, 5, 4, 3, 2, 1

  it("gives the table's points, and 0 beyond it", () => {
    expect([1, 2, 3, 8, 9, 20].map((p) => pointsForPlace(T, p))).toEqual([10, 8, 6, 1, 0, 0]);
  });

  it("averages the points of the places a shared place fills", () => {
    expect(pointsForPlace(T, 2, 2)).toBe(7); // (8 + 6) / 2
    expect(pointsForPlace(T, 3, 3)).toBe(5); // (6 + 5 + 4) / 3
    expect(pointsForPlace(T, 1, 2)).toBe(9); // (10 + 8) / 2
    expect(pointsForPlace(T, 8, 2)).toBe(0.5); // (1 + 0) / 2
    expect(pointsForPlace([5, 3], 2, 4)).toBe(0.75); // (3 + 0 + 0 + 0) / 4
  });

  it("hands out the same total with or without a tie", () => {
    // 1, 2, 2, 4 → 10 + 7 + 7 + 5 = 29 = 10 + 8 + 6 + 5
    const m = pointsByPlace([{ id: "a", place: 1 }, { id: "b", place: 2 }, { id: "c", place: 2 }, { id: "d", place: 4 }, { id: "e", place: null }], T);
    expect(Object.fromEntries(m)).toEqual({ a: 10, b: 7, c: 7, d: 5, e: 0 });
  });

  it("refuses a table the board could not publish", () => {
    for (const bad of [[], [10, 12], [10, -1], [Number.NaN], Array.from({ length: 101 }, () => 1)]) expect(() => pointsByPlace([], bad)).toThrow(RangeError);
    expect(() => pointsForPlace(T, 0)).toThrow(RangeError);
  });

  it("no valid run: LAST_PLACE gives the shared last place's points, NO_POINTS gives 0", () => {
    const runs = [run("a", 40_000), run("b", 45_000), run("c", null), dsq("d")];
    const pts = (rule: NoValidRunRule) => Object.fromEntries(pointsByPlace(raceRanking({ teamIds: ["a", "b", "c", "d"], runs, noValidRun: rule }).map((r) => ({ id: r.teamId, place: r.place })), T));
    expect(pts("LAST_PLACE")).toEqual({ a: 10, b: 8, c: 5.5, d: 5.5 }); // c, d share place 3: (6 + 5) / 2
    expect(pts("NO_POINTS")).toEqual({ a: 10, b: 8, c: 0, d: 0 });
  });
});

describe("the combined classification", () => {
  const T = DEFAULT_POINTS_TABLE;
  const classify = (race: Run[], jury: Ranking, juryWeightPercent: number, tieBreak: CombinedTieBreak = "SHARED", noValidRun: NoValidRunRule = "LAST_PLACE", teamIds = ["a", "b", "c", "d"]) =>
    combinedClassification({ teamIds, race: raceRanking({ teamIds, runs: race, noValidRun }), jury, pointsTable: T, juryWeightPercent, tieBreak });

  it("weights race points and jury points (jury 40 %, race 60 %)", () => {
    // race: a 1st (10), b 2nd (8), c 3rd (6), d 4th (5)
    // jury: d 1st (10), c 2nd (8), a 3rd (6), b 4th (5)
    // totals: a .6·10 + .4·6 = 8.4; b .6·8 + .4·5 = 6.8; c .6·6 + .4·8 = 6.8; d .6·5 + .4·10 = 7.0
    const result = classify([run("a", 40_000), run("b", 41_000), run("c", 42_000), run("d", 43_000)], juryRanking({ a: 3.5, b: 3.0, c: 4.0, d: 4.5 }), 40);
    expect(result.entries.map((e) => [e.teamId, e.place, e.racePoints, e.juryPoints, e.racePlace, e.juryPlace])).toEqual([
      ["a", 1, 10, 6, 1, 3],
      ["d", 2, 5, 10, 4, 1],
      ["b", 3, 8, 5, 2, 4],
      ["c", 3, 6, 8, 3, 2],
    ]);
    expect(result.entries.map((e) => e.total)).toEqual([8.4, 7, 6.8, 6.8]);
    expect(result.entries[2]).toMatchObject({ shared: true, decidedBy: null });
    expect(result.method).toEqual({ pointsTable: [10, 8, 6, 5, 4, 3, 2, 1], juryWeightPercent: 40, raceWeightPercent: 60, sharedPlaces: "AVERAGE", juryPoints: "POINTS_TABLE_OVER_JURY_PLACES", tieBreak: "SHARED" });
  });

  it("breaks an equal total by race points (RACE) or jury points (JURY) when the board published that", () => {
    // same as above: b and c both 6.8; b has more race points (8 > 6), c more jury points (8 > 5)
    const runs = [run("a", 40_000), run("b", 41_000), run("c", 42_000), run("d", 43_000)];
    const jury = juryRanking({ a: 3.5, b: 3.0, c: 4.0, d: 4.5 });
    const byRace = classify(runs, jury, 40, "RACE").entries;
    expect(byRace.slice(2).map((e) => [e.teamId, e.place, e.shared, e.decidedBy])).toEqual([["b", 3, false, "RACE"], ["c", 4, false, "RACE"]]);
    expect(byRace[0]!.decidedBy).toBeNull();
    const byJury = classify(runs, jury, 40, "JURY").entries;
    expect(byJury.slice(2).map((e) => [e.teamId, e.place, e.decidedBy])).toEqual([["c", 3, "JURY"], ["b", 4, "JURY"]]);
  });

  it("uses the jury ranking's shared places and averages their points, with ties on both sides", () => {
    // race: a and b share 1st (9 each), c 3rd (6), d DNF → 4th alone (5)
    // jury: c 1st (10); a, b, d share 2nd → (8 + 6 + 5) / 3 = 19/3 each
    // jury 50 %: a = b = (9 + 19/3) / 2 = 23/3 ≈ 7.667; c = (6 + 10) / 2 = 8; d = (5 + 19/3) / 2 = 17/3 ≈ 5.667
    const r = classify([run("a", 40_000), run("b", 40_000), run("c", 45_000), run("d", null)], juryRanking({ a: 3, b: 3, c: 4, d: 3 }), 50);
    expect(r.entries.map((e) => [e.teamId, e.place, e.shared])).toEqual([["c", 1, false], ["a", 2, true], ["b", 2, true], ["d", 4, false]]);
    expect(r.entries[1]!.racePoints).toBe(9);
    expect(r.entries[1]!.juryPoints).toBeCloseTo(19 / 3, 12);
    expect(r.entries[1]!.total).toBeCloseTo(23 / 3, 12);
    expect(r.entries[3]!.total).toBeCloseTo(17 / 3, 12);
  });

  it("takes the jury input from judging's own ranking (rankByJury) as it is", () => {
    // one criterion 1–5, one juror: a scored 2, b scored 4
    const jury = computeJuryScores([{ id: "k", weight: 1, counted: true, minLevel: 1, maxLevel: 5 }], [
      { jurorId: "j", entryId: "a", status: "SUBMITTED", levels: { k: 2 } },
      { jurorId: "j", entryId: "b", status: "SUBMITTED", levels: { k: 4 } },
    ], { aggregation: "MEAN", normalize: false });
    // jury only (100 %): b 1st (10), a 2nd (8), whatever the race says
    const r = classify([run("a", 30_000), run("b", 50_000)], rankByJury(["a", "b"], jury, []), 100, "SHARED", "LAST_PLACE", ["a", "b"]);
    expect(r.entries.map((e) => [e.teamId, e.place, e.total, e.racePoints])).toEqual([["b", 1, 10, 8], ["a", 2, 8, 10]]);
  });

  it("race alone (jury 0 %) and a team the jury did not rank (0 jury points)", () => {
    // race: a 10, b 8, c 6; jury ranks only a and b; 0 % jury → c still 3rd on its race points
    const r = classify([run("a", 1000), run("b", 2000), run("c", 3000)], juryRanking({ a: 1, b: 5, c: null }), 0, "SHARED", "LAST_PLACE", ["a", "b", "c"]);
    expect(r.entries.map((e) => [e.teamId, e.place, e.total, e.juryPoints, e.juryPlace])).toEqual([["a", 1, 10, 8, 2], ["b", 2, 8, 10, 1], ["c", 3, 6, 0, null]]);
  });

  it("NO_POINTS: a team without a valid run gets 0 race points but keeps its jury points", () => {
    // race: a 10, b 8, c none → 0; jury: c 1st (10), a 2nd (8), b 3rd (6); jury 50 %:
    // a (10 + 8) / 2 = 9; b (8 + 6) / 2 = 7; c (0 + 10) / 2 = 5
    const r = classify([run("a", 1000), run("b", 2000), dsq("c", 500)], juryRanking({ a: 4, b: 3, c: 5 }), 50, "SHARED", "NO_POINTS", ["a", "b", "c"]);
    expect(r.entries.map((e) => [e.teamId, e.place, e.total, e.racePlace])).toEqual([["a", 1, 9, 1], ["b", 2, 7, 2], ["c", 3, 5, null]]);
  });

  it("refuses a weight outside 0–100 and a race ranking over other teams", () => {
    const jury = juryRanking({ a: 1 });
    expect(() => classify([run("a", 1000)], jury, 101, "SHARED", "LAST_PLACE", ["a"])).toThrow(RangeError);
    expect(() => classify([run("a", 1000)], jury, 12.5, "SHARED", "LAST_PLACE", ["a"])).toThrow(RangeError);
    expect(() => combinedClassification({ teamIds: ["a", "b"], race: raceRanking({ teamIds: ["a"], runs: [], noValidRun: "LAST_PLACE" }), jury, pointsTable: T, juryWeightPercent: 50, tieBreak: "SHARED" })).toThrow(RangeError);
  });
});
