import { describe, expect, it } from "vitest";
import { formatInvoiceNumber, invoiceYear, nextInvoiceNumber } from "~/modules/payments/payments.server";
import { db } from "~/utils/db.server";

const allocate = (date: Date) => db.$transaction((tx) => nextInvoiceNumber(tx, date), { maxWait: 20_000 });

describe("invoice numbers", () => {
  it("counts up from 0001 within a year", async () => {
    const date = new Date("2031-03-01T10:00:00Z");
    expect(await allocate(date)).toBe("2031-0001");
    expect(await allocate(date)).toBe("2031-0002");
    expect(await allocate(date)).toBe("2031-0003");
  });

  it("keeps one sequence per year and starts each year at 0001", async () => {
    expect(await allocate(new Date("2032-06-01T10:00:00Z"))).toBe("2032-0001");
    expect(await allocate(new Date("2033-01-15T10:00:00Z"))).toBe("2033-0001");
    expect(await allocate(new Date("2032-07-01T10:00:00Z"))).toBe("2032-0002");
    expect(await allocate(new Date("2033-02-01T10:00:00Z"))).toBe("2033-0002");
  });

  it("takes the year in Amsterdam time (New Year's Eve 23:30 UTC is already next year)", async () => {
    const newYear = new Date("2034-12-31T23:30:00Z");
    expect(invoiceYear(newYear)).toBe(2035);
    expect(await allocate(newYear)).toBe("2035-0001");
    expect(invoiceYear(new Date("2034-12-31T22:59:00Z"))).toBe(2034);
  });

  it("hands out every number exactly once under concurrent allocation, with no gaps", async () => {
    const date = new Date("2036-05-05T12:00:00Z");
    const numbers = await Promise.all(Array.from({ length: 25 }, () => allocate(date)));
    const expected = Array.from({ length: 25 }, (_, i) => formatInvoiceNumber(2036, i + 1));
    expect([...numbers].sort()).toEqual(expected);
  });

  it("returns the number when the invoicing transaction rolls back (no gap)", async () => {
    const date = new Date("2037-09-09T09:00:00Z");
    expect(await allocate(date)).toBe("2037-0001");
    let seen: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        seen = await nextInvoiceNumber(tx, date);
        throw new Error("creating the invoice failed");
      }),
    ).rejects.toThrow("creating the invoice failed");
    expect(seen).toBe("2037-0002");
    expect(await allocate(date)).toBe("2037-0002");
    const row = await db.invoiceSequence.findUniqueOrThrow({ where: { year: 2037 } });
    expect(row.lastNumber).toBe(2);
  });

  it("makes a concurrent caller wait for the holder's transaction, then continue after its rollback", async () => {
    const date = new Date("2038-02-02T12:00:00Z");
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db.$transaction(async (tx) => {
      const n = await nextInvoiceNumber(tx, date);
      await held;
      throw new Error(`rolled back ${n}`);
    });
    // Give the first transaction time to take the row lock, then start a second one.
    await new Promise((r) => setTimeout(r, 100));
    const second = allocate(date);
    await new Promise((r) => setTimeout(r, 100));
    release();
    await expect(first).rejects.toThrow("rolled back 2038-0001");
    expect(await second).toBe("2038-0001");
  });

  it("formats numbers past 9999 without truncating", () => {
    expect(formatInvoiceNumber(2026, 7)).toBe("2026-0007");
    expect(formatInvoiceNumber(2026, 12345)).toBe("2026-12345");
  });
});
