// School years run 1 August – 31 July (Europe/Amsterdam). A school year is named by the calendar
// year it starts in: 2026 is "2026-2027". Pure functions; the date comes from the caller's clock.
import { fromAmsterdamTime } from "~/utils/format";

/** The start year of the school year that `date` falls in (Amsterdam time). */
// Created once: a new Intl formatter per call cost ~2 % of the board's invoice page (docs/performance.md).
const amsterdamYearMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "numeric" });

export function schoolYearOf(date: Date): number {
  const parts = amsterdamYearMonth.formatToParts(date);
  const year = Number(parts.find((p) => p.type === "year")!.value);
  const month = Number(parts.find((p) => p.type === "month")!.value);
  return month >= 8 ? year : year - 1;
}

/** "2026-2027". */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** First and last moment of a school year: 1 August 00:00 to 1 August of the next year, Amsterdam time. */
export function schoolYearBounds(startYear: number): { startsOn: Date; endsOn: Date } {
  return {
    startsOn: fromAmsterdamTime(`${startYear}-08-01`)!,
    endsOn: new Date(fromAmsterdamTime(`${startYear + 1}-08-01`)!.getTime() - 1),
  };
}
