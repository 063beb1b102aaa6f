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
] as const;
export type RoleFixture = (typeof ROLE_FIXTURES)[number];
