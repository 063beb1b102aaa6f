import { purgeExpiredLoginTokens } from "~/modules/auth/login-retention.server";
import { purgeAbandonedStagedUploads } from "~/modules/files/storage.server";
import { purgeMailBodies } from "~/modules/mail/retention.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { defineRecurringJob } from "./jobs.server";

const KEEP_FINISHED_DAYS = 30;

// Nightly at 03:15 (Amsterdam): forget finished jobs after a month; failed ones stay for inspection.
defineRecurringJob("jobs.cleanup", "15 3 * * *", async () => {
  const before = new Date(now().getTime() - KEEP_FINISHED_DAYS * 86_400_000);
  await db.job.deleteMany({ where: { status: "DONE", finishedAt: { lt: before } } });
});

// Hourly: mail bodies past their retention (sign-in codes, consent requests) are removed.
defineRecurringJob("mail.purge-bodies", "20 * * * *", async () => {
  await purgeMailBodies();
});

// Hourly: sign-in requests a day past their expiry are deleted.
defineRecurringJob("auth.purge-login-tokens", "25 * * * *", async () => {
  await purgeExpiredLoginTokens();
});

// Hourly: uploads a stopped process left half-received (every request removes its own) go after an hour.
defineRecurringJob("files.purge-staged", "35 * * * *", async () => {
  await purgeAbandonedStagedUploads(60 * 60_000, now());
});
