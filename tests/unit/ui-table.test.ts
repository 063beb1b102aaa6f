import { describe, expect, it } from "vitest";
import { defineTable, MAX_PAGE, pageOfRows } from "~/utils/table.server";

const table = defineTable({
  sorts: {
    name: (dir) => ({ name: dir }),
    amount: (dir) => ({ contributionCents: dir }),
    company: (dir) => ({ company: { name: dir } }),
  },
  defaultSort: "name",
  tiebreaker: { id: "asc" },
  pageSize: 10,
});

const parse = (query: string) => table.parse(new URL(`http://localhost/lijst?${query}`));

describe("table parameters from the URL", () => {
  it("falls back to the defaults without parameters", () => {
    expect(parse("")).toEqual({ sort: "name", dir: "asc", q: "", page: 1, pageSize: 10 });
  });

  it("reads a valid sort, direction, search and page", () => {
    expect(parse("sort=amount&dir=desc&q=metaal&page=3")).toEqual({ sort: "amount", dir: "desc", q: "metaal", page: 3, pageSize: 10 });
  });

  it("ignores a sort column that is not in the allow-list", () => {
    for (const sort of ["password", "tokenHash", "__proto__", "constructor", "toString", "name;DROP TABLE", "NAME", "", "company.name"]) {
      expect(parse(`sort=${encodeURIComponent(sort)}`).sort, sort).toBe("name");
    }
  });

  it("ignores a direction other than asc or desc", () => {
    for (const dir of ["up", "ASC", "descending", "", "1"]) expect(parse(`dir=${dir}`).dir).toBe("asc");
  });

  it("takes the first of repeated parameters", () => {
    expect(parse("sort=amount&sort=password").sort).toBe("amount");
  });

  it("keeps the page within bounds", () => {
    for (const page of ["0", "-1", "abc", "2.5", "1e3", "0x10", " ", "", "9".repeat(40), String(MAX_PAGE + 1), "Infinity", "NaN"]) {
      expect(parse(`page=${encodeURIComponent(page)}`).page, page).toBe(1);
    }
    expect(parse(`page=${MAX_PAGE}`).page).toBe(MAX_PAGE);
  });

  it("clamps a page past the end to the last page once the total is known", () => {
    const params = parse("page=50");
    expect(table.state(params, 23)).toMatchObject({ page: 3, pages: 3, total: 23, pageSize: 10 });
    expect(table.prisma(params, 23)).toMatchObject({ skip: 20, take: 10 });
    // Without a total (count and rows in parallel) the page stays and simply has no rows.
    expect(table.prisma(params)).toMatchObject({ skip: 490, take: 10 });
    expect(table.state(parse(""), 0)).toMatchObject({ page: 1, pages: 1, total: 0 });
  });

  it("cuts a long search to the limit and cleans it", () => {
    expect(parse(`q=${"a".repeat(1000)}`).q).toHaveLength(100);
    expect(parse(`q=${encodeURIComponent("  van   der\tLinden \u202E\u0000 ")}`).q).toBe("van der Linden");
    // Characters, not UTF-16 halves: an emoji at the limit is kept whole or dropped, never split.
    const emoji = parse(`q=${encodeURIComponent("🇳🇱".repeat(80))}`).q;
    expect(Array.from(emoji)).toHaveLength(100);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it("turns the choice into Prisma's orderBy, skip and take", () => {
    expect(table.prisma(parse("sort=company&dir=desc&page=2"))).toEqual({
      orderBy: [{ company: { name: "desc" } }, { id: "asc" }],
      skip: 10,
      take: 10,
    });
  });

  it("reads prefixed parameters for a second table on the page", () => {
    const second = defineTable({ sorts: { date: (dir) => ({ date: dir }), title: (dir) => ({ title: dir }) }, defaultSort: "date", defaultDir: "desc", prefix: "t2-" });
    expect(second.parse("sort=title&t2-sort=title&t2-page=2")).toMatchObject({ sort: "title", dir: "desc", page: 2 });
    expect(second.parse("sort=title")).toMatchObject({ sort: "date" });
  });

  it("refuses a default sort outside the allow-list", () => {
    // @ts-expect-error the default must be one of the sorts
    expect(() => defineTable({ sorts: { name: (dir) => ({ name: dir }) }, defaultSort: "other" })).toThrow(/allow-list/);
  });
});

describe("a page of rows in memory", () => {
  const rows = [
    { id: "1", name: "Ébène Bouw", amount: 500 },
    { id: "2", name: "aarts metaal", amount: 2500 },
    { id: "3", name: "Zuid Elektro", amount: 1000 },
    { id: "4", name: "Bakker 10", amount: 1000 },
    { id: "5", name: "Bakker 9", amount: 0 },
  ];
  const small = defineTable({ sorts: { name: (d) => ({ name: d }), amount: (d) => ({ amount: d }) }, defaultSort: "name", pageSize: 2 });
  const run = (query: string) =>
    pageOfRows(rows, small, small.parse(query), { value: { name: (r) => r.name, amount: (r) => r.amount }, text: (r) => r.name });

  it("sorts text the Dutch way (case and accents do not matter, numbers in order)", () => {
    const all = pageOfRows(rows, defineTable({ sorts: { name: (d) => ({ name: d }) }, defaultSort: "name", pageSize: 10 }), { sort: "name", dir: "asc", q: "", page: 1, pageSize: 10 }, { value: { name: (r) => r.name }, text: (r) => r.name });
    expect(all.rows.map((r) => r.name)).toEqual(["aarts metaal", "Bakker 9", "Bakker 10", "Ébène Bouw", "Zuid Elektro"]);
  });

  it("searches, sorts descending and pages", () => {
    expect(run("q=BAKKER").rows.map((r) => r.id)).toEqual(["5", "4"]);
    const result = run("sort=amount&dir=desc&page=2");
    // 2500, 1000, 1000 | 1000, 500 | 0 — equal amounts keep their original order.
    expect(result.rows.map((r) => r.id)).toEqual(["4", "1"]);
    expect(result.state).toMatchObject({ page: 2, pages: 3, total: 5 });
    expect(run("page=9").state.page).toBe(3);
  });
});
