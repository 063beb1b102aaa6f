// Judging rule 4: ranking with the board's tie-breaks and shared places ("1, 2, 2, 4").
// Totals, criterion aggregates and head-to-head counts are worked out by hand beside each case.
import { describe, expect, it } from "vitest";
import { computeJuryScores, JURY_COMPONENT, rankByJury, rankEntries, type JurorEntryScore, type RankingInput, type ScoreSheet, type TieBreak } from "~/modules/judging/rules";

const jury = (scores: Record<string, number | null>) =>
  Object.entries(scores).map(([entryId, v]) => ({ entryId, components: { [JURY_COMPONENT]: v } }));
const onlyJury = [{ id: JURY_COMPONENT, weight: 1 }];
const places = (input: RankingInput) => rankEntries(input).ranked.map((r) => [r.entryId, r.place]);
/** Juror scores from rows "juror: entry=score, …". */
const js = (rows: Record<string, Record<string, number>>): JurorEntryScore[] =>
  Object.entries(rows).flatMap(([jurorId, m]) => Object.entries(m).map(([entryId, score]) => ({ jurorId, entryId, score })));

const MAJORITY: TieBreak = { kind: "JURY_MAJORITY" };
const SHARED: TieBreak = { kind: "SHARED" };

describe("ranking by total", () => {
  it("ranks higher totals first, places 1, 2, 3", () => {
    expect(places({ entries: jury({ a: 3.2, b: 4.1, c: 2 }), components: onlyJury, tieBreaks: [] })).toEqual([["b", 1], ["a", 2], ["c", 3]]);
  });

  it("numbers shared places as standard competition ranking: 1, 2, 2, 4", () => {
    const r = rankEntries({ entries: jury({ a: 4, c: 3.5, b: 3.5, d: 3 }), components: onlyJury, tieBreaks: [] });
    // b and c share place 2 (listed by id); d has 3 entries above it → place 4
    expect(r.ranked.map((x) => [x.entryId, x.place, x.shared])).toEqual([["a", 1, false], ["b", 2, true], ["c", 2, true], ["d", 4, false]]);
  });

  it("treats totals that differ only by floating-point noise as a tie", () => {
    // 0.1 + 0.2 = 0.30000000000000004 and 0.3 are the same score
    expect(places({ entries: jury({ a: 0.1 + 0.2, b: 0.3 }), components: onlyJury, tieBreaks: [] })).toEqual([["a", 1], ["b", 1]]);
  });

  it("leaves out an entry without a jury score (unranked, with what it lacks)", () => {
    const r = rankEntries({ entries: jury({ a: 3, b: null }), components: onlyJury, tieBreaks: [] });
    expect(r.ranked.map((x) => x.entryId)).toEqual(["a"]);
    expect(r.unranked).toEqual([{ entryId: "b", missingComponents: [JURY_COMPONENT] }]);
  });

  it("combines weighted components, so race points can join the jury score later", () => {
    // total = 1 × jury + 0.1 × race points:
    //   a: 4.0 + 0.1·10 = 5.0; b: 3.0 + 0.1·25 = 5.5; c: 4.5 + 0.1·5 = 5.0; d: no race result → unranked
    const r = rankEntries({
      entries: [
        { entryId: "a", components: { jury: 4, race: 10 } },
        { entryId: "b", components: { jury: 3, race: 25 } },
        { entryId: "c", components: { jury: 4.5, race: 5 } },
        { entryId: "d", components: { jury: 5 } },
      ],
      components: [{ id: "jury", weight: 1 }, { id: "race", weight: 0.1 }],
      tieBreaks: [],
    });
    expect(r.ranked.map((x) => [x.entryId, x.place])).toEqual([["b", 1], ["a", 2], ["c", 2]]);
    expect(r.ranked[0]).toMatchObject({ total: 5.5, components: { jury: 3, race: 25 } });
    expect(r.unranked).toEqual([{ entryId: "d", missingComponents: ["race"] }]);
  });

  it("refuses a set-up that cannot rank", () => {
    expect(() => rankEntries({ entries: [], components: [], tieBreaks: [] })).toThrow(RangeError);
    expect(() => rankEntries({ entries: [], components: [{ id: "jury", weight: 0 }], tieBreaks: [] })).toThrow(RangeError);
    expect(() => rankEntries({ entries: jury({ a: 1 }), components: onlyJury, tieBreaks: [{ kind: "CRITERION", criterionId: "x" }] })).toThrow(RangeError);
    expect(() => rankEntries({ entries: jury({ a: 1 }), components: onlyJury, tieBreaks: [MAJORITY] })).toThrow(RangeError);
    expect(() => rankEntries({ entries: [...jury({ a: 1 }), ...jury({ a: 2 })], components: onlyJury, tieBreaks: [] })).toThrow(RangeError);
  });
});

