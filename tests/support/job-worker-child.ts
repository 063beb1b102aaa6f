// A job worker in its own process, for the crash tests: runs jobs with a short lease on the
// database in DATABASE_URL until it is killed.
import { runDueJobs, setJobTiming } from "~/modules/jobs/jobs.server";
import "./slow-task";

setJobTiming({ leaseMs: Number(process.env.CHILD_LEASE_MS ?? 1500), heartbeatMs: Number(process.env.CHILD_HEARTBEAT_MS ?? 300) });
for (;;) {
  await runDueJobs({ workerId: `child-${process.pid}` });
  await new Promise((resolve) => setTimeout(resolve, 50));
}
