// The load generator of `npm run bench`, run in its own process (pinned to its own core by
// run.ts): autocannon over loopback, a warm-up and then the measured run. Prints one JSON line.
//   node tests/bench/load.mjs '{"url":"…","headers":{…},"warmupMs":1000,"durationMs":5000,"connections":10}'
// With "amount" instead of durationMs it sends that many requests (the smoke pass in npm test).
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2]);
const run = (extra) =>
  // A generous timeout: on a loaded machine a slow answer is a figure, not a failure.
  autocannon({ url: options.url, headers: options.headers ?? {}, connections: options.connections ?? 10, timeout: 60, ...extra });

const warmup = options.warmupMs > 0 ? await run({ duration: options.warmupMs / 1000 }) : undefined;
const result = await run(options.amount ? { amount: options.amount } : { duration: options.durationMs / 1000 });
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    warmupRequests: warmup?.requests.total ?? 0,
    perSecond: result.requests.total / (result.duration || 1),
    bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
  })}\n`,
);
