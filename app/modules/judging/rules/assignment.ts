// Rule 6 — which juror scores which entry, for ONE panel (the jurors and entries of one category,
// or of the edition when it has no categories). Call it once per panel.
//
// Automatic, balanced (assignBalanced):
//  - every entry gets at least N jurors: its kept manual assignments count, and it gets exactly
//    N − (manual ones) more (none when it already has N);
//  - a conflicted juror is never assigned. A manual assignment that has a conflict is not kept:
//    it is listed in `droppedManual` so the board can see it and the caller removes it (the
//    product's rule is that a juror never scores an entry with a conflict);
//  - the other manual assignments are kept and count in the juror's load;
//  - load is spread evenly: the most and least loaded juror differ by at most 1 whenever the
//    conflicts and manual assignments allow it; otherwise the spread is the smallest possible
//    (the loads minimize Σ load², which for this kind of problem also minimizes the highest
//    load and maximizes the lowest);
//  - an entry with fewer than N unconflicted jurors gets all of them and is reported in
//    `shortfalls` (TOO_FEW_UNCONFLICTED_JURORS, with how many there are);
//  - the result depends only on the input and the seed: equal choices are settled by seeded keys
//    (seeded.ts), never by Math.random or the clock. The input order of ids does not matter.
// How: first a greedy pass (entries with the least room first, each slot to the least loaded
// unconflicted juror), then repair: while some juror A has a load at least 2 below some juror B
// and a chain of moves exists (A takes an entry from J1, J1 takes one from J2, …, from B), apply
// it. Each repair lowers Σ load², so it ends; when no chain exists the loads are optimal.
//
// Whole panel (assignWholePanel): every unconflicted juror of the panel scores every entry of it.
//
// Coverage (coverageSummary): per entry its number of jurors and the entries under N, per juror
// the load, and the lowest and highest load.
import { seededKey, seededOrder } from "./seeded";

export type AssignmentPair = { jurorId: string; entryId: string };
export type Assignment = AssignmentPair & { manual: boolean };

export type Shortfall = {
  entryId: string;
  /** Jurors the entry has (manual and automatic). */
  assigned: number;
  needed: number;
  /** Jurors of the panel without a conflict with this entry. */
  unconflictedJurors: number;
  reason: "TOO_FEW_UNCONFLICTED_JURORS";
};

export type CoverageSummary = {
  perEntry: { entryId: string; jurors: number }[];
  entriesUnderN: { entryId: string; jurors: number; missing: number }[];
  loads: { jurorId: string; load: number }[];
  minLoad: number;
  maxLoad: number;
};

export type AssignmentResult = {
  /** Sorted by entry (input order), then juror id. */
  assignments: Assignment[];
  shortfalls: Shortfall[];
  droppedManual: (AssignmentPair & { reason: "CONFLICT" })[];
  coverage: CoverageSummary;
};

export type PanelInput = {
  entryIds: readonly string[];
  jurorIds: readonly string[];
  /** N: the least number of jurors per entry. */
  minJurorsPerEntry: number;
  /** Pairs that may not be assigned (findConflicts() output fits; pairs outside the panel are ignored). */
  conflicts: readonly AssignmentPair[];
  /** Manual assignments made earlier (kept unless conflicted). */
  existing: readonly AssignmentPair[];
};

export type BalancedInput = PanelInput & { seed: string };

const pairKey = (jurorId: string, entryId: string) => `${jurorId}\u0000${entryId}`;

type Panel = {
  entries: string[];
  jurors: string[];
  conflicted: Set<string>;
  manual: Map<string, Set<string>>;
  droppedManual: AssignmentResult["droppedManual"];
};

