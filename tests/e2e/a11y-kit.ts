// The accessibility check every page gets (tests/e2e/accessibility.spec.ts for the core pages;
// each capability's spec calls checkPage for its own pages): axe-core with no serious or
// critical violations, no horizontal scrolling at 375 px, and a screenshot at 1280 and 375 px —
// of the page the visit names: its status and final URL are asserted first.
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const axeSource = readFileSync(path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
const shots = path.resolve(import.meta.dirname, "../..", process.env.TEST_RESULTS_DIR ?? "test-results", "screenshots");
/**
 * E2E_A11Y=visit (the faked-date run, tests/faketime.ts): checkPage only visits the page and
 * asserts its status and final URL — what a date can change — and leaves axe, the phone width and
 * the screenshots to the run on the real date, which checks the same pages.
 */
export const visitOnly = process.env.E2E_A11Y === "visit";

/**
 * A page to check: `path` is where it must end up, with status 200 (or `status`): a redirect to
 * /login, a 403 or a 404 page is another page and fails under this visit's name.
 */
export type Visit = { name: string; path: string; status?: number };

/** Path and query of a URL, normalised, for comparing where a visit ended with where it should. */
function pathAndQuery(url: string, base: string): string {
  const u = new URL(url, base);
  return `${decodeURIComponent(u.pathname)}${u.search ? `?${new URLSearchParams(u.search).toString()}` : ""}`;
}

/** Fails when the page is not the one the visit names (status, or where redirects ended). */
export function expectVisited(visit: Visit, status: number | undefined, finalUrl: string): void {
  expect(status, `${visit.name}: ${visit.path} answered ${status}, expected ${visit.status ?? 200}`).toBe(visit.status ?? 200);
  expect(pathAndQuery(finalUrl, finalUrl), `${visit.name}: asked for ${visit.path}, ended on ${finalUrl}`).toBe(pathAndQuery(visit.path, finalUrl));
}

/** One line per checked page and language in test-results/guards/a11y-pages.log (the end report counts them). */
function recordCheck(visit: Visit, lang: string) {
  const dir = path.resolve(import.meta.dirname, "../..", process.env.TEST_RESULTS_DIR ?? "test-results", "guards");
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, "a11y-pages.log"), `${visit.name}\t${lang}\t${visit.path}\n`);
}

export async function setLanguage(page: Page, lang: "nl" | "en") {
  const current = await page.locator("html").getAttribute("lang");
  if (current !== lang) {
    await page.getByRole("button", { name: lang === "nl" ? "Nederlands" : "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  }
}

export async function checkPage(page: Page, visit: Visit, lang: "nl" | "en") {
  if (visitOnly) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(visit.path);
    expectVisited(visit, response?.status(), page.url());
    return;
  }
  for (const [viewport, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await page.setViewportSize({ width, height: 900 });
    const response = await page.goto(visit.path);
    await page.waitForLoadState("networkidle");
    expectVisited(visit, response?.status(), page.url());
    const results = await page.evaluate(async (source) => {
      (0, eval)(source);
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    }, axeSource);
    const serious = results.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious, `${visit.path} (${lang}, ${viewport})`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    // On failure, name the elements that stick out (outside any scrolling box of their own).
    const culprits =
      overflow > 0
        ? await page.evaluate(() => {
            const found: string[] = [];
            for (const el of Array.from(document.body.querySelectorAll("*"))) {
              const rect = el.getBoundingClientRect();
              if (rect.right <= window.innerWidth + 1 || rect.width === 0) continue;
              let clipped = false;
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                const style = getComputedStyle(p);
                if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && p.getBoundingClientRect().right <= window.innerWidth + 1) clipped = true;
              }
              if (clipped) continue;
              const cls = typeof el.className === "string" ? el.className.split(" ").slice(0, 4).join(".") : "";
              found.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls ? `.${cls}` : ""} (right ${Math.round(rect.right)})`);
            }
            return found.slice(-6);
          })
        : [];
    expect(overflow, `${visit.path} scrolls sideways at ${width} px: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, `${visit.name}-${lang}-${viewport}.png`), fullPage: true });
  }
  recordCheck(visit, lang);
}

