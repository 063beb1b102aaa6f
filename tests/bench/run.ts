// Benchmarks (`npm run bench`): the app's main pages and its hot database paths, measured in one
// run against a baseline measured in the same run — the cheapest request through the same stack
// (GET /healthz) and the cheapest database round trip (SELECT 1) — so the figures compare across
// machines as "times the baseline". Prints a table and writes test-results/bench.json.
//
// Data: the demo seed plus the guards' query-budget dataset at BENCH_SCALE (default 20) units.
// BENCH_TIME_MS sets the time per case (default 1500); BENCH_MAX_RATIO (optional) makes the run
// fail when a page is slower than that many times the request baseline.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

const root = path.resolve(import.meta.dirname, "../..");
const SCALE = Number(process.env.BENCH_SCALE ?? 20);
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 1500);
const MAX_RATIO = process.env.BENCH_MAX_RATIO ? Number(process.env.BENCH_MAX_RATIO) : undefined;

type Figure = { name: string; group: string; runs: number; meanMs: number; p50Ms: number; p95Ms: number; opsPerSec: number; ratio?: number };

/** Runs `fn` for TIME_MS after a short warm-up; `parallel` calls at a time. */
async function measure(name: string, group: string, fn: () => Promise<unknown>, parallel = 1): Promise<Figure> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < TIME_MS) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return {
    name,
    group,
    runs: times.length,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    opsPerSec: (times.length / elapsed) * 1000,
  };
}

