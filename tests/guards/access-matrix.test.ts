// Guard 1, the access matrix: every route of the manifest × every role fixture, loaders and
// actions, against the table in access-matrix.ts. A failing route lists every cell that is off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { CLIENT_IP_HEADER } from "~/utils/client-ip";
import { ACCESS_MATRIX, dataPath, failure, markerRule, outcome, probesOf, satisfies, type Expect, type Format, type Probe, type Row } from "./access-matrix";
import { cellsOf, marker } from "./cells";
import { bootApp, plantRoutes, request, type App, type RouteInfo } from "./harness";
import { recordBite, recordGuard } from "./report";
import { changedTables, createWorld, ROLE_FIXTURES, snapshotDatabase, type World } from "./world";

const app = await bootApp();
let world: World;

const tally = { probes: 0, loaderCells: 0, requests: 0, exports: 0, actions: 0, actionCells: 0, failing: [] as string[] };

beforeAll(async () => {
  world = await createWorld(getDb());
});

afterAll(async () => {
  await world?.close();
  const rows = app.routes.map((r) => ACCESS_MATRIX[r.id]).filter((r) => r !== undefined);
  const noPage = app.routes.filter((r) => ACCESS_MATRIX[r.id]?.noPage).map((r) => r.id.replace(/^routes\//, ""));
  const failing = tally.failing.length ? `; FAILING: ${tally.failing.join(", ")}` : "";
  if (!tally.loaderCells) return recordGuard("access-matrix", "did not run");
  recordGuard(
    "access-matrix",
    `${app.routes.length} routes × ${ROLE_FIXTURES.length} roles: ${tally.loaderCells} loader cells on ${tally.probes} probes ` +
      `(${tally.requests} requests: HTML, ?_data, ${tally.exports} exports), ${tally.actionCells} action cells on ${tally.actions} actions; ` +
      `${rows.length - noPage.length} routes show their marker to an allowed role, ${noPage.length} have no page (${noPage.join(", ")})${failing}`,
    { routes: app.routes.length, roles: ROLE_FIXTURES.length, ...tally },
  );
});

const isIndex = (route: RouteInfo) => app.build.routes[route.id]?.index === true;
const FORBIDDEN: readonly string[] = ["login", "403", "404"];

async function checkProbe(route: RouteInfo, probe: Probe, problems: string[], row: Row = ACCESS_MATRIX[route.id]!, on: App = app) {
  const path = probe.path(world);
  // The page, its loader data (pages only: a resource route's loader answer is the page), its exports.
  const variants: { label: string; url: string; format?: Format }[] = [{ label: "GET", url: path }];
  if (route.hasComponent) variants.push({ label: "GET data", url: dataPath(path, route.id, { index: isIndex(route) }) });
  for (const format of row.formats ?? []) {
    variants.push({ label: `GET ${format.name}`, url: `${path}${path.includes("?") ? "&" : "?"}${format.query}`, format });
  }
  tally.probes++;
  for (const role of ROLE_FIXTURES) {
    const expected = probe.cells[role];
    const rule = markerRule(probe, world, role, expected);
    tally.loaderCells++;
    for (const { label, url, format } of variants) {
      tally.requests++;
      if (format) tally.exports++;
      const response = await request(on, url, { cookie: world.cookies[role] });
      const body = await response.text();
      const where = `${role} · ${label} ${url}`;
      const actual = outcome(response);
      if (!satisfies(expected, actual)) problems.push(`${where}: expected ${expected}, got ${actual}`);
      const type = response.headers.get("Content-Type");
      if (format && actual === "200" && !type?.includes(format.contentType)) problems.push(`${where}: expected ${format.contentType}, got ${type}`);
      for (const marker of rule.shown) if (!body.includes(marker)) problems.push(`${where}: marker ${marker} missing`);
      for (const marker of rule.absent) if (body.includes(marker)) problems.push(`${where}: shows marker ${marker}, which it must not`);
    }
  }
}

async function checkAction(route: RouteInfo, problems: string[], row: Row = ACCESS_MATRIX[route.id]!, on: App = app) {
  const action = row.action!;
  const db = getDb();
  const path = (action.path ?? row.path)!(world);
  // Pages post to their own ?_data URL (what the browser does with JavaScript); resource routes plainly.
  const url = route.hasComponent ? dataPath(path, route.id, { index: isIndex(route) }) : path;
  const markers = probesOf(row)[0];
  tally.actions++;
  for (const role of ROLE_FIXTURES) {
    tally.actionCells++;
    const expected: Expect = action.cells[role];
    const cookie = action.freshSession && role !== "anonymous" ? await world.newSession(role) : world.cookies[role];
    const before = await snapshotDatabase(db);
    // Each fixture posts from its own address, as each is a person on their own device: from one
    // shared address the fixtures together exceed the per-address limit of a public form (10
    // pupil-code tries), and the last ones would get a 429 instead of the cell being tested.
    const response = await request(on, url, { cookie, form: action.form(world), headers: { [CLIENT_IP_HEADER]: `guards-${role}` } });
    const body = await response.text();
    const changed = changedTables(before, await snapshotDatabase(db));
    const where = `${role} · POST ${url}`;
    const actual = outcome(response);
    if (!satisfies(expected, actual)) problems.push(`${where}: expected ${expected}, got ${actual}`);
    const forbidden = FORBIDDEN.includes(String(expected));
    const mayChange = forbidden ? [] : (action.writes ?? []);
    const unexpected = changed.filter((t) => !mayChange.includes(t.split(" ")[0]!));
    if (unexpected.length) problems.push(`${where}: changed ${unexpected.join(", ")}${forbidden ? " (a refused post must change nothing)" : ""}`);
    if (forbidden && markers) {
      for (const marker of markerRule(markers, world, role, expected).absent) {
        if (body.includes(marker)) problems.push(`${where}: shows marker ${marker}, which it must not`);
      }
    }
  }
}

/** Rows that cannot be checked as written (missing cells, a 200 without a marker, …). */
function shapeProblems(route: RouteInfo, row: Row = ACCESS_MATRIX[route.id]!): string[] {
  const problems: string[] = [];
  const probes = probesOf(row);
  if (route.hasLoader && !(row.path && row.cells)) problems.push("the route has a loader, but its row has no path and cells");
  if (!route.hasLoader && row.cells) problems.push("the row has loader cells, but the route has no loader");
  if (route.hasAction && !row.action) problems.push("the route has an action, but its row has no action cells");
  if (!route.hasAction && row.action) problems.push("the row has action cells, but the route has no action");
  if (row.action && !row.action.path && !row.path) problems.push("the action has no path to post to");
  for (const probe of probes) {
    for (const role of ROLE_FIXTURES) {
      if (probe.cells[role] === 200 && !probe.marker?.(world, role)) problems.push(`${role} expects 200 on ${probe.path(world)} but the row names no marker`);
    }
  }
  const showsMarker = probes.some((p) => ROLE_FIXTURES.some((role) => p.cells[role] === 200));
  if (!showsMarker && !row.noPage) problems.push("no cell expects 200 with the marker: add one, or say in `noPage` why the route has no page");
  if (showsMarker && row.noPage) problems.push("`noPage` is set, yet a cell expects 200 with a marker");
  return problems;
}

describe("access matrix", () => {
  it("has a row for every route in the manifest, and none for a route that is gone", () => {
    const ids = new Set(app.routes.map((r) => r.id));
    const missing = app.routes.filter((r) => !ACCESS_MATRIX[r.id]).map((r) => `${r.id} (${r.pattern}) has no row`);
    const gone = Object.keys(ACCESS_MATRIX).filter((id) => !ids.has(id)).map((id) => `${id} has a row but is not in the route manifest`);
    expect([...missing, ...gone]).toEqual([]);
  });

  it.each(app.routes)("$id", async (route) => {
    const row = ACCESS_MATRIX[route.id];
    if (!row) {
      tally.failing.push(route.id);
      throw failure(`${route.id} (${route.pattern}) has no row in tests/guards/access-matrix.ts: add one with a cell per role`);
    }
    const report = await matrixReport(route, row, app);
    if (report) {
      tally.failing.push(route.id);
      throw failure(report);
    }
  });
});

/** The guard's report on one route: null when every cell holds. */
async function matrixReport(route: RouteInfo, row: Row, on: App): Promise<string | null> {
  const problems = shapeProblems(route, row);
  if (!problems.length) {
    for (const probe of probesOf(row)) await checkProbe(route, probe, problems, row, on);
    if (row.action) await checkAction(route, problems, row, on);
  }
  return problems.length ? `${route.id}: ${problems.length} cell(s) off\n  ${problems.sort().join("\n  ")}` : null;
}

describe("the access matrix bites", () => {
  it("reports, by name, a planted board page whose loader checks nobody", async () => {
    const planted = plantRoutes(app, [
      {
        id: "routes/guards-bite.bestuur",
        path: "guards-bite/bestuur",
        // Deliberately broken: the board's list of invitations, for anyone.
        module: { loader: async () => new Response(`<p>${world.markers.invitee}</p>`, { headers: { "Content-Type": "text/html" } }) },
      },
    ]);
    const row: Row = {
      why: "A planted page meant for the board only.",
      path: () => "/guards-bite/bestuur",
      marker: marker("invitee"),
      cells: cellsOf(403, { anonymous: "login", board: 200 }),
    };
    const counted = { ...tally, failing: [...tally.failing] };
    const report = await matrixReport(planted.routes[0]!, row, planted.app);
    Object.assign(tally, counted);
    expect(report, "the matrix let the planted page pass").not.toBeNull();
    expect(report).toContain("routes/guards-bite.bestuur:");
    expect(report).toContain("anonymous · GET /guards-bite/bestuur: expected login, got 200");
    expect(report).toContain("contactB · GET /guards-bite/bestuur: expected 403, got 200");
    expect(report).toContain(`shows marker ${world.markers.invitee}`);
    recordBite("access-matrix", "routes/guards-bite.bestuur (a board page whose loader checks nobody)", report!);
  });
});
