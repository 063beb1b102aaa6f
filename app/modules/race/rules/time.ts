// Race times as officials type them and as every page shows them: "m:ss.mmm".
//
// Parsing is strict, so a typo is refused rather than read as another time:
//  - "m:ss", "m:ss.d", "m:ss.dd" or "m:ss.ddd": minutes 0–99 (one or two digits), seconds exactly
//    two digits 00–59, then optionally 1–3 decimals. The decimals are a fraction of a second, so
//    "1:05.3" is 1:05.300 (65 300 ms), as a stopwatch shows it.
//  - "ss.mmm" without minutes (also "s", "s.d" …): seconds 0–59 only. "45.3" is 0:45.300; "65.3" is
//    refused (SECONDS_OUT_OF_RANGE) rather than guessed as 1:05.300 — a stopwatch never shows it,
//    so it is more likely a typo for 6:5.3 or 0:56.3 than a time.
//  - A comma is accepted for the decimal point (a Dutch keypad has ","), spaces around are ignored.
//  - Refused: empty, a minus sign (NEGATIVE), more than three decimals (TOO_MANY_DECIMALS),
//    seconds ≥ 60 (SECONDS_OUT_OF_RANGE), minutes > 99 (TOO_LONG), a time of zero (ZERO: no run
//    takes no time; a run without a time is DNF), and anything else (FORMAT).
// Formatting is the inverse for any whole number of ms ≥ 0: always three decimals, minutes
// unpadded: 65 300 → "1:05.300", 45 300 → "0:45.300". parse(format(ms)) === ms.

export const MAX_RACE_TIME_MS = (99 * 60 + 59) * 1000 + 999;

export const RACE_TIME_ERRORS = ["EMPTY", "FORMAT", "NEGATIVE", "TOO_MANY_DECIMALS", "SECONDS_OUT_OF_RANGE", "TOO_LONG", "ZERO"] as const;
export type RaceTimeError = (typeof RACE_TIME_ERRORS)[number];
export type RaceTimeResult = { ok: true; ms: number } | { ok: false; error: RaceTimeError };

const WITH_MINUTES = /^(\d+):(\d+)(?:[.,](\d+))?$/;
const SECONDS_ONLY = /^(\d+)(?:[.,](\d+))?$/;

/** Reads a typed time (see the rule above). */
export function parseRaceTime(input: string): RaceTimeResult {
  const text = input.trim();
  if (text === "") return fail("EMPTY");
  if (text.startsWith("-") || text.startsWith("−")) return fail("NEGATIVE");
  let minutes = 0;
  let secondsText: string;
  let decimals: string | undefined;
  const m = WITH_MINUTES.exec(text);
  if (m) {
    if (m[1]!.length > 2) return fail("TOO_LONG");
    if (m[2]!.length !== 2) return fail("FORMAT");
    minutes = Number(m[1]);
    secondsText = m[2]!;
    decimals = m[3];
  } else {
    const s = SECONDS_ONLY.exec(text);
    if (!s) return fail("FORMAT");
    if (s[1]!.length > 2) return fail("SECONDS_OUT_OF_RANGE");
    secondsText = s[1]!;
    decimals = s[2];
  }
  if (decimals !== undefined && decimals.length > 3) return fail("TOO_MANY_DECIMALS");
  const seconds = Number(secondsText);
  if (seconds > 59) return fail("SECONDS_OUT_OF_RANGE");
  const ms = (minutes * 60 + seconds) * 1000 + (decimals === undefined ? 0 : Number(decimals.padEnd(3, "0")));
  if (ms === 0) return fail("ZERO");
  return { ok: true, ms };
}

/** "m:ss.mmm" for a whole number of ms ≥ 0. Throws a RangeError for anything else. */
export function formatRaceTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`a race time is a whole number of ms ≥ 0, got ${ms}`);
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  const millis = ms % 1000;
  return `${minutes}:${String(seconds).padStart(2, "0")}.${String(millis).padStart(3, "0")}`;
}

function fail(error: RaceTimeError): RaceTimeResult {
  return { ok: false, error };
}
