import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatTime,
  fromAmsterdamTime,
  parseDateInput,
  toDateInputValue,
  toDateTimeInputValue,
} from "~/utils/format";

const NBSP = "\u00a0";

describe("dates and times in Amsterdam", () => {
  it("shows winter time as UTC+1 and summer time as UTC+2", () => {
    expect(formatDateTime("2025-01-15T08:00:00Z", "nl")).toBe("15 januari 2025 om 09:00");
    expect(formatDateTime("2025-07-15T08:00:00Z", "nl")).toBe("15 juli 2025 om 10:00");
    expect(formatDateTime("2025-07-15T08:00:00Z", "en")).toBe("15 July 2025 at 10:00");
  });

  it("jumps from 02:00 to 03:00 when summer time starts (30 March 2025)", () => {
    expect(formatTime("2025-03-30T00:59:00Z", "nl")).toBe("01:59");
    expect(formatTime("2025-03-30T01:00:00Z", "nl")).toBe("03:00");
    expect(formatDateTime(new Date("2025-03-30T01:30:00Z"), "nl")).toBe("30 maart 2025 om 03:30");
  });

  it("shows 02:30 twice when summer time ends (26 October 2025)", () => {
    expect(formatTime("2025-10-26T00:30:00Z", "nl")).toBe("02:30");
    expect(formatTime("2025-10-26T01:30:00Z", "nl")).toBe("02:30");
    expect(formatTime("2025-10-26T02:30:00Z", "en")).toBe("03:30");
  });

  it("uses the Amsterdam calendar day, not the UTC one", () => {
    expect(formatDate("2025-06-30T22:30:00Z", "nl")).toBe("1 juli 2025");
    expect(formatDate("2025-01-31T23:30:00Z", "en")).toBe("1 February 2025");
    expect(toDateInputValue("2025-06-30T22:30:00Z")).toBe("2025-07-01");
  });

  it("has short and weekday styles", () => {
    expect(formatDate("2025-03-14T12:00:00Z", "nl", "short")).toBe("14-03-2025");
    expect(formatDate("2025-03-14T12:00:00Z", "en", "short")).toBe("14/03/2025");
    expect(formatDate("2025-03-14T12:00:00Z", "nl", "weekday")).toBe("vrijdag 14 maart 2025");
  });

  it("refuses what is not a date", () => {
    expect(() => formatDate("gisteren", "nl")).toThrow(RangeError);
  });
});

