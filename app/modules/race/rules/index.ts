// The race-day rules (issue 18), pure: no database, no clock, no React. Plain typed objects in and
// out; ids are strings. Each file states its rule in its header; see README.md here.
export { COMBINED_TIE_BREAKS, combinedClassification, type CombinedClassification, type CombinedEntry, type CombinedInput, type CombinedMethod, type CombinedTieBreak } from "./combined";
export { checkPointsTable, DEFAULT_POINTS_TABLE, MAX_POINTS_TABLE_PLACES, pointsByPlace, pointsForPlace, type PointsTable } from "./points";
export { NO_VALID_RUN_RULES, raceRanking, type NoValidRunRule, type RacePlace, type RaceRankingInput } from "./ranking";
export { bestRuns, checkRun, countedTimeMs, penaltySeconds, RUN_STATUSES, type BestRun, type Penalty, type Run, type RunStatus } from "./runs";
export { formatRaceTime, MAX_RACE_TIME_MS, parseRaceTime, RACE_TIME_ERRORS, type RaceTimeError, type RaceTimeResult } from "./time";
