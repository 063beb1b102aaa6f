// Rules 1–3 together — the jury's score of each entry in ONE category (one panel).
//
//   1. every sheet → an entry score, or a reason it has none (entry-score.ts);
//   2. when the edition normalizes: the entry scores of the category are normalized
//      (normalize.ts; jurors with < 5 scored entries or without spread stay raw);
//   3. per entry, the MEAN or MEDIAN of its jurors' (normalized) entry scores (aggregate.ts).
// Beside it, per criterion, the same aggregation over that criterion's levels on the sheets that
// count (complete and submitted), raw: the board may name a criterion as a tie-break. A
// criterion that is shown but not counted may be named too; then only the sheets that filled it
// in take part. An entry without any counting sheet has no jury score and is not in `entries`.
import { aggregate, aggregateEntryScores, type Aggregation, type EntryAggregate, type JurorEntryScore } from "./aggregate";
import { checkCriteria, entryScore, type Criterion, type EntryScoreProblem, type ScoreSheet } from "./entry-score";
import { normalizeScores, type JurorNormalization, type NormalizedScore } from "./normalize";

export type JuryScoreConfig = { aggregation: Aggregation; normalize: boolean };

export type ExcludedSheet = { jurorId: string; entryId: string; problem: EntryScoreProblem };

export type JuryScores = {
  /** Jury score per entry that has at least one counting sheet (input order of the sheets). */
  entries: EntryAggregate[];
  /** Every counting sheet's entry score: `raw` as scored, `score` after normalization (same as raw without it). */
  jurorScores: NormalizedScore[];
  /** Sheets that do not count, with the reason. */
  excluded: ExcludedSheet[];
  /** criterion id → entry id → aggregate of that criterion's levels (entries without any level are absent). */
  criterionScores: Record<string, Record<string, number>>;
  /** Per juror: count, mean, σ and whether they were normalized (only when normalization is on). */
  normalization: JurorNormalization[] | null;
};

/** The jury scores of one category's sheets under the edition's configuration. */
export function computeJuryScores(criteria: readonly Criterion[], sheets: readonly ScoreSheet[], config: JuryScoreConfig): JuryScores {
  checkCriteria(criteria);
  const raw: JurorEntryScore[] = [];
  const counting: ScoreSheet[] = [];
  const excluded: ExcludedSheet[] = [];
  const pairs = new Set<string>();
  for (const sheet of sheets) {
    const pair = `${sheet.jurorId}\u0000${sheet.entryId}`;
    if (pairs.has(pair)) throw new RangeError(`juror ${sheet.jurorId} has two sheets for entry ${sheet.entryId}`);
    pairs.add(pair);
    const result = entryScore(criteria, sheet);
    if (result.ok) {
      raw.push({ jurorId: sheet.jurorId, entryId: sheet.entryId, score: result.score });
      counting.push(sheet);
    } else {
      excluded.push({ jurorId: sheet.jurorId, entryId: sheet.entryId, problem: result.problem });
    }
  }
  const normalized = config.normalize ? normalizeScores(raw) : null;
  const jurorScores: NormalizedScore[] = normalized?.scores ?? raw.map((s) => ({ ...s, raw: s.score, normalized: false }));
  const entries = aggregateEntryScores(jurorScores, config.aggregation);

  const criterionScores: Record<string, Record<string, number>> = {};
  for (const c of criteria) {
    const levels = new Map<string, number[]>();
    for (const sheet of counting) {
      const level = sheet.levels[c.id];
      if (level === null || level === undefined) continue;
      const list = levels.get(sheet.entryId) ?? [];
      list.push(level);
      levels.set(sheet.entryId, list);
    }
    const perEntry: Record<string, number> = {};
    for (const [entryId, values] of levels) perEntry[entryId] = aggregate(values, config.aggregation)!;
    criterionScores[c.id] = perEntry;
  }
  return { entries, jurorScores, excluded, criterionScores, normalization: normalized?.jurors ?? null };
}