function preparePanel(input: PanelInput): Panel {
  if (!Number.isInteger(input.minJurorsPerEntry) || input.minJurorsPerEntry < 0) {
    throw new RangeError(`N must be a whole number ≥ 0, got ${input.minJurorsPerEntry}`);
  }
  const entries = uniqueIds(input.entryIds, "entry");
  const jurors = uniqueIds(input.jurorIds, "juror");
  const entrySet = new Set(entries);
  const jurorSet = new Set(jurors);
  const conflicted = new Set(input.conflicts.map((c) => pairKey(c.jurorId, c.entryId)));
  const manual = new Map<string, Set<string>>(entries.map((e) => [e, new Set<string>()]));
  const droppedManual: Panel["droppedManual"] = [];
  for (const a of input.existing) {
    if (!entrySet.has(a.entryId) || !jurorSet.has(a.jurorId)) {
      throw new RangeError(`manual assignment outside the panel: juror ${a.jurorId}, entry ${a.entryId}`);
    }
    if (conflicted.has(pairKey(a.jurorId, a.entryId))) {
      if (!droppedManual.some((d) => d.jurorId === a.jurorId && d.entryId === a.entryId)) droppedManual.push({ jurorId: a.jurorId, entryId: a.entryId, reason: "CONFLICT" });
      continue;
    }
    manual.get(a.entryId)!.add(a.jurorId);
  }
  return { entries, jurors, conflicted, manual, droppedManual };
}

function uniqueIds(ids: readonly string[], what: string): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`${what} listed twice: ${id}`);
    seen.add(id);
  }
  return [...ids];
}

function finish(panel: Panel, onEntry: Map<string, Set<string>>, n: number): AssignmentResult {
  const assignments: Assignment[] = [];
  for (const entryId of panel.entries) {
    const manual = panel.manual.get(entryId)!;
    for (const jurorId of [...onEntry.get(entryId)!].sort()) assignments.push({ jurorId, entryId, manual: manual.has(jurorId) });
  }
  const shortfalls: Shortfall[] = [];
  for (const entryId of panel.entries) {
    const assigned = onEntry.get(entryId)!.size;
    if (assigned >= n) continue;
    const unconflictedJurors = panel.jurors.filter((j) => !panel.conflicted.has(pairKey(j, entryId))).length;
    shortfalls.push({ entryId, assigned, needed: n, unconflictedJurors, reason: "TOO_FEW_UNCONFLICTED_JURORS" });
  }
  const coverage = coverageSummary({ entryIds: panel.entries, jurorIds: panel.jurors, assignments, minJurorsPerEntry: n });
  return { assignments, shortfalls, droppedManual: panel.droppedManual, coverage };
}

/** Automatic, balanced assignment of one panel (see the rule above). */
export function assignBalanced(input: BalancedInput): AssignmentResult {
  const panel = preparePanel(input);
  const n = input.minJurorsPerEntry;
  const onEntry = new Map<string, Set<string>>(panel.entries.map((e) => [e, new Set(panel.manual.get(e))]));
  const load = new Map<string, number>(panel.jurors.map((j) => [j, 0]));
  for (const jurors of panel.manual.values()) for (const j of jurors) load.set(j, load.get(j)! + 1);

  const eligible = new Map<string, string[]>();
  for (const e of panel.entries) {
    eligible.set(e, panel.jurors.filter((j) => !panel.conflicted.has(pairKey(j, e)) && !panel.manual.get(e)!.has(j)));
  }
  const need = (e: string) => Math.max(0, n - panel.manual.get(e)!.size);

  // Greedy: entries with the least room (eligible jurors − slots to fill) first.
  const entryOrder = seededOrder(panel.entries, "assign-entries", input.seed);
  const rank = new Map(entryOrder.map((e, i) => [e, i]));
  entryOrder.sort((a, b) => eligible.get(a)!.length - need(a) - (eligible.get(b)!.length - need(b)) || rank.get(a)! - rank.get(b)!);
  for (const e of entryOrder) {
    const candidates = [...eligible.get(e)!];
    const key = new Map(candidates.map((j) => [j, seededKey("assign-pick", input.seed, e, j)]));
    for (let slot = 0; slot < need(e) && candidates.length > 0; slot++) {
      candidates.sort((a, b) => load.get(a)! - load.get(b)! || key.get(a)! - key.get(b)!);
      const j = candidates.shift()!;
      onEntry.get(e)!.add(j);
      load.set(j, load.get(j)! + 1);
    }
  }

  // Repair: move work along chains from a heavier juror to one at least 2 lighter.
  const jurorOrder = seededOrder(panel.jurors, "assign-jurors", input.seed);
  for (;;) {
    let moved = false;
    const byLoad = [...jurorOrder].sort((a, b) => load.get(a)! - load.get(b)!);
    const maxLoad = Math.max(0, ...load.values());
    for (const low of byLoad) {
      if (load.get(low)! > maxLoad - 2) break;
      const path = findChain(low, load, panel, onEntry, entryOrder, jurorOrder);
      if (!path) continue;
      for (const { from, to, entryId } of path) {
        onEntry.get(entryId)!.delete(from);
        onEntry.get(entryId)!.add(to);
      }
      load.set(low, load.get(low)! + 1);
      const top = path[path.length - 1]!.from;
      load.set(top, load.get(top)! - 1);
      moved = true;
      break;
    }
    if (!moved) break;
  }
  return finish(panel, onEntry, n);
}

