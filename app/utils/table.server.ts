// Sorting, searching and paging of a list from its URL (?sort=&dir=&q=&page=). The sort column
// comes from an allow-list that maps each key to a Prisma orderBy, so a URL can never sort on a
// column we did not choose (or reach a relation's hidden field); bad values fall back to the
// defaults instead of failing, because these URLs get bookmarked, shared and edited by hand.
import { z } from "zod";
import type { SortDir, TableState } from "~/components/ui/table";

export type { SortDir, TableState };

/** Deeper pages than this are refused (a huge OFFSET only costs the database). */
export const MAX_PAGE = 10_000;

type Sorts = Record<string, (dir: SortDir) => unknown>;
type SortKey<T extends Sorts> = Extract<keyof T, string>;
type OrderBy<T extends Sorts> = ReturnType<T[SortKey<T>]>;
/** A unique column in a fixed direction, e.g. { id: "asc" }. */
export type Tiebreaker = { [column: string]: SortDir };

export type TableConfig<T extends Sorts> = {
  /** Allow-list: URL key → Prisma orderBy for that direction, e.g. name: (dir) => ({ name: dir }). */
  sorts: T;
  defaultSort: NoInfer<SortKey<T>>;
  defaultDir?: SortDir;
  /** Appended to every orderBy, so rows with equal values keep one order across pages. */
  tiebreaker?: Tiebreaker;
  pageSize?: number;
  /** Longer searches are cut to this many characters. */
  maxQueryLength?: number;
  /** For a second table on one page: "t2-" reads t2-sort, t2-dir, t2-q, t2-page. */
  prefix?: string;
};

export type TableParams<S extends string> = { sort: S; dir: SortDir; q: string; page: number; pageSize: number };

// Control characters (also the invisible bidi overrides) never help a search.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function defineTable<T extends Sorts>(config: TableConfig<T>) {
  type S = SortKey<T>;
  type O = OrderBy<T>;
  const keys = Object.keys(config.sorts) as S[];
  if (!keys.includes(config.defaultSort)) throw new Error(`defaultSort "${config.defaultSort}" is not in the allow-list`);
  const defaultDir = config.defaultDir ?? "asc";
  const pageSize = config.pageSize ?? 20;
  const maxQueryLength = config.maxQueryLength ?? 100;
  const prefix = config.prefix ?? "";

  const schema = z.object({
    sort: z.enum(keys as [S, ...S[]]).catch(config.defaultSort),
    dir: z.enum(["asc", "desc"]).catch(defaultDir),
    q: z
      .string()
      .transform((q) => Array.from(q.replace(CONTROL, " ").replace(/\s+/g, " ").trim()).slice(0, maxQueryLength).join("").trim())
      .catch(""),
    page: z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_PAGE))
      .catch(1),
  });

  /** The table's parameters from a request, URL or search params; never throws. */
  function parse(source: Request | URL | URLSearchParams | string): TableParams<S> {
    const params =
      source instanceof URLSearchParams
        ? source
        : typeof source === "string"
          ? new URLSearchParams(source)
          : source instanceof URL
            ? source.searchParams
            : new URL(source.url).searchParams;
    const read = (name: string) => params.get(`${prefix}${name}`) ?? undefined;
    const value = schema.parse({ sort: read("sort"), dir: read("dir"), q: read("q"), page: read("page") });
    return { ...value, pageSize };
  }

  /** The page actually shown: past the last page means the last page. */
  function state(params: TableParams<S>, total: number): TableState {
    const pages = Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
    return { sort: params.sort, dir: params.dir, q: params.q, page: Math.min(params.page, pages), pages, total, pageSize, prefix };
  }

  /**
   * Prisma's orderBy/skip/take. With `total` (count first) the page is clamped to the last one;
   * without it (count and rows in parallel) a page past the end simply has no rows.
   */
  function prisma(params: TableParams<S>, total?: number): { orderBy: Array<O | Tiebreaker>; skip: number; take: number } {
    const page = total === undefined ? params.page : state(params, total).page;
    const orderBy: Array<O | Tiebreaker> = [config.sorts[params.sort]!(params.dir) as O];
    if (config.tiebreaker !== undefined) orderBy.push(config.tiebreaker);
    return { orderBy, skip: (page - 1) * pageSize, take: pageSize };
  }

  return { schema, parse, state, prisma, keys, pageSize, prefix };
}

export type TableDefinition<T extends Sorts> = ReturnType<typeof defineTable<T>>;

/**
 * The same for a list already in memory (static data, a short list): search, sort and cut out
 * one page. `value` gives each sort key's comparable value; `text` what the search looks in.
 */
export function pageOfRows<Row, S extends string>(
  rows: readonly Row[],
  table: { state: (p: TableParams<S>, total: number) => TableState },
  params: TableParams<S>,
  options: { value: Record<S, (row: Row) => string | number | Date | null>; text: (row: Row) => string; lang?: string },
): { rows: Row[]; state: TableState } {
  const collator = new Intl.Collator(options.lang ?? "nl", { sensitivity: "base", numeric: true });
  const needle = params.q.toLocaleLowerCase(options.lang ?? "nl");
  const found = needle ? rows.filter((row) => options.text(row).toLocaleLowerCase(options.lang ?? "nl").includes(needle)) : [...rows];
  const get = options.value[params.sort];
  const sign = params.dir === "asc" ? 1 : -1;
  found.sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === y) return 0;
    if (x === null) return 1; // empty values last, either direction
    if (y === null) return -1;
    if (typeof x === "string" && typeof y === "string") return sign * collator.compare(x, y);
    return sign * (Number(x) < Number(y) ? -1 : 1);
  });
  const state = table.state(params, found.length);
  const start = (state.page - 1) * state.pageSize;
  return { rows: found.slice(start, start + state.pageSize), state };
}
