// One job queue on PostgreSQL. Several app instances may run workers against it: a job is
// claimed with FOR UPDATE SKIP LOCKED and held under a lease, so it runs once; a worker that
// dies mid-job loses its lease and the job is picked up again after the lease ends.
//
// A worker claims one job at a time (a claimed job waiting behind a slow one would lose its lease
// and run twice) and renews the lease of the job it runs every `heartbeatMs`, however long the
// job takes; only a worker that stopped (crashed, killed) stops renewing.
import { randomUUID } from "node:crypto";
import { CronExpressionParser } from "cron-parser";
import { type Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

export type JobContext = { jobId: string; attempt: number; payload: Prisma.JsonValue };
export type JobHandler = (ctx: JobContext) => Promise<void>;

type Recurring = { name: string; cron: string; timezone: string };

const handlers = new Map<string, JobHandler>();
const recurring = new Map<string, Recurring>();

export const TIMEZONE = "Europe/Amsterdam";
const DEFAULT_TIMING = { leaseMs: 5 * 60_000, heartbeatMs: 60_000 };
let timing = { ...DEFAULT_TIMING };

/** Tests (and the crash test's child worker): shorter leases; no argument restores the defaults. */
export function setJobTiming(next: Partial<typeof DEFAULT_TIMING> = {}): void {
  timing = { ...DEFAULT_TIMING, ...next };
}

/** Register the code that runs jobs of this name. Modules call this when they load. */
export function defineJob(name: string, handler: JobHandler): void {
  handlers.set(name, handler);
}

/**
 * Register a recurring job, cron-like (`minute hour day-of-month month day-of-week`,
 * Europe/Amsterdam). The next occurrence is enqueued once for all instances.
 */
export function defineRecurringJob(name: string, cron: string, handler: JobHandler): void {
  CronExpressionParser.parse(cron, { tz: TIMEZONE }); // fail at startup on a bad expression
  handlers.set(name, handler);
  recurring.set(name, { name, cron, timezone: TIMEZONE });
}

export function registeredJobNames(): string[] {
  return [...handlers.keys()];
}

/** Delay before the next try: 30 s, 1 min, 2 min … capped at 6 hours. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

export type EnqueueOptions = {
  runAt?: Date;
  /** Jobs with the same key are enqueued once (idempotency). */
  uniqueKey?: string;
  maxAttempts?: number;
};

/** Enqueue a job; pass the transaction client so the job exists only if the change commits. */
export async function enqueue(
  name: string,
  payload: Prisma.InputJsonValue = {},
  options: EnqueueOptions = {},
  client: Tx = db,
): Promise<void> {
  await client.job.createMany({
    data: [
      {
        name,
        payload,
        runAt: options.runAt ?? now(),
        uniqueKey: options.uniqueKey ?? null,
        maxAttempts: options.maxAttempts ?? 8,
      },
    ],
    skipDuplicates: true,
  });
}

export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { tz: TIMEZONE, currentDate: after }).next().toDate();
}

/** Make sure the next occurrence of every recurring job is in the queue (once, across instances). */
export async function scheduleRecurring(): Promise<void> {
  const at = now();
  const data = [...recurring.values()].map((r) => {
    const runAt = nextOccurrence(r.cron, at);
    return { name: r.name, payload: {}, runAt, uniqueKey: `recurring:${r.name}:${runAt.toISOString()}` };
  });
  if (data.length) await db.job.createMany({ data, skipDuplicates: true });
}

type ClaimedJob = { id: string; name: string; payload: Prisma.JsonValue; attempts: number; maxAttempts: number };

async function claim(workerId: string, limit: number): Promise<ClaimedJob[]> {
  const at = now();
  const leaseEnd = new Date(at.getTime() + timing.leaseMs);
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedBy" = ${workerId}, "lockedUntil" = ${leaseEnd},
      attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE (status = 'PENDING' AND "runAt" <= ${at})
         OR (status = 'RUNNING' AND "lockedUntil" < ${at})
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, name, payload, attempts, "maxAttempts"`;
}

async function finish(job: ClaimedJob, workerId: string, error: unknown): Promise<void> {
  const at = now();
  // Only the holder of the lease may settle the job.
  const own = { id: job.id, lockedBy: workerId, status: "RUNNING" as const };
  if (error === undefined) {
    await db.job.updateMany({ where: own, data: { status: "DONE", finishedAt: at, lockedBy: null, lockedUntil: null } });
    return;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const final = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: own,
    data: {
      status: final ? "FAILED" : "PENDING",
      runAt: final ? undefined : new Date(at.getTime() + backoffMs(job.attempts)),
      finishedAt: final ? at : null,
      lastError: message.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
    },
  });
}

/** Keep the lease of a running job while its worker lives. */
function keepLease(job: ClaimedJob, workerId: string): () => void {
  const timer = setInterval(() => {
    db.job
      .updateMany({
        where: { id: job.id, lockedBy: workerId, status: "RUNNING" },
        data: { lockedUntil: new Date(now().getTime() + timing.leaseMs) },
      })
      .catch((error: unknown) => console.error(`[jobs] could not renew the lease of ${job.name} ${job.id}: ${error instanceof Error ? error.message : String(error)}`));
  }, timing.heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Claim and run the jobs that are due, one at a time, up to `limit`. Returns how many ran. */
export async function runDueJobs(options: { workerId?: string; limit?: number } = {}): Promise<number> {
  const workerId = options.workerId ?? `worker-${randomUUID()}`;
  const limit = options.limit ?? 10;
  let ran = 0;
  while (ran < limit) {
    const [job] = await claim(workerId, 1);
    if (!job) break;
    ran++;
    const handler = handlers.get(job.name);
    const release = keepLease(job, workerId);
    let error: unknown;
    try {
      if (!handler) throw new Error(`No handler registered for job "${job.name}"`);
      await handler({ jobId: job.id, attempt: job.attempts, payload: job.payload });
    } catch (e) {
      error = e ?? new Error("job failed");
    } finally {
      release();
    }
    await finish(job, workerId, error);
  }
  return ran;
}

/** Run jobs until none is due (tests and scripts). */
export async function drainJobs(options: { workerId?: string; maxRounds?: number } = {}): Promise<number> {
  let total = 0;
  for (let round = 0; round < (options.maxRounds ?? 100); round++) {
    const ran = await runDueJobs({ workerId: options.workerId });
    total += ran;
    if (ran === 0) break;
  }
  return total;
}

export type Worker = { stop(): Promise<void> };

/** Poll the queue in the background (the app server starts one per instance). */
export function startWorker(options: { intervalMs?: number; log?: (m: string) => void } = {}): Worker {
  const workerId = `worker-${randomUUID()}`;
  const log = options.log ?? console.error;
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        await scheduleRecurring();
        while (!stopped && (await runDueJobs({ workerId })) > 0);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`[jobs] ${message.trim().split("\n").filter(Boolean).at(-1) ?? "error"}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs ?? 2000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
