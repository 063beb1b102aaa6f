// Nightly safety net for lost or permanently failed webhooks: re-read every payment that can
// still change at Stripe and converge, exactly as a webhook would (syncPayment).
import { defineRecurringJob } from "~/modules/jobs/jobs.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { syncPayment, type SyncOutcome } from "./payments.server";

/** A FAILED checkout can still be paid while its session is open (≤ 24 h at Stripe). */
const FAILED_WINDOW_MS = 2 * 86_400_000;
const BATCH = 100;

export type ReconcileReport = { checked: number; changed: number; errors: { paymentId: string; message: string }[] };

/**
 * Converge every OPEN payment (including SEPA payments still processing) and every recently
 * FAILED one with Stripe. One payment's error does not stop the others.
 */
export async function reconcileOpenPayments(options: { log?: (message: string) => void } = {}): Promise<ReconcileReport> {
  const log = options.log ?? (() => {});
  const report: ReconcileReport = { checked: 0, changed: 0, errors: [] };
  const failedSince = new Date(now().getTime() - FAILED_WINDOW_MS);
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.payment.findMany({
      where: {
        checkoutSessionId: { not: null },
        OR: [{ status: "OPEN" }, { status: "FAILED", updatedAt: { gte: failedSince } }],
      },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const { id } of batch) {
      report.checked++;
      let outcome: SyncOutcome | null;
      try {
        outcome = await syncPayment(id, { source: "reconcile" });
      } catch (error) {
        report.errors.push({ paymentId: id, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (outcome?.result === "changed") {
        report.changed++;
        log(`[payments] reconcile: ${id} ${outcome.from} → ${outcome.to}`);
      }
    }
    if (batch.length < BATCH) break;
    cursor = batch.at(-1)!.id;
  }
  return report;
}

// Nightly at 02:30 (Amsterdam). A run with errors fails, so the job runner retries it later.
defineRecurringJob("payments.reconcile", "30 2 * * *", async () => {
  const report = await reconcileOpenPayments({ log: console.log });
  if (report.errors.length) {
    const first = report.errors[0]!;
    throw new Error(`reconcile: ${report.errors.length} of ${report.checked} payments failed (first: ${first.paymentId}: ${first.message})`);
  }
});

/** Stripe retries a delivery for up to three days; ids older than this cannot come back. */
const KEEP_STRIPE_EVENTS_DAYS = 90;

// Nightly at 03:45 (Amsterdam): forget webhook event ids long past any redelivery.
defineRecurringJob("payments.stripe-events-cleanup", "45 3 * * *", async () => {
  const before = new Date(now().getTime() - KEEP_STRIPE_EVENTS_DAYS * 86_400_000);
  await db.stripeEvent.deleteMany({ where: { receivedAt: { lt: before } } });
});
