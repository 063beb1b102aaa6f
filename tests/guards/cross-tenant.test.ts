// Guard: cross-tenant object cells (issue 15, point 13). Every route with an id in its URL and every
// id field of an action's schema is tried with an object of the other tenant (tests/guards/
// cross-tenant.ts): a refusal, no marker of that object in the HTML, the loader data or the export,
// and no table changed. A `$param` route or an id field with neither a cell nor an exemption fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { ACCESS_MATRIX, failure } from "./access-matrix";
import { BOARD_ONLY, CROSS_CELLS, EXEMPT, runCrossCell, seedOthers } from "./cross-tenant";
import { bootApp } from "./harness";
import { idFieldsOf, paramRoutes } from "./id-fields";
import { recordGuard } from "./report";
import { createWorld, ROLE_FIXTURES, type World } from "./world";

const app = await bootApp();
let world: World;
const tally = { cells: 0, requests: 0, routes: 0, params: 0, fields: 0, exempt: 0, boardOnlyFields: 0, failing: [] as string[] };

beforeAll(async () => {
  world = await createWorld(getDb());
  await seedOthers(getDb(), world);
}, 120_000);

afterAll(async () => {
  await world?.close();
  if (!tally.cells) return recordGuard("cross-tenant", "did not run");
  const failing = tally.failing.length ? `; FAILING: ${tally.failing.join(", ")}` : "";
  recordGuard(
    "cross-tenant",
    `${tally.cells} cross-tenant cells (${tally.requests} requests) on ${tally.routes} routes: ${tally.params} URL id parameters and ` +
      `${tally.fields} form id fields tried with the other tenant's object, ${tally.exempt} exempt with a reason, ` +
      `${tally.boardOnlyFields} id fields on board-only routes${failing}`,
    { ...tally },
  );
});

/** What each route must cover: its URL parameters and its actionSchema's id fields. */
function required() {
  const byRoute = new Map(app.routes.map((r) => [r.id, r]));
  const needs: { route: string; covers: string; boardOnly: boolean }[] = [];
  for (const { id, params } of paramRoutes()) for (const param of params) needs.push({ route: id, covers: `param:${param}`, boardOnly: false });
  for (const route of app.routes) {
    if (!route.hasAction) continue;
    for (const field of idFieldsOf(route.module.actionSchema)) needs.push({ route: route.id, covers: field, boardOnly: BOARD_ONLY.includes(route.id) });
  }
  return { needs, byRoute };
}

describe("cross-tenant cells", () => {
  it("every URL id parameter and every id field of an actionSchema has a cell, or an exemption with a reason", () => {
    const { needs, byRoute } = required();
    const problems: string[] = [];
    for (const need of needs) {
      const covered = CROSS_CELLS.some((c) => c.route === need.route && c.covers.includes(need.covers));
      const exempt = EXEMPT[`${need.route} ${need.covers}`];
      if (covered) need.covers.startsWith("param:") ? tally.params++ : tally.fields++;
      else if (exempt) tally.exempt++;
      else if (need.boardOnly) tally.boardOnlyFields++;
      else {
        const what = need.covers.startsWith("param:") ? `URL parameter :${need.covers.slice(6)}` : `id field ${need.covers.split(":")[1]} (intent ${need.covers.split(":")[0]})`;
        problems.push(`${need.route}: its ${what} has no cross-tenant cell in tests/guards/cross-tenant.ts (the same request with the other tenant's object → 403/404, no marker, no write), nor an exemption with a reason`);
      }
    }
    for (const cell of CROSS_CELLS) {
      if (!byRoute.has(cell.route)) problems.push(`${cell.route}: has cross-tenant cells but is not in the route manifest`);
      for (const c of cell.covers) if (!needs.some((n) => n.route === cell.route && n.covers === c)) problems.push(`${cell.route}: the cell "${cell.name}" covers ${c}, which the route does not take`);
    }
    for (const key of Object.keys(EXEMPT)) {
      const [route, covers] = key.split(" ");
      if (!needs.some((n) => n.route === route && n.covers === covers)) problems.push(`${key}: exempt, but the route does not take it (remove the exemption)`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("routes whose id fields are exempt as board-only refuse every other role (access matrix)", () => {
    const problems: string[] = [];
    for (const id of BOARD_ONLY) {
      const row = ACCESS_MATRIX[id];
      const route = app.routes.find((r) => r.id === id);
      if (!route) problems.push(`${id}: board-only, but not in the route manifest`);
      if (!row) problems.push(`${id}: board-only, but it has no access-matrix row`);
      const cells = [row?.action?.cells, row?.cells].filter((c) => c !== undefined);
      for (const cellsOf of cells) {
        for (const role of ROLE_FIXTURES) {
          if (role === "board") continue;
          if (!["login", 403, 404].includes(cellsOf[role] as never)) problems.push(`${id}: board-only, yet the matrix lets ${role} in (${cellsOf[role]})`);
        }
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  const routes = [...new Set(CROSS_CELLS.map((c) => c.route))].sort();
  it.each(routes)("%s", async (id) => {
    const route = app.routes.find((r) => r.id === id);
    if (!route) throw failure(`${id}: not in the route manifest`);
    tally.routes++;
    const problems: string[] = [];
    for (const cell of CROSS_CELLS.filter((c) => c.route === id)) {
      const run = await runCrossCell(app, getDb(), world, cell, {
        id,
        hasComponent: route.hasComponent,
        isIndex: app.build.routes[id]?.index === true,
        actionSchema: route.module.actionSchema,
      });
      tally.cells++;
      tally.requests += run.requests;
      problems.push(...run.problems);
    }
    if (problems.length) {
      tally.failing.push(id);
      throw failure(`${id}: ${problems.length} cross-tenant problem(s)\n  ${problems.join("\n  ")}`);
    }
  });
});
