// The phases of a challenge edition, derived from its dates and the clock (pure: the caller
// passes `now()`). The board may close a phase early; every rule is enforced on the server by
// asking this module, never by hiding a button.
//
//   draft ─▶ announced ─▶ registration ─▶ building ─▶ judging ─▶ awaiting-results ─▶ results
//            (dates set)   opens…closes    …deadline   window      (until published)
//
// Submissions are open from registration opening until the submission deadline (server time,
// Europe/Amsterdam is only for display: the deadline is an instant).

export type EditionDates = {
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  submissionDeadline: Date;
  judgingOpensAt: Date;
  judgingClosesAt: Date;
  resultsPublishAt: Date;
  /** When the board closed registration / submissions / judging before its date (or null). */
  registrationClosedEarlyAt?: Date | null;
  submissionsClosedEarlyAt?: Date | null;
  judgingClosedEarlyAt?: Date | null;
  /** Results published by the board before their date (or null). */
  resultsPublishedEarlyAt?: Date | null;
};

export const PHASES = ["announced", "registration", "building", "judging", "awaiting-results", "results"] as const;
export type Phase = (typeof PHASES)[number];

/** The date rules an edition must satisfy; each problem names the field it belongs to. */
type DateField = "registrationOpensAt" | "registrationClosesAt" | "submissionDeadline" | "judgingOpensAt" | "judgingClosesAt" | "resultsPublishAt";

export function checkEditionDates(d: Pick<EditionDates, DateField>): Array<{ field: DateField; problem: string }> {
  const problems: Array<{ field: DateField; problem: string }> = [];
  const order: Array<[DateField, DateField]> = [
    ["registrationOpensAt", "registrationClosesAt"],
    ["registrationClosesAt", "submissionDeadline"],
    ["submissionDeadline", "judgingOpensAt"],
    ["judgingOpensAt", "judgingClosesAt"],
    ["judgingClosesAt", "resultsPublishAt"],
  ];
  for (const [earlier, later] of order) {
    const a = d[earlier];
    const b = d[later];
    const strict = later === "registrationClosesAt" || later === "judgingClosesAt";
    if (strict ? b.getTime() <= a.getTime() : b.getTime() < a.getTime()) problems.push({ field: later, problem: `after:${earlier}` });
  }
  return problems;
}

const before = (at: Date, limit: Date | null | undefined) => limit == null || at.getTime() < limit.getTime();
const earliest = (...dates: Array<Date | null | undefined>) =>
  dates.filter((x): x is Date => x instanceof Date).reduce<Date | null>((min, x) => (min === null || x < min ? x : min), null);

/** When registration really closes: its date, or earlier when the board closed it. */
export function registrationClosesAt(d: EditionDates): Date {
  return earliest(d.registrationClosesAt, d.registrationClosedEarlyAt)!;
}

/** When submissions really close. */
export function submissionsCloseAt(d: EditionDates): Date {
  return earliest(d.submissionDeadline, d.submissionsClosedEarlyAt)!;
}

export function isRegistrationOpen(d: EditionDates, at: Date): boolean {
  return at.getTime() >= d.registrationOpensAt.getTime() && before(at, registrationClosesAt(d));
}

/** A team may hand in or change its submission: from registration opening until the deadline (exclusive). */
export function isSubmissionOpen(d: EditionDates, at: Date): boolean {
  return at.getTime() >= d.registrationOpensAt.getTime() && before(at, submissionsCloseAt(d));
}

/** When judging really closes. */
export function judgingClosesAt(d: EditionDates): Date {
  return earliest(d.judgingClosesAt, d.judgingClosedEarlyAt)!;
}

export function isJudgingOpen(d: EditionDates, at: Date): boolean {
  return at.getTime() >= d.judgingOpensAt.getTime() && before(at, judgingClosesAt(d));
}

export function areResultsPublished(d: EditionDates, at: Date): boolean {
  return at.getTime() >= d.resultsPublishAt.getTime() || (d.resultsPublishedEarlyAt != null && at.getTime() >= d.resultsPublishedEarlyAt.getTime());
}

/** The phase the edition is in at `at`. */
export function currentPhase(d: EditionDates, at: Date): Phase {
  if (areResultsPublished(d, at)) return "results";
  if (at.getTime() < d.registrationOpensAt.getTime()) return "announced";
  if (isRegistrationOpen(d, at)) return "registration";
  if (isSubmissionOpen(d, at)) return "building";
  if (isJudgingOpen(d, at)) return "judging";
  if (at.getTime() < d.judgingOpensAt.getTime()) return "building";
  return "awaiting-results";
}
