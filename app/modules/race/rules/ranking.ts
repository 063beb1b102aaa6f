// The race ranking of one category.
//
// Teams with a best valid run (runs.ts) are ranked by its counted time, fastest first. Equal
// counted times (to the millisecond) share a place, and places follow standard competition
// ranking as in the jury ranking: 1, 2, 2, 4 (a place is 1 + the number of teams strictly
// faster). Teams sharing a place are listed by team id.
//
// Teams without a valid run (only DNF/DSQ runs, or no run at all) follow the board's published
// rule for the edition:
//  - LAST_PLACE: they are ranked after every team with a valid run and share that one place
//    (k teams with a valid run → place k + 1 for all of them; points.ts averages the points of the
//    places they fill together).
//  - NO_POINTS: they have no place (null) and get no race points; they are listed after the
//    ranked teams, by team id.
import { bestRuns, type BestRun, type Run } from "./runs";

export const NO_VALID_RUN_RULES = ["LAST_PLACE", "NO_POINTS"] as const;
export type NoValidRunRule = (typeof NO_VALID_RUN_RULES)[number];

export type RaceRankingInput = {
  /** The category's teams that take part (withdrawn teams left out). */
  teamIds: readonly string[];
  /** Their runs in any heat of the category. */
  runs: readonly Run[];
  noValidRun: NoValidRunRule;
};

export type RacePlace = {
  teamId: string;
  /** Null: no valid run under NO_POINTS. */
  place: number | null;
  /** Shares its place with at least one other team. */
  shared: boolean;
  best: BestRun | null;
};

/** Ranks the category (see the rule above); the teams in order, unplaced ones last. */
export function raceRanking(input: RaceRankingInput): RacePlace[] {
  const teams = new Set<string>();
  for (const id of input.teamIds) {
    if (teams.has(id)) throw new RangeError(`team listed twice: ${id}`);
    teams.add(id);
  }
  for (const run of input.runs) if (!teams.has(run.teamId)) throw new RangeError(`run ${run.id} of a team not in this ranking: ${run.teamId}`);

  const best = bestRuns(input.runs);
  const withRun = [...best.values()].sort((a, b) => a.countedMs - b.countedMs || compareIds(a.teamId, b.teamId));
  const out: RacePlace[] = [];
  for (let i = 0; i < withRun.length; i++) {
    const b = withRun[i]!;
    const prev = out[i - 1];
    const place = prev && prev.best!.countedMs === b.countedMs ? prev.place! : i + 1;
    out.push({ teamId: b.teamId, place, shared: false, best: b });
  }
  const without = [...teams].filter((id) => !best.has(id)).sort(compareIds);
  const lastPlace = input.noValidRun === "LAST_PLACE" ? withRun.length + 1 : null;
  for (const teamId of without) out.push({ teamId, place: lastPlace, shared: false, best: null });
  return markShared(out);
}

/** Sets `shared` on every entry whose (non-null) place another entry has too. */
export function markShared<T extends { place: number | null; shared: boolean }>(entries: T[]): T[] {
  const count = new Map<number, number>();
  for (const e of entries) if (e.place !== null) count.set(e.place, (count.get(e.place) ?? 0) + 1);
  for (const e of entries) e.shared = e.place !== null && count.get(e.place)! > 1;
  return entries;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
