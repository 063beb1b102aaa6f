// Vitest global setup: use the run's PostgreSQL (tests/run.ts provides TEST_ADMIN_URL),
// or start one when vitest is run directly.
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./test-postgres";

export default async function setup(project: TestProject) {
  if (process.env.TEST_ADMIN_URL) {
    project.provide("adminUrl", process.env.TEST_ADMIN_URL);
    return;
  }
  const server = await startTestPostgres();
  project.provide("adminUrl", server.adminUrl);
  process.env.TEST_ADMIN_URL = server.adminUrl;
  return async () => {
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
  }
}
