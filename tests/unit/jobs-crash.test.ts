// Jobs and background tasks survive a worker that dies (issue 15, finding 5): a running job's
// lease is renewed however long it runs, a worker claims one job at a time, and a task whose
// worker was killed mid-run is resumed by another worker, each item handled exactly once.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { defineJob, drainJobs, enqueue, runDueJobs, setJobTiming } from "~/modules/jobs/jobs.server";
import { startTask } from "~/modules/tasks/tasks.server";
import { db } from "~/utils/db.server";
import { SLOW_ITEM_ACTION, SLOW_TASK_KIND } from "../support/slow-task";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
afterEach(() => setJobTiming());

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await sleep(100);
  }
}

describe("job leases", () => {
  it("are renewed while a slow job runs, and jobs are claimed one at a time: two workers never run a job twice", async () => {
    setJobTiming({ leaseMs: 1500, heartbeatMs: 200 });
    const runs = new Map<string, number>();
    defineJob("test.slow-batch", async ({ payload }) => {
      const key = (payload as { key: string }).key;
      runs.set(key, (runs.get(key) ?? 0) + 1);
      await sleep(2500);
    });
    for (const key of ["a", "b", "c"]) await enqueue("test.slow-batch", { key });
    // Worker one works through the batch (7.5 s, far beyond a lease); worker two polls the
    // queue meanwhile, as another instance would.
    let stop = false;
    const one = runDueJobs({ workerId: "one", limit: 10 });
    const two = (async () => {
      while (!stop) {
        await runDueJobs({ workerId: "two", limit: 10 });
        await sleep(100);
      }
    })();
    await one;
    stop = true;
    await two;
    await drainJobs();
    expect(Object.fromEntries(runs)).toEqual({ a: 1, b: 1, c: 1 });
    expect(await db.job.count({ where: { name: "test.slow-batch", status: "DONE" } })).toBe(3);
  }, 30_000);
});

describe("a worker killed mid-task", () => {
  it("leaves a task another worker resumes and finishes, each item once", async () => {
    await import("../support/slow-task");
    const task = await db.$transaction((tx) => startTask(tx, { kind: SLOW_TASK_KIND, ownerId: null, input: { items: 8, delayMs: 200 }, total: 8 }));
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("../support/job-worker-child.ts", import.meta.url))], {
      env: { ...process.env, CHILD_LEASE_MS: "1500", CHILD_HEARTBEAT_MS: "300" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const exited = once(child, "exit");
    try {
      await waitFor(async () => (await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } })).done >= 3, 60_000);
    } finally {
      child.kill("SIGKILL");
      await exited;
    }
    const mid = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(mid.status).toBe("RUNNING");
    expect(mid.done).toBeLessThan(8);

    // Nothing renews the dead worker's lease: once it runs out, another worker takes the job.
    await sleep(2000);
    await drainJobs();
    const after = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(after).toMatchObject({ status: "DONE", done: 8, result: { items: 8 } });
    const items = await db.auditLog.findMany({ where: { entityId: task.id, action: SLOW_ITEM_ACTION }, select: { meta: true } });
    expect(items.map((i) => (i.meta as { item: number }).item).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect((await db.job.findFirstOrThrow({ where: { name: `task.${SLOW_TASK_KIND}` } })).status).toBe("DONE");
  }, 90_000);
});
