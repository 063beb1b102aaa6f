// Summarises a CPU profile of the portal (`BENCH_CPU_PROF=1 npm run bench` writes one to
// test-results/profiles): self time per package or part, and the heaviest functions.
//   node tests/bench/profile.mjs test-results/profiles/<file>.cpuprofile [top] [last-ms]
// last-ms: only the samples of the profile's last so many milliseconds (e.g. 5000: one measured
// case of a BENCH_PAGES run, without the server's start-up).
import { readFileSync } from "node:fs";

const [file, top = "15", lastMs] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
const from = lastMs ? profile.endTime - Number(lastMs) * 1000 : -Infinity;
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += dt[i] ?? 0;
  if (at >= from) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
}

const part = (node) => {
  const { url, functionName } = node.callFrame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "(idle)";
  if (functionName === "(program)") return "(program: native, not attributed)";
  if (!url) return `native: ${functionName || "(anonymous)"}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes("/build/server/")) return "the app (build/server)";
  if (url.includes("/build/node/")) return "the server (build/node)";
  if (url.startsWith("node:")) return "node internals";
  return url.replace(/^file:\/\/.*?\/(app|tests|prisma)\//, "$1/");
};

const total = [...self.entries()].filter(([id]) => byId.get(id).callFrame.functionName !== "(idle)").reduce((a, [, t]) => a + t, 0);
const parts = new Map();
const functions = new Map();
for (const [id, time] of self) {
  const node = byId.get(id);
  if (node.callFrame.functionName === "(idle)") continue;
  const name = part(node);
  parts.set(name, (parts.get(name) ?? 0) + time);
  const fn = `${node.callFrame.functionName || "(anonymous)"} — ${name}`;
  functions.set(fn, (functions.get(fn) ?? 0) + time);
}
const show = (title, map) => {
  console.log(`\n${title} (share of busy time, ${(total / 1000).toFixed(0)} ms)`);
  for (const [name, time] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
    console.log(`${((time / total) * 100).toFixed(1).padStart(6)} %  ${name}`);
  }
};
show("Self time by part", parts);
show("Heaviest functions (self time)", functions);
