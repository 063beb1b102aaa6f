// Each guard writes one line about what it covered to test-results/guards/<guard>.json (the folder
// follows TEST_RESULTS_DIR, like tests/run.ts, which prints the lines at the end of `npm test`).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function guardReportDir(): string {
  return path.resolve(root, process.env.TEST_RESULTS_DIR ?? "test-results", "guards");
}

/** Records the guard's coverage line (and, for tools, its figures); the last write of a run wins. */
export function recordGuard(name: string, line: string, figures: Record<string, number | string[]> = {}): void {
  const dir = guardReportDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ guard: name, line, figures, at: new Date().toISOString() }, null, 2)}\n`);
}

/**
 * Records that a guard bit: it was pointed at a deliberately broken route or loader (a fixture)
 * and reported it by name. tests/run.ts counts these files in its end report.
 */
export function recordBite(guard: string, planted: string, report: string): void {
  const dir = path.join(guardReportDir(), "bites");
  mkdirSync(dir, { recursive: true });
  const first = report.split("\n").find((line) => line.includes("guards-bite")) ?? report.split("\n")[0] ?? "";
  writeFileSync(path.join(dir, `${guard}.json`), `${JSON.stringify({ guard, planted, reported: first.slice(0, 300), at: new Date().toISOString() }, null, 2)}\n`);
}
