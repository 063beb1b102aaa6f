// The state of a sorted, searched and paged list: decided by the server (defineTable in
// table.server.ts), shown by the DataTable component. Client-safe.
export type SortDir = "asc" | "desc";

/** What the server decided (see `defineTable` in ./table.server): the page shown and how. */
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

