import { json } from "@remix-run/node";
import { checkDatabase } from "~/modules/health/health.server";

// Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise.
export async function loader() {
  const database = await checkDatabase();
  return json(
    { status: database.ok ? "ok" : "degraded", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
