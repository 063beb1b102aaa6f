// Judging rules 1–3: the entry score of a sheet, the aggregation per entry, normalization.
// Every expected number is worked out by hand in the comment beside it.
import { describe, expect, it } from "vitest";
import { aggregate, aggregateEntryScores, computeJuryScores, entryScore, normalizeScores, type Criterion, type ScoreSheet } from "~/modules/judging/rules";
import { mean, median, populationSd, quantile } from "~/modules/judging/rules/stats";

const criteria: Criterion[] = [
  { id: "idea", weight: 2, counted: true, minLevel: 1, maxLevel: 5 },
  { id: "build", weight: 1, counted: true, minLevel: 1, maxLevel: 5 },
  // shown on the form, not counted
  { id: "presentation", weight: 3, counted: false, minLevel: 1, maxLevel: 5 },
];
const sheet = (levels: ScoreSheet["levels"], status: ScoreSheet["status"] = "SUBMITTED"): ScoreSheet => ({ jurorId: "j1", entryId: "e1", status, levels });

describe("entry score of one sheet (rule 1)", () => {
  it("is Σ(weight × level) / Σ(weight) over the counted criteria only", () => {
    // idea 4 (×2), build 1 (×1); presentation 5 is not counted:
    // (2·4 + 1·1) / (2 + 1) = 9 / 3 = 3   (counting presentation too would give (8 + 1 + 15) / 6 = 4)
    expect(entryScore(criteria, sheet({ idea: 4, build: 1, presentation: 5 }))).toEqual({ ok: true, score: 3 });
    // (2·5 + 1·2) / 3 = 12 / 3 = 4
    expect(entryScore(criteria, sheet({ idea: 5, build: 2 }))).toEqual({ ok: true, score: 4 });
    // (2·3 + 1·4) / 3 = 10 / 3 ≈ 3.333
    const r = entryScore(criteria, sheet({ idea: 3, build: 4, presentation: 1 }));
    expect(r.ok && r.score).toBeCloseTo(10 / 3, 12);
  });

  it("does not need the not-counted criterion, and ignores its level", () => {
    const without = entryScore(criteria, sheet({ idea: 4, build: 1 }));
    const withLow = entryScore(criteria, sheet({ idea: 4, build: 1, presentation: 1 }));
    expect(without).toEqual({ ok: true, score: 3 });
    expect(withLow).toEqual({ ok: true, score: 3 });
  });

  it("is not given for a draft, even a complete one", () => {
    expect(entryScore(criteria, sheet({ idea: 4, build: 1, presentation: 5 }, "DRAFT"))).toEqual({ ok: false, problem: { code: "DRAFT" } });
  });

  it("is not given when a counted criterion has no level: the reason names it (a missing level is never 0)", () => {
    expect(entryScore(criteria, sheet({ idea: 4, presentation: 5 }))).toEqual({ ok: false, problem: { code: "MISSING_LEVELS", criterionIds: ["build"] } });
    expect(entryScore(criteria, sheet({ idea: null, build: undefined }))).toEqual({ ok: false, problem: { code: "MISSING_LEVELS", criterionIds: ["idea", "build"] } });
  });

  it("refuses a level outside the criterion's levels or between two levels", () => {
    expect(entryScore(criteria, sheet({ idea: 6, build: 1 }))).toEqual({ ok: false, problem: { code: "INVALID_LEVEL", criterionId: "idea", level: 6 } });
    expect(entryScore(criteria, sheet({ idea: 0, build: 1 }))).toEqual({ ok: false, problem: { code: "INVALID_LEVEL", criterionId: "idea", level: 0 } });
    expect(entryScore(criteria, sheet({ idea: 4, build: 2.5 }))).toEqual({ ok: false, problem: { code: "INVALID_LEVEL", criterionId: "build", level: 2.5 } });
    expect(entryScore(criteria, sheet({ idea: 4, build: 1, presentation: 9 }))).toEqual({ ok: false, problem: { code: "INVALID_LEVEL", criterionId: "presentation", level: 9 } });
  });

  it("has nothing to divide by when no counted criterion weighs anything", () => {
    const zero: Criterion[] = [{ id: "a", weight: 0, counted: true, minLevel: 1, maxLevel: 5 }, { id: "b", weight: 2, counted: false, minLevel: 1, maxLevel: 5 }];
    expect(entryScore(zero, { ...sheet({ a: 3, b: 3 }) })).toEqual({ ok: false, problem: { code: "NO_COUNTED_WEIGHT" } });
  });

  it("throws on a set-up that cannot score (negative weight, levels backwards, a criterion twice)", () => {
    expect(() => entryScore([{ id: "a", weight: -1, counted: true, minLevel: 1, maxLevel: 5 }], sheet({ a: 3 }))).toThrow(RangeError);
    expect(() => entryScore([{ id: "a", weight: 1, counted: true, minLevel: 5, maxLevel: 1 }], sheet({ a: 3 }))).toThrow(RangeError);
    expect(() => entryScore([criteria[0]!, criteria[0]!], sheet({ idea: 3 }))).toThrow(RangeError);
  });
});

