// The whole test suite in one command (`npm test`): starts its own PostgreSQL, runs vitest,
// builds and starts the app on a seeded database, runs the browser tests, checks that the
// benchmarks still run, runs the date-dependent tests again on two faked days a year apart
// (tests/faketime.ts; TEST_FAKED_DATES=0 leaves that out), and prints one line
// "N passed, N failed, N skipped" computed from the runners' JSON results.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { seed } from "../prisma/seed";
import { createPrismaClient } from "../app/utils/db.server";
import { PG_PARALLEL_QUERY_WARNING } from "./support/pg-warning-text";
import { createDatabaseFromTemplate, freePort, startTestPostgres } from "./support/test-postgres";

const root = path.resolve(import.meta.dirname, "..");
const results = path.resolve(root, process.env.TEST_RESULTS_DIR ?? "test-results");
const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";
/**
 * Anything else narrows the run by file name: `npm run test:e2e -- auth` (browser tests),
 * `npm run test:unit -- companies guards` (vitest files whose path contains a filter).
 */
const e2eFilters = args.filter((a) => !a.startsWith("--"));
const unitFilters = only === "unit" ? e2eFilters : [];
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(cmd: string, cmdArgs: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(
      `Browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to another Chromium binary)`,
    );
    process.exit(1);
  }
  console.log("[test] installing Debian's chromium (apt-get) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const step of [["update"], ["install", "-y", "--no-install-recommends", "chromium"]]) {
    const r = spawnSync("apt-get", step, { stdio: "inherit", env });
    if (r.status !== 0) {
      console.error(`apt-get ${step.join(" ")} failed; install chromium by hand and run again.`);
      process.exit(1);
    }
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = Number(process.env.TEST_HEALTH_TIMEOUT_MS) || 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number;
    numFailedTestSuites: number;
  };
  return {
    passed: data.numPassedTests,
    // A test file that fails to load has no tests: count it as a failure so it cannot hide.
    failed: data.numFailedTests + (data.numFailedTests === 0 ? data.numFailedTestSuites : 0),
    skipped: data.numPendingTests + data.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  return {
    passed: data.stats.expected + data.stats.flaky,
    failed: data.stats.unexpected + (data.errors?.length ?? 0),
    skipped: data.stats.skipped,
  };
}

