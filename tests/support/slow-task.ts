// A background task for the crash tests: handles `items` one at a time, `delayMs` each, and
// records each item as an audit row in the same transaction as its progress.
import { audit } from "~/modules/audit/audit.server";
import { defineTaskRunner } from "~/modules/tasks/tasks.server";
import { db } from "~/utils/db.server";

export const SLOW_TASK_KIND = "test-slow";
export const SLOW_ITEM_ACTION = "test.slow-item";

defineTaskRunner<{ items: number; delayMs: number }>(SLOW_TASK_KIND, async ({ task, input, progress }) => {
  for (let item = task.done; item < input.items; item++) {
    await new Promise((resolve) => setTimeout(resolve, input.delayMs));
    await db.$transaction(async (tx) => {
      await audit({ actorId: null, action: SLOW_ITEM_ACTION, entityType: "BackgroundTask", entityId: task.id, meta: { item } }, tx);
      await progress(item + 1, 0, tx);
    });
  }
  return { items: input.items };
});
