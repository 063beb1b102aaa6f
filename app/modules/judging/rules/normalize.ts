// Rule 3 — optional normalization of the jurors' entry scores, within ONE category.
//
// Jurors differ in strictness; when the edition turns normalization on, a juror's entry scores
// are put on the panel's scale:
//   z = (x − μⱼ) / σⱼ          μⱼ, σⱼ: mean and standard deviation of that juror's entry scores
//   normalized = μ + σ · z      μ, σ: mean and standard deviation of ALL jurors' raw entry
//                               scores in the category (every juror–entry score counts once,
//                               including those of jurors who stay raw)
// Only a juror with at least MIN_ENTRIES_FOR_NORMALIZATION (5) scored entries in the category is
// normalized: with fewer, their mean and spread say too little. A juror whose scores are all the
// same (σⱼ = 0, i.e. at most SCORE_EPSILON: floating-point noise is no spread) stays raw too: z is
// undefined. Every σ is the POPULATION standard deviation
// (divide by n; see stats.ts). Normalized scores are not clamped to the level range: clamping
// would squash differences the ranking needs; show them with their raw score beside them.
// The transformation is increasing for each juror, so it never changes which of two entries a
// juror scored higher (the jury-majority tie-break reads the same either way).
import type { JurorEntryScore } from "./aggregate";
import { mean, populationSd, SCORE_EPSILON } from "./stats";

export const MIN_ENTRIES_FOR_NORMALIZATION = 5;

export type JurorNormalization = {
  jurorId: string;
  count: number;
  mean: number;
  sd: number;
  /** NORMALIZED, or why the juror's scores stay raw. */
  status: "NORMALIZED" | "TOO_FEW_ENTRIES" | "NO_SPREAD";
};

export type NormalizedScore = JurorEntryScore & { raw: number; normalized: boolean };

export type NormalizationResult = {
  /** The scores in input order; `score` is the normalized one (or the raw one when the juror stays raw). */
  scores: NormalizedScore[];
  /** Per juror, in order of first appearance. */
  jurors: JurorNormalization[];
  /** μ and σ over all raw entry scores of the category (null when there are none). */
  panel: { mean: number; sd: number } | null;
};

/** Normalizes one category's juror entry scores (see the rule above). */
export function normalizeScores(scores: readonly JurorEntryScore[], minEntries: number = MIN_ENTRIES_FOR_NORMALIZATION): NormalizationResult {
  const all = scores.map((s) => s.score);
  const mu = mean(all);
  const sigma = populationSd(all);
  const byJuror = new Map<string, number[]>();
  for (const s of scores) {
    const list = byJuror.get(s.jurorId) ?? [];
    list.push(s.score);
    byJuror.set(s.jurorId, list);
  }
  const jurors: JurorNormalization[] = [...byJuror].map(([jurorId, values]) => {
    const sd = populationSd(values)!;
    const status = values.length < minEntries ? "TOO_FEW_ENTRIES" : sd <= SCORE_EPSILON ? "NO_SPREAD" : "NORMALIZED";
    return { jurorId, count: values.length, mean: mean(values)!, sd, status };
  });
  const byId = new Map(jurors.map((j) => [j.jurorId, j]));
  const out = scores.map((s): NormalizedScore => {
    const j = byId.get(s.jurorId)!;
    if (j.status !== "NORMALIZED" || mu === null || sigma === null) return { ...s, raw: s.score, normalized: false };
    const z = (s.score - j.mean) / j.sd;
    return { ...s, raw: s.score, score: mu + sigma * z, normalized: true };
  });
  return { scores: out, jurors, panel: mu === null || sigma === null ? null : { mean: mu, sd: sigma } };
}
