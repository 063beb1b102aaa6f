// pg's warning for a query started while its connection is still busy with another (queries run
// in parallel on one connection, e.g. inside a transaction). pg 9 turns it into an error, so the
// suite fails on it: vitest through this setup file, the browser tests and the benchmark through
// tests/run.ts and tests/bench/run.ts, which watch the app's output for the same text.
import { afterEach } from "vitest";
import { PG_PARALLEL_QUERY_WARNING } from "./pg-warning-text";

let seen: Error | undefined;
process.on("warning", (warning) => {
  if (warning.message.includes(PG_PARALLEL_QUERY_WARNING)) seen = warning;
});

afterEach(async () => {
  // Node emits warnings on the next tick: let a warning of the test's last query arrive.
  await new Promise((resolve) => setImmediate(resolve));
  if (!seen) return;
  const warning = seen;
  seen = undefined;
  throw new Error(`pg warned during this test: ${warning.message}\n${warning.stack ?? ""}`);
});
