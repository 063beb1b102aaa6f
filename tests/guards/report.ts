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
