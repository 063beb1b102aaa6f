import { describe, expect, it } from "vitest";
import { daysBetween, dueDate, dueReminderSteps, graceEndsOn, invoiceRunDate, invoiceTotals, isOverdue, paymentTermOf, vatCents } from "~/modules/invoices/invoice-math";
import { fromAmsterdamTime } from "~/utils/format";

const at = (iso: string) => new Date(iso);
const amsterdam = (iso: string) => fromAmsterdamTime(iso)!;

describe("VAT", () => {
  it("is zero for an exempt contribution, whatever rate is configured", () => {
    expect(vatCents(50_000, "EXEMPT", 2100)).toBe(0);
    expect(invoiceTotals(50_000, "EXEMPT", 2100)).toEqual({ netCents: 50_000, vatMode: "EXEMPT", vatRateBp: 0, vatCents: 0, totalCents: 50_000 });
  });

  it("is net × rate, rounded half-up to whole cents", () => {
    expect(vatCents(25_000, "RATE", 2100)).toBe(5_250);
    expect(invoiceTotals(100_000, "RATE", 2100).totalCents).toBe(121_000);
    // 0.50 × 21 % = 10.5 ct → 11 ct (half-up); 0.49 × 21 % = 10.29 → 10 ct
    expect(vatCents(50, "RATE", 2100)).toBe(11);
    expect(vatCents(49, "RATE", 2100)).toBe(10);
    // 9 % of 0.50 = 4.5 ct → 5 ct; 9 % of 0.16 = 1.44 → 1 ct
    expect(vatCents(50, "RATE", 900)).toBe(5);
    expect(vatCents(16, "RATE", 900)).toBe(1);
    // a rate with decimals: 9.5 % of € 333.33 = € 31.66635 → € 31.67
    expect(vatCents(33_333, "RATE", 950)).toBe(3_167);
  });

  it("stays exact for large amounts (no float drift)", () => {
    expect(vatCents(99_999_999, "RATE", 2100)).toBe(21_000_000);
    expect(invoiceTotals(99_999_999, "RATE", 2100).totalCents).toBe(120_999_999);
  });

  it("refuses amounts that are not whole cents and impossible rates", () => {
    expect(() => vatCents(12.5, "RATE", 2100)).toThrow(RangeError);
    expect(() => vatCents(-1, "RATE", 2100)).toThrow(RangeError);
    expect(() => vatCents(100, "RATE", 10_001)).toThrow(RangeError);
  });
});

describe("due date", () => {
  it("is the issue date plus the payment term", () => {
    expect(dueDate(at("2026-09-01T04:00:00Z"), 30)).toEqual(at("2026-10-01T04:00:00Z"));
    expect(daysBetween(at("2026-09-01T04:00:00Z"), at("2026-10-01T03:59:00Z"))).toBe(29);
  });

  it("makes an open invoice overdue after the due date, a paid one never", () => {
    const dueAt = at("2026-10-01T04:00:00Z");
    expect(isOverdue({ status: "OPEN", dueAt }, at("2026-10-01T03:00:00Z"))).toBe(false);
    expect(isOverdue({ status: "OPEN", dueAt }, at("2026-10-02T00:00:00Z"))).toBe(true);
    expect(isOverdue({ status: "PAID", dueAt }, at("2027-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("reminder steps", () => {
  const issuedAt = at("2026-09-01T04:00:00Z");
  const open = { status: "OPEN", issuedAt };

  it("are due on the configured days after the invoice date, not before", () => {
    expect(dueReminderSteps(open, [30, 60], [], at("2026-09-30T12:00:00Z"))).toEqual([]);
    expect(dueReminderSteps(open, [30, 60], [], at("2026-10-01T04:00:00Z"))).toEqual([30]);
    expect(dueReminderSteps(open, [30, 60], [30], at("2026-10-20T04:00:00Z"))).toEqual([]);
    expect(dueReminderSteps(open, [30, 60], [30], at("2026-10-31T04:00:00Z"))).toEqual([60]);
    expect(dueReminderSteps(open, [30, 60], [30, 60], at("2027-03-01T04:00:00Z"))).toEqual([]);
  });

  it("send only the latest step when several are overdue (never two mails at once)", () => {
    expect(dueReminderSteps(open, [30, 60], [], at("2026-11-15T04:00:00Z"))).toEqual([60]);
    // … and not the earlier one afterwards
    expect(dueReminderSteps(open, [30, 60], [60], at("2026-11-16T04:00:00Z"))).toEqual([]);
  });

  it("follow the configured days in any order, ignoring nonsense", () => {
    expect(dueReminderSteps(open, [45, 14, 0, -3, 14], [], at("2026-09-20T04:00:00Z"))).toEqual([14]);
    expect(dueReminderSteps(open, [], [], at("2027-09-20T04:00:00Z"))).toEqual([]);
  });

  it("are never due for a paid or waived invoice", () => {
    expect(dueReminderSteps({ status: "PAID", issuedAt }, [30, 60], [], at("2026-12-01T00:00:00Z"))).toEqual([]);
    expect(dueReminderSteps({ status: "WAIVED", issuedAt }, [30, 60], [], at("2026-12-01T00:00:00Z"))).toEqual([]);
  });
});

describe("the invoice day and the grace period", () => {
  it("invoice in the school year: September of the start year, February of the next", () => {
    expect(invoiceRunDate(2026, 9, 1, amsterdam)).toEqual(amsterdam("2026-09-01"));
    expect(invoiceRunDate(2026, 2, 15, amsterdam)).toEqual(amsterdam("2027-02-15"));
    expect(invoiceRunDate(2026, 9, 31, amsterdam)).toEqual(amsterdam("2026-09-30"));
  });

  it("grace ends graceMonths after 1 August", () => {
    expect(graceEndsOn(2026, 3, amsterdam)).toEqual(amsterdam("2026-11-01"));
    expect(graceEndsOn(2026, 6, amsterdam)).toEqual(amsterdam("2027-02-01"));
  });
});

describe("the payment term an invoice states", () => {
  it("is the term it was issued with, from its own dates (the setting is 1–120 days, not always 30)", () => {
    const issued = new Date("2026-10-20T08:00:00Z");
    for (const days of [1, 14, 30, 120]) expect(paymentTermOf({ issuedAt: issued, dueAt: dueDate(issued, days) })).toBe(days);
    // Dates that came through JSON (the invoice page) give the same answer.
    expect(paymentTermOf({ issuedAt: issued.toISOString(), dueAt: dueDate(issued, 14).toISOString() })).toBe(14);
  });
});
