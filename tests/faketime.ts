// The date-dependent tests again on two days more than a year apart, with the system clock moved
// by Debian's `faketime` (libfaketime through LD_PRELOAD, inherited by every child: Node, the
// embedded PostgreSQL and Chromium all run on the faked clock — checked to work). It proves the
// demo seed and the tests do not expire: every date they need is relative to the day they run.
//
// On each day: the unit tests (tests/unit, which include the demo seed seeded on several days)
// and the browser tests that use seeded or relative dates (challenges, teams, pupil-submission,
// submissions, invoices), against a freshly seeded database. The app is built once (or not at
// all with TEST_SKIP_BUILD=1, as `npm test` does after its own build).
//
//   npx tsx tests/faketime.ts            # both days
//   FAKED_DAYS="2030-02-01 09:00:00" npx tsx tests/faketime.ts
//
// Prints "N passed, N failed, N skipped" and writes the counts to <results>/faketime.json.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.resolve(root, process.env.TEST_RESULTS_DIR ?? "test-results");
const FAKETIME = process.env.FAKETIME_PATH ?? "/usr/bin/faketime";
const DAYS = (process.env.FAKED_DAYS ?? "2027-06-15 10:00:00;2028-09-01 10:00:00").split(";").map((d) => d.trim()).filter(Boolean);
const UNIT = ["tests/unit/"];
const E2E = ["challenges", "teams", "pupil-submission", "submissions", "invoices"];

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
  for (const day of DAYS) {
    const dir = path.join(results, "faketime", day.replace(/[^0-9]+/g, "-").replace(/-$/, ""));
    for (const [kind, filters] of [["--unit", UNIT], ["--e2e", E2E]] as const) {
      console.log(`\n[faketime] ${day}: ${kind.slice(2)} tests (${filters.join(", ")})`);
      const { output } = await run(FAKETIME, [day, "npx", "tsx", "tests/run.ts", kind, ...filters], {
        TEST_RESULTS_DIR: path.join(dir, kind.slice(2)),
        TEST_SKIP_BUILD: "1",
      });
      const c = counts(output, `${day} ${kind}`);
      console.log(`[faketime] ${day} ${kind.slice(2)}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      totals.passed += c.passed;
      totals.failed += c.failed;
      totals.skipped += c.skipped;
    }
  }
  writeFileSync(path.join(results, "faketime.json"), JSON.stringify({ days: DAYS, unit: UNIT, e2e: E2E, ...totals }, null, 2));
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

void main();
