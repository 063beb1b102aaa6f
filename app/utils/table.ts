// The shape of a table's state, shared by the server (defineTable in table.server.ts) and the
// table component. Client-safe.
export type SortDir = "asc" | "desc";

/** What the server decided (see `defineTable` in ~/utils/table.server): the page shown and how. */
export type TableState = {
  sort: string;
  dir: SortDir;
  q: string;
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  /** Search parameter names get this prefix when one page has several tables ("t2-sort"). */
  prefix?: string;
};
