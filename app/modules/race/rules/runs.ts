// A run's counted time and a team's best valid run.
//
// A run is FINISHED (with a time), DNF (niet gefinisht) or DSQ (gediskwalificeerd, with a
// reason). Its counted time is its time plus its penalties (whole seconds each, with a reason):
// counted = timeMs + 1000 × Σ penalty seconds. DNF and DSQ runs have no counted time, whatever
// time or penalties they carry (an official may have typed a time before the run was DSQ'd).
//
// A team's best valid run is its FINISHED run with the lowest counted time; among runs with the
// same counted time the earlier heat (then the lower run id) is named, which changes no place.
// A team without a FINISHED run has no best run (see ranking.ts for where it is placed).
//
// There is no "disqualified for the whole race" here: a DSQ is per run. A team the board
// excludes from the race altogether is withdrawn (Team.status WITHDRAWN), which takes it out of
// every ranking of the edition; the caller simply does not pass it.

export const RUN_STATUSES = ["FINISHED", "DNF", "DSQ"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type Penalty = { seconds: number; reason: string };

export type Run = {
  id: string;
  teamId: string;
  /** Orders runs of the same counted time (the heat's number); lower first. */
  heatNumber?: number;
  status: RunStatus;
  /** Required when FINISHED; ignored otherwise. */
  timeMs: number | null;
  penalties: readonly Penalty[];
};

export type BestRun = { teamId: string; runId: string; countedMs: number; timeMs: number; penaltySeconds: number };

/** Throws a RangeError for a run that cannot be counted (a FINISHED run without a valid time, a bad penalty). */
export function checkRun(run: Run): void {
  if (run.status === "FINISHED") {
    if (run.timeMs === null || !Number.isSafeInteger(run.timeMs) || run.timeMs <= 0) throw new RangeError(`run ${run.id}: a finished run needs a time in whole ms > 0, got ${run.timeMs}`);
  }
  for (const p of run.penalties) {
    if (!Number.isSafeInteger(p.seconds) || p.seconds <= 0) throw new RangeError(`run ${run.id}: a penalty is a whole number of seconds > 0, got ${p.seconds}`);
  }
}

export function penaltySeconds(run: Pick<Run, "penalties">): number {
  return run.penalties.reduce((sum, p) => sum + p.seconds, 0);
}

/** The time that counts (time + penalties), or null for a DNF or DSQ run. */
export function countedTimeMs(run: Run): number | null {
  checkRun(run);
  if (run.status !== "FINISHED") return null;
  return run.timeMs! + 1000 * penaltySeconds(run);
}

/** Each team's best valid run (teams without one are absent), by team id. */
export function bestRuns(runs: readonly Run[]): Map<string, BestRun> {
  const best = new Map<string, { run: Run; countedMs: number }>();
  for (const run of runs) {
    const counted = countedTimeMs(run);
    if (counted === null) continue;
    const current = best.get(run.teamId);
    if (!current || counted < current.countedMs || (counted === current.countedMs && earlier(run, current.run))) best.set(run.teamId, { run, countedMs: counted });
  }
  return new Map(
    [...best].map(([teamId, { run, countedMs }]) => [teamId, { teamId, runId: run.id, countedMs, timeMs: run.timeMs!, penaltySeconds: penaltySeconds(run) }]),
  );
}

function earlier(a: Run, b: Run): boolean {
  const ha = a.heatNumber ?? 0;
  const hb = b.heatNumber ?? 0;
  return ha !== hb ? ha < hb : a.id < b.id;
}
