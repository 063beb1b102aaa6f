// Guard: cross-tenant object cells (issue 15, point 13). Every route with an id in its URL and every
// id field of an action's schema is tried with an object of the other tenant (tests/guards/
// cross-tenant.ts): a refusal, no marker of that object in the HTML, the loader data or the export,
// and no table changed. A `$param` route or an id field with neither a cell nor an exemption fails.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "~/utils/db.server";
import { ACCESS_MATRIX, failure } from "./access-matrix";
import { BOARD_ONLY, CROSS_CELLS, EXEMPT, runCrossCell, seedOthers, type CrossCell } from "./cross-tenant";
import { bootApp, plantRoutes, type App, type RouteInfo } from "./harness";
import { idFieldsOf, paramRoutes } from "./id-fields";
import { recordBite, recordGuard } from "./report";
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

/** What each route must cover (its URL parameters and its actionSchema's id fields), and what is missing. */
function coverage(routes: RouteInfo[], withParams: { id: string; params: string[] }[]) {
  const needs: { route: string; covers: string; boardOnly: boolean }[] = [];
  for (const { id, params } of withParams) for (const param of params) needs.push({ route: id, covers: `param:${param}`, boardOnly: false });
  for (const route of routes) {
    if (!route.hasAction) continue;
    for (const field of idFieldsOf(route.module.actionSchema)) needs.push({ route: route.id, covers: field, boardOnly: BOARD_ONLY.includes(route.id) });
  }
  const counts = { params: 0, fields: 0, exempt: 0, boardOnlyFields: 0 };
  const problems: string[] = [];
  for (const need of needs) {
    const covered = CROSS_CELLS.some((c) => c.route === need.route && c.covers.includes(need.covers));
    const exempt = EXEMPT[`${need.route} ${need.covers}`];
    if (covered) counts[need.covers.startsWith("param:") ? "params" : "fields"]++;
    else if (exempt) counts.exempt++;
    else if (need.boardOnly) counts.boardOnlyFields++;
    else {
      const what = need.covers.startsWith("param:") ? `URL parameter :${need.covers.slice(6)}` : `id field ${need.covers.split(":")[1]} (intent ${need.covers.split(":")[0]})`;
      problems.push(`${need.route}: its ${what} has no cross-tenant cell in tests/guards/cross-tenant.ts (the same request with the other tenant's object → 403/404, no marker, no write), nor an exemption with a reason`);
    }
  }
  return { needs, problems, counts };
}

/** The guard's report for one route's cells (what the failing test says). */
async function guardRoute(on: App, route: RouteInfo, cells: CrossCell[]): Promise<string | null> {
  const problems: string[] = [];
  for (const cell of cells) {
    const run = await runCrossCell(on, getDb(), world, cell, {
      id: route.id,
      hasComponent: route.hasComponent,
      isIndex: on.build.routes[route.id]?.index === true,
      actionSchema: route.module.actionSchema,
    });
    tally.cells++;
    tally.requests += run.requests;
    problems.push(...run.problems);
  }
  return problems.length ? `${route.id}: ${problems.length} cross-tenant problem(s)\n  ${problems.join("\n  ")}` : null;
}

describe("cross-tenant cells", () => {
  it("every URL id parameter and every id field of an actionSchema has a cell, or an exemption with a reason", () => {
    const { needs, problems, counts } = coverage(app.routes, paramRoutes());
    Object.assign(tally, counts);
    const byRoute = new Map(app.routes.map((r) => [r.id, r]));
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
    const report = await guardRoute(app, route, CROSS_CELLS.filter((c) => c.route === id));
    if (report) {
      tally.failing.push(id);
      throw failure(report);
    }
  });
});

// --- The guard bites (issue 15, point 16) -------------------------------------------------------------

describe("the cross-tenant guard bites", () => {
  it("reports, by name, a planted route that shows any invoice by id without an access check", async () => {
    const planted = plantRoutes(app, [
      {
        id: "routes/guards-bite.facturen.$invoiceId",
        path: "guards-bite/facturen/:invoiceId",
        module: {
          // Deliberately broken: any signed-in person gets any invoice.
          loader: async ({ params }: { params: Record<string, string> }) => {
            const invoice = await getDb().invoice.findUnique({ where: { id: params.invoiceId ?? "" }, select: { number: true } });
            return Response.json({ number: invoice?.number ?? null });
          },
        },
      },
    ]);
    const cell: CrossCell = {
      name: "company A's contact opens company B's invoice on the planted route",
      route: "routes/guards-bite.facturen.$invoiceId",
      covers: ["param:invoiceId"],
      as: "contactA",
      path: (w) => `/guards-bite/facturen/${w.params.invoiceIdB}`,
      markers: ["invoiceB"],
    };
    const counted = { cells: tally.cells, requests: tally.requests };
    const report = await guardRoute(planted.app, planted.routes[0]!, [cell]);
    Object.assign(tally, counted);
    expect(report, "the guard let the planted route pass").not.toBeNull();
    expect(report).toContain("routes/guards-bite.facturen.$invoiceId");
    expect(report).toContain("expected 403 or 404, got 200");
    expect(report).toContain(world.markers.invoiceB);
    recordBite("cross-tenant", "routes/guards-bite.facturen.$invoiceId (shows any invoice by id)", report!);
  });

  it("names a planted route file with an id parameter and an action id field that have no cell", () => {
    const planted = plantRoutes(app, [
      {
        id: "routes/guards-bite.dingen.$thingId",
        path: "guards-bite/dingen/:thingId",
        module: { actionSchema: z.object({ intent: z.literal("delete"), thingId: z.string() }), action: async () => null },
      },
    ]);
    const fixtures = path.resolve(import.meta.dirname, "fixtures/routes");
    const { problems } = coverage(planted.app.routes, paramRoutes(fixtures));
    const report = problems.join("\n");
    expect(report).toContain("routes/guards-bite.dingen.$thingId: its URL parameter :thingId has no cross-tenant cell");
    expect(report).toContain("routes/guards-bite.dingen.$thingId: its id field thingId (intent delete) has no cross-tenant cell");
    recordBite("cross-tenant-coverage", "app/routes/guards-bite.dingen.$thingId.tsx (an id parameter and an id field without cells)", report);
  });
});
