// Judging rule 6: automatic balanced assignment, whole-panel mode and the coverage summary.
// Besides hand-made cases, a property-style loop runs many random panels (fixed seed) and checks
// every promise, with a small max-flow written here as an independent judge of "as balanced as
// the conflicts allow".
import { describe, expect, it } from "vitest";
import { assignBalanced, assignWholePanel, coverageSummary, type AssignmentPair, type AssignmentResult, type BalancedInput } from "~/modules/judging/rules";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const pairs = (r: AssignmentResult) => r.assignments.map((a) => `${a.jurorId}/${a.entryId}`);
const jurorsOf = (r: AssignmentResult, entryId: string) => r.assignments.filter((a) => a.entryId === entryId).map((a) => a.jurorId);
const loadOf = (r: AssignmentResult, jurorId: string) => r.coverage.loads.find((l) => l.jurorId === jurorId)!.load;

/** A small seeded generator for the random panels (linear congruential; only the test uses it). */
function testRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Independent judge: can every entry get its jurors (N minus its manual ones, or all unconflicted
 * ones when there are too few) with every juror's load in [lo, hi]? A flow with lower bounds
 * (source → entry: exactly its slots; entry → unconflicted juror not already on it: 1; juror → sink:
 * between lo and hi minus the juror's manual load), solved with augmenting paths.
 */
function feasible(input: BalancedInput, lo: number, hi: number): boolean {
  const key = (j: string, e: string) => `${j}\u0000${e}`;
  const conflicted = new Set(input.conflicts.map((c) => key(c.jurorId, c.entryId)));
  const manual = new Set(input.existing.filter((a) => !conflicted.has(key(a.jurorId, a.entryId))).map((a) => key(a.jurorId, a.entryId)));
  const E = input.entryIds.length;
  const J = input.jurorIds.length;
  // nodes: 0 source, 1 sink, entries 2.., jurors 2+E.., super source, super sink
  const S = 0, T = 1, SS = 2 + E + J, TT = SS + 1, size = TT + 1;
  const cap = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const excess = new Array<number>(size).fill(0);
  const edge = (u: number, v: number, low: number, high: number) => {
    cap[u]![v]! += high - low;
    excess[v]! += low;
    excess[u]! -= low;
  };
  input.entryIds.forEach((e, i) => {
    const eligible = input.jurorIds.filter((j) => !conflicted.has(key(j, e)) && !manual.has(key(j, e)));
    const manualCount = input.jurorIds.filter((j) => manual.has(key(j, e))).length;
    const slots = Math.min(eligible.length, Math.max(0, input.minJurorsPerEntry - manualCount));
    edge(S, 2 + i, slots, slots);
    input.jurorIds.forEach((j, k) => {
      if (eligible.includes(j)) edge(2 + i, 2 + E + k, 0, 1);
    });
  });
  for (const [k, j] of input.jurorIds.entries()) {
    const m = input.entryIds.filter((e) => manual.has(key(j, e))).length;
    if (hi - m < 0) return false;
    edge(2 + E + k, T, Math.max(0, lo - m), hi - m);
  }
  edge(T, S, 0, 1e9);
  let need = 0;
  for (let v = 0; v < SS; v++) {
    if (excess[v]! > 0) {
      cap[SS]![v] = excess[v]!;
      need += excess[v]!;
    } else if (excess[v]! < 0) cap[v]![TT] = -excess[v]!;
  }
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(size).fill(-1);
    prev[SS] = SS;
    const queue = [SS];
    while (queue.length > 0 && prev[TT] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < size; v++) {
        if (prev[v] === -1 && cap[u]![v]! > 0) {
          prev[v] = u;
          queue.push(v);
        }
      }
    }
    if (prev[TT] === -1) break;
    let push = Infinity;
    for (let v = TT; v !== SS; v = prev[v]!) push = Math.min(push, cap[prev[v]!]![v]!);
    for (let v = TT; v !== SS; v = prev[v]!) {
      cap[prev[v]!]![v]! -= push;
      cap[v]![prev[v]!]! += push;
    }
    flow += push;
  }
  return flow === need;
}

/** The smallest spread (max − min load) any valid assignment of this panel can have. */
function bestSpread(input: BalancedInput, maxLoad: number): number {
  for (let spread = 0; spread <= maxLoad; spread++) {
    for (let lo = 0; lo + spread <= maxLoad; lo++) if (feasible(input, lo, lo + spread)) return spread;
  }
  return maxLoad;
}

