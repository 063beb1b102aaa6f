// The combined classification of one category: race points and jury points, weighted.
//
// Race points: the points table over the race ranking's places (ranking.ts, points.ts), shared
// places averaged; a team without a valid run gets what the published rule gives it (LAST_PLACE:
// the shared last place's points; NO_POINTS: 0).
//
// Jury points: the same points table over the jury's places. The jury input is the judging
// rules' own ranking (judging/rules rankByJury or rankEntries, entry ids = team ids), taken as it
// is: its tie-breaks have already decided its places, and teams that share a jury place average
// the points of the places they fill, exactly like the race. A team the jury did not rank (no
// counting score sheet) gets 0 jury points. Using places rather than jury scores puts the race
// and the jury on one scale: a team's jury score of 3.8 out of 5 and its 6 race points could not
// be added, but "3rd for the jury" and "3rd on the track" are worth the same.
//
// Total = (juryWeightPercent × jury points + (100 − juryWeightPercent) × race points) / 100, with
// juryWeightPercent from JudgingSettings (the board publishes it before race day). 100 means the
// jury alone decides, 0 the race alone.
//
// Places: higher totals first, standard competition ranking (1, 2, 2, 4), totals equal within
// judging's SCORE_EPSILON. Equal totals are broken by the board's published rule:
//  - SHARED: they share the place;
//  - RACE: more race points first, then shared;
//  - JURY: more jury points first, then shared.
// (With both weights above 0, two equal totals with different race points also differ in jury
// points, so a second tie-break would never decide anything.)
import { rankEntries, type Ranking, type TieBreak } from "~/modules/judging/rules";
import { pointsByPlace, type PointsTable } from "./points";
import type { RacePlace } from "./ranking";

export const COMBINED_TIE_BREAKS = ["SHARED", "RACE", "JURY"] as const;
export type CombinedTieBreak = (typeof COMBINED_TIE_BREAKS)[number];

export type CombinedInput = {
  /** The category's teams; each must be in `race` (raceRanking over the same teams). */
  teamIds: readonly string[];
  race: readonly RacePlace[];
  /** The jury ranking of the category (judging rules), entry ids being team ids. */
  jury: Ranking;
  pointsTable: PointsTable;
  /** 0–100, whole. */
  juryWeightPercent: number;
  tieBreak: CombinedTieBreak;
};

export type CombinedEntry = {
  teamId: string;
  place: number;
  shared: boolean;
  total: number;
  racePoints: number;
  juryPoints: number;
  racePlace: number | null;
  juryPlace: number | null;
  /** The tie-break that separated this team from a team with the same total. */
  decidedBy: "RACE" | "JURY" | null;
};

/** What the results page shows beside the classification ("how was this computed"). */
export type CombinedMethod = {
  pointsTable: number[];
  juryWeightPercent: number;
  raceWeightPercent: number;
  sharedPlaces: "AVERAGE";
  juryPoints: "POINTS_TABLE_OVER_JURY_PLACES";
  tieBreak: CombinedTieBreak;
};

export type CombinedClassification = { method: CombinedMethod; entries: CombinedEntry[] };

const RACE = "race";
const JURY = "jury";

/** Combines race and jury (see the rule above). Throws a RangeError for an impossible set-up. */
export function combinedClassification(input: CombinedInput): CombinedClassification {
  const jw = input.juryWeightPercent;
  if (!Number.isInteger(jw) || jw < 0 || jw > 100) throw new RangeError(`the jury's weight is a whole percentage 0–100, got ${jw}`);
  const racePlaces = new Map(input.race.map((r) => [r.teamId, r.place]));
  if (racePlaces.size !== input.teamIds.length || input.teamIds.some((id) => !racePlaces.has(id))) {
    throw new RangeError("the race ranking must cover exactly the classification's teams");
  }

  const racePoints = pointsByPlace(input.race.map((r) => ({ id: r.teamId, place: r.place })), input.pointsTable);
  const juryPlaces = new Map(input.jury.ranked.map((r) => [r.entryId, r.place]));
  const juryPoints = pointsByPlace(input.jury.ranked.map((r) => ({ id: r.entryId, place: r.place })), input.pointsTable);

  const components = [
    { id: JURY, weight: jw },
    { id: RACE, weight: 100 - jw },
  ].filter((c) => c.weight > 0);
  const points = (m: Map<string, number>, id: string) => m.get(id) ?? 0;
  const criterionScores = {
    [RACE]: Object.fromEntries(input.teamIds.map((id) => [id, points(racePoints, id)])),
    [JURY]: Object.fromEntries(input.teamIds.map((id) => [id, points(juryPoints, id)])),
  };
  const tieBreaks: TieBreak[] = input.tieBreak === "SHARED" ? [] : [{ kind: "CRITERION", criterionId: input.tieBreak === "RACE" ? RACE : JURY }];
  const ranking = rankEntries({
    entries: input.teamIds.map((id) => ({ entryId: id, components: { [RACE]: points(racePoints, id), [JURY]: points(juryPoints, id) } })),
    components,
    tieBreaks,
    criterionScores,
  });

  return {
    method: {
      pointsTable: [...input.pointsTable],
      juryWeightPercent: jw,
      raceWeightPercent: 100 - jw,
      sharedPlaces: "AVERAGE",
      juryPoints: "POINTS_TABLE_OVER_JURY_PLACES",
      tieBreak: input.tieBreak,
    },
    entries: ranking.ranked.map((r) => ({
      teamId: r.entryId,
      place: r.place,
      shared: r.shared,
      total: r.total / 100,
      racePoints: points(racePoints, r.entryId),
      juryPoints: points(juryPoints, r.entryId),
      racePlace: racePlaces.get(r.entryId) ?? null,
      juryPlace: juryPlaces.get(r.entryId) ?? null,
      decidedBy: r.decidedBy.length === 0 ? null : input.tieBreak === "RACE" ? "RACE" : "JURY",
    })),
  };
}