describe("tie-break (a): a named criterion's aggregate", () => {
  const entries = jury({ a: 4, b: 3.5, c: 3.5, d: 3.5, e: 3 });
  it("orders the tied entries by that criterion, higher first", () => {
    // b, c, d tie on 3.5; "idea" aggregates: b 4, c 4.5, d 3 → c, b, d
    const r = rankEntries({ entries, components: onlyJury, tieBreaks: [{ kind: "CRITERION", criterionId: "idea" }], criterionScores: { idea: { a: 1, b: 4, c: 4.5, d: 3, e: 5 } } });
    expect(r.ranked.map((x) => [x.entryId, x.place])).toEqual([["a", 1], ["c", 2], ["b", 3], ["d", 4], ["e", 5]]);
    expect(r.ranked.find((x) => x.entryId === "c")!.decidedBy).toEqual([{ kind: "CRITERION", criterionId: "idea" }]);
    // a was never tied: nothing decided it but its total
    expect(r.ranked[0]!.decidedBy).toEqual([]);
  });

  it("keeps entries with an equal criterion value tied, then tries the next tie-break", () => {
    // idea: b 4, c 4, d 3 → d last; b and c still tied → "build": b 2, c 5 → c before b
    const r = rankEntries({
      entries,
      components: onlyJury,
      tieBreaks: [{ kind: "CRITERION", criterionId: "idea" }, { kind: "CRITERION", criterionId: "build" }],
      criterionScores: { idea: { b: 4, c: 4, d: 3 }, build: { b: 2, c: 5, d: 5 } },
    });
    expect(r.ranked.map((x) => [x.entryId, x.place])).toEqual([["a", 1], ["c", 2], ["b", 3], ["d", 4], ["e", 5]]);
    expect(r.ranked.find((x) => x.entryId === "b")!.decidedBy).toEqual([{ kind: "CRITERION", criterionId: "idea" }, { kind: "CRITERION", criterionId: "build" }]);
  });

  it("puts an entry without a level for the criterion after those with one", () => {
    const r = places({ entries: jury({ b: 3.5, c: 3.5 }), components: onlyJury, tieBreaks: [{ kind: "CRITERION", criterionId: "idea" }], criterionScores: { idea: { c: 1 } } });
    expect(r).toEqual([["c", 1], ["b", 2]]);
  });
});