describe("aggregation per entry (rule 2)", () => {
  it("mean and median of an odd count", () => {
    // [3, 1, 4]: mean 8/3 ≈ 2.667; sorted 1, 3, 4 → median 3
    expect(aggregate([3, 1, 4], "MEAN")).toBeCloseTo(8 / 3, 12);
    expect(aggregate([3, 1, 4], "MEDIAN")).toBe(3);
  });

  it("median of an even count is the mean of the two middle values", () => {
    // [10, 1, 3, 2]: sorted 1, 2, 3, 10 → median (2 + 3) / 2 = 2.5; mean 16 / 4 = 4
    expect(aggregate([10, 1, 3, 2], "MEDIAN")).toBe(2.5);
    expect(aggregate([10, 1, 3, 2], "MEAN")).toBe(4);
    expect(aggregate([4, 2], "MEDIAN")).toBe(3);
  });

  it("of nothing is null, not NaN or 0", () => {
    expect(aggregate([], "MEAN")).toBeNull();
    expect(aggregate([], "MEDIAN")).toBeNull();
  });

  it("per entry, over the jurors that scored it", () => {
    const scores = [
      { jurorId: "a", entryId: "e1", score: 2 },
      { jurorId: "b", entryId: "e1", score: 5 },
      { jurorId: "c", entryId: "e1", score: 3 },
      { jurorId: "a", entryId: "e2", score: 4 },
      { jurorId: "b", entryId: "e2", score: 1 },
    ];
    // e1: mean (2 + 5 + 3) / 3 = 10/3, median 3; e2: mean (4 + 1) / 2 = 2.5, median (1 + 4) / 2 = 2.5
    expect(aggregateEntryScores(scores, "MEDIAN")).toEqual([
      { entryId: "e1", score: 3, jurorCount: 3 },
      { entryId: "e2", score: 2.5, jurorCount: 2 },
    ]);
    const means = aggregateEntryScores(scores, "MEAN");
    expect(means[0]!.score).toBeCloseTo(10 / 3, 12);
    expect(means[1]!.score).toBe(2.5);
  });

  it("refuses two scores of one juror for one entry", () => {
    expect(() => aggregateEntryScores([{ jurorId: "a", entryId: "e", score: 1 }, { jurorId: "a", entryId: "e", score: 2 }], "MEAN")).toThrow(RangeError);
  });
});

describe("statistics", () => {
  it("σ is the population standard deviation (divides by n, not n − 1)", () => {
    // [2, 4, 4, 4, 5, 5, 7, 9]: μ = 40/8 = 5; Σ(x − μ)² = 9+1+1+1+0+0+4+16 = 32;
    // population σ = √(32/8) = 2 (sample σ would be √(32/7) ≈ 2.138)
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(populationSd([3])).toBe(0);
    expect(populationSd([])).toBeNull();
  });

  it("quantiles interpolate linearly; the 0.5 quantile is the median", () => {
    // sorted [1, 2, 2.5, 4]: q1 at position 0.75 → 1 + 0.75·(2 − 1) = 1.75; q3 at 2.25 → 2.5 + 0.25·1.5 = 2.875
    expect(quantile([4, 2.5, 1, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 2.5, 1, 2], 0.75)).toBe(2.875);
    expect(quantile([4, 2.5, 1, 2], 0.5)).toBe(median([4, 2.5, 1, 2]));
    expect(mean([1, 2])).toBe(1.5);
  });
});

