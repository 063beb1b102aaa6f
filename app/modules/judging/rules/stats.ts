// Small statistics used by the judging rules (pure). Rules stated here:
// - The mean of no numbers, the median of no numbers etc. is `null`, never NaN.
// - The median of an even count is the mean of the two middle values.
// - Standard deviation is the POPULATION standard deviation: √(Σ(x − μ)² / n), dividing by n,
//   not n − 1. The jurors' scores are all the scores there are (not a sample of a larger set),
//   and a juror with a single score gets σ = 0 instead of a division by zero.
// - Quantiles interpolate linearly between the sorted values (position p·(n − 1), counted from 0:
//   the method of spreadsheets' QUARTILE.INC), so the 0.5 quantile is the median above.
// - Two scores are the same when they differ by at most SCORE_EPSILON: weighted means and
//   mapped-back normalized scores carry floating-point noise (3.4 + 3.6 vs 3.5 + 3.5), and a
//   tie must not depend on that noise.

export const SCORE_EPSILON = 1e-9;

/** Are two scores equal for ranking purposes (|a − b| ≤ SCORE_EPSILON)? */
export function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= SCORE_EPSILON;
}

/** −1 when a is the better (higher) score, 1 when b is, 0 when they are the same score. */
export function compareScoresDesc(a: number, b: number): number {
  if (sameScore(a, b)) return 0;
  return a > b ? -1 : 1;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Population standard deviation (divides by n); null for no values. */
export function populationSd(values: readonly number[]): number | null {
  const mu = mean(values);
  if (mu === null) return null;
  let sq = 0;
  for (const v of values) sq += (v - mu) * (v - mu);
  return Math.sqrt(sq / values.length);
}

/** The p-quantile (0 ≤ p ≤ 1) with linear interpolation at position p·(n − 1); null for no values. */
export function quantile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile must be between 0 and 1: ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const low = sorted[lo]!;
  const high = sorted[hi]!;
  return lo === hi ? low : low + (high - low) * (pos - lo);
}
