// Background work for invoices: the invoice of a newly approved company, and the daily round
// that invoices the new school year, sends reminders and ends grace periods.
import type { CompanyStatus } from "~/generated/prisma/enums";
import { changeCompanyStatus, CompanyStateError } from "~/modules/companies/companies.server";
import { schoolYearOf } from "~/modules/companies/school-year";
import { getFoundationSettings, invoiceDetailsComplete } from "~/modules/companies/settings.server";
import { defineJob, defineRecurringJob } from "~/modules/jobs/jobs.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { fromAmsterdamTime } from "~/utils/format";
import { dueReminderSteps, graceEndsOn, invoiceRunDate } from "./invoice-math";
import { CONTRIBUTION, issueContributionInvoice, sendReminder } from "./invoices.server";

export const ISSUE_FOR_COMPANY_JOB = "invoices.issue-for-company";
export const DAILY_JOB = "invoices.daily";
export const DAILY_CRON = "0 6 * * *";

const TX = { maxWait: 10_000, timeout: 30_000 } as const;
const INVOICED_STATUSES: CompanyStatus[] = ["APPROVED", "ACTIVE", "GRACE"];
const toInstant = (iso: string) => fromAmsterdamTime(iso)!;

const log = (message: string) => console.error(`[invoices] ${message}`);

/** The current school year's invoice for one (approved) company, e.g. right after approval. */
export async function issueForCompany(companyId: string): Promise<boolean> {
  const company = await db.company.findUnique({ where: { id: companyId }, select: { status: true } });
  if (!company || !INVOICED_STATUSES.includes(company.status)) return false;
  const { created } = await db.$transaction(
    (tx) => issueContributionInvoice(tx, { companyId, schoolYearStart: schoolYearOf(now()), actorId: null }),
    TX,
  );
  return created;
}

defineJob(ISSUE_FOR_COMPANY_JOB, async ({ payload }) => {
  const companyId = payload && typeof payload === "object" && !Array.isArray(payload) ? payload.companyId : undefined;
  if (typeof companyId !== "string") throw new Error(`${ISSUE_FOR_COMPANY_JOB}: payload without companyId`);
  await issueForCompany(companyId);
});

export type DailyReport = { issued: number; toGrace: number; reminded: number; ended: number; failed: number };

/**
 * One round, for the current school year at the current time (injectable clock):
 * 1. on/after the configured invoice day: invoice every APPROVED/ACTIVE/GRACE company that has no
 *    invoice for the year yet; an ACTIVE company whose new invoice is unpaid goes to GRACE;
 * 2. remind open invoices at the configured days (each step once, even with two workers);
 * 3. after the grace period (graceMonths from 1 August) GRACE companies that still have not paid
 *    this year's contribution end.
 * Each company is its own transaction: one failure does not stop the round.
 */
export async function runDailyInvoicing(): Promise<DailyReport> {
  const report: DailyReport = { issued: 0, toGrace: 0, reminded: 0, ended: 0, failed: 0 };
  const at = now();
  const startYear = schoolYearOf(at);
  const settings = await getFoundationSettings();

  if (invoiceDetailsComplete(settings) && at >= invoiceRunDate(startYear, settings.invoiceMonth, settings.invoiceDay, toInstant)) {
    const companies = await db.company.findMany({
      where: {
        status: { in: INVOICED_STATUSES },
        tierId: { not: null },
        invoices: { none: { kind: CONTRIBUTION, schoolYear: { startYear } } },
      },
      select: { id: true },
      orderBy: { name: "asc" },
    });
    for (const { id } of companies) {
      try {
        await db.$transaction(async (tx) => {
          const { invoice, created } = await issueContributionInvoice(tx, { companyId: id, schoolYearStart: startYear, actorId: null });
          if (!created) return;
          report.issued++;
          if (invoice.status === "OPEN") {
            const change = await changeCompanyStatus(tx, { companyId: id, event: "new-year", actorId: null, reason: `invoice ${invoice.number}` }).catch(
              (error: unknown) => {
                if (error instanceof CompanyStateError) return null; // APPROVED / GRACE: stays as it is
                throw error;
              },
            );
            if (change?.changed) report.toGrace++;
          }
        }, TX);
      } catch (error) {
        report.failed++;
        log(`could not invoice company ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  const open = await db.invoice.findMany({
    where: { status: "OPEN" },
    select: { id: true, status: true, issuedAt: true, reminders: { select: { step: true } } },
  });
  for (const invoice of open) {
    const steps = dueReminderSteps(invoice, settings.reminderDays, invoice.reminders.map((r) => r.step), at);
    for (const step of steps) {
      try {
        if (await db.$transaction((tx) => sendReminder(tx, invoice.id, step), TX)) report.reminded++;
      } catch (error) {
        report.failed++;
        log(`could not remind invoice ${invoice.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  if (at >= graceEndsOn(startYear, settings.graceMonths, toInstant)) {
    const unpaid = await db.company.findMany({
      where: { status: "GRACE", invoices: { some: { kind: CONTRIBUTION, status: "OPEN", schoolYear: { startYear } } } },
      select: { id: true },
    });
    for (const { id } of unpaid) {
      try {
        const change = await db.$transaction(
          (tx) => changeCompanyStatus(tx, { companyId: id, event: "grace-over", actorId: null, reason: `contribution ${startYear} unpaid` }),
          TX,
        );
        if (change.changed) report.ended++;
      } catch (error) {
        if (error instanceof CompanyStateError) continue; // paid in the meantime
        report.failed++;
        log(`could not end company ${id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return report;
}

defineRecurringJob(DAILY_JOB, DAILY_CRON, async () => {
  const report = await runDailyInvoicing();
  if (report.failed > 0) throw new Error(`invoices.daily: ${report.failed} failures (${JSON.stringify(report)})`);
});