describe("tie-break (b): jury majority", () => {
  it("between two tied entries: the one more common jurors scored higher", () => {
    // b and c tie. Jurors who scored both: j1 (b 4 > c 3), j2 (b 4 > c 3.5), j3 (b 2 < c 3), j5 (3 = 3, neither).
    // j4 scored only b: not counted. b 2 – c 1 → b before c.
    const jurorScores = js({ j1: { b: 4, c: 3 }, j2: { b: 4, c: 3.5 }, j3: { b: 2, c: 3 }, j4: { b: 1 }, j5: { b: 3, c: 3 } });
    const r = rankEntries({ entries: jury({ b: 3.5, c: 3.5 }), components: onlyJury, tieBreaks: [MAJORITY], jurorScores });
    expect(r.ranked.map((x) => [x.entryId, x.place, x.decidedBy])).toEqual([["b", 1, [MAJORITY]], ["c", 2, [MAJORITY]]]);
  });

  it("stays a shared place when the count is even or there is no common juror", () => {
    // even: j1 prefers b, j2 prefers c → 1 – 1
    const even = js({ j1: { b: 4, c: 3 }, j2: { b: 2, c: 3 } });
    expect(places({ entries: jury({ b: 3.5, c: 3.5 }), components: onlyJury, tieBreaks: [MAJORITY], jurorScores: even })).toEqual([["b", 1], ["c", 1]]);
    // no common juror: j1 scored only b, j2 only c
    const apart = js({ j1: { b: 5 }, j2: { c: 1 } });
    expect(places({ entries: jury({ b: 3.5, c: 3.5 }), components: onlyJury, tieBreaks: [MAJORITY], jurorScores: apart })).toEqual([["b", 1], ["c", 1]]);
  });

  it("orders a 3-way tie when the head-to-heads form a consistent order (Copeland count)", () => {
    // j1 and j2: a > b > c; j3: c > b > a → a–b 2–1, a–c 2–1, b–c 2–1
    // Copeland within {a, b, c}: a +2, b 0, c −2 → a, b, c; every entry above beat every one below.
    const jurorScores = js({ j1: { a: 5, b: 4, c: 3 }, j2: { a: 4, b: 3, c: 2 }, j3: { a: 2, b: 3, c: 4 } });
    const r = rankEntries({ entries: jury({ z: 5, c: 3, a: 3, b: 3 }), components: onlyJury, tieBreaks: [MAJORITY], jurorScores });
    expect(r.ranked.map((x) => [x.entryId, x.place])).toEqual([["z", 1], ["a", 2], ["b", 3], ["c", 4]]);
  });

  it("leaves a 3-way cycle (a > b > c > a) tied, and the next tie-break decides", () => {
    // j1: a > b > c, j2: b > c > a, j3: c > a > b → a–b 2–1, b–c 2–1, c–a 2–1: Copeland 0, 0, 0
    const jurorScores = js({ j1: { a: 3, b: 2, c: 1 }, j2: { b: 3, c: 2, a: 1 }, j3: { c: 3, a: 2, b: 1 } });
    const cycle = { entries: jury({ a: 2, b: 2, c: 2 }), components: onlyJury, jurorScores };
    expect(places({ ...cycle, tieBreaks: [MAJORITY] })).toEqual([["a", 1], ["b", 1], ["c", 1]]);
    const withCriterion = rankEntries({ ...cycle, tieBreaks: [MAJORITY, { kind: "CRITERION", criterionId: "idea" }], criterionScores: { idea: { a: 3, b: 5, c: 4 } } });
    expect(withCriterion.ranked.map((x) => [x.entryId, x.place, x.decidedBy.map((d) => d.kind)])).toEqual([["b", 1, ["CRITERION"]], ["c", 2, ["CRITERION"]], ["a", 3, ["CRITERION"]]]);
  });

  it("puts the clear winner of a 3-way tie first and keeps the other two sharing", () => {
    // a > b (2–0), a > c (2–0), b = c (1–1): Copeland a +2, b −1, c −1 → a, then b and c share
    const jurorScores = js({ j1: { a: 5, b: 4, c: 3 }, j2: { a: 5, b: 3, c: 4 } });
    expect(places({ entries: jury({ a: 3, b: 3, c: 3 }), components: onlyJury, tieBreaks: [MAJORITY], jurorScores })).toEqual([["a", 1], ["b", 2], ["c", 2]]);
  });

  it("does not apply to a 3-way tie whose split would put an entry above one it did not beat", () => {
    // a > b (1–0), b > c (1–0), a = c (j1 a > c, j2 c > a: 1–1)
    // Copeland a +1, b 0, c −1, but a did not beat c → no majority order: all share
    const jurorScores = js({ j1: { a: 5, b: 4, c: 3 }, j2: { a: 1, c: 2 } });
    expect(places({ entries: jury({ a: 3, b: 3, c: 3 }), components: onlyJury, tieBreaks: [MAJORITY], jurorScores })).toEqual([["a", 1], ["b", 1], ["c", 1]]);
  });
});

describe("tie-break (c): shared place, and running out of tie-breaks", () => {
  it("SHARED ends the tie-breaking: later tie-breaks are never reached", () => {
    const input = { entries: jury({ a: 3, b: 3 }), components: onlyJury, criterionScores: { idea: { a: 1, b: 5 } } };
    expect(places({ ...input, tieBreaks: [SHARED, { kind: "CRITERION", criterionId: "idea" }] })).toEqual([["a", 1], ["b", 1]]);
    expect(places({ ...input, tieBreaks: [{ kind: "CRITERION", criterionId: "idea" }, SHARED] })).toEqual([["b", 1], ["a", 2]]);
  });

  it("entries still tied when the tie-breaks run out share the place, and the next place skips", () => {
    // idea: a 4, b 4 (tied), c 2 → a and b share 1, c is 3, d (lower total) is 4
    const r = rankEntries({ entries: jury({ a: 3, b: 3, c: 3, d: 1 }), components: onlyJury, tieBreaks: [{ kind: "CRITERION", criterionId: "idea" }], criterionScores: { idea: { a: 4, b: 4, c: 2 } } });
    expect(r.ranked.map((x) => [x.entryId, x.place, x.shared])).toEqual([["a", 1, true], ["b", 1, true], ["c", 3, false], ["d", 4, false]]);
  });
});

