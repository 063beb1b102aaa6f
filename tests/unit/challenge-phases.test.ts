import { describe, expect, it } from "vitest";
import {
  areResultsPublished,
  checkEditionDates,
  currentPhase,
  isRegistrationOpen,
  isSubmissionOpen,
  type EditionDates,
} from "~/modules/challenges/phases";

// Young Solar Challenge 2027, in UTC instants (Amsterdam is UTC+1 in winter, +2 in summer).
const dates: EditionDates = {
  registrationOpensAt: new Date("2026-12-01T08:00:00Z"),
  registrationClosesAt: new Date("2027-02-01T23:00:00Z"),
  submissionDeadline: new Date("2027-05-14T15:00:00Z"),
  judgingOpensAt: new Date("2027-05-15T07:00:00Z"),
  judgingClosesAt: new Date("2027-06-01T22:00:00Z"),
  resultsPublishAt: new Date("2027-06-05T10:00:00Z"),
};
const at = (iso: string) => new Date(iso);

describe("edition phases", () => {
  it("follow the dates from announcement to results", () => {
    expect(currentPhase(dates, at("2026-11-28T12:00:00Z"))).toBe("announced");
    expect(currentPhase(dates, at("2026-12-01T08:00:00Z"))).toBe("registration");
    expect(currentPhase(dates, at("2027-02-01T22:59:59Z"))).toBe("registration");
    expect(currentPhase(dates, at("2027-02-01T23:00:00Z"))).toBe("building");
    expect(currentPhase(dates, at("2027-05-14T14:59:59Z"))).toBe("building");
    expect(currentPhase(dates, at("2027-05-14T15:00:00Z"))).toBe("building"); // between deadline and judging
    expect(currentPhase(dates, at("2027-05-15T07:00:00Z"))).toBe("judging");
    expect(currentPhase(dates, at("2027-06-02T08:00:00Z"))).toBe("awaiting-results");
    expect(currentPhase(dates, at("2027-06-05T10:00:00Z"))).toBe("results");
  });

  it("refuse a submission one second after the deadline and accept it one second before", () => {
    expect(isSubmissionOpen(dates, at("2027-05-14T14:59:59Z"))).toBe(true);
    expect(isSubmissionOpen(dates, at("2027-05-14T15:00:00Z"))).toBe(false);
    expect(isSubmissionOpen(dates, at("2027-05-14T15:00:01Z"))).toBe(false);
    expect(isSubmissionOpen(dates, at("2026-11-30T23:59:59Z"))).toBe(false);
  });

  it("let the board close registration and submissions early", () => {
    const closed = { ...dates, registrationClosedEarlyAt: at("2027-01-10T12:00:00Z"), submissionsClosedEarlyAt: at("2027-05-01T12:00:00Z") };
    expect(isRegistrationOpen(closed, at("2027-01-10T11:59:59Z"))).toBe(true);
    expect(isRegistrationOpen(closed, at("2027-01-10T12:00:00Z"))).toBe(false);
    expect(currentPhase(closed, at("2027-01-11T00:00:00Z"))).toBe("building");
    expect(isSubmissionOpen(closed, at("2027-05-02T00:00:00Z"))).toBe(false);
    // Closing "early" after the real date changes nothing.
    const late = { ...dates, registrationClosedEarlyAt: at("2027-03-01T00:00:00Z") };
    expect(isRegistrationOpen(late, at("2027-02-02T00:00:00Z"))).toBe(false);
  });

  it("publish results at their date, or earlier when the board publishes them", () => {
    expect(areResultsPublished(dates, at("2027-06-05T09:59:59Z"))).toBe(false);
    const early = { ...dates, resultsPublishedEarlyAt: at("2027-06-03T12:00:00Z") };
    expect(currentPhase(early, at("2027-06-03T12:00:00Z"))).toBe("results");
  });

  it("name the field of every date out of order", () => {
    expect(checkEditionDates(dates)).toEqual([]);
    const bad = { ...dates, registrationClosesAt: dates.registrationOpensAt, judgingOpensAt: at("2027-05-01T00:00:00Z") };
    expect(checkEditionDates(bad).map((p) => p.field)).toEqual(["registrationClosesAt", "judgingOpensAt"]);
  });
});
