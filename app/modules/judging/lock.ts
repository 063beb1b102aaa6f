// When an edition's scoring form is locked (pure: the caller passes `now()`). The form is fixed
// from the moment judging opens — also after judging closes, because the scores were given
// against it; the board can still change it, with a reason that is logged (a JudgingOverride).
export function isScoringFormLocked(edition: { judgingOpensAt: Date }, at: Date): boolean {
  return at.getTime() >= edition.judgingOpensAt.getTime();
}