describe("ranking a category on its jury score (rankByJury)", () => {
  it("ranks from the sheets, with criterion and majority tie-breaks from the same data", () => {
    const criteria = [
      { id: "idea", weight: 1, counted: true, minLevel: 1, maxLevel: 5 },
      { id: "build", weight: 1, counted: true, minLevel: 1, maxLevel: 5 },
    ];
    const s = (jurorId: string, entryId: string, idea: number, build: number): ScoreSheet => ({ jurorId, entryId, status: "SUBMITTED", levels: { idea, build } });
    // entry scores (idea + build) / 2:
    //   e1: j1 (4+4)/2 = 4, j2 (3+3)/2 = 3 → mean 3.5;  e2: j1 (5+2)/2 = 3.5, j2 (4+3)/2 = 3.5 → mean 3.5
    //   e3: j1 (1+1)/2 = 1 → 1;  e4: no sheet → unranked
    // e1 and e2 tie; idea: e1 (4+3)/2 = 3.5, e2 (5+4)/2 = 4.5 → e2 first by criterion.
    // By majority instead: j1 e1 4 > e2 3.5, j2 e1 3 < e2 3.5 → 1–1: still tied → shared.
    const sheets = [s("j1", "e1", 4, 4), s("j2", "e1", 3, 3), s("j1", "e2", 5, 2), s("j2", "e2", 4, 3), s("j1", "e3", 1, 1)];
    const scores = computeJuryScores(criteria, sheets, { aggregation: "MEAN", normalize: false });
    const byIdea = rankByJury(["e1", "e2", "e3", "e4"], scores, [{ kind: "CRITERION", criterionId: "idea" }]);
    expect(byIdea.ranked.map((x) => [x.entryId, x.place])).toEqual([["e2", 1], ["e1", 2], ["e3", 3]]);
    expect(byIdea.unranked).toEqual([{ entryId: "e4", missingComponents: [JURY_COMPONENT] }]);
    const byMajority = rankByJury(["e1", "e2", "e3", "e4"], scores, [MAJORITY]);
    expect(byMajority.ranked.map((x) => [x.entryId, x.place])).toEqual([["e1", 1], ["e2", 1], ["e3", 3]]);
  });
});

describe("ranking properties over random categories (fixed seed)", () => {
  /** A small seeded generator for the random categories (linear congruential; only the test uses it). */
  function testRandom(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const shuffle = <T,>(list: readonly T[], random: () => number): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };

  it("never lets a tie-break overrule the total, numbers places 1 + (entries above), and ignores input order", () => {
    const random = testRandom(17);
    const kinds: TieBreak[] = [{ kind: "CRITERION", criterionId: "idea" }, MAJORITY, SHARED];
    for (let k = 0; k < 300; k++) {
      const entryIds = Array.from({ length: 2 + Math.floor(random() * 8) }, (_, i) => `e${i}`);
      const jurorScores: JurorEntryScore[] = [];
      for (const jurorId of ["j1", "j2", "j3", "j4"]) {
        for (const entryId of entryIds) if (random() < 0.8) jurorScores.push({ jurorId, entryId, score: 1 + Math.floor(random() * 3) });
      }
      // few distinct totals, so many ties
      const entries = entryIds.map((entryId) => ({ entryId, components: { jury: 1 + Math.floor(random() * 3) / 2 } }));
      const idea: Record<string, number> = {};
      for (const e of entryIds) if (random() < 0.9) idea[e] = 1 + Math.floor(random() * 3);
      const tieBreaks = shuffle(kinds, random).slice(0, Math.floor(random() * 4));
      const input: RankingInput = { entries, components: onlyJury, tieBreaks, criterionScores: { idea }, jurorScores };
      const r = rankEntries(input);
      const context = `category ${k}`;
      expect(r.ranked).toHaveLength(entryIds.length);
      for (const x of r.ranked) {
        expect(x.place, context).toBe(1 + r.ranked.filter((y) => y.place < x.place).length);
        for (const y of r.ranked) {
          if (x.total > y.total) expect(x.place, context).toBeLessThan(y.place);
          if (x.place === y.place) expect(x.total, context).toBe(y.total);
        }
      }
      const again = rankEntries({ ...input, entries: shuffle(entries, random), jurorScores: shuffle(jurorScores, random) });
      expect(again, context).toEqual(r);
    }
  });
});
