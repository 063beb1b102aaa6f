// Rule 8 — the distribution of entry scores, per juror beside the whole panel's, as numbers a
// page can draw (histogram) and put in a table (count, mean, σ, min, quartiles, max).
//
// - Pass the RAW entry scores to show how strict or lenient each juror is (normalized scores
//   would hide exactly that); the function itself takes whichever scores it is given.
// - The histogram has the same bins for every juror and the panel: from the lowest level to the
//   highest in steps of `binWidth` (default 0.5, so levels 1–5 give 8 bins). A bin holds
//   from ≤ x < to; the last bin also holds x = the highest level. A score outside the levels
//   (possible only for normalized scores) is counted in the first or last bin.
// - Quartiles interpolate linearly (stats.ts: the 0.5 quantile is the median of rule 2); σ is the
//   population standard deviation, like everywhere in judging.
// - `meanDifference` is the juror's mean minus the panel's mean: below 0, a stricter juror.
// - The panel is every score given; jurors are listed in order of first appearance.
import type { JurorEntryScore } from "./aggregate";
import { mean, populationSd, quantile } from "./stats";

export type Bin = { from: number; to: number; count: number };

export type DistributionStats = {
  count: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  histogram: Bin[];
};

export type ScoreDistribution = {
  panel: DistributionStats;
  jurors: (DistributionStats & { jurorId: string; meanDifference: number | null })[];
};

export type DistributionOptions = { minLevel: number; maxLevel: number; binWidth?: number };

/** Histogram bins (without counts) from the lowest to the highest level. */
export function histogramBins(options: DistributionOptions): { from: number; to: number }[] {
  const width = options.binWidth ?? 0.5;
  if (!(width > 0) || !Number.isFinite(width)) throw new RangeError(`bin width must be > 0, got ${width}`);
  if (!(options.maxLevel >= options.minLevel)) throw new RangeError(`levels must run from low to high: ${options.minLevel}–${options.maxLevel}`);
  const count = Math.max(1, Math.ceil((options.maxLevel - options.minLevel) / width - 1e-9));
  return Array.from({ length: count }, (_, i) => ({ from: options.minLevel + i * width, to: Math.min(options.maxLevel, options.minLevel + (i + 1) * width) }));
}

function describe(values: readonly number[], options: DistributionOptions): DistributionStats {
  const bins = histogramBins(options).map((b) => ({ ...b, count: 0 }));
  const width = options.binWidth ?? 0.5;
  for (const v of values) {
    const i = Math.min(bins.length - 1, Math.max(0, Math.floor((v - options.minLevel) / width + 1e-9)));
    bins[i]!.count++;
  }
  return {
    count: values.length,
    mean: mean(values),
    sd: populationSd(values),
    min: quantile(values, 0),
    q1: quantile(values, 0.25),
    median: quantile(values, 0.5),
    q3: quantile(values, 0.75),
    max: quantile(values, 1),
    histogram: bins,
  };
}

/** Per juror and for the whole panel: histogram and summary numbers of the entry scores. */
export function scoreDistribution(scores: readonly JurorEntryScore[], options: DistributionOptions): ScoreDistribution {
  const panel = describe(scores.map((s) => s.score), options);
  const byJuror = new Map<string, number[]>();
  for (const s of scores) {
    const list = byJuror.get(s.jurorId) ?? [];
    list.push(s.score);
    byJuror.set(s.jurorId, list);
  }
  const jurors = [...byJuror].map(([jurorId, values]) => {
    const stats = describe(values, options);
    return { jurorId, ...stats, meanDifference: stats.mean !== null && panel.mean !== null ? stats.mean - panel.mean : null };
  });
  return { panel, jurors };
}
