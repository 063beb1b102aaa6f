// The people every guard tries each route as: one per role and tenant (A and B).
export const ROLE_FIXTURES = [
  "anonymous",
  "board",
  "contactA",
  "contactB",
  "schoolContactA",
  "schoolContactB",
  "teacherA",
  "teacherB",
  "pupilA",
  /** A juror of one edition (the judging area's edition A; JUROR roles are scoped to an edition). */
  "jurorA",
  /** A race-day official of one edition (the race area's edition A; OFFICIAL roles are scoped to an edition). */
  "officialA",
] as const;
export type RoleFixture = (typeof ROLE_FIXTURES)[number];
