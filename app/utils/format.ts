// Dates, times, numbers and money as the reader expects them: always in Europe/Amsterdam time
// (the server may run in UTC), Dutch or English conventions, euros from integer cents.
// Used on server and client alike, so a page renders the same text in both. Wall-clock time in
// Amsterdam (summer time included) comes from @date-fns/tz.
import { TZDate } from "@date-fns/tz";

export const TIME_ZONE = "Europe/Amsterdam";

/** English readers here live in Europe: day before month, 24-hour clock. */
const LOCALES: Record<string, string> = { nl: "nl-NL", en: "en-GB" };
const AT: Record<string, string> = { nl: "om", en: "at" };

export function intlLocale(lang: string): string {
  return LOCALES[lang] ?? LOCALES.nl!;
}

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return date;
}

// Formatters are made once per language and style (a new Intl formatter costs far more than a
// format call; pages format hundreds of dates and amounts). The key is the caller's name for the
// style, so a lookup builds no options object.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(lang: string, name: string, options: () => Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${name}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(intlLocale(lang), { ...options(), timeZone: TIME_ZONE })));
  return format;
}
/** A cached number formatter; `name` must identify `options` (e.g. "currency:EUR"). */
export function numberFormat(lang: string, name: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${name}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(intlLocale(lang), options())));
  return format;
}

const DATE_STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
  weekday: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  long: { day: "numeric", month: "long", year: "numeric" },
};

export type DateStyle = "long" | "short" | "weekday";

/**
 * "14 maart 2025" (long), "14-03-2025" (short), "vrijdag 14 maart 2025" (weekday);
 * English: "14 March 2025", "14/03/2025", "Friday, 14 March 2025".
 */
export function formatDate(value: DateInput, lang: string, style: DateStyle = "long"): string {
  const name = style in DATE_STYLES ? style : "long";
  return dateFormat(lang, name, () => DATE_STYLES[name]!).format(toDate(value));
}

/** "09:30" — 24-hour clock in both languages. */
export function formatTime(value: DateInput, lang: string): string {
  return dateFormat(lang, "time", () => ({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" })).format(toDate(value));
}

/** "14 maart 2025 om 09:30" / "14 March 2025 at 09:30" (joined by us: ICU versions differ here). */
export function formatDateTime(value: DateInput, lang: string, style: DateStyle = "long"): string {
  return `${formatDate(value, lang, style)} ${AT[lang] ?? AT.nl} ${formatTime(value, lang)}`;
}

export function formatNumber(value: number, lang: string): string {
  return numberFormat(lang, "number", () => ({})).format(value);
}

/**
 * Money is stored as integer cents: 123456 → "€ 1.234,56" (nl) or "€1,234.56" (en).
 * Anything else is a bug upstream, so it throws rather than showing a wrong amount.
 */
export function formatMoney(cents: number, lang: string, currency = "EUR"): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be integer cents, got ${cents}`);
  return numberFormat(lang, `currency:${currency}`, () => ({ style: "currency", currency })).format(cents / 100);
}

// ---------------------------------------------------------------------------------------------
// Native date inputs: their value is always "yyyy-mm-dd" / "hh:mm" / "yyyy-mm-ddThh:mm", whatever
// the browser shows. Browsers without a date picker send what the user typed, so we also accept
// the Dutch "dd-mm-jjjj" (with -, / or . between).

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock parts of an instant in Amsterdam. */
function amsterdamParts(date: Date) {
  const t = new TZDate(date.getTime(), TIME_ZONE);
  return { year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate(), hour: t.getHours(), minute: t.getMinutes() };
}

/** "2025-03-14" — the Amsterdam calendar date of an instant, for `<input type="date">`. */
export function toDateInputValue(value: DateInput): string {
  const p = amsterdamParts(toDate(value));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2025-03-14T09:30" — Amsterdam wall-clock time, for `<input type="datetime-local">`. */
export function toDateTimeInputValue(value: DateInput): string {
  const p = amsterdamParts(toDate(value));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A real calendar date as "yyyy-mm-dd", from "yyyy-mm-dd" or Dutch "dd-mm-jjjj"; otherwise null. */
export function parseDateInput(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!year || !month || !day) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "09:30" or "9.30" → "09:30"; otherwise null. */
export function parseTimeInput(value: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h < 24 && m < 60 ? `${pad(h)}:${pad(m)}` : null;
}

/**
 * The instant of an Amsterdam wall-clock time ("2025-03-14" + "09:30", or "2025-03-14T09:30").
 * A time that does not exist (the hour skipped when summer time starts) lands an hour later;
 * an hour that happens twice (when it ends) means the first, summer-time one.
 */
export function fromAmsterdamTime(date: string, time = "00:00"): Date | null {
  const [datePart, timePart] = date.includes("T") ? date.split("T", 2) : [date, time];
  const day = parseDateInput(datePart ?? "");
  const clock = parseTimeInput(timePart ?? "");
  if (!day || !clock) return null;
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const [h, mi] = clock.split(":").map(Number) as [number, number];
  // TZDate moves a time that does not exist forward by the hour skipped, and takes the second
  // (winter-time) one of an hour that happens twice: then the hour before is the first one.
  const instant = new TZDate(y, mo - 1, d, h, mi, TIME_ZONE).getTime();
  const hourBefore = instant - 3_600_000;
  return new Date(toDateTimeInputValue(hourBefore) === `${day}T${clock}` ? hourBefore : instant);
}

/** "1,2 MB" — bytes for people. */
export function formatFileSize(bytes: number, lang: string): string {
  const format = numberFormat(lang, "fileSize", () => ({ maximumFractionDigits: 1 }));
  if (bytes < 1024 * 1024) return `${format.format(Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / 1024)))} KB`;
  return `${format.format(bytes / (1024 * 1024))} MB`;
}