async function main() {
  const { startTestPostgres, createDatabaseFromTemplate } = await import("../support/test-postgres");
  console.log("[bench] starting PostgreSQL …");
  const pg = await startTestPostgres();
  try {
    const url = await createDatabaseFromTemplate(pg.adminUrl, "vrienden_bench");
    process.env.DATABASE_URL = url;
    process.env.SESSION_SECRET ??= "bench-session-secret-bench-session-secret";
    process.env.NODE_ENV = "production";
    process.env.SIMULATE_SERVICES = "true";
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.RESEND_API_KEY;
    const { resetEnv } = await import("../../app/utils/env.server");
    resetEnv();
    const { createPrismaClient, setDb } = await import("../../app/utils/db.server");
    const client = createPrismaClient(url);
    setDb(client);

    console.log(`[bench] seeding demo data and ${SCALE} dataset units …`);
    const { seed } = await import("../../prisma/seed");
    await seed(client);
    const { startStripeFake } = await import("../../app/modules/payments/stripe-fake.server");
    const fake = await startStripeFake({ deliver: async () => new Response("ok"), autoExpireIntervalMs: 0, log: () => {} });
    const datasetFile = path.join(root, process.env.TEST_RESULTS_DIR ?? "test-results", "bench-dataset.json");
    mkdirSync(path.dirname(datasetFile), { recursive: true });
    const built = spawnSync("npx", ["vite-node", "--config", "vitest.config.ts", "tests/bench/dataset.ts"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, BENCH_SCALE: String(SCALE), BENCH_DATASET_FILE: datasetFile },
    });
    if (built.status !== 0) throw new Error("building the dataset failed");
    const dataset = JSON.parse(readFileSync(datasetFile, "utf8")) as { cookies: Record<"board" | "teacher" | "contact" | "pupil", string>; params: Record<string, string>; rows: Record<string, number> };
    const rows = Object.values(dataset.rows).reduce((a, b) => a + b, 0);

    // The production build (npm run bench builds it first), served by our own request pipeline.
    console.log("[bench] loading the production build …");
    const { routeInfos, request } = await import("../guards/harness");
    const { createAppHandler } = await import("../../app/server/handler");
    const { getEnv } = await import("../../app/utils/env.server");
    // Node's own import, past vite-node: the build and its React Router must be one module graph.
    const nativeImport = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;
    const build = (await nativeImport(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild;
    const app = { handler: createAppHandler(async () => build, getEnv()), build, routes: routeInfos(build), close: async () => {} };
    const has = (pattern: string) => app.routes.some((r) => r.pattern === pattern && r.hasLoader);
    const page = (p: string, cookie?: string) => async () => {
      const res = await request(app, p, { cookie });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    };

    const figures: Figure[] = [];
    const run = async (f: Promise<Figure>) => {
      const figure = await f;
      figures.push(figure);
      console.log(`  ${figure.group.padEnd(8)} ${figure.name.padEnd(44)} ${figure.p50Ms.toFixed(2).padStart(8)} ms p50`);
    };

    console.log(`[bench] pages (${TIME_MS} ms each, ${rows} rows in the dataset)`);
    await run(measure("baseline: GET /healthz", "pages", page("/healthz")));
    const pages: Array<[name: string, path: string, cookie: string | undefined, pattern?: string]> = [
      ["GET / (anonymous)", "/", undefined],
      ["GET /login", "/login", undefined],
      ["GET /netwerk (anonymous)", "/netwerk", undefined],
      ["GET /dashboard (board)", "/dashboard", dataset.cookies.board],
      ["GET /bestuur/mensen (board)", "/bestuur/mensen", dataset.cookies.board],
      ["GET /bestuur/bedrijven (board)", "/bestuur/bedrijven", dataset.cookies.board],
      ["GET /bestuur/facturen (board)", "/bestuur/facturen", dataset.cookies.board],
      ["GET /verzoeken (board)", "/verzoeken", dataset.cookies.board],
      ["GET /account (board)", "/account", dataset.cookies.board],
    ];
    // Challenge pages, at the dataset's first edition (its teams, sponsors and pupils grow with the scale).
    const { params } = dataset;
    pages.push(
      ["GET /challenges (anonymous)", "/challenges", undefined],
      ["GET an edition's public page (anonymous)", `/challenges/${params.challengeSlug}/${params.editionYear}`, undefined, "/challenges/:slug/:year"],
      ["GET /teams (teacher)", "/teams", dataset.cookies.teacher],
      ["GET an edition's overview (board)", `/bestuur/edities/${params.submissionEditionId}/overzicht`, dataset.cookies.board, "/bestuur/edities/:editionId/overzicht"],
      ["GET /mijn-team (pupil)", "/mijn-team", dataset.cookies.pupil],
    );
    for (const [name, p, cookie, pattern] of pages) if (has(pattern ?? p)) await run(measure(name, "pages", page(p, cookie)));
    await run(measure("GET / (anonymous), 8 at a time", "pages", page("/"), 8));

    console.log("[bench] database");
    await run(measure("baseline: SELECT 1", "database", () => client.$queryRaw`SELECT 1`));
    const { getOptionalUser } = await import("../../app/modules/auth/session.server");
    // A new request each time: the session is looked up once per request.
    const signedIn = () => new Request("http://localhost:3000/dashboard", { headers: { Cookie: dataset.cookies.board } });
    await run(measure("session lookup (getOptionalUser)", "database", () => getOptionalUser(signedIn())));
    await run(measure("baseline: empty transaction, 8 at a time", "numbers", () => client.$transaction(async (tx) => tx.$queryRaw`SELECT 1`), 8));
    const { nextInvoiceNumber } = await import("../../app/modules/payments/payments.server");
    await run(measure("invoice number (gap-free), 8 at a time", "numbers", () => client.$transaction((tx) => nextInvoiceNumber(tx)), 8));

    // Each figure against the first baseline of its group.
    const baselines = new Map<string, number>();
    for (const f of figures) {
      if (f.name.startsWith("baseline:") && !baselines.has(f.group)) baselines.set(f.group, f.p50Ms);
      f.ratio = f.p50Ms / baselines.get(f.group)!;
    }
    console.log(`\nBenchmarks (${TIME_MS} ms per case; data: demo seed + ${rows} dataset rows)`);
    console.log(`${"group".padEnd(9)}${"case".padEnd(46)}${"runs".padStart(7)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"ops/s".padStart(10)}${"× baseline".padStart(12)}`);
    for (const f of figures) {
      console.log(
        `${f.group.padEnd(9)}${f.name.padEnd(46)}${String(f.runs).padStart(7)}${f.p50Ms.toFixed(2).padStart(10)}${f.p95Ms.toFixed(2).padStart(10)}${f.opsPerSec.toFixed(0).padStart(10)}${f.ratio!.toFixed(1).padStart(12)}`,
      );
    }
    const out = path.resolve(root, process.env.TEST_RESULTS_DIR ?? "test-results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, "bench.json"), JSON.stringify({ at: new Date().toISOString(), scale: SCALE, rows, figures }, null, 2));
    console.log(`\nwritten to ${path.relative(root, path.join(out, "bench.json"))}`);

    await fake.stop();
    await app.close();
    await client.$disconnect();
    const slow = MAX_RATIO ? figures.filter((f) => f.group === "pages" && f.ratio! > MAX_RATIO) : [];
    if (slow.length) {
      console.error(`slower than ${MAX_RATIO}× the baseline: ${slow.map((f) => f.name).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
