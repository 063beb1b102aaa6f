// Guards for the invoices area (issue 7): its objects in the world, matrix rows, hostile-input rows,
// query-budget plans and dataset rows. See types.ts.
import type { GuardArea } from "./types";

export const invoicesArea: GuardArea = {
  name: "invoices",
};
