// The demo data is dated relative to the day it is seeded (the app clock), so the demo never
// expires: whatever the day, one edition has registration open, one is building, one is being
// judged and one has its results, and the invoices belong to the current school year.
import { now } from "../app/utils/clock.server";
import { fromAmsterdamTime, toDateInputValue } from "../app/utils/format";

/** The seeding day's Amsterdam calendar date moved by `days` whole days, as "yyyy-mm-dd". */
export function dateFromToday(days: number, today: Date = now()): string {
  const [y, m, d] = toDateInputValue(today).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Amsterdam wall-clock `time` on the day `days` from the seeding day (negative: in the past). */
export function dayAt(days: number, time = "10:00", today: Date = now()): Date {
  return fromAmsterdamTime(dateFromToday(days, today), time)!;
}

/** The Amsterdam calendar year of an instant. */
export const amsterdamYear = (date: Date) => Number(toDateInputValue(date).slice(0, 4));
