// Rule 4 — the ranking of one category, with the board's tie-breaks.
//
// Total. Each entry has named COMPONENT scores with a weight each; its total is
// Σ(weight × component). Today the only component is the jury score (JURY_COMPONENT, weight 1);
// the race-day classification adds e.g. { id: "race", weight: … } without changing this rule. An
// entry missing a component (no counting sheet, no race result) is not ranked: it is listed in
// `unranked` with the components it lacks (a caller who wants "no race = 0 points" passes 0).
// Higher totals rank higher. Totals within SCORE_EPSILON are equal (see stats.ts).
//
// Tie-breaks. Entries with equal totals are separated by the board's tie-breaks, in the board's
// order; each one only orders entries that are still tied:
//  - CRITERION: the named criterion's aggregate (computeJuryScores().criterionScores: same
//    aggregation as the score, over that criterion's levels). Higher wins; an entry without a
//    level for it comes after those with one; equal values stay tied.
//  - JURY_MAJORITY: between two tied entries, the one that more jurors scored higher, counting
//    only jurors who scored both (their entry scores; equal scores count for neither). Equal
//    counts, or no common juror: still tied. For a tie of three or more entries, each entry's
//    Copeland count within the tied group (head-to-head wins − losses) splits the group, and the
//    split is used ONLY when it is consistent: every entry placed above another must have beaten
//    it head to head. Otherwise (a cycle A>B>C>A, or A>B, B>C but A–C even) the majority rule
//    does not apply to that group at all and it goes on to the next tie-break. Entries with the
//    same Copeland count in an accepted split stay tied and go on to the next tie-break (the
//    majority rule again within such a part could not split it: the entries outside the part
//    add the same to each count).
//  - SHARED: the tied entries share the place (tie-breaks after it are never reached).
// When the tie-breaks run out, the entries still tied share the place as well.
//
// Places follow standard competition ranking ("1, 2, 2, 4"): an entry's place is 1 + the number
// of entries ranked strictly above it. Entries that share a place are listed by entry id.
import type { JurorEntryScore } from "./aggregate";
import type { JuryScores } from "./jury-scores";
import { compareScoresDesc, sameScore } from "./stats";

export const JURY_COMPONENT = "jury";

export const TIE_BREAK_KINDS = ["CRITERION", "JURY_MAJORITY", "SHARED"] as const;
export type TieBreak = { kind: "CRITERION"; criterionId: string } | { kind: "JURY_MAJORITY" } | { kind: "SHARED" };

export type RankComponent = { id: string; weight: number };
export type RankEntry = { entryId: string; components: Readonly<Record<string, number | null | undefined>> };

export type RankingInput = {
  entries: readonly RankEntry[];
  components: readonly RankComponent[];
  /** The board's tie-breaks, in order. */
  tieBreaks: readonly TieBreak[];
  /** criterion id → entry id → aggregate; needed by CRITERION tie-breaks. */
  criterionScores?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The jurors' entry scores; needed by the JURY_MAJORITY tie-break. */
  jurorScores?: readonly JurorEntryScore[];
};

export type RankedEntry = {
  entryId: string;
  place: number;
  total: number;
  components: Record<string, number>;
  /** Shares its place with at least one other entry. */
  shared: boolean;
  /** The tie-breaks that separated this entry from entries it was tied with, in the order applied. */
  decidedBy: TieBreak[];
};

export type Ranking = {
  ranked: RankedEntry[];
  unranked: { entryId: string; missingComponents: string[] }[];
};

/** Head to head: > 0 when more common jurors scored a higher than b, < 0 for b, 0 when even or no common juror. */
export function majorityCompare(a: string, b: string, byJuror: ReadonlyMap<string, ReadonlyMap<string, number>>): number {
  let aHigher = 0;
  let bHigher = 0;
  for (const scores of byJuror.values()) {
    const sa = scores.get(a);
    const sb = scores.get(b);
    if (sa === undefined || sb === undefined) continue;
    const c = compareScoresDesc(sa, sb);
    if (c < 0) aHigher++;
    else if (c > 0) bHigher++;
  }
  return aHigher - bHigher;
}

