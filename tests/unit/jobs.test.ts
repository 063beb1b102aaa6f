import { describe, expect, it } from "vitest";
import {
  backoffMs,
  defineJob,
  defineRecurringJob,
  drainJobs,
  enqueue,
  nextOccurrence,
  runDueJobs,
  scheduleRecurring,
} from "~/modules/jobs/jobs.server";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

const t0 = new Date("2026-09-01T08:00:00Z");

describe("job runner", () => {
  it("runs a due job once and marks it done", async () => {
    setClock(t0);
    const seen: unknown[] = [];
    defineJob("test.once", async ({ payload }) => {
      seen.push(payload);
    });
    await enqueue("test.once", { n: 1 });
    expect(await drainJobs()).toBe(1);
    expect(await drainJobs()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    const job = await db.job.findFirstOrThrow({ where: { name: "test.once" } });
    expect(job.status).toBe("DONE");
    expect(job.attempts).toBe(1);
  });

  it("does not run a job before its run-at time", async () => {
    setClock(t0);
    let runs = 0;
    defineJob("test.later", async () => void runs++);
    await enqueue("test.later", {}, { runAt: new Date(t0.getTime() + 60_000) });
    expect(await runDueJobs()).toBe(0);
    setClock(new Date(t0.getTime() + 60_000));
    expect(await runDueJobs()).toBe(1);
    expect(runs).toBe(1);
  });

  it("retries a failing job with growing backoff, then gives up after maxAttempts", async () => {
    setClock(t0);
    defineJob("test.flaky", async () => {
      throw new Error("remote said 500");
    });
    await enqueue("test.flaky", {}, { maxAttempts: 3 });
    expect(await runDueJobs()).toBe(1);
    let job = await db.job.findFirstOrThrow({ where: { name: "test.flaky" } });
    expect(job.status).toBe("PENDING");
    expect(job.lastError).toContain("remote said 500");
    expect(job.runAt.getTime()).toBe(t0.getTime() + backoffMs(1));
    // Not yet due: nothing runs.
    expect(await runDueJobs()).toBe(0);
    setClock(job.runAt);
    await runDueJobs();
    job = await db.job.findFirstOrThrow({ where: { name: "test.flaky" } });
    expect(job.runAt.getTime()).toBe(t0.getTime() + backoffMs(1) + backoffMs(2));
    setClock(job.runAt);
    await runDueJobs();
    job = await db.job.findFirstOrThrow({ where: { name: "test.flaky" } });
    expect(job.status).toBe("FAILED");
    expect(job.attempts).toBe(3);
  });

  it("backoff doubles and is capped", () => {
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);
    expect(backoffMs(3)).toBe(120_000);
    expect(backoffMs(50)).toBe(6 * 3_600_000);
  });

  it("runs each job once when several workers claim at the same time", async () => {
    setClock(t0);
    const runs = new Map<number, number>();
    defineJob("test.parallel", async ({ payload }) => {
      const n = (payload as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    });
    for (let n = 0; n < 40; n++) await enqueue("test.parallel", { n });
    await Promise.all(["a", "b", "c", "d"].map((w) => drainJobs({ workerId: w })));
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
  });

  it("picks a job up again when its worker's lease has run out", async () => {
    setClock(t0);
    let runs = 0;
    defineJob("test.lease", async () => void runs++);
    await enqueue("test.lease");
    // A worker claimed it and died: simulate the claim without settling it.
    await db.$executeRaw`UPDATE "Job" SET status = 'RUNNING', "lockedBy" = 'dead', "lockedUntil" = ${new Date(t0.getTime() + 60_000)}, attempts = 1 WHERE name = 'test.lease'`;
    expect(await runDueJobs()).toBe(0);
    setClock(new Date(t0.getTime() + 61_000));
    expect(await runDueJobs()).toBe(1);
    expect(runs).toBe(1);
    const job = await db.job.findFirstOrThrow({ where: { name: "test.lease" } });
    expect(job.status).toBe("DONE");
    expect(job.attempts).toBe(2);
  });

  it("enqueues a job with the same unique key only once", async () => {
    await enqueue("test.unique", { a: 1 }, { uniqueKey: "mail:abc" });
    await enqueue("test.unique", { a: 2 }, { uniqueKey: "mail:abc" });
    expect(await db.job.count({ where: { name: "test.unique" } })).toBe(1);
  });

  it("marks a job without a handler as failed instead of losing it", async () => {
    setClock(t0);
    await enqueue("test.nohandler", {}, { maxAttempts: 1 });
    await runDueJobs();
    const job = await db.job.findFirstOrThrow({ where: { name: "test.nohandler" } });
    expect(job.status).toBe("FAILED");
    expect(job.lastError).toContain("No handler");
  });
});

describe("recurring jobs", () => {
  it("computes the next occurrence in Amsterdam time", () => {
    // 03:15 in Amsterdam is 01:15 UTC in summer time and 02:15 UTC in winter time.
    expect(nextOccurrence("15 3 * * *", new Date("2026-07-01T12:00:00Z")).toISOString()).toBe("2026-07-02T01:15:00.000Z");
    expect(nextOccurrence("15 3 * * *", new Date("2026-12-01T12:00:00Z")).toISOString()).toBe("2026-12-02T02:15:00.000Z");
  });

  it("schedules the next occurrence once, however many instances ask", async () => {
    setClock(new Date("2026-10-01T10:00:00Z"));
    let runs = 0;
    defineRecurringJob("test.nightly", "0 2 * * *", async () => void runs++);
    await Promise.all([scheduleRecurring(), scheduleRecurring(), scheduleRecurring()]);
    const jobs = await db.job.findMany({ where: { name: "test.nightly" } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.toISOString()).toBe("2026-10-02T00:00:00.000Z");

    setClock(new Date("2026-10-02T00:00:01Z"));
    await drainJobs();
    expect(runs).toBe(1);
    await scheduleRecurring();
    const next = await db.job.findMany({ where: { name: "test.nightly", status: "PENDING" } });
    expect(next.map((j) => j.runAt.toISOString())).toEqual(["2026-10-03T00:00:00.000Z"]);
  });

  it("refuses a malformed schedule at registration", () => {
    expect(() => defineRecurringJob("test.bad", "every tuesday", async () => {})).toThrow();
  });
});
