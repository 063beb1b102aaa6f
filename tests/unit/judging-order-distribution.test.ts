// Judging rules 7 and 8: each juror's own fixed random order of entries, and the distribution of
// entry scores per juror beside the panel's.
import { describe, expect, it } from "vitest";
import { reviewOrder, scoreDistribution, histogramBins } from "~/modules/judging/rules";
import { hash53, seededKey } from "~/modules/judging/rules/seeded";

const entries = Array.from({ length: 12 }, (_, i) => `entry-${i + 1}`);

describe("review order per juror (rule 7)", () => {
  it("is a permutation of the juror's entries", () => {
    const order = reviewOrder("juror-a", "edition-2026", entries);
    expect([...order].sort()).toEqual([...entries].sort());
    expect(reviewOrder("juror-a", "edition-2026", [...entries, "entry-1"])).toEqual(order);
  });

  it("is stable for a juror: the same on every call, whatever order the entries come in", () => {
    const order = reviewOrder("juror-a", "edition-2026", entries);
    expect(reviewOrder("juror-a", "edition-2026", entries)).toEqual(order);
    expect(reviewOrder("juror-a", "edition-2026", [...entries].reverse())).toEqual(order);
    // the order really is shuffled, not the input or sorted order
    expect(order).not.toEqual(entries);
    expect(order).not.toEqual([...entries].sort());
  });

  it("keeps the others' relative order when an entry is added or taken off", () => {
    const order = reviewOrder("juror-a", "edition-2026", entries);
    const more = reviewOrder("juror-a", "edition-2026", [...entries, "entry-13"]);
    expect(more.filter((e) => e !== "entry-13")).toEqual(order);
    const fewer = reviewOrder("juror-a", "edition-2026", entries.filter((e) => e !== order[3]));
    expect(fewer).toEqual(order.filter((e) => e !== order[3]));
  });

  it("differs between jurors, and for the same juror in another edition", () => {
    const jurors = Array.from({ length: 20 }, (_, i) => `juror-${i}`);
    const orders = jurors.map((j) => reviewOrder(j, "edition-2026", entries).join());
    // 20 jurors, 12! possible orders: all different
    expect(new Set(orders).size).toBe(20);
    // the entry scored first varies: no single entry leads for more than a quarter of the jurors
    const firsts = new Map<string, number>();
    for (const j of jurors) {
      const first = reviewOrder(j, "edition-2026", entries)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(Math.max(...firsts.values())).toBeLessThanOrEqual(5);
    expect(reviewOrder("juror-0", "edition-2027", entries)).not.toEqual(reviewOrder("juror-0", "edition-2026", entries));
  });

  it("does not mix up juror and edition ids (the parts are kept apart)", () => {
    // edition "a" + juror "bc" and edition "ab" + juror "c" would both read "abc" if simply glued
    expect(reviewOrder("bc", "a", entries)).not.toEqual(reviewOrder("c", "ab", entries));
    expect(seededKey("a", "bc")).not.toBe(seededKey("ab", "c"));
    expect(Number.isSafeInteger(hash53("x"))).toBe(true);
  });
});

describe("score distribution (rule 8)", () => {
  // J1 scored [1, 2, 2.5, 4], J2 [3, 5]; levels 1–5, bins of 0.5:
  // [1,1.5) [1.5,2) [2,2.5) [2.5,3) [3,3.5) [3.5,4) [4,4.5) [4.5,5]
  // J1: 1 → bin 0, 2 → bin 2, 2.5 → bin 3, 4 → bin 6; J2: 3 → bin 4, 5 → bin 7 (the last bin includes 5)
  // J1 sorted 1, 2, 2.5, 4: mean 9.5/4 = 2.375; q1 at 0.75 → 1.75; median at 1.5 → 2.25; q3 at 2.25 → 2.5 + 0.25·1.5 = 2.875
  // σ₁ = √(((1 − 2.375)² + (2 − 2.375)² + (2.5 − 2.375)² + (4 − 2.375)²) / 4) = √((1.890625 + 0.140625 + 0.015625 + 2.640625) / 4) = √1.171875
  // panel: 6 scores, Σ = 17.5 → mean 17.5/6 ≈ 2.9167; J1's mean difference 2.375 − 2.9167 ≈ −0.5417
  const scores = [
    ...[1, 2, 2.5, 4].map((score, i) => ({ jurorId: "J1", entryId: `e${i}`, score })),
    ...[3, 5].map((score, i) => ({ jurorId: "J2", entryId: `e${i}`, score })),
  ];
  const d = scoreDistribution(scores, { minLevel: 1, maxLevel: 5 });

  it("gives every juror the same bins, with their counts", () => {
    expect(histogramBins({ minLevel: 1, maxLevel: 5 })).toHaveLength(8);
    expect(d.jurors[0]!.histogram.map((b) => b.count)).toEqual([1, 0, 1, 1, 0, 0, 1, 0]);
    expect(d.jurors[1]!.histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 1, 0, 0, 1]);
    expect(d.panel.histogram.map((b) => b.count)).toEqual([1, 0, 1, 1, 1, 0, 1, 1]);
    expect(d.panel.histogram[7]).toEqual({ from: 4.5, to: 5, count: 1 });
  });

  it("gives the numbers for a table: count, mean, σ, min, quartiles, max, difference to the panel", () => {
    const j1 = d.jurors[0]!;
    expect(j1).toMatchObject({ jurorId: "J1", count: 4, mean: 2.375, min: 1, q1: 1.75, median: 2.25, q3: 2.875, max: 4 });
    expect(j1.sd).toBeCloseTo(Math.sqrt(1.171875), 12);
    expect(j1.meanDifference).toBeCloseTo(2.375 - 17.5 / 6, 12);
    expect(d.panel).toMatchObject({ count: 6, min: 1, max: 5, median: 2.75 }); // (2.5 + 3) / 2
    expect(d.panel.mean).toBeCloseTo(17.5 / 6, 12);
  });

  it("counts a score outside the levels in an end bin, and an empty panel as nulls", () => {
    const outside = scoreDistribution([{ jurorId: "J", entryId: "e", score: 5.4 }, { jurorId: "J", entryId: "f", score: 0.7 }], { minLevel: 1, maxLevel: 5, binWidth: 1 });
    expect(outside.panel.histogram.map((b) => b.count)).toEqual([1, 0, 0, 1]);
    const empty = scoreDistribution([], { minLevel: 1, maxLevel: 5 });
    expect(empty).toEqual({ panel: expect.objectContaining({ count: 0, mean: null, median: null, sd: null }), jurors: [] });
    expect(() => histogramBins({ minLevel: 1, maxLevel: 5, binWidth: 0 })).toThrow(RangeError);
  });
});