/** One line per guard (access matrix, hostile input, query budgets, headers), written by the guard tests. */
function printGuardReport(): void {
  const dir = path.join(results, "guards");
  if (!existsSync(dir)) return;
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const a11yLog = path.join(dir, "a11y-pages.log");
  const bitesDir = path.join(dir, "bites");
  const bites = existsSync(bitesDir) ? readdirSync(bitesDir).filter((f) => f.endsWith(".json")).sort() : [];
  if (!files.length && !existsSync(a11yLog) && !bites.length) return;
  console.log("\nGuards:");
  for (const file of files) {
    const { line } = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { line: string };
    console.log(`  ${file.replace(/\.json$/, "")}: ${line}`);
  }
  if (existsSync(a11yLog)) {
    const checks = readFileSync(a11yLog, "utf8").split("\n").filter(Boolean);
    const pages = new Set(checks.map((l) => l.split("\t")[0]));
    console.log(`  a11y: ${checks.length} page checks (${pages.size} pages, nl/en, 1280 and 375 px), each at the status and URL it named`);
  }
  if (bites.length) {
    const names = bites.map((f) => f.replace(/\.json$/, ""));
    console.log(`  bites proven: ${bites.length} (${names.join(", ")}): each guard reported a planted broken route by name`);
  }
  console.log("");
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  if (only !== "unit") ensureChromium();

  console.log("[test] starting PostgreSQL for this run …");
  const pg = await startTestPostgres();
  let app: ChildProcess | undefined;
  let missing = 0;
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (c: Counts | undefined, what: string) => {
    if (!c) {
      console.error(`[test] no results from ${what}`);
      missing++;
      return;
    }
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };

  try {
    if (only === "all") {
      // Lint is part of green: the layering rules (routes never reach the database, modules never
      // import components or routes, no cycles) fail here, not in review.
      console.log("[test] lint (npm run lint) …");
      const code = await run("npm", ["run", "lint", "--silent"]);
      add({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, "lint");
    }

    if (only !== "e2e") {
      const vitestJson = path.join(results, "vitest.json");
      await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`, ...unitFilters], {
        TEST_ADMIN_URL: pg.adminUrl,
      });
      add(vitestCounts(vitestJson), "vitest");
    }

    if (only !== "unit") {
      // TEST_SKIP_BUILD: tests/faketime.ts runs this on a build it made (or `npm test` made) before.
      if (!process.env.TEST_SKIP_BUILD) {
        console.log("[test] building the app …");
        if ((await run("npm", ["run", "build", "--silent"])) !== 0) throw new Error("the build failed");
      }
      const url = await createDatabaseFromTemplate(pg.adminUrl, "e2e");
      const client = createPrismaClient(url);
      await seed(client);
      await client.$disconnect();
      const port = await freePort();
      const baseUrl = `http://localhost:${port}`;
      // The compiled server, as `npm start` runs it (npm run build compiles it to build/node).
      app = spawn(process.execPath, ["build/node/main.js"], {
        cwd: root,
        stdio: ["ignore", "inherit", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(port),
          APP_URL: baseUrl,
          DATABASE_URL: url,
          SESSION_SECRET: "e2e-test-secret-e2e-test-secret-e2e-test",
          SEED_DEMO_DATA: "false",
          SIMULATE_SERVICES: "true",
          // One proxy in front: browser tests sign in from many client addresses by playing that
          // proxy, the varied address as the rightmost X-Forwarded-For entry (tests/e2e/support.ts).
          TRUST_PROXY: "1",
        },
      });
      // The app's errors stay visible; pg's warning for parallel queries on one connection fails the run.
      let pgWarned = false;
      app.stderr!.on("data", (chunk: Buffer) => {
        process.stderr.write(chunk);
        if (chunk.toString().includes(PG_PARALLEL_QUERY_WARNING)) pgWarned = true;
      });
      await waitForHealth(baseUrl, app);
      await run("npx", ["playwright", "test", "-c", "tests/e2e/playwright.config.ts", ...e2eFilters], {
        E2E_BASE_URL: baseUrl,
        TEST_RESULTS_DIR: results,
      });
      add(playwrightCounts(path.join(results, "e2e.json")), "playwright");
      if (pgWarned) {
        console.error(`[test] the app printed pg's warning "${PG_PARALLEL_QUERY_WARNING}": queries ran in parallel on one connection`);
        add({ passed: 0, failed: 1, skipped: 0 }, "the app's log");
      }
    }

    if (only === "all") {
      // The benchmarks still run (`npm run bench`, on the build made above): one short pass on a
      // small dataset, no figures judged — speed is read from the benchmark table, not from tests.
      console.log("[test] benchmarks still run (one short pass) …");
      const code = await run("npx", ["tsx", "tests/bench/run.ts"], { BENCH_SMOKE: "1", TEST_RESULTS_DIR: results });
      add({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 }, "the benchmark pass");

    }

    if (only === "all" && process.env.TEST_FAKED_DATES !== "0") {
      // The demo and the tests do not expire: the date-dependent tests again with the system clock
      // moved to two days a year apart (tests/faketime.ts, Debian's faketime), on the build above.
      // TEST_FAKED_DATES=0 leaves it out (a quicker local run); CI runs it.
      console.log("[test] the date-dependent tests on faked days …");
      await run("npx", ["tsx", "tests/faketime.ts"], { TEST_SKIP_BUILD: "1", TEST_RESULTS_DIR: results });
      const faked = path.join(results, "faketime.json");
      add(existsSync(faked) ? (JSON.parse(readFileSync(faked, "utf8")) as Counts) : undefined, "the faked-date run");
    }
  } catch (error) {
    console.error(`[test] ${error instanceof Error ? error.message : error}`);
    missing++;
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("close", r));
    }
    await pg.stop();
  }

  printGuardReport();
  const failed = totals.failed + missing;
  console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
