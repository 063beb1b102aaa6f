// The walk: every page a role can reach by following links from its start page, checked with
// checkPage (a11y-kit.ts), so a new page is checked without anyone adding it to a list. Pages are
// counted once per route pattern (the route files' names: /teams/a and /teams/b are both
// /teams/:teamId).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { checkPage } from "./a11y-kit";

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");

export type RoutePattern = { pattern: string; segments: string[]; resource: boolean };

/** The URL patterns of app/routes (Remix flat routes: "teams.$teamId._index.tsx" is /teams/:teamId). */
export function routePatterns(): RoutePattern[] {
  // A route is a file ("teams.nieuw.tsx") or a folder with a route file ("teams.nieuw/route.tsx").
  const files = readdirSync(routesDir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".")) return [];
    if (entry.isFile()) return /\.(tsx?)$/.test(entry.name) ? [entry.name] : [];
    const inner = ["route.tsx", "route.ts"].find((f) => existsSync(path.join(routesDir, entry.name, f)));
    return inner ? [`${entry.name}${inner.slice("route".length)}`] : [];
  });
  return files.map((file) => {
    const name = file.replace(/\.(tsx?)$/, "");
    const segments = name
      .split(".")
      .filter((s) => s !== "_index" && !(s.startsWith("_") && s.length > 1))
      .map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s.replace(/_$/, "")));
    // A .ts route file has no page (downloads, PDFs, CSV, files, webhooks, logout).
    return { pattern: `/${segments.join("/")}`, segments, resource: file.endsWith(".ts") };
  });
}

/** The route pattern a path belongs to: the matching pattern with the most fixed segments. */
export function routeOf(pathname: string, patterns: RoutePattern[]): RoutePattern | undefined {
  const parts = pathname.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  let best: { route: RoutePattern; score: number } | undefined;
  for (const route of patterns) {
    const segs = route.segments;
    const splat = segs[segs.length - 1] === "*";
    const fixed = splat ? segs.slice(0, -1) : segs;
    if (splat ? parts.length < fixed.length : parts.length !== fixed.length) continue;
    if (!fixed.every((s, i) => s.startsWith(":") || s === parts[i])) continue;
    const score = fixed.filter((s) => !s.startsWith(":")).length * 2 + (splat ? 0 : 1);
    if (!best || score > best.score) best = { route, score };
  }
  return best?.route;
}

// Links a walk never follows: sign-out, downloads and files, the fake payment provider's
// checkout (a page of the simulated Stripe, entered by a form), Remix's data requests.
const NEVER = [/^\/logout\b/, /^\/files\//, /\.(pdf|csv|ics|zip|png|jpe?g|svg|webp)$/i, /^\/dev\/stripe\//];

/** Same-origin page links on the current page (hrefs without hash), not downloads. */
export async function pageLinks(page: Page): Promise<URL[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll("a[href]"))
      .filter((a) => !a.hasAttribute("download") && !/^(mailto|tel|javascript):/i.test(a.getAttribute("href") ?? ""))
      .map((a) => (a as HTMLAnchorElement).href),
  );
  const out: URL[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    url.hash = "";
    if (url.origin !== origin || url.searchParams.has("_data")) continue;
    if (NEVER.some((re) => re.test(url.pathname))) continue;
    out.push(url);
  }
  return out;
}

/** Each page checked; `redirected` when it sent the role elsewhere (e.g. to sign in). */
export type WalkResult = { pattern: string; path: string; redirected: boolean }[];

/**
 * Walks from `starts` breadth-first, checking each page new by route pattern (checkPage in
 * `lang`), up to `cap` pages. Patterns in `skip` are neither checked nor followed (pages another
 * walk checked already, e.g. the public pages for a signed-in role).
 */
export async function walkPages(page: Page, options: { role: string; starts: string[]; lang: "nl" | "en"; cap: number; skip?: ReadonlySet<string> }): Promise<WalkResult> {
  const patterns = routePatterns();
  const seen = new Set<string>(options.skip ?? []);
  const queue: { pattern: string; path: string }[] = [];
  const enqueue = (url: URL) => {
    const route = routeOf(url.pathname, patterns);
    const key = route ? route.pattern : url.pathname;
    if (route?.resource || seen.has(key)) return;
    seen.add(key);
    queue.push({ pattern: key, path: `${url.pathname}${url.search}` });
  };
  const base = new URL(page.url() === "about:blank" ? "http://localhost/" : page.url());
  for (const start of options.starts) {
    const url = new URL(start, base);
    const route = routeOf(url.pathname, patterns);
    const key = route ? route.pattern : url.pathname;
    // A start page is checked even when another walk saw its pattern (e.g. each role's /dashboard).
    if (!queue.some((q) => q.pattern === key)) queue.push({ pattern: key, path: `${url.pathname}${url.search}` });
    seen.add(key);
  }
  const done: WalkResult = [];
  while (queue.length > 0 && done.length < options.cap) {
    const next = queue.shift()!;
    // Where the link really leads (a link may redirect: /bedrijf to the contact's own company, a
    // sign-in page to the dashboard once signed in). The page checked is that one, and the check
    // asserts it answers as expected there: 200, or 404 for an address no route knows.
    const probe = await page.request.get(next.path);
    const final = new URL(probe.url());
    const landedPath = `${final.pathname}${final.search}`;
    if (options.role !== "anonymous") expect(final.pathname, `walk-${options.role}: ${next.path} sent a signed-in person to sign in`).not.toBe("/login");
    const landed = routeOf(final.pathname, patterns)?.pattern ?? final.pathname;
    await checkPage(page, { name: `walk-${options.role}-${slugOf(next.pattern)}`, path: landedPath, status: landed === "/*" ? 404 : 200 }, options.lang);
    done.push({ ...next, path: landedPath, redirected: landed !== next.pattern });
    for (const url of await pageLinks(page)) enqueue(url);
  }
  if (queue.length > 0) console.log(`walk ${options.role}: cap of ${options.cap} pages reached; not checked: ${queue.map((q) => q.pattern).join(", ")}`);
  return done;
}

const slugOf = (pattern: string) => pattern.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "home";
