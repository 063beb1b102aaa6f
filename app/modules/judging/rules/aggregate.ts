// Rule 2 — from the jurors' entry scores to one score per entry.
//
// The edition's configuration chooses the aggregation: MEAN (the average of the jurors' entry
// scores of that entry) or MEDIAN (the middle one; of an even count, the mean of the two middle
// ones). Only jurors with an entry score for the entry take part (see entry-score.ts: drafts and
// incomplete sheets have none); an entry without any has no score (it is left out, not 0).
import { mean, median } from "./stats";

export const AGGREGATIONS = ["MEAN", "MEDIAN"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** One juror's entry score for one entry. */
export type JurorEntryScore = { jurorId: string; entryId: string; score: number };

export type EntryAggregate = { entryId: string; score: number; jurorCount: number };

/** The mean or median of the values; null for none. */
export function aggregate(values: readonly number[], method: Aggregation): number | null {
  return method === "MEAN" ? mean(values) : median(values);
}

/**
 * One score per entry from the jurors' entry scores, in the order each entry first appears.
 * Throws a RangeError when a juror has two scores for one entry (one sheet per juror and entry).
 */
export function aggregateEntryScores(scores: readonly JurorEntryScore[], method: Aggregation): EntryAggregate[] {
  const byEntry = new Map<string, number[]>();
  const pairs = new Set<string>();
  for (const s of scores) {
    const pair = `${s.jurorId}\u0000${s.entryId}`;
    if (pairs.has(pair)) throw new RangeError(`juror ${s.jurorId} has two scores for entry ${s.entryId}`);
    pairs.add(pair);
    const list = byEntry.get(s.entryId) ?? [];
    list.push(s.score);
    byEntry.set(s.entryId, list);
  }
  return [...byEntry].map(([entryId, values]) => ({ entryId, score: aggregate(values, method)!, jurorCount: values.length }));
}
