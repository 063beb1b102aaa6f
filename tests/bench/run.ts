// Benchmarks (`npm run bench`): the portal's pages over loopback sockets, against two references
// measured in the same run, so the figures read as ratios and compare across machines:
//   (a) bare node:http sending our home page's bytes from memory — what a socket round trip costs;
//   (b) a bare Remix page (tests/bench/fixture: one route whose loader returns ten strings), built
//       with this project's Remix, React and adapter and served the way app/server serves pages.
// The portal runs as `npm start` runs it (node build/node/main.js, NODE_ENV=production) on the
// demo seed plus the guards' dataset at BENCH_SCALE (default 20) units. The load generator
// (autocannon, tests/bench/load.mjs) runs in its own process; with 2+ cores the servers are pinned
// to core 0 and the load generator to core 1 (taskset). Each case: a warm-up, then BENCH_TIME_MS
// (default 5000) of load from 10 connections. Prints each figure as requests per second, p50 and
// p99 latency, and its ratio to (b) and to (a); writes test-results/bench.json. A database group
// (in-process) times the hot database paths against SELECT 1.
// BENCH_CPU_PROF=1 writes a CPU profile of the portal to test-results/profiles (node --cpu-prof).
// BENCH_SMOKE=1 (npm test): 30 requests per case, no warm-up — checks that every case answers 200
// and judges no figure. Absolute numbers depend on the machine and are judged nowhere.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PG_PARALLEL_QUERY_WARNING } from "../support/pg-warning-text";

const root = path.resolve(import.meta.dirname, "../..");
const SMOKE = process.env.BENCH_SMOKE === "1";
const SCALE = Number(process.env.BENCH_SCALE ?? (SMOKE ? 1 : 20));
const TIME_MS = Number(process.env.BENCH_TIME_MS ?? 5000);
const WARMUP_MS = SMOKE ? 0 : Number(process.env.BENCH_WARMUP_MS ?? 1500);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const results = path.resolve(root, process.env.TEST_RESULTS_DIR ?? "test-results");
// Outside build/: the app's own build empties that folder.
const fixtureOut = path.join(root, "node_modules/.cache/bench-fixture");
/** The reference servers (tests/bench/fixture/server.ts, compiled). */
const SERVE = path.join(fixtureOut, "node/main.js");
const pinned = availableParallelism() >= 2 && spawnSync("taskset", ["-c", "0", "true"]).status === 0;
const onCore = (core: number, cmd: string, args: string[]): [string, string[]] => (pinned ? ["taskset", ["-c", String(core), cmd, ...args]] : [cmd, args]);

type Socket = { requests: number; warmupRequests: number; perSecond: number; bytesPerRequest?: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number; timeouts: number };
type Figure = { name: string; group: string; path?: string; kbPerAnswer?: number; cpuMsPerRequest?: number; cpuVsRemix?: number; perSecond: number; p50Ms: number; p99Ms: number; requests: number; vsRemix?: number; vsBytes?: number; ratio?: number };