/** A random panel: "light" ones are like real categories, "heavy" ones small with many conflicts and manual assignments. */
function randomPanel(random: () => number, k: number, heavy: boolean): BalancedInput {
  const jurorIds = ids("j", 2 + Math.floor(random() * (heavy ? 6 : 9)));
  const entryIds = ids("e", 1 + Math.floor(random() * (heavy ? 10 : 24)));
  const conflictRate = random() < 0.3 ? 0 : random() * (heavy ? 0.6 : 0.35);
  const manualRate = random() < 0.5 ? 0 : random() * (heavy ? 0.3 : 0.15);
  const conflicts: AssignmentPair[] = [];
  const existing: AssignmentPair[] = [];
  for (const jurorId of jurorIds) {
    for (const entryId of entryIds) {
      const x = random();
      if (x < conflictRate) conflicts.push({ jurorId, entryId });
      // a few manual assignments land on a conflict: they must be dropped, not kept
      if (x > 1 - manualRate || (x < conflictRate && random() < 0.05)) existing.push({ jurorId, entryId });
    }
  }
  return { jurorIds, entryIds, minJurorsPerEntry: 1 + Math.floor(random() * 4), conflicts, existing, seed: `panel-${k}` };
}

describe("automatic, balanced assignment (rule 6a)", () => {
  it("gives every entry N jurors and spreads the load evenly (max − min ≤ 1)", () => {
    // 7 entries × N = 3 = 21 assignments over 5 jurors → loads 4 or 5 (21 = 5·4 + 1)
    const r = assignBalanced({ entryIds: ids("e", 7), jurorIds: ids("j", 5), minJurorsPerEntry: 3, conflicts: [], existing: [], seed: "x" });
    expect(r.coverage.perEntry.every((p) => p.jurors === 3)).toBe(true);
    expect(r.coverage.loads.map((l) => l.load).sort()).toEqual([4, 4, 4, 4, 5]);
    expect(r.shortfalls).toEqual([]);
    expect(r.assignments.every((a) => !a.manual)).toBe(true);
  });

  it("never assigns a conflicted juror", () => {
    // j1 has a conflict with e1 and e2; j2 with e1
    const conflicts = [{ jurorId: "j1", entryId: "e1" }, { jurorId: "j1", entryId: "e2" }, { jurorId: "j2", entryId: "e1" }];
    const r = assignBalanced({ entryIds: ids("e", 4), jurorIds: ids("j", 4), minJurorsPerEntry: 2, conflicts, existing: [], seed: "c" });
    expect(jurorsOf(r, "e1")).toEqual(["j3", "j4"]);
    expect(jurorsOf(r, "e2")).not.toContain("j1");
    // 8 assignments over 4 jurors: each 2
    expect(r.coverage.loads.map((l) => l.load)).toEqual([2, 2, 2, 2]);
  });

  it("reports an entry that conflicts keep under N, and gives it every unconflicted juror", () => {
    // N = 3, 3 jurors; j1 and j2 both have a conflict with e2 → e2 can only get j3
    const r = assignBalanced({
      entryIds: ["e1", "e2"],
      jurorIds: ids("j", 3),
      minJurorsPerEntry: 3,
      conflicts: [{ jurorId: "j1", entryId: "e2" }, { jurorId: "j2", entryId: "e2" }],
      existing: [],
      seed: "s",
    });
    expect(jurorsOf(r, "e2")).toEqual(["j3"]);
    expect(r.shortfalls).toEqual([{ entryId: "e2", assigned: 1, needed: 3, unconflictedJurors: 1, reason: "TOO_FEW_UNCONFLICTED_JURORS" }]);
    expect(r.coverage.entriesUnderN).toEqual([{ entryId: "e2", jurors: 1, missing: 2 }]);
  });

  it("keeps manual assignments, counts them in the load, and drops a manual one that has a conflict", () => {
    // j1 already has e1, e2, e3 by hand; 4 entries × N = 2 = 8 assignments, 4 jurors → 2 each,
    // but j1 starts at 3: the others share the remaining 5 (2, 2, 1) and j1 gets nothing more.
    const existing = [{ jurorId: "j1", entryId: "e1" }, { jurorId: "j1", entryId: "e2" }, { jurorId: "j1", entryId: "e3" }, { jurorId: "j2", entryId: "e4" }];
    const conflicts = [{ jurorId: "j2", entryId: "e4" }];
    const r = assignBalanced({ entryIds: ids("e", 4), jurorIds: ids("j", 4), minJurorsPerEntry: 2, conflicts, existing, seed: "m" });
    for (const e of ["e1", "e2", "e3"]) expect(r.assignments).toContainEqual({ jurorId: "j1", entryId: e, manual: true });
    expect(r.droppedManual).toEqual([{ jurorId: "j2", entryId: "e4", reason: "CONFLICT" }]);
    expect(jurorsOf(r, "e4")).not.toContain("j2");
    expect(loadOf(r, "j1")).toBe(3);
    expect(r.coverage.loads.map((l) => l.load).sort()).toEqual([1, 2, 2, 3]);
    // an entry that already has N manual jurors gets no more
    const full = assignBalanced({ entryIds: ["e1"], jurorIds: ids("j", 3), minJurorsPerEntry: 1, conflicts: [], existing: [{ jurorId: "j3", entryId: "e1" }], seed: "m" });
    expect(pairs(full)).toEqual(["j3/e1"]);
  });

  it("is the same for the same seed (whatever the input order) and differs for another seed", () => {
    const input: BalancedInput = { entryIds: ids("e", 12), jurorIds: ids("j", 6), minJurorsPerEntry: 2, conflicts: [{ jurorId: "j2", entryId: "e5" }], existing: [], seed: "2026" };
    const a = assignBalanced(input);
    expect(assignBalanced(input)).toEqual(a);
    expect(assignBalanced({ ...input, entryIds: [...input.entryIds].reverse(), jurorIds: [...input.jurorIds].reverse() }).assignments).toEqual(
      // the same pairs; listed in the entries' input order
      [...a.assignments].sort((x, y) => input.entryIds.indexOf(y.entryId) - input.entryIds.indexOf(x.entryId) || (x.jurorId < y.jurorId ? -1 : 1)),
    );
    const others = ["2027", "2028", "2029"].map((seed) => pairs(assignBalanced({ ...input, seed })).join());
    expect(others.some((o) => o !== pairs(a).join())).toBe(true);
  });

  it("refuses ids listed twice, a bad N, and manual assignments outside the panel", () => {
    const base: BalancedInput = { entryIds: ["e1"], jurorIds: ["j1"], minJurorsPerEntry: 1, conflicts: [], existing: [], seed: "x" };
    expect(() => assignBalanced({ ...base, entryIds: ["e1", "e1"] })).toThrow(RangeError);
    expect(() => assignBalanced({ ...base, minJurorsPerEntry: 1.5 })).toThrow(RangeError);
    expect(() => assignBalanced({ ...base, existing: [{ jurorId: "j9", entryId: "e1" }] })).toThrow(RangeError);
  });

  it("moves work along a chain when the first choice turns out wrong (repair)", () => {
    // Jurors X, Y, Z, W; N = 1. Manual loads: Y 1 (entry my), Z 2 (mz1, mz2), W 3 (mw1–mw3).
    // Conflicts: Y with f1, f2; Z and W with g. So g may go to X or Y; f1 and f2 to X, Z or W.
    // The greedy pass takes g first (2 eligible jurors, less room than f1/f2 with 3) and gives it
    // to the least loaded, X (0 < Y's 1); then f1 → X (1 < 2 < 3), f2 → X or Z (both 2):
    // loads X 3, Y 1, Z 2, W 3 or X 2, Y 1, Z 3, W 3 — a spread of 2.
    // Repair: Y takes g from X (and if needed X takes f2 back from Z) → X 2, Y 2, Z 2, W 3.
    const manual = (jurorId: string, entryIds: string[]) => entryIds.map((entryId) => ({ jurorId, entryId }));
    const r = assignBalanced({
      entryIds: ["g", "f1", "f2", "my", "mz1", "mz2", "mw1", "mw2", "mw3"],
      jurorIds: ["X", "Y", "Z", "W"],
      minJurorsPerEntry: 1,
      conflicts: [...manual("Y", ["f1", "f2"]), ...manual("Z", ["g"]), ...manual("W", ["g"])],
      existing: [...manual("Y", ["my"]), ...manual("Z", ["mz1", "mz2"]), ...manual("W", ["mw1", "mw2", "mw3"])],
      seed: "repair",
    });
    expect(r.assignments.filter((a) => !a.manual)).toEqual([
      { jurorId: "Y", entryId: "g", manual: false },
      { jurorId: "X", entryId: "f1", manual: false },
      { jurorId: "X", entryId: "f2", manual: false },
    ]);
    expect(r.coverage.loads).toEqual([{ jurorId: "X", load: 2 }, { jurorId: "Y", load: 2 }, { jurorId: "Z", load: 2 }, { jurorId: "W", load: 3 }]);
  });

  it("keeps every promise over 1,300 random panels (fixed seed), as balanced as the conflicts allow", () => {
    const random = testRandom(20261207);
    let checkedBalance = 0;
    let beyondOne = 0;
    for (let k = 0; k < 1300; k++) {
      const input = randomPanel(random, k, k >= 300);
      const r = assignBalanced(input);
      const key = (a: AssignmentPair) => `${a.jurorId}/${a.entryId}`;
      const conflicted = new Set(input.conflicts.map(key));
      const got = new Set(r.assignments.map(key));
      const context = `panel ${k}`;
      // no pair twice, no conflicted pair
      expect(got.size, context).toBe(r.assignments.length);
      expect(r.assignments.filter((a) => conflicted.has(key(a))), context).toEqual([]);
      // manual assignments kept unless conflicted; conflicted ones reported
      for (const m of input.existing) {
        if (conflicted.has(key(m))) expect(r.droppedManual, context).toContainEqual({ ...m, reason: "CONFLICT" });
        else expect(r.assignments, context).toContainEqual({ ...m, manual: true });
      }
      // N per entry, or every unconflicted juror and a shortfall report
      for (const e of input.entryIds) {
        const unconflicted = input.jurorIds.filter((j) => !conflicted.has(`${j}/${e}`)).length;
        const has = r.assignments.filter((a) => a.entryId === e);
        const manual = has.filter((a) => a.manual).length;
        expect(has.length, `${context} ${e}`).toBe(Math.max(manual, Math.min(input.minJurorsPerEntry, unconflicted)));
        const short = r.shortfalls.find((s) => s.entryId === e);
        if (has.length < input.minJurorsPerEntry) expect(short, context).toEqual({ entryId: e, assigned: has.length, needed: input.minJurorsPerEntry, unconflictedJurors: unconflicted, reason: "TOO_FEW_UNCONFLICTED_JURORS" });
        else expect(short, context).toBeUndefined();
      }
      // balance: the spread is the smallest any valid assignment has (the independent flow says so),
      // which is ≤ 1 whenever conflicts and manual assignments allow it
      const spread = r.coverage.maxLoad - r.coverage.minLoad;
      if (spread > 1) {
        expect(spread, context).toBe(bestSpread(input, r.coverage.maxLoad));
        beyondOne++;
      }
      if (feasible(input, r.coverage.minLoad, r.coverage.minLoad + 1) || (input.conflicts.length === 0 && input.existing.length === 0)) {
        expect(spread, context).toBeLessThanOrEqual(1);
        checkedBalance++;
      }
    }
    // the loop really checked both promises: within 1 where possible, the least spread otherwise
    expect(checkedBalance).toBeGreaterThan(1000);
    expect(beyondOne).toBeGreaterThan(20);
  });
});

