import { healthResponse } from "~/modules/health/health.server";

// Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. In
// production app/server/handler.ts answers /healthz with the same function before Remix matches
// routes (entry.server exports it); this route serves development and the in-process tests.
export const loader = () => healthResponse();
