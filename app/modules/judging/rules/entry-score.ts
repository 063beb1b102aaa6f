// Rule 1 — the entry score of one juror for one entry.
//
//   entry score = Σ(weight × level) / Σ(weight), over the COUNTED criteria only.
//
// A criterion may be "shown but not counted": the juror sees it and may fill it in (tops and
// tips), but it never changes the score, and leaving it empty never blocks one.
// A score sheet yields an entry score only when it is complete:
// - it is SUBMITTED (a draft is the juror's work in progress and never counts), and
// - every counted criterion has a level, a whole number within that criterion's levels.
// Otherwise there is no score and the result says why (a typed reason), so a page can show
// "not submitted yet" or "criterion X is not filled in" instead of a silently wrong number.
// A missing level is never read as 0 or as the lowest level.
//
// Configuration errors (a weight that is negative or not finite, a criterion whose levels run
// backwards) throw a RangeError: they are the board's set-up, not the juror's sheet.

export type Criterion = {
  id: string;
  /** Relative weight (≥ 0). Only the ratio between the counted criteria's weights matters. */
  weight: number;
  /** false: shown on the form but not counted in the score. */
  counted: boolean;
  /** The levels a juror can choose, e.g. 1 to 5. */
  minLevel: number;
  maxLevel: number;
};

export type SheetStatus = "DRAFT" | "SUBMITTED";

/** One juror's score sheet for one entry: the chosen level per criterion id (null or absent = not filled in). */
export type ScoreSheet = {
  jurorId: string;
  entryId: string;
  status: SheetStatus;
  levels: Readonly<Record<string, number | null | undefined>>;
};

export type EntryScoreProblem =
  /** The sheet is a draft: it counts once the juror submits it. */
  | { code: "DRAFT" }
  /** Counted criteria without a level (ids in the order of the criteria list). */
  | { code: "MISSING_LEVELS"; criterionIds: string[] }
  /** A level that is not a whole number within the criterion's levels. */
  | { code: "INVALID_LEVEL"; criterionId: string; level: number }
  /** No counted criterion with a weight above 0: there is nothing to divide by. */
  | { code: "NO_COUNTED_WEIGHT" };

export type EntryScoreResult = { ok: true; score: number } | { ok: false; problem: EntryScoreProblem };

/** Throws a RangeError when a criterion's set-up cannot score anything. */
export function checkCriteria(criteria: readonly Criterion[]): void {
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.id)) throw new RangeError(`criterion listed twice: ${c.id}`);
    seen.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight < 0) throw new RangeError(`criterion ${c.id}: weight must be a finite number ≥ 0, got ${c.weight}`);
    if (!Number.isInteger(c.minLevel) || !Number.isInteger(c.maxLevel) || c.minLevel > c.maxLevel) {
      throw new RangeError(`criterion ${c.id}: levels must be whole numbers from low to high, got ${c.minLevel}–${c.maxLevel}`);
    }
  }
}

/** Is `level` one of the criterion's levels? */
export function isValidLevel(criterion: Criterion, level: number): boolean {
  return Number.isInteger(level) && level >= criterion.minLevel && level <= criterion.maxLevel;
}

/**
 * The entry score of one sheet: Σ(weight × level) / Σ(weight) over the counted criteria, or the
 * reason there is none. Checks, in this order: draft, invalid levels (counted or not: a bad
 * value is a bad sheet), missing counted levels, no counted weight.
 */
export function entryScore(criteria: readonly Criterion[], sheet: ScoreSheet): EntryScoreResult {
  checkCriteria(criteria);
  if (sheet.status !== "SUBMITTED") return { ok: false, problem: { code: "DRAFT" } };
  for (const c of criteria) {
    const level = sheet.levels[c.id];
    if (level !== null && level !== undefined && !isValidLevel(c, level)) {
      return { ok: false, problem: { code: "INVALID_LEVEL", criterionId: c.id, level } };
    }
  }
  const counted = criteria.filter((c) => c.counted);
  const missing = counted.filter((c) => sheet.levels[c.id] === null || sheet.levels[c.id] === undefined).map((c) => c.id);
  if (missing.length > 0) return { ok: false, problem: { code: "MISSING_LEVELS", criterionIds: missing } };
  let weighted = 0;
  let weights = 0;
  for (const c of counted) {
    weighted += c.weight * sheet.levels[c.id]!;
    weights += c.weight;
  }
  if (weights === 0) return { ok: false, problem: { code: "NO_COUNTED_WEIGHT" } };
  return { ok: true, score: weighted / weights };
}
