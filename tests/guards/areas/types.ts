// What a capability area adds to the guards: objects in the guards' world (with markers), its
// routes' access-matrix rows, its actions' hostile-input rows, its pages' query-budget plans and
// rows in the query-budget datasets. Each area lives in its own file and is listed in index.ts.
import type { PrismaClient } from "../../../app/generated/prisma/client";
import type { Row } from "../access-matrix";
import type { Dataset } from "../datasets";
import type { FormAction } from "../kit";
import type { World } from "../world";

export type WorldSeedContext = {
  db: PrismaClient;
  /** A new unique marker, kept in world.markers under `name`. */
  mk(name: string): string;
  /** The world so far: ids, markers and params (add your URL parameters to world.params). */
  world: World;
  /** Runs when the world is closed (reverse order). */
  onClose(cleanup: () => Promise<void> | void): void;
};

/** Who views a page in the query-budget guard (each has a session in both datasets). */
export type Viewer = "anonymous" | "board" | "teacher" | "contact" | "pupil";

export type PagePlan = { as: Viewer; path: (d: Dataset) => string; status?: number };

export type DatasetContext = {
  db: PrismaClient;
  /** 1 (small) or 10 (large). */
  scale: number;
  /** "s1" or "s10": unique per dataset, for names and addresses. */
  tag: string;
  boardId: string;
  /** The company whose contact is the "contact" viewer (company 0 of unit 0). */
  viewerCompanyId: string;
  /** Per unit, the companies and schools the core dataset made (3 and 2 per unit). */
  units: { companyIds: string[]; schoolIds: string[] }[];
};

export type GuardArea = {
  name: string;
  /** Adds the area's objects to the guards' world. Runs after the core world is built. */
  seedWorld?(ctx: WorldSeedContext): Promise<void>;
  /** Access-matrix rows, by route id ("routes/bestuur.bedrijven"). */
  rows?: Record<string, Row>;
  /** Hostile-input rows for the area's actions. */
  actions?: FormAction[];
  /** Query-budget plans for the area's pages, by route id. */
  pages?: Record<string, PagePlan>;
  /** Adds the area's rows to a query-budget dataset (scale units of each); returns URL parameters. */
  seedDataset?(ctx: DatasetContext): Promise<Record<string, string>>;
};