describe("whole-panel mode (rule 6b)", () => {
  it("assigns every unconflicted juror to every entry, keeps manual ones marked as manual", () => {
    const r = assignWholePanel({
      entryIds: ["e1", "e2"],
      jurorIds: ["j1", "j2", "j3"],
      minJurorsPerEntry: 3,
      conflicts: [{ jurorId: "j2", entryId: "e2" }],
      existing: [{ jurorId: "j1", entryId: "e1" }, { jurorId: "j2", entryId: "e2" }],
    });
    expect(r.assignments).toEqual([
      { jurorId: "j1", entryId: "e1", manual: true },
      { jurorId: "j2", entryId: "e1", manual: false },
      { jurorId: "j3", entryId: "e1", manual: false },
      { jurorId: "j1", entryId: "e2", manual: false },
      { jurorId: "j3", entryId: "e2", manual: false },
    ]);
    expect(r.droppedManual).toEqual([{ jurorId: "j2", entryId: "e2", reason: "CONFLICT" }]);
    expect(r.shortfalls).toEqual([{ entryId: "e2", assigned: 2, needed: 3, unconflictedJurors: 2, reason: "TOO_FEW_UNCONFLICTED_JURORS" }]);
  });
});

describe("coverage summary (rule 6c)", () => {
  it("counts jurors per entry, entries under N, each juror's load and the lowest and highest load", () => {
    const c = coverageSummary({
      entryIds: ["e1", "e2", "e3"],
      jurorIds: ["j1", "j2", "j3"],
      minJurorsPerEntry: 2,
      assignments: [
        { jurorId: "j1", entryId: "e1" },
        { jurorId: "j2", entryId: "e1" },
        { jurorId: "j1", entryId: "e2" },
        { jurorId: "j1", entryId: "e1" }, // listed twice: counts once
      ],
    });
    expect(c).toEqual({
      perEntry: [{ entryId: "e1", jurors: 2 }, { entryId: "e2", jurors: 1 }, { entryId: "e3", jurors: 0 }],
      entriesUnderN: [{ entryId: "e2", jurors: 1, missing: 1 }, { entryId: "e3", jurors: 0, missing: 2 }],
      loads: [{ jurorId: "j1", load: 2 }, { jurorId: "j2", load: 1 }, { jurorId: "j3", load: 0 }],
      minLoad: 0,
      maxLoad: 2,
    });
  });
});
