// Guard 4, headers and methods: every route answers with the security headers (GET, ?_data, HEAD,
// POST, refusals and errors alike), HSTS exactly when APP_URL is https, and no GET or HEAD of any
// route, by any role, changes the database (the session touch of ADR 0003 aside).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAppHandler } from "~/server/handler";
import { getDb } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { ACCESS_MATRIX, dataPath, failure, probesOf, type Probe, type Row } from "./access-matrix";
import { everyone } from "./cells";
import { bootApp, plantRoutes, request, type App, type RouteInfo } from "./harness";
import { recordBite, recordGuard } from "./report";
import { changedTables, createWorld, ROLE_FIXTURES, snapshotDatabase, type RoleFixture, type World } from "./world";

const app = await bootApp();
let httpsApp: App;
let world: World;

const tally = { responses: 0, https: 0, getCells: 0, requests: 0, knownWrites: [] as string[], failing: [] as string[] };

beforeAll(async () => {
  world = await createWorld(getDb());
  // The same build behind a second pipeline, configured for a public https address.
  const env = parseEnv({ ...process.env, APP_URL: "https://vrienden.example" });
  httpsApp = { ...app, handler: createAppHandler(async () => app.build, { ...env, NODE_ENV: "production" }) };
});

afterAll(async () => {
  await world?.close();
  const known = tally.knownWrites.length ? ` (allowed, known: ${tally.knownWrites.join("; ")})` : "";
  const failing = tally.failing.length ? `; FAILING: ${tally.failing.join(", ")}` : "";
  if (!tally.getCells) return recordGuard("headers", "did not run");
  recordGuard(
    "headers",
    `${app.routes.length} routes: CSP with frame-ancestors, Referrer-Policy and nosniff on ${tally.responses} responses, ` +
      `HSTS on ${tally.https} over https and none over http; ${tally.getCells} route × role GET/HEAD cells ` +
      `(${tally.requests} requests) changed no table${known}${failing}`,
    { routes: app.routes.length, ...tally },
  );
});

const SAFE_REFERRER_POLICIES = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"];
const MIN_HSTS_SECONDS = 180 * 24 * 3600;

/** What is wrong with a response's security headers, if anything. */
function headerProblems(response: Response, https: boolean): string[] {
  const problems: string[] = [];
  const csp = response.headers.get("Content-Security-Policy");
  if (!csp) problems.push("no Content-Security-Policy");
  else if (!/(^|;)\s*frame-ancestors\s+[^;\s]/.test(csp)) problems.push(`CSP without frame-ancestors: ${csp}`);
  const referrer = response.headers.get("Referrer-Policy");
  if (!referrer || !SAFE_REFERRER_POLICIES.includes(referrer)) problems.push(`Referrer-Policy is ${referrer ?? "missing"}`);
  const nosniff = response.headers.get("X-Content-Type-Options");
  if (nosniff !== "nosniff") problems.push(`X-Content-Type-Options is ${nosniff ?? "missing"}`);
  const hsts = response.headers.get("Strict-Transport-Security");
  if (https) {
    const maxAge = Number(/max-age=(\d+)/.exec(hsts ?? "")?.[1] ?? 0);
    if (maxAge < MIN_HSTS_SECONDS) problems.push(`Strict-Transport-Security is ${hsts ?? "missing"} with an https APP_URL`);
  } else if (hsts) {
    problems.push(`Strict-Transport-Security (${hsts}) with an http APP_URL`);
  }
  return problems;
}

const isIndex = (route: RouteInfo) => app.build.routes[route.id]?.index === true;

/** What one route got wrong: writes by reads, and header problems grouped by problem. */
class Findings {
  readonly writes: string[] = [];
  private readonly headers = new Map<string, Set<string>>();

  /** Checks a response's headers; `where` says which request it answered. */
  check(response: Response, https: boolean, where: string): void {
    tally.responses++;
    if (https) tally.https++;
    for (const problem of headerProblems(response, https)) {
      this.headers.set(problem, (this.headers.get(problem) ?? new Set()).add(where));
    }
  }

  get count(): number {
    return this.writes.length + this.headers.size;
  }

  toString(): string {
    const grouped = [...this.headers].map(([problem, where]) => {
      const list = [...where];
      const more = list.length > 4 ? `, … ${list.length - 4} more` : "";
      return `${problem} — on ${list.length} response(s): ${list.slice(0, 4).join(", ")}${more}`;
    });
    return [...this.writes, ...grouped.sort()].join("\n  ");
  }
}

/** The GETs and HEAD a browser (or a crawler) may send for a probe. */
function readRequests(route: RouteInfo, path: string, row: Row | undefined = ACCESS_MATRIX[route.id]) {
  const list = [
    { method: "GET", url: path },
    { method: "HEAD", url: path },
  ];
  if (route.hasComponent) list.push({ method: "GET", url: dataPath(path, route.id, { index: isIndex(route) }) });
  for (const format of row?.formats ?? []) {
    list.push({ method: "GET", url: `${path}${path.includes("?") ? "&" : "?"}${format.query}` });
  }
  return list;
}

/** A role that may see the probe (its first 200 cell), or anonymous. */
function viewerOf(probe: Probe): RoleFixture {
  return ROLE_FIXTURES.find((role) => probe.cells[role] === 200) ?? "anonymous";
}

