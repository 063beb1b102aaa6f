// The judging rules (issue 17), pure: no database, no clock, no React. Plain typed objects in,
// plain typed objects out; ids are strings. Each file states its rule in its header; this file is
// the public API that the judging pages and the server module call. See README.md here.
export { aggregate, aggregateEntryScores, AGGREGATIONS, type Aggregation, type EntryAggregate, type JurorEntryScore } from "./aggregate";
export {
  assignBalanced,
  assignWholePanel,
  coverageSummary,
  type Assignment,
  type AssignmentPair,
  type AssignmentResult,
  type BalancedInput,
  type CoverageSummary,
  type PanelInput,
  type Shortfall,
} from "./assignment";
export {
  conflictReasons,
  DECLARATION_KINDS,
  findConflicts,
  type Conflict,
  type ConflictOptions,
  type ConflictReason,
  type DeclarationKind,
  type EntryFacts,
  type JurorAffiliations,
} from "./conflicts";
export { scoreDistribution, histogramBins, type Bin, type DistributionOptions, type DistributionStats, type ScoreDistribution } from "./distribution";
export { checkCriteria, entryScore, isValidLevel, type Criterion, type EntryScoreProblem, type EntryScoreResult, type ScoreSheet, type SheetStatus } from "./entry-score";
export { computeJuryScores, type ExcludedSheet, type JuryScoreConfig, type JuryScores } from "./jury-scores";
export { MIN_ENTRIES_FOR_NORMALIZATION, normalizeScores, type JurorNormalization, type NormalizationResult, type NormalizedScore } from "./normalize";
export {
  JURY_COMPONENT,
  majorityCompare,
  rankByJury,
  rankEntries,
  TIE_BREAK_KINDS,
  type RankComponent,
  type RankedEntry,
  type RankEntry,
  type Ranking,
  type RankingInput,
  type TieBreak,
} from "./ranking";
export { reviewOrder } from "./review-order";
export { SCORE_EPSILON, sameScore } from "./stats";
