// Invoice arithmetic (pure: no database, no clock). Money is integer cents; VAT rates are basis
// points (2100 = 21 %); VAT is rounded half-up to whole cents.
import { numberFormat } from "~/utils/format";

export type VatMode = "EXEMPT" | "RATE";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** VAT on a net amount: 0 when exempt, else net × rate / 10 000, rounded half-up to whole cents. */
export function vatCents(netCents: number, mode: VatMode, rateBp: number): number {
  if (!Number.isInteger(netCents) || netCents < 0) throw new RangeError(`net amount must be whole, non-negative cents: ${netCents}`);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`VAT rate must be 0–10000 basis points: ${rateBp}`);
  if (mode === "EXEMPT" || rateBp === 0) return 0;
  // Integer maths: (net × rate + 5 000) div 10 000 is half-up rounding without float errors.
  return Math.floor((netCents * rateBp + 5_000) / 10_000);
}

export type InvoiceTotals = { netCents: number; vatMode: VatMode; vatRateBp: number; vatCents: number; totalCents: number };

/** Net, VAT and total for one amount. An exempt invoice has rate 0. */
export function invoiceTotals(netCents: number, mode: VatMode, rateBp: number): InvoiceTotals {
  const vatRateBp = mode === "EXEMPT" ? 0 : rateBp;
  const vat = vatCents(netCents, mode, vatRateBp);
  return { netCents, vatMode: mode, vatRateBp, vatCents: vat, totalCents: netCents + vat };
}

/** "21" or "9,5" / "9.5": a rate in basis points as a percentage without trailing zeros. */
export function formatVatRate(rateBp: number, lang: string): string {
  return numberFormat(lang === "en" ? "en" : "nl", "rate", () => ({ maximumFractionDigits: 2 })).format(rateBp / 100);
}

/** The due date: the issue date plus the payment term in days. */
export function dueDate(issuedAt: Date, paymentTermDays: number): Date {
  return new Date(issuedAt.getTime() + paymentTermDays * DAY_MS);
}

/** The payment term an invoice was issued with (the setting may have changed since): whole days from issue to due date. */
export function paymentTermOf(invoice: { issuedAt: Date | string; dueAt: Date | string }): number {
  return Math.round((new Date(invoice.dueAt).getTime() - new Date(invoice.issuedAt).getTime()) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

export type ReminderInvoice = { status: string; issuedAt: Date };

/**
 * The reminder steps (days after the invoice date, from the settings' reminderDays) that are due
 * now and not sent yet. Only open invoices are reminded; when several steps are overdue (the job
 * did not run for a while) only the latest is returned, so a company never gets two reminders at
 * once.
 */
export function dueReminderSteps(invoice: ReminderInvoice, reminderDays: readonly number[], sentSteps: readonly number[], at: Date): number[] {
  if (invoice.status !== "OPEN") return [];
  const age = daysBetween(invoice.issuedAt, at);
  const steps = [...new Set(reminderDays.filter((d) => Number.isInteger(d) && d > 0))].sort((a, b) => a - b);
  const reached = steps.filter((d) => d <= age);
  if (reached.length === 0) return [];
  const latest = reached[reached.length - 1]!;
  if (sentSteps.some((s) => s >= latest)) return [];
  return [latest];
}

/** Is an open invoice past its due date? */
export function isOverdue(invoice: { status: string; dueAt: Date }, at: Date): boolean {
  return invoice.status === "OPEN" && invoice.dueAt.getTime() < at.getTime();
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The day a school year's contributions are invoiced (Amsterdam midnight): the configured
 * month/day in the school year, so months August–December fall in the start year and
 * January–July in the next calendar year. A day past the month's end is its last day.
 */
export function invoiceRunDate(startYear: number, month: number, day: number, toInstant: (isoDate: string) => Date): Date {
  const m = Math.min(12, Math.max(1, Math.trunc(month)));
  const year = m >= 8 ? startYear : startYear + 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const d = Math.min(lastDay, Math.max(1, Math.trunc(day)));
  return toInstant(`${year}-${pad2(m)}-${pad2(d)}`);
}

/** The end of the grace period: graceMonths after the school year's start (1 August). */
export function graceEndsOn(startYear: number, graceMonths: number, toInstant: (isoDate: string) => Date): Date {
  const months = 7 + Math.max(0, Math.trunc(graceMonths)); // 0-based month index of August is 7
  const year = startYear + Math.floor(months / 12);
  return toInstant(`${year}-${pad2((months % 12) + 1)}-01`);
}
