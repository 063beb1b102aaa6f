// Builds the guards' query-budget dataset for the benchmarks and writes what they need (sessions,
// URL parameters, row counts) to the file named by BENCH_DATASET_FILE. run.ts starts this under
// vite-node: the capability areas import app modules that use Vite's import.meta.glob (the
// translations), which plain Node cannot run. The database comes from DATABASE_URL.
import { writeFileSync } from "node:fs";
import { startStripeFake } from "../../app/modules/payments/stripe-fake.server";
import { createPrismaClient, setDb } from "../../app/utils/db.server";
import { buildDataset } from "../guards/datasets";

const client = createPrismaClient(process.env.DATABASE_URL!);
setDb(client);
const fake = await startStripeFake({ deliver: async () => new Response("ok"), autoExpireIntervalMs: 0, log: () => {} });
try {
  const dataset = await buildDataset(client, Number(process.env.BENCH_SCALE ?? 20));
  writeFileSync(process.env.BENCH_DATASET_FILE!, JSON.stringify({ cookies: dataset.cookies, params: dataset.params, rows: dataset.rows }));
} finally {
  await fake.stop();
  await client.$disconnect();
}
