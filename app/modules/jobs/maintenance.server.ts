import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { defineRecurringJob } from "./jobs.server";

const KEEP_FINISHED_DAYS = 30;

// Nightly at 03:15 (Amsterdam): forget finished jobs after a month; failed ones stay for inspection.
defineRecurringJob("jobs.cleanup", "15 3 * * *", async () => {
  const before = new Date(now().getTime() - KEEP_FINISHED_DAYS * 86_400_000);
  await db.job.deleteMany({ where: { status: "DONE", finishedAt: { lt: before } } });
});
