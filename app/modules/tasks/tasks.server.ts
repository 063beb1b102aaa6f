// Long actions (sending 200 invitations, an export) run as jobs and report their progress in a
// BackgroundTask row, so the person who started them can leave and come back to /taken/<id>.
//
//   const task = await startTask(tx, { kind: "bulk-invite", ownerId: user.id, input, total });
//   defineTaskRunner("bulk-invite", async ({ task, input, progress }) => { …; await progress(done, failed); return result; });
//
// A task runs once: its job has one attempt (a retry could repeat half-done work, such as mails).
// An error ends it as FAILED with the message on its page.
//
// A worker that dies mid-task (crash, deploy, OOM) stops renewing its job's lease; the job is
// claimed again and the task *resumes* from its last committed progress (`task.done`). A runner
// that writes in batches passes its transaction to `progress(done, failed, tx)`: the batch and the
// progress commit together, and a progress that does not move forward (another worker already
// did this batch) throws and rolls the batch back, so each item is handled exactly once.
import type { BackgroundTask } from "~/generated/prisma/client";
import { Prisma } from "~/generated/prisma/client";
import { defineJob, enqueue } from "~/modules/jobs/jobs.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

export const TASK_JOB_PREFIX = "task.";

export type StartTaskInput = {
  kind: string;
  ownerId: string | null;
  input: Prisma.InputJsonValue;
  /** How many items the task will handle (for the progress bar); 0 when unknown. */
  total: number;
};

/** Create the task and enqueue its job in the caller's transaction: both exist, or neither. */
export async function startTask(tx: Tx, { kind, ownerId, input, total }: StartTaskInput): Promise<BackgroundTask> {
  const task = await tx.backgroundTask.create({
    data: { kind, ownerId, input, total: Math.max(0, Math.floor(total)), createdAt: now() },
  });
  await enqueue(`${TASK_JOB_PREFIX}${kind}`, { taskId: task.id }, { uniqueKey: `task:${task.id}`, maxAttempts: 1 }, tx);
  return task;
}

export type TaskContext<Input> = {
  /** The task as it is now: on a resumed run `task.done` items were handled before. */
  task: BackgroundTask;
  input: Input;
  /** True when an earlier worker started this task and died: continue from `task.done`. */
  resumed: boolean;
  /**
   * Items handled so far (and how many of them failed); shown on the task's page. With `tx`, it
   * commits with the batch, and throws (rolling the batch back) unless it moves forward.
   */
  progress(done: number, failed?: number, tx?: Tx): Promise<void>;
};

/** A run that lost its task to another worker (its progress would not move forward). */
export class TaskSupersededError extends Error {
  constructor(taskId: string) {
    super(`task ${taskId}: another worker has taken over`);
    this.name = "TaskSupersededError";
  }
}

/** A task whose workers died this many times is given up (FAILED) rather than started again. */
export const MAX_TASK_RUNS = 5;

export type TaskHandler<Input> = (ctx: TaskContext<Input>) => Promise<Prisma.InputJsonValue | void>;

const runners = new Set<string>();

/** The task kinds that have a runner (tests). */
export function registeredTaskKinds(): string[] {
  return [...runners];
}

/** Register the code that runs tasks of this kind; its return value is the task's result. */
export function defineTaskRunner<Input = Prisma.JsonValue>(kind: string, handler: TaskHandler<Input>): void {
  runners.add(kind);
  defineJob(`${TASK_JOB_PREFIX}${kind}`, async ({ payload, attempt }) => {
    const taskId = typeof payload === "object" && payload && !Array.isArray(payload) ? payload.taskId : undefined;
    if (typeof taskId !== "string") throw new Error(`task.${kind}: the job has no taskId`);
    // Claim it: a QUEUED task starts. A RUNNING one means the job came back after its worker
    // died (the job runner re-claims a job only when its lease ran out): resume it.
    const claimed = await db.backgroundTask.updateMany({
      where: { id: taskId, kind, status: "QUEUED" },
      data: { status: "RUNNING", startedAt: now() },
    });
    let resumed = false;
    if (claimed.count !== 1) {
      const current = await db.backgroundTask.findUnique({ where: { id: taskId }, select: { status: true, kind: true } });
      if (current?.status !== "RUNNING" || current.kind !== kind) return;
      if (attempt > MAX_TASK_RUNS) {
        await db.backgroundTask.updateMany({
          where: { id: taskId, status: "RUNNING" },
          data: { status: "FAILED", finishedAt: now(), error: `stopped: its worker died ${attempt - 1} times` },
        });
        return;
      }
      resumed = true;
    }
    const task = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
    const progress = async (done: number, failed = 0, tx?: Tx) => {
      const data = { done: Math.max(0, Math.floor(done)), failed: Math.max(0, Math.floor(failed)) };
      if (!tx) {
        await db.backgroundTask.update({ where: { id: taskId }, data });
        return;
      }
      // Row lock, then only forward: a second runner of the same batch finds it done and rolls back.
      const moved = await tx.backgroundTask.updateMany({ where: { id: taskId, status: "RUNNING", done: { lt: data.done } }, data });
      if (moved.count !== 1) throw new TaskSupersededError(taskId);
    };
    try {
      const result = await handler({ task, input: task.input as Input, resumed, progress });
      await db.backgroundTask.update({
        where: { id: taskId },
        data: { status: "DONE", finishedAt: now(), result: result === undefined ? Prisma.DbNull : result },
      });
    } catch (error) {
      // Another worker has the task now: it finishes it; this run changes nothing more.
      if (error instanceof TaskSupersededError) return;
      const message = error instanceof Error ? error.message : String(error);
      await db.backgroundTask.update({
        where: { id: taskId },
        data: { status: "FAILED", finishedAt: now(), error: message.slice(0, 1000) || "error" },
      });
      throw error;
    }
  });
}

export const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The task if this person may see it (its owner, or the board); null otherwise (the page answers 404). */
export async function findVisibleTask(taskId: string, viewer: { id: string; isBoard: boolean }) {
  if (!TASK_ID.test(taskId)) return null;
  const task = await db.backgroundTask.findUnique({ where: { id: taskId } });
  if (!task) return null;
  if (task.ownerId !== viewer.id && !viewer.isBoard) return null;
  return task;
}

/** A person's most recent tasks (one query). */
export function listRecentTasks(ownerId: string, take = 20) {
  return db.backgroundTask.findMany({
    where: { ownerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, status: true, total: true, done: true, failed: true, createdAt: true, finishedAt: true },
  });
}

export { isActive } from "./task-status";