describe("money from integer cents", () => {
  it("writes euros the Dutch and the English way", () => {
    expect(formatMoney(123456, "nl")).toBe(`€${NBSP}1.234,56`);
    expect(formatMoney(123456, "en")).toBe("€1,234.56");
    expect(formatMoney(5, "nl")).toBe(`€${NBSP}0,05`);
    expect(formatMoney(0, "en")).toBe("€0.00");
    expect(formatMoney(-2500, "nl")).toBe(`€${NBSP}-25,00`);
    expect(formatMoney(-2500, "en")).toBe("-€25.00");
    expect(formatMoney(100_000_000_00, "nl")).toBe(`€${NBSP}100.000.000,00`);
  });

  it("refuses amounts that are not whole cents", () => {
    for (const bad of [12.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(() => formatMoney(bad, "nl")).toThrow(RangeError);
  });

  it("formats plain numbers", () => {
    expect(formatNumber(1234567, "nl")).toBe("1.234.567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
});

describe("date inputs", () => {
  it("accepts the ISO value of a date picker and the typed Dutch dd-mm-jjjj", () => {
    expect(parseDateInput("2025-03-14")).toBe("2025-03-14");
    expect(parseDateInput("14-03-2025")).toBe("2025-03-14");
    expect(parseDateInput(" 1/3/2025 ")).toBe("2025-03-01");
    expect(parseDateInput("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2025-02-29", "31-04-2025", "2025-13-01", "14-03-25", "morgen", "", "2025-03-14T09:00"]) expect(parseDateInput(bad), bad).toBeNull();
  });

  it("turns Amsterdam wall-clock time into the right instant across summer time", () => {
    expect(fromAmsterdamTime("2025-01-15", "09:00")?.toISOString()).toBe("2025-01-15T08:00:00.000Z");
    expect(fromAmsterdamTime("2025-07-15T09:00")?.toISOString()).toBe("2025-07-15T07:00:00.000Z");
    // 02:30 does not exist on 30 March: it lands an hour later, at 03:30 summer time.
    expect(fromAmsterdamTime("2025-03-30T02:30")?.toISOString()).toBe("2025-03-30T01:30:00.000Z");
    // 02:30 happens twice on 26 October: the first (summer time) is meant.
    expect(fromAmsterdamTime("2025-10-26T02:30")?.toISOString()).toBe("2025-10-26T00:30:00.000Z");
    expect(fromAmsterdamTime("2025-10-26T03:30")?.toISOString()).toBe("2025-10-26T02:30:00.000Z");
    expect(fromAmsterdamTime("30-02-2025", "10:00")).toBeNull();
    expect(fromAmsterdamTime("2025-03-01", "25:00")).toBeNull();
  });

  it("switches on the last Sunday of March and of October, whatever the year", () => {
    // Summer time: 29 March 2026 and 28 March 2027; winter time: 25 October 2026 and 31 October 2027.
    for (const [march, october] of [["2026-03-29", "2026-10-25"], ["2027-03-28", "2027-10-31"], ["2028-03-26", "2028-10-29"]] as const) {
      // The Saturday before is still winter time, the Sunday after 03:00 summer time.
      const saturday = new Date(new Date(`${march}T12:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
      expect(fromAmsterdamTime(saturday, "12:00")?.toISOString()).toBe(`${saturday}T11:00:00.000Z`);
      expect(fromAmsterdamTime(march, "01:59")?.toISOString()).toBe(`${march}T00:59:00.000Z`);
      expect(fromAmsterdamTime(march, "02:00")?.toISOString(), `${march} 02:00 does not exist`).toBe(`${march}T01:00:00.000Z`);
      expect(fromAmsterdamTime(march, "03:00")?.toISOString()).toBe(`${march}T01:00:00.000Z`);
      expect(toDateTimeInputValue(`${march}T00:59:00Z`)).toBe(`${march}T01:59`);
      expect(toDateTimeInputValue(`${march}T01:00:00Z`)).toBe(`${march}T03:00`);
      // 02:00–02:59 happens twice: the summer-time one is meant; 03:00 is winter time again.
      expect(fromAmsterdamTime(october, "02:00")?.toISOString()).toBe(`${october}T00:00:00.000Z`);
      expect(fromAmsterdamTime(october, "02:59")?.toISOString()).toBe(`${october}T00:59:00.000Z`);
      expect(fromAmsterdamTime(october, "03:00")?.toISOString()).toBe(`${october}T02:00:00.000Z`);
      expect(toDateTimeInputValue(`${october}T00:30:00Z`)).toBe(`${october}T02:30`);
      expect(toDateTimeInputValue(`${october}T01:30:00Z`)).toBe(`${october}T02:30`);
      expect(formatTime(`${october}T02:00:00Z`, "nl")).toBe("03:00");
    }
    // Not on the Sunday a week earlier.
    expect(fromAmsterdamTime("2026-10-18", "02:30")?.toISOString()).toBe("2026-10-18T00:30:00.000Z");
    expect(fromAmsterdamTime("2026-03-22", "02:30")?.toISOString()).toBe("2026-03-22T01:30:00.000Z");
  });

  it("round-trips through the input value", () => {
    for (const iso of ["2025-03-30T00:30:00Z", "2025-03-30T01:30:00Z", "2025-10-26T01:30:00Z", "2025-12-31T23:15:00Z"]) {
      const value = toDateTimeInputValue(iso);
      expect(fromAmsterdamTime(value)?.getTime() === new Date(iso).getTime() || value.endsWith("T02:30"), `${iso} → ${value}`).toBe(true);
    }
    expect(toDateTimeInputValue("2025-12-31T23:15:00Z")).toBe("2026-01-01T00:15");
  });
});
