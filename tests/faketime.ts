// The whole test suite again on two days more than a year apart, with the system clock moved by
// Debian's `faketime` (libfaketime through LD_PRELOAD, inherited by every child: Node, the
// embedded PostgreSQL and Chromium all run on the faked clock — checked to work). It proves the
// demo seed and the tests do not expire: every date they need is relative to the day they run.
// `npm test` runs it after its own build (TEST_FAKED_DATES=0 leaves it out); its counts join the
// suite's final line.
//
// What runs on each day, against a fresh PostgreSQL and a freshly seeded database: every unit
// test (tests/unit, tests/guards and the app's own test files: what `npm run test:unit` runs) and
// every browser spec. The browser specs' page checks only visit the page and assert its status and
// URL here (E2E_A11Y=visit, tests/e2e/a11y-kit.ts): axe, the phone width and the screenshots of
// the same pages are the page's looks, which a date does not change; they run on the real date.
// The app is built once (or not at all with TEST_SKIP_BUILD=1, as `npm test` does after its build).
//
//   npx tsx tests/faketime.ts            # both days, everything
//   FAKED_DAYS="2030-02-01 09:00:00" npx tsx tests/faketime.ts
//   FAKED_UNIT=none FAKED_E2E=challenges npx tsx tests/faketime.ts   # narrow while working on one
//   FAKED_UNIT=clock npx tsx tests/faketime.ts   # only the unit files that read the clock or seed
//
// Prints "N passed, N failed, N skipped" and writes the counts and minutes to <results>/faketime.json.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.resolve(root, process.env.TEST_RESULTS_DIR ?? "test-results");
const FAKETIME = process.env.FAKETIME_PATH ?? "/usr/bin/faketime";
const DAYS = (process.env.FAKED_DAYS ?? "2027-06-15 10:00:00;2028-09-01 10:00:00").split(";").map((d) => d.trim()).filter(Boolean);

/** FAKED_UNIT=clock: a unit file reads the clock or seeds when its own code matches this. */
const CLOCK_OR_SEED = /\bnew Date\b|\bDate\.(now|UTC)\b|\bnow\(\)|setSystemTime|useFakeTimers|\bseed/i;
const UNIT_DIR = "tests/unit";

function unitFilesByRule(): string[] {
  return readdirSync(path.join(root, UNIT_DIR))
    .filter((f) => /\.test\.tsx?$/.test(f))
    .filter((f) => CLOCK_OR_SEED.test(readFileSync(path.join(root, UNIT_DIR, f), "utf8")))
    .sort()
    .map((f) => `${UNIT_DIR}/${f}`);
}

/**
 * FAKED_UNIT / FAKED_E2E narrow a part by file-name filters while working on it; unset or "all":
 * every file (no filter); "none" leaves the part out; FAKED_UNIT=clock: the unit files by the rule above.
 */
function partFromEnv(name: string): "all" | string[] {
  const value = process.env[name]?.trim() ?? "";
  if (value === "" || value === "all") return "all";
  if (value === "none") return [];
  if (name === "FAKED_UNIT" && value === "clock") return unitFilesByRule();
  return value.split(/[\s,]+/).filter(Boolean);
}

const UNIT = partFromEnv("FAKED_UNIT");
const E2E = partFromEnv("FAKED_E2E");

type Counts = { passed: number; failed: number; skipped: number };

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function ensureFaketime(): void {
  if (existsSync(FAKETIME)) return;
  if (process.getuid?.() !== 0) {
    console.error(`The faked-date run needs Debian's faketime at ${FAKETIME}: sudo apt-get install -y faketime`);
    process.exit(1);
  }
  console.log("[faketime] installing Debian's faketime (apt-get) …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const step of [["update"], ["install", "-y", "--no-install-recommends", "faketime"]]) {
    if (spawnSync("apt-get", step, { stdio: "inherit", env }).status !== 0) {
      console.error(`apt-get ${step.join(" ")} failed; install faketime by hand and run again.`);
      process.exit(1);
    }
  }
}

const minutes = (ms: number) => (ms / 60_000).toFixed(1);

/** The last "N passed, N failed, N skipped" line of a run, or one failure when there is none. */
function counts(output: string, what: string): Counts {
  const line = output.split("\n").reverse().find((l) => /^\d+ passed, \d+ failed/.test(l));
  const match = line && /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(line);
  if (!match) {
    console.error(`[faketime] no summary from ${what}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  return { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) };
}

async function main() {
  ensureFaketime();
  mkdirSync(results, { recursive: true });
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (!process.env.TEST_SKIP_BUILD) {
    console.log("[faketime] building the app once …");
    if ((await run("npm", ["run", "build", "--silent"])).code !== 0) {
      console.log("0 passed, 1 failed, 0 skipped");
      process.exit(1);
    }
  }
  const began = Date.now();
  for (const day of DAYS) {
    const dir = path.join(results, "faketime", day.replace(/[^0-9]+/g, "-").replace(/-$/, ""));
    for (const [kind, filters] of [["--unit", UNIT], ["--e2e", E2E]] as const) {
      // An empty list leaves the part out; "all" runs run.ts without a filter: every file.
      if (!filters.length) continue;
      const files = filters === "all" ? [] : filters;
      console.log(`\n[faketime] ${day}: ${kind.slice(2)} tests (${filters === "all" ? "all" : filters.join(", ")})`);
      const partBegan = Date.now();
      const { output } = await run(FAKETIME, [day, "npx", "tsx", "tests/run.ts", kind, ...files], {
        TEST_RESULTS_DIR: path.join(dir, kind.slice(2)),
        TEST_SKIP_BUILD: "1",
        E2E_A11Y: "visit",
      });
      const c = counts(output, `${day} ${kind}`);
      console.log(`[faketime] ${day} ${kind.slice(2)}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped (${minutes(Date.now() - partBegan)} min)`);
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped;
    }
  }
  const took = minutes(Date.now() - began);
  console.log(`[faketime] both days took ${took} min`);
  writeFileSync(path.join(results, "faketime.json"), JSON.stringify({ days: DAYS, unit: UNIT, e2e: E2E, minutes: Number(took), ...totals }, null, 2));
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

void main();