describe("normalization within a category (rule 3)", () => {
  // J1: 6 entries [1, 1, 1, 5, 5, 5] → μ₁ = 3, σ₁ = √((4·3 + 4·3) / 6) = √4 = 2 (population)
  // J2: 3 entries [1, 2, 4] (fewer than 5: stays raw)
  // J3: 5 entries [2, 2, 2, 2, 2] → σ₃ = 0 (stays raw)
  // Panel, all 14 raw scores: Σ = 18 + 7 + 10 = 35 → μ = 2.5;
  //   Σ(x − μ)² = J1 3·2.25 + 3·6.25 = 25.5, J2 2.25 + 0.25 + 2.25 = 4.75, J3 5·0.25 = 1.25 → 31.5;
  //   σ = √(31.5 / 14) = √2.25 = 1.5 (the sample σ would be √(31.5/13) ≈ 1.557)
  // J1 mapped back: x = 1 → z = (1 − 3)/2 = −1 → 2.5 − 1.5 = 1.0; x = 5 → z = +1 → 2.5 + 1.5 = 4.0
  const scores = [
    ...[1, 1, 1, 5, 5, 5].map((score, i) => ({ jurorId: "J1", entryId: `e${i + 1}`, score })),
    ...[1, 2, 4].map((score, i) => ({ jurorId: "J2", entryId: `e${i + 1}`, score })),
    ...[2, 2, 2, 2, 2].map((score, i) => ({ jurorId: "J3", entryId: `e${i + 1}`, score })),
  ];

  it("maps a juror with ≥ 5 entries to the panel's μ and σ (population σ), and keeps the others raw", () => {
    const r = normalizeScores(scores);
    expect(r.panel).toEqual({ mean: 2.5, sd: 1.5 });
    expect(r.jurors).toEqual([
      { jurorId: "J1", count: 6, mean: 3, sd: 2, status: "NORMALIZED" },
      { jurorId: "J2", count: 3, mean: 7 / 3, sd: expect.any(Number), status: "TOO_FEW_ENTRIES" },
      { jurorId: "J3", count: 5, mean: 2, sd: 0, status: "NO_SPREAD" },
    ]);
    const j1 = r.scores.filter((s) => s.jurorId === "J1");
    expect(j1.map((s) => s.score)).toEqual([1, 1, 1, 4, 4, 4]);
    expect(j1.map((s) => s.raw)).toEqual([1, 1, 1, 5, 5, 5]);
    expect(j1.every((s) => s.normalized)).toBe(true);
    // J2 (3 entries) and J3 (σ = 0) keep their raw scores
    expect(r.scores.filter((s) => s.jurorId === "J2").map((s) => [s.score, s.normalized])).toEqual([[1, false], [2, false], [4, false]]);
    expect(r.scores.filter((s) => s.jurorId === "J3").map((s) => [s.score, s.normalized])).toEqual(Array(5).fill([2, false]));
  });

  it("gives every normalized juror the panel's mean and σ (checked on random categories, fixed seed)", () => {
    let s = 99;
    const random = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let k = 0; k < 100; k++) {
      const category = ["a", "b", "c", "d"].flatMap((jurorId) =>
        Array.from({ length: 3 + Math.floor(random() * 6) }, (_, i) => ({ jurorId, entryId: `e${i}`, score: 1 + Math.floor(random() * 9) / 2 })),
      );
      const r = normalizeScores(category);
      for (const j of r.jurors.filter((x) => x.status === "NORMALIZED")) {
        const mapped = r.scores.filter((x) => x.jurorId === j.jurorId).map((x) => x.score);
        expect(mean(mapped)).toBeCloseTo(r.panel!.mean, 9);
        expect(populationSd(mapped)).toBeCloseTo(r.panel!.sd, 9);
      }
      expect(r.jurors.filter((j) => j.count < 5).every((j) => j.status === "TOO_FEW_ENTRIES")).toBe(true);
    }
  });

  it("needs exactly 5 scored entries: 4 stay raw, 5 are normalized", () => {
    const four = [1, 2, 3, 4].map((score, i) => ({ jurorId: "A", entryId: `e${i}`, score }));
    const five = [1, 2, 3, 4, 5].map((score, i) => ({ jurorId: "B", entryId: `e${i}`, score }));
    const r = normalizeScores([...four, ...five]);
    expect(r.jurors.map((j) => [j.jurorId, j.status])).toEqual([["A", "TOO_FEW_ENTRIES"], ["B", "NORMALIZED"]]);
  });

  it("treats floating-point noise as no spread", () => {
    // the "same" score five times, but 0.1 + 0.2 = 0.30000000000000004: σ ≈ 3e-17, no real spread
    const noisy = [0.3, 0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3].map((score, i) => ({ jurorId: "N", entryId: `e${i}`, score }));
    expect(normalizeScores(noisy).jurors[0]!.status).toBe("NO_SPREAD");
  });
});