type Move = { from: string; to: string; entryId: string };

/**
 * Breadth-first from `low`: juror u can take entry e from juror v when v has e automatically and
 * u has no conflict with e and is not on e yet. Returns the moves (first: `low` takes an entry)
 * leading to a juror with load ≥ load(low) + 2, or null.
 */
function findChain(
  low: string,
  load: ReadonlyMap<string, number>,
  panel: Panel,
  onEntry: ReadonlyMap<string, ReadonlySet<string>>,
  entryOrder: readonly string[],
  jurorOrder: readonly string[],
): Move[] | null {
  const target = load.get(low)! + 2;
  const parent = new Map<string, Move>();
  const visited = new Set([low]);
  const queue = [low];
  while (queue.length > 0) {
    const u = queue.shift()!;
    for (const e of entryOrder) {
      if (onEntry.get(e)!.has(u) || panel.conflicted.has(pairKey(u, e))) continue;
      for (const v of jurorOrder) {
        if (visited.has(v) || !onEntry.get(e)!.has(v) || panel.manual.get(e)!.has(v)) continue;
        visited.add(v);
        parent.set(v, { from: v, to: u, entryId: e });
        if (load.get(v)! >= target) {
          const path: Move[] = [];
          for (let x = v; x !== low; x = parent.get(x)!.to) path.unshift(parent.get(x)!);
          return path;
        }
        queue.push(v);
      }
    }
  }
  return null;
}

/** Whole-panel mode: every unconflicted juror scores every entry of the panel. */
export function assignWholePanel(input: PanelInput): AssignmentResult {
  const panel = preparePanel(input);
  const onEntry = new Map<string, Set<string>>(panel.entries.map((e) => [e, new Set(panel.jurors.filter((j) => !panel.conflicted.has(pairKey(j, e))))]));
  return finish(panel, onEntry, input.minJurorsPerEntry);
}

/** Coverage of any set of assignments: jurors per entry, entries under N, load per juror, min/max load. */
export function coverageSummary(input: { entryIds: readonly string[]; jurorIds: readonly string[]; assignments: readonly AssignmentPair[]; minJurorsPerEntry: number }): CoverageSummary {
  const perEntryMap = new Map<string, Set<string>>(input.entryIds.map((e) => [e, new Set<string>()]));
  const loadMap = new Map<string, Set<string>>(input.jurorIds.map((j) => [j, new Set<string>()]));
  for (const a of input.assignments) {
    perEntryMap.get(a.entryId)?.add(a.jurorId);
    loadMap.get(a.jurorId)?.add(a.entryId);
  }
  const perEntry = [...perEntryMap].map(([entryId, jurors]) => ({ entryId, jurors: jurors.size }));
  const loads = [...loadMap].map(([jurorId, entries]) => ({ jurorId, load: entries.size }));
  const values = loads.map((l) => l.load);
  return {
    perEntry,
    entriesUnderN: perEntry.filter((p) => p.jurors < input.minJurorsPerEntry).map((p) => ({ ...p, missing: input.minJurorsPerEntry - p.jurors })),
    loads,
    minLoad: values.length ? Math.min(...values) : 0,
    maxLoad: values.length ? Math.max(...values) : 0,
  };
}
