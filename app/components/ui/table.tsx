import { Form, Link, useLocation } from "@remix-run/react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, buttonClass } from "./button";
import { EmptyState } from "./empty-state";

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

export type Column<Row> = {
  /** Also the sort key in the URL (?sort=name); it must be in the server's allow-list. */
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  sortable?: boolean;
  /** First sort direction when chosen (amounts and dates read best newest/highest first). */
  firstDir?: SortDir;
  /** Right-aligned, tabular figures (amounts, counts). */
  numeric?: boolean;
  /** This cell names the row (<th scope="row">); usually the first column. */
  rowHeader?: boolean;
  /** Hide on phones when the column is a nice-to-have (the row stays readable without it). */
  hideOnPhone?: boolean;
};

const names = (prefix = "") => ({ sort: `${prefix}sort`, dir: `${prefix}dir`, q: `${prefix}q`, page: `${prefix}page` });

/** `?…` for the current URL with some parameters changed (null removes one). */
function hrefWith(search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/**
 * A table with sorting, search and pages that are plain links and a GET form: they work without
 * JavaScript, can be bookmarked and shared, and the server does the work (only one page of rows
 * is ever loaded). The sorted column carries `aria-sort`; the pager marks the current page with
 * `aria-current`. On a narrow screen the table scrolls sideways inside its own focusable box,
 * never the page.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  state,
  search = true,
  filters,
  empty,
  description,
  filterActive,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  state: TableState;
  /** Show the search box (parameter q). */
  search?: boolean;
  /** Extra filter controls inside the same GET form (e.g. a SelectField name="status"). */
  filters?: ReactNode;
  /** What to show when there are no rows at all (without a search or filter). */
  empty?: ReactNode;
  description?: ReactNode;
  /** Whether a filter of `filters` is set (default: any other search parameter is). */
  filterActive?: boolean;
}) {
  const { t } = useTranslation("ui");
  const { search: currentSearch } = useLocation();
  const captionId = useId();
  const searchId = useId();
  const p = names(state.prefix);
  const current = new URLSearchParams(currentSearch);
  // Everything except our own sort/dir/page/q is a filter of the page's own (status=…).
  const otherFilters = [...current.keys()].some((k) => ![p.sort, p.dir, p.q, p.page].includes(k));
  const filtered = Boolean(state.q) || (filterActive ?? Boolean(filters && otherFilters));
  const clearHref = hrefWith(
    "",
    Object.fromEntries([
      [p.sort, current.get(p.sort)],
      [p.dir, current.get(p.dir)],
    ]),
  );

  return (
    <div className="space-y-4">
      {search || filters ? (
        <Form method="get" role="search" aria-label={t("table.searchIn", { caption })} preventScrollReset className="flex flex-wrap items-end gap-3">
          {/* Keep the chosen order; a new search starts at page 1. */}
          {current.get(p.sort) ? <input type="hidden" name={p.sort} value={current.get(p.sort) ?? ""} /> : null}
          {current.get(p.dir) ? <input type="hidden" name={p.dir} value={current.get(p.dir) ?? ""} /> : null}
          {search ? (
            <div className="min-w-0 flex-[1_1_14rem]">
              <label htmlFor={searchId} className="block text-sm font-semibold text-slate-900">
                {t("table.search")}
              </label>
              <input
                id={searchId}
                type="search"
                name={p.q}
                defaultValue={state.q}
                key={state.q}
                maxLength={100}
                enterKeyHint="search"
                className="mt-1 block min-h-11 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-base"
              />
            </div>
          ) : null}
          {filters}
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary">{t("table.apply")}</Button>
            {filtered ? (
              <Link to={clearHref} preventScrollReset className={buttonClass("ghost")}>
                {t("table.clear")}
              </Link>
            ) : null}
          </div>
        </Form>
      ) : null}

      {description ? <div className="text-slate-700">{description}</div> : null}

      {rows.length > 0 ? (
        // Outside the table, so it wraps on a phone instead of scrolling away with the columns.
        <div className="flex flex-wrap items-baseline gap-x-2">
          <p aria-hidden className="font-semibold text-slate-900">
            {caption}
          </p>
          <p role="status" className="text-sm text-slate-700">
            {t("table.summary", { count: state.total, from: (state.page - 1) * state.pageSize + 1, to: Math.min(state.total, state.page * state.pageSize) })}
            {state.sort ? ` · ${t("table.sortedBy", { column: columns.find((c) => c.key === state.sort)?.header ?? state.sort, dir: t(`table.dir.${state.dir}`) })}` : ""}
          </p>
        </div>
      ) : null}

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState
            headingLevel={3}
            title={t("table.noResultsTitle")}
            text={state.q ? t("table.noResultsFor", { q: state.q }) : t("table.noResultsText")}
            action={{ to: clearHref, label: t("table.clear") }}
          />
        ) : (
          (empty ?? <EmptyState headingLevel={3} title={t("table.emptyTitle")} />)
        )
      ) : (
        <div
          role="region"
          aria-labelledby={captionId}
          tabIndex={0}
          className="relative max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white"
        >
          <table className="w-full border-collapse text-left text-sm sm:text-base">
            <caption id={captionId} className="sr-only">
              {caption}
            </caption>
            <thead className="border-y border-slate-200 bg-slate-50">
              <tr>
                {columns.map((column) => {
                  const sorted = state.sort === column.key;
                  const nextDir: SortDir = sorted ? (state.dir === "asc" ? "desc" : "asc") : (column.firstDir ?? "asc");
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      aria-sort={sorted ? (state.dir === "asc" ? "ascending" : "descending") : undefined}
                      className={`px-3 py-2 font-semibold whitespace-nowrap sm:px-4 text-slate-900 ${column.numeric ? "text-right" : ""} ${column.hideOnPhone ? "max-sm:hidden" : ""}`}
                    >
                      {column.sortable ? (
                        <Link
                          to={hrefWith(currentSearch, { [p.sort]: column.key, [p.dir]: nextDir, [p.page]: null })}
                          preventScrollReset
                          className="-mx-2 inline-flex min-h-11 items-center gap-1.5 rounded px-2 text-slate-900 underline decoration-slate-400 underline-offset-4 hover:decoration-slate-900"
                        >
                          <span className="sr-only">{t("table.sortBy")} </span>
                          {column.header}
                          <span className="sr-only">, {t(`table.sortAction.${nextDir}`)}</span>
                          <span aria-hidden className={sorted ? "text-brand-700" : "text-slate-500"}>
                            {sorted ? (state.dir === "asc" ? "▲" : "▼") : "↕"}
                          </span>
                        </Link>
                      ) : (
                        column.header
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((row) => (
                <tr key={rowKey(row)} className="align-top hover:bg-slate-50">
                  {columns.map((column) => {
                    const Cell = column.rowHeader ? "th" : "td";
                    return (
                      <Cell
                        key={column.key}
                        scope={column.rowHeader ? "row" : undefined}
                        className={`px-3 py-3 sm:px-4 ${column.rowHeader ? "font-semibold text-slate-900" : "text-slate-800"} ${column.numeric ? "text-right whitespace-nowrap tabular-nums" : ""} ${column.hideOnPhone ? "max-sm:hidden" : ""}`}
                      >
                        {column.cell(row)}
                      </Cell>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination page={state.page} pages={state.pages} param={p.page} label={t("table.pagesOf", { caption })} />
    </div>
  );
}

/** Pages 1 … 4 5 6 … 12 around the current one. */
export function pageWindow(page: number, pages: number): Array<number | "gap"> {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | "gap"> = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && n - previous > 2) out.push("gap");
    out.push(n);
  });
  return out;
}

/**
 * Previous / numbered / next links; works for any list with ?page=. On phones only
 * "Vorige · Pagina 2 van 5 · Volgende" shows, so the bar never gets wider than the screen.
 */
export function Pagination({ page, pages, param = "page", label }: { page: number; pages: number; param?: string; label?: string }) {
  const { t } = useTranslation("ui");
  const { search } = useLocation();
  if (pages <= 1) return null;
  const href = (n: number) => hrefWith(search, { [param]: n === 1 ? null : String(n) });
  const item = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 text-sm font-semibold";
  return (
    <nav aria-label={label ?? t("table.pagination")} className="flex flex-wrap items-center justify-between gap-2">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={buttonClass("secondary")}>
          <span aria-hidden>←</span> {t("table.previous")}
        </Link>
      ) : (
        <span className={buttonClass("secondary", "invisible")} aria-hidden>
          ← {t("table.previous")}
        </span>
      )}
      {/* On phones on its own line, so Vorige and Volgende fit side by side below it. */}
      <p className="order-first w-full text-center text-sm text-slate-700 sm:hidden">{t("table.pageOf", { page, pages })}</p>
      <ul className="hidden flex-wrap items-center gap-1 sm:flex">
        {pageWindow(page, pages).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-slate-600">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <Link to={href(n)} aria-current="page" className={`${item} bg-brand-700 text-white no-underline hover:no-underline`}>
                  <span className="sr-only">{t("table.page")} </span>
                  {n}
                </Link>
              ) : (
                <Link to={href(n)} className={`${item} text-brand-700 underline hover:bg-brand-50`}>
                  <span className="sr-only">{t("table.page")} </span>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next" className={buttonClass("secondary")}>
          {t("table.next")} <span aria-hidden>→</span>
        </Link>
      ) : (
        <span className={buttonClass("secondary", "invisible")} aria-hidden>
          {t("table.next")} →
        </span>
      )}
    </nav>
  );
}
