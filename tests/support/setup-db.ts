// Per test file: a fresh database copied from the migrated template, used by the app's `db`.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { dropDatabase } from "../../app/server/embedded-postgres";
import { resetClock } from "../../app/utils/clock.server";
import { createPrismaClient, setDb } from "../../app/utils/db.server";
import { resetEnv } from "../../app/utils/env.server";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { createDatabaseFromTemplate } from "./test-postgres";

let client: PrismaClient | undefined;
const name = `t_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  const adminUrl = inject("adminUrl");
  process.env.TEST_ADMIN_URL = adminUrl;
  const url = await createDatabaseFromTemplate(adminUrl, name);
  process.env.DATABASE_URL = url;
  process.env.SESSION_SECRET ??= "test-session-secret-test-session-secret";
  resetEnv();
  client = createPrismaClient(url);
  setDb(client);
});

afterEach(() => {
  resetClock();
});

afterAll(async () => {
  await client?.$disconnect();
  setDb(undefined);
  await dropDatabase(inject("adminUrl"), name);
});