/** Ranks the entries (see the rule above). Throws a RangeError for a set-up that cannot rank. */
export function rankEntries(input: RankingInput): Ranking {
  const componentIds = new Set<string>();
  for (const c of input.components) {
    if (componentIds.has(c.id)) throw new RangeError(`component listed twice: ${c.id}`);
    componentIds.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight <= 0) throw new RangeError(`component ${c.id}: weight must be a finite number > 0, got ${c.weight}`);
  }
  if (input.components.length === 0) throw new RangeError("a ranking needs at least one component");
  for (const tb of input.tieBreaks) {
    if (tb.kind === "CRITERION" && !input.criterionScores?.[tb.criterionId]) throw new RangeError(`tie-break on criterion ${tb.criterionId} without its scores`);
    if (tb.kind === "JURY_MAJORITY" && !input.jurorScores) throw new RangeError("the jury-majority tie-break needs the jurors' entry scores");
  }

  const byJuror = new Map<string, Map<string, number>>();
  for (const s of input.jurorScores ?? []) {
    const m = byJuror.get(s.jurorId) ?? new Map<string, number>();
    m.set(s.entryId, s.score);
    byJuror.set(s.jurorId, m);
  }

  const seen = new Set<string>();
  const totals = new Map<string, { total: number; components: Record<string, number> }>();
  const unranked: Ranking["unranked"] = [];
  for (const e of input.entries) {
    if (seen.has(e.entryId)) throw new RangeError(`entry listed twice: ${e.entryId}`);
    seen.add(e.entryId);
    const missing: string[] = [];
    const components: Record<string, number> = {};
    let total = 0;
    for (const c of input.components) {
      const v = e.components[c.id];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        missing.push(c.id);
        continue;
      }
      components[c.id] = v;
      total += c.weight * v;
    }
    if (missing.length > 0) unranked.push({ entryId: e.entryId, missingComponents: missing });
    else totals.set(e.entryId, { total, components });
  }

  const decidedBy = new Map<string, TieBreak[]>([...totals.keys()].map((id) => [id, []]));

  const criterionSplit = (group: string[], criterionId: string): string[][] | null => {
    const values = input.criterionScores![criterionId]!;
    const withValue = group.filter((id) => Object.hasOwn(values, id));
    const without = group.filter((id) => !Object.hasOwn(values, id));
    const parts = groupByScore(withValue, (id) => values[id]!);
    if (without.length > 0) parts.push(without);
    return parts.length > 1 ? parts : null;
  };

  const majoritySplit = (group: string[]): string[][] | null => {
    const wins = new Map<string, Set<string>>(group.map((id) => [id, new Set<string>()]));
    const copeland = new Map<string, number>(group.map((id) => [id, 0]));
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        const c = majorityCompare(a, b, byJuror);
        if (c === 0) continue;
        const [winner, loser] = c > 0 ? [a, b] : [b, a];
        wins.get(winner)!.add(loser);
        copeland.set(winner, copeland.get(winner)! + 1);
        copeland.set(loser, copeland.get(loser)! - 1);
      }
    }
    const parts = groupByScore(group, (id) => copeland.get(id)!);
    if (parts.length < 2) return null;
    for (let i = 0; i < parts.length; i++) {
      for (const above of parts[i]!) {
        for (let j = i + 1; j < parts.length; j++) {
          for (const below of parts[j]!) if (!wins.get(above)!.has(below)) return null;
        }
      }
    }
    return parts;
  };

  /** Orders a tied group into blocks (a block of more than one shares its place). */
  const resolve = (group: string[], k: number): string[][] => {
    if (group.length < 2 || k >= input.tieBreaks.length) return [group];
    const tb = input.tieBreaks[k]!;
    if (tb.kind === "SHARED") return [group];
    const parts = tb.kind === "CRITERION" ? criterionSplit(group, tb.criterionId) : majoritySplit(group);
    if (parts === null) return resolve(group, k + 1);
    for (const id of group) decidedBy.get(id)!.push(tb);
    return parts.flatMap((part) => resolve(part, k + 1));
  };

  const blocks = groupByScore([...totals.keys()], (id) => totals.get(id)!.total).flatMap((group) => resolve(group, 0));
  const ranked: RankedEntry[] = [];
  for (const block of blocks) {
    const place = ranked.length + 1;
    for (const entryId of [...block].sort(compareIds)) {
      const t = totals.get(entryId)!;
      ranked.push({ entryId, place, total: t.total, components: t.components, shared: block.length > 1, decidedBy: decidedBy.get(entryId)! });
    }
  }
  return { ranked, unranked };
}

/** The common case: rank a category on its jury score alone. */
export function rankByJury(entryIds: readonly string[], jury: JuryScores, tieBreaks: readonly TieBreak[]): Ranking {
  const scores = new Map(jury.entries.map((e) => [e.entryId, e.score]));
  return rankEntries({
    entries: entryIds.map((entryId) => ({ entryId, components: { [JURY_COMPONENT]: scores.get(entryId) } })),
    components: [{ id: JURY_COMPONENT, weight: 1 }],
    tieBreaks,
    criterionScores: jury.criterionScores,
    jurorScores: jury.jurorScores,
  });
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits ids into groups of the same score (within SCORE_EPSILON of the group's best), best first. */
function groupByScore(ids: readonly string[], score: (id: string) => number): string[][] {
  const sorted = [...ids].sort((a, b) => compareScoresDesc(score(a), score(b)) || compareIds(a, b));
  const groups: string[][] = [];
  let head: number | null = null;
  for (const id of sorted) {
    const s = score(id);
    if (head !== null && sameScore(head, s)) groups[groups.length - 1]!.push(id);
    else {
      groups.push([id]);
      head = s;
    }
  }
  return groups;
}