/** Starts a server process on core 0 and waits until it answers `probe`. */
async function startServer(name: string, args: string[], env: Record<string, string>, probe: string): Promise<{ child: ChildProcess; output: () => string }> {
  const [cmd, cmdArgs] = onCore(0, process.execPath, args);
  const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(chunk);
  });
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(probe)).ok) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer ${probe}:\n${output}`);
}

async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("close", r));
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; 10 ms ticks). */
function cpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** One case through the load generator on core 1. */
function load(url: string, cookie?: string): Socket {
  const options = {
    url,
    headers: cookie ? { cookie } : {},
    connections: SMOKE ? 2 : CONNECTIONS,
    warmupMs: WARMUP_MS,
    ...(SMOKE ? { amount: 30 } : { durationMs: TIME_MS }),
  };
  const [cmd, args] = onCore(1, process.execPath, [path.join(root, "tests/bench/load.mjs"), JSON.stringify(options)]);
  const run = spawnSync(cmd, args, { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the load generator failed on ${url}:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Socket;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the reference app and its server once (again when the fixture changed). */
function buildFixture() {
  const fixtureDir = path.join(root, "tests/bench/fixture");
  const stamp = SERVE;
  const sources = Math.max(newestMtime(fixtureDir), statSync(path.join(root, "app/server/http.ts")).mtimeMs, statSync(path.join(root, "package-lock.json")).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sources) return;
  console.log("[bench] building the reference app (tests/bench/fixture) …");
  const remix = spawnSync("npx", ["remix", "vite:build", "tests/bench/fixture"], { cwd: root, stdio: "inherit" });
  if (remix.status !== 0) throw new Error("building the reference app failed");
  const server = spawnSync(
    "npx",
    ["vite", "build", "--logLevel", "warn", "--ssr", "tests/bench/fixture/server.ts", "--outDir", path.relative(root, path.join(fixtureOut, "node")), "--emptyOutDir", "-c", "vite.server.config.ts"],
    { cwd: root, stdio: "inherit" },
  );
  if (server.status !== 0) throw new Error("building the reference server failed");
}

async function main() {
  if (!existsSync(path.join(root, "build/node/main.js")) || !existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("no production build: run `npm run build` first (npm run bench does)");
  }
  buildFixture();
  const { startTestPostgres, createDatabaseFromTemplate, freePort } = await import("../support/test-postgres");
  console.log("[bench] starting PostgreSQL …");
  const pg = await startTestPostgres();
  const children: ChildProcess[] = [];
  try {
    const url = await createDatabaseFromTemplate(pg.adminUrl, "vrienden_bench");
    const secret = process.env.SESSION_SECRET ?? "bench-session-secret-bench-session-secret";
    process.env.DATABASE_URL = url;
    process.env.SESSION_SECRET = secret;
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
    const datasetFile = path.join(results, "bench-dataset.json");
    mkdirSync(results, { recursive: true });
    const built = spawnSync("npx", ["vite-node", "--config", "vitest.config.ts", "tests/bench/dataset.ts"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, BENCH_SCALE: String(SCALE), BENCH_DATASET_FILE: datasetFile },
    });
    if (built.status !== 0) throw new Error("building the dataset failed");
    const dataset = JSON.parse(readFileSync(datasetFile, "utf8")) as { cookies: Record<"board" | "teacher" | "contact" | "pupil", string>; params: Record<string, string>; rows: Record<string, number> };
    const rows = Object.values(dataset.rows).reduce((a, b) => a + b, 0);

    // The portal, started as `npm start` starts it (its own build step aside).
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    console.log(`[bench] starting the portal (node build/node/main.js${pinned ? ", core 0; load generator on core 1" : ", not pinned: one core"}) …`);
    const portal = await startServer(
      "the portal",
      [
        ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.join(results, "profiles")}`] : []),
        // BENCH_SERVER=tsx: the TypeScript source through tsx, as production ran before it was compiled.
        ...(process.env.BENCH_SERVER === "tsx" ? ["--import", "tsx", "app/server/main.ts"] : ["build/node/main.js"]),
      ],
      { NODE_ENV: "production", PORT: String(port), APP_URL: base, DATABASE_URL: url, SESSION_SECRET: secret, SEED_DEMO_DATA: "false", SIMULATE_SERVICES: "true", JOBS_ENABLED: "false" },
      `${base}/healthz`,
    );
    children.push(portal.child);

    // (a) our home page's bytes, from memory.
    const home = await fetch(`${base}/`);
    if (home.status !== 200) throw new Error(`/ answered ${home.status}`);
    const homeFile = path.join(results, "bench-home.html");
    writeFileSync(homeFile, Buffer.from(await home.arrayBuffer()));
    const bytesPort = await freePort();
    const bytes = await startServer("the bytes server", [SERVE, "bytes", homeFile, String(bytesPort)], {}, `http://127.0.0.1:${bytesPort}/`);
    children.push(bytes.child);
    // (b) the bare Remix page.
    const remixPort = await freePort();
    const remix = await startServer(
      "the reference Remix app",
      [SERVE, "remix", path.join(fixtureOut, "server/index.js"), String(remixPort)],
      { NODE_ENV: "production" },
      `http://127.0.0.1:${remixPort}/`,
    );
    children.push(remix.child);

    const figures: Figure[] = [];
    // Besides throughput, the server's CPU time per request: it barely depends on what else the
    // machine is doing, so it still compares when the machine is loaded.
    const measure = (name: string, group: string, target: string, server: ChildProcess, cookie?: string, pathname?: string) => {
      const cpuBefore = cpuMs(server.pid);
      const socket = load(target, cookie);
      const cpuAfter = cpuMs(server.pid);
      if (!socket.requests) console.log(`  (no request to ${target} finished within the run: the machine is too busy for figures)`);
      if (socket.non2xx || socket.errors > 0 || (SMOKE && !socket.requests)) {
        throw new Error(`${name} (${target}): ${socket.non2xx} answers other than 2xx, ${socket.errors} errors of ${socket.requests} requests`);
      }
      if (socket.timeouts) console.log(`  (${socket.timeouts} requests to ${target} timed out after 60 s)`);
      const cpuMsPerRequest = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / (socket.requests + socket.warmupRequests) : undefined;
      const figure: Figure = { name, group, path: pathname, kbPerAnswer: socket.bytesPerRequest ? socket.bytesPerRequest / 1024 : undefined, cpuMsPerRequest, perSecond: socket.perSecond, p50Ms: socket.p50Ms, p99Ms: socket.p99Ms, requests: socket.requests };
      figures.push(figure);
      console.log(`  ${name.padEnd(46)} ${figure.perSecond.toFixed(0).padStart(7)} req/s  p50 ${String(figure.p50Ms).padStart(4)} ms  p99 ${String(figure.p99Ms).padStart(4)} ms  ${cpuMsPerRequest?.toFixed(2) ?? "?"} CPU ms/request  ${figure.kbPerAnswer?.toFixed(0) ?? "?"} kB/answer`);
      return figure;
    };

    console.log(`[bench] sockets (${SMOKE ? "smoke pass: 30 requests per case" : `${WARMUP_MS} ms warm-up, ${TIME_MS} ms, ${CONNECTIONS} connections per case`}; ${rows} rows in the dataset)`);
    const refBytes = measure("(a) node:http, home page bytes from memory", "reference", `http://127.0.0.1:${bytesPort}/`, bytes.child);
    await stop(bytes.child);
    const refRemix = measure("(b) bare Remix page", "reference", `http://127.0.0.1:${remixPort}/`, remix.child);
    await stop(remix.child);
    const { params, cookies } = dataset;
    const pages: Array<[name: string, group: string, pathname: string, cookie?: string]> = [
      ["GET /healthz", "health", "/healthz"],
      ["GET / (anonymous)", "public", "/"],
      ["GET /netwerk (anonymous)", "public", "/netwerk"],
      ["GET /challenges (anonymous)", "public", "/challenges"],
      ["GET an edition page (anonymous)", "public", `/challenges/${params.challengeSlug}/${params.editionYear}`],
      ["GET /bestuur/facturen (board)", "signed-in", "/bestuur/facturen", cookies.board],
      ["GET /bestuur/bedrijven (board)", "signed-in", "/bestuur/bedrijven", cookies.board],
      ["GET a company's invoices (contact)", "signed-in", `/bedrijf/${params.nwCompanyId}/facturen`, cookies.contact],
      ["GET /teams (teacher)", "signed-in", "/teams", cookies.teacher],
    ];
    // BENCH_PAGES=invoices,teams: only the pages whose name contains one of these (to profile one page alone).
    const only = process.env.BENCH_PAGES?.split(",").map((s) => s.trim()).filter(Boolean);
    for (const [name, group, pathname, cookie] of pages.filter(([name]) => !only?.length || only.some((s) => name.includes(s))))
      measure(name, group, `${base}${pathname}`, portal.child, cookie, pathname);
    await stop(portal.child);
    if (portal.output().includes(PG_PARALLEL_QUERY_WARNING)) throw new Error(`the portal printed pg's warning: ${PG_PARALLEL_QUERY_WARNING}`);

    for (const f of figures) {
      f.vsRemix = f.perSecond / refRemix.perSecond;
      f.vsBytes = f.perSecond / refBytes.perSecond;
      if (f.cpuMsPerRequest && refRemix.cpuMsPerRequest) f.cpuVsRemix = refRemix.cpuMsPerRequest / f.cpuMsPerRequest;
    }

    // In-process database paths (each against SELECT 1).
    console.log("[bench] database (in-process)");
    const dbFigures: Figure[] = [];
    const timeDb = async (name: string, fn: () => Promise<unknown>, parallel = 1) => {
      for (let i = 0; i < 5; i++) await fn();
      const times: number[] = [];
      const started = performance.now();
      const budget = SMOKE ? 30 : Math.min(TIME_MS, 1500);
      const worker = async () => {
        while (performance.now() - started < budget) {
          const t0 = performance.now();
          await fn();
          times.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      const elapsed = performance.now() - started;
      times.sort((x, y) => x - y);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      const figure: Figure = { name, group: "database", perSecond: (times.length / elapsed) * 1000, p50Ms: at(0.5), p99Ms: at(0.99), requests: times.length };
      dbFigures.push(figure);
      return figure;
    };
    const select1 = await timeDb("baseline: SELECT 1", () => client.$queryRaw`SELECT 1`);
    const { getOptionalUser } = await import("../../app/modules/auth/session.server");
    const signedIn = () => new Request("http://localhost:3000/dashboard", { headers: { Cookie: cookies.board } });
    await timeDb("session lookup (getOptionalUser)", () => getOptionalUser(signedIn()));
    await timeDb("baseline: empty transaction, 8 at a time", () => client.$transaction(async (tx) => tx.$queryRaw`SELECT 1`), 8);
    const { nextInvoiceNumber } = await import("../../app/modules/payments/payments.server");
    await timeDb("invoice number (gap-free), 8 at a time", () => client.$transaction((tx) => nextInvoiceNumber(tx)), 8);
    for (const f of dbFigures) f.ratio = f.p50Ms / select1.p50Ms;

    const ratio = (x: number | undefined) => (x === undefined ? "" : `${x.toFixed(x < 0.1 ? 3 : 2)}×`);
    console.log(`\nBenchmarks over loopback sockets (${SMOKE ? "smoke pass, figures not meaningful" : `${TIME_MS} ms per case after ${WARMUP_MS} ms warm-up`}; ${pinned ? "server on core 0, load generator on core 1" : "not pinned"}; data: demo seed + ${rows} dataset rows)`);
    console.log(`${"case".padEnd(46)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"× (b) Remix".padStart(13)}${"× (a) bytes".padStart(13)}${"CPU ms/req".padStart(12)}${"CPU × (b)".padStart(11)}${"kB".padStart(6)}`);
    for (const f of figures) {
      console.log(
        `${f.name.padEnd(46)}${f.perSecond.toFixed(0).padStart(8)}${String(f.p50Ms).padStart(8)}${String(f.p99Ms).padStart(8)}${ratio(f.vsRemix).padStart(13)}${ratio(f.vsBytes).padStart(13)}${(f.cpuMsPerRequest?.toFixed(2) ?? "?").padStart(12)}${ratio(f.cpuVsRemix).padStart(11)}${(f.kbPerAnswer?.toFixed(0) ?? "?").padStart(6)}`,
      );
    }
    console.log('"× (b)": requests per second relative to the bare Remix page; "CPU × (b)": the bare Remix page\'s CPU time per request divided by this one\'s (1× = as cheap).');
    console.log(`\n${"database case".padEnd(46)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"× SELECT 1".padStart(13)}`);
    for (const f of dbFigures) console.log(`${f.name.padEnd(46)}${f.p50Ms.toFixed(2).padStart(8)}${f.p99Ms.toFixed(2).padStart(8)}${ratio(f.ratio).padStart(13)}`);

    mkdirSync(results, { recursive: true });
    writeFileSync(
      path.join(results, "bench.json"),
      JSON.stringify({ at: new Date().toISOString(), smoke: SMOKE, pinned, scale: SCALE, rows, durationMs: SMOKE ? null : TIME_MS, warmupMs: WARMUP_MS, connections: CONNECTIONS, figures: [...figures, ...dbFigures] }, null, 2),
    );
    console.log(`\nwritten to ${path.relative(root, path.join(results, "bench.json"))}`);
    await client.$disconnect();
  } finally {
    for (const child of children) await stop(child);
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