async function checkReads(route: RouteInfo, probe: Probe, roles: readonly RoleFixture[], findings: Findings, row: Row, on: App = app) {
  const db = getDb();
  const path = probe.path(world);
  const allowed = probe.getWrites?.tables ?? [];
  const unexpected = (changed: string[]) => changed.filter((t) => !allowed.includes(t.split(" ")[0]!));
  const readAs = async (role: RoleFixture, check: boolean) => {
    for (const { method, url } of readRequests(route, path, row)) {
      tally.requests++;
      const response = await request(on, url, { method, cookie: world.cookies[role] });
      await response.arrayBuffer();
      if (check) findings.check(response, false, `${role} · ${method} ${url}`);
    }
  };
  // One snapshot around all roles keeps this fast; only when something changed, find out who.
  const before = await snapshotDatabase(db);
  for (const role of roles) {
    tally.getCells++;
    await readAs(role, true);
  }
  const changed = changedTables(before, await snapshotDatabase(db));
  if (!unexpected(changed).length) {
    if (changed.length) tally.knownWrites.push(`${route.id.replace(/^routes\//, "")}: ${probe.getWrites!.why}`);
    return;
  }
  const culprits: string[] = [];
  for (const role of roles) {
    const again = await snapshotDatabase(db);
    await readAs(role, false);
    const byRole = unexpected(changedTables(again, await snapshotDatabase(db)));
    if (byRole.length) culprits.push(`${role} (${byRole.join(", ")})`);
  }
  findings.writes.push(
    `GET/HEAD ${path} changed ${unexpected(changed).join(", ")}; ` +
      (culprits.length ? `again when read as ${culprits.join(", ")}` : "not again on a second read (a write that converges)"),
  );
}

/** The guard's report on one route: null when it holds. `httpsOn`: the same app on an https APP_URL. */
async function headersReport(route: RouteInfo, row: Row, on: App, httpsOn: App | null): Promise<string | null> {
  const findings = new Findings();
  const probes: Probe[] = probesOf(row);
  // A route without a loader runs no code of ours on GET (Remix answers 400 and logs why, which
  // is muted here): one visitor is enough.
  const quiet = route.hasLoader ? undefined : vi.spyOn(console, "error").mockImplementation(() => {});
  if (!probes.length) probes.push({ why: "no loader", path: row.path!, cells: row.action!.cells });
  for (const probe of probes) await checkReads(route, probe, route.hasLoader ? ROLE_FIXTURES : ["anonymous"], findings, row, on);

  const viewer = viewerOf(probes[0]!);
  const path = probes[0]!.path(world);
  const targets: [App, boolean][] = httpsOn ? [[httpsOn, true], [on, false]] : [[on, false]];
  for (const [target, https] of targets) {
    const response = await request(target, path, { cookie: world.cookies[viewer] });
    await response.arrayBuffer();
    findings.check(response, https, `${viewer} · GET ${path} (${https ? "https" : "http"} APP_URL)`);
  }
  quiet?.mockRestore();

  if (row.action) {
    const target = (row.action.path ?? row.path!)(world);
    const url = route.hasComponent ? dataPath(target, route.id, { index: isIndex(route) }) : target;
    const post = await request(on, url, { form: row.action.form(world) });
    await post.arrayBuffer();
    findings.check(post, false, `anonymous · POST ${url}`);
    // Refused by the pipeline before Remix sees it: the refusal carries the headers too.
    const crossSite = await on.handler(
      new Request(`http://localhost:3000${url}`, { method: "POST", headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" } }),
    );
    await crossSite.arrayBuffer();
    findings.check(crossSite, false, `anonymous · cross-site POST ${url}`);
  }
  return findings.count ? `${route.id}: ${findings.count} problem(s)\n  ${findings}` : null;
}

describe("headers and methods", () => {
  it.each(app.routes)("$id", async (route) => {
    const row = ACCESS_MATRIX[route.id];
    if (!row?.path) {
      tally.failing.push(route.id);
      throw failure(`${route.id} has no row with a path in tests/guards/access-matrix.ts`);
    }
    const report = await headersReport(route, row, app, httpsApp);
    if (report) {
      tally.failing.push(route.id);
      throw failure(report);
    }
  });
});

describe("the headers guard bites", () => {
  it("reports, by name, a planted page whose GET writes to the database", async () => {
    const planted = plantRoutes(app, [
      {
        id: "routes/guards-bite.teller",
        path: "guards-bite/teller",
        module: {
          // Deliberately broken: a page view that writes.
          loader: async () => {
            await getDb().company.update({ where: { id: world.companyB.id }, data: { city: `Bekeken ${Date.now()}` } });
            return new Response("<p>geteld</p>", { headers: { "Content-Type": "text/html" } });
          },
        },
      },
    ]);
    const row: Row = { why: "A planted page.", path: () => "/guards-bite/teller", marker: () => "geteld", cells: everyone(200) };
    const counted = { ...tally, failing: [...tally.failing], knownWrites: [...tally.knownWrites] };
    const report = await headersReport(planted.routes[0]!, row, planted.app, null);
    Object.assign(tally, counted);
    expect(report, "the headers guard let the planted page pass").not.toBeNull();
    expect(report).toContain("routes/guards-bite.teller:");
    expect(report).toContain("GET/HEAD /guards-bite/teller changed Company");
    recordBite("headers", "routes/guards-bite.teller (a GET that writes)", report!);
  });
});