describe("the jury score of a category (rules 1–3 together)", () => {
  const sheets: ScoreSheet[] = [
    // e1: a (2·4 + 1·1)/3 = 3; b (2·5 + 1·5)/3 = 5; c (2·2 + 1·5)/3 = 3; d draft; → mean 11/3, median 3
    { jurorId: "a", entryId: "e1", status: "SUBMITTED", levels: { idea: 4, build: 1, presentation: 2 } },
    { jurorId: "b", entryId: "e1", status: "SUBMITTED", levels: { idea: 5, build: 5 } },
    { jurorId: "c", entryId: "e1", status: "SUBMITTED", levels: { idea: 2, build: 5, presentation: 4 } },
    { jurorId: "d", entryId: "e1", status: "DRAFT", levels: { idea: 1, build: 1 } },
    // e2: a (2·3 + 1·3)/3 = 3; b is missing build → not counted; → 3
    { jurorId: "a", entryId: "e2", status: "SUBMITTED", levels: { idea: 3, build: 3, presentation: 5 } },
    { jurorId: "b", entryId: "e2", status: "SUBMITTED", levels: { idea: 1 } },
    // e3: only a draft → no jury score
    { jurorId: "c", entryId: "e3", status: "DRAFT", levels: {} },
  ];

  it("aggregates the counting sheets and lists the others with their reason", () => {
    const median = computeJuryScores(criteria, sheets, { aggregation: "MEDIAN", normalize: false });
    expect(median.entries).toEqual([
      { entryId: "e1", score: 3, jurorCount: 3 },
      { entryId: "e2", score: 3, jurorCount: 1 },
    ]);
    expect(median.excluded).toEqual([
      { jurorId: "d", entryId: "e1", problem: { code: "DRAFT" } },
      { jurorId: "b", entryId: "e2", problem: { code: "MISSING_LEVELS", criterionIds: ["build"] } },
      { jurorId: "c", entryId: "e3", problem: { code: "DRAFT" } },
    ]);
    expect(median.normalization).toBeNull();
    const mean = computeJuryScores(criteria, sheets, { aggregation: "MEAN", normalize: false });
    expect(mean.entries[0]!.score).toBeCloseTo(11 / 3, 12);
  });

  it("aggregates each criterion's levels the same way, over the counting sheets", () => {
    const r = computeJuryScores(criteria, sheets, { aggregation: "MEAN", normalize: false });
    // idea: e1 (4 + 5 + 2)/3 = 11/3; e2 3 (b's incomplete sheet and d's draft do not count)
    expect(r.criterionScores.idea!.e1).toBeCloseTo(11 / 3, 12);
    expect(r.criterionScores.idea!.e2).toBe(3);
    // presentation (not counted, filled in by a and c on e1): (2 + 4)/2 = 3; e2: 5
    expect(r.criterionScores.presentation).toEqual({ e1: 3, e2: 5 });
    expect(r.criterionScores.build).toEqual({ e1: (1 + 5 + 5) / 3, e2: 3 });
  });

  it("normalizes before aggregating when the edition asks for it", () => {
    // juror J1 of the normalization example, plus a second juror K on e1 and e2
    const one: Criterion[] = [{ id: "x", weight: 1, counted: true, minLevel: 1, maxLevel: 5 }];
    const s: ScoreSheet[] = [
      ...[1, 1, 1, 5, 5, 5].map((x, i): ScoreSheet => ({ jurorId: "J1", entryId: `e${i + 1}`, status: "SUBMITTED", levels: { x } })),
      { jurorId: "K", entryId: "e4", status: "SUBMITTED", levels: { x: 3 } },
      { jurorId: "K", entryId: "e5", status: "SUBMITTED", levels: { x: 3 } },
    ];
    // all 8 raw: Σ = 18 + 6 = 24 → μ = 3; Σ(x − μ)² = 6·4 + 0 + 0 = 24 → σ = √(24/8) = √3
    // J1: μ₁ = 3, σ₁ = 2; x = 5 → z = 1 → 3 + √3 ≈ 4.732; K (2 entries) raw 3
    // e4: mean(4.732, 3) = 3 + √3/2 ≈ 3.866
    const r = computeJuryScores(one, s, { aggregation: "MEAN", normalize: true });
    expect(r.entries.find((e) => e.entryId === "e4")!.score).toBeCloseTo(3 + Math.sqrt(3) / 2, 12);
    expect(r.entries.find((e) => e.entryId === "e1")!.score).toBeCloseTo(3 - Math.sqrt(3), 12);
    expect(r.normalization!.map((j) => j.status)).toEqual(["NORMALIZED", "TOO_FEW_ENTRIES"]);
    // without normalization: e4 = (5 + 3) / 2 = 4
    expect(computeJuryScores(one, s, { aggregation: "MEAN", normalize: false }).entries.find((e) => e.entryId === "e4")!.score).toBe(4);
  });

  it("refuses two sheets of one juror for one entry", () => {
    expect(() => computeJuryScores(criteria, [sheets[0]!, sheets[0]!], { aggregation: "MEAN", normalize: false })).toThrow(RangeError);
  });
});
