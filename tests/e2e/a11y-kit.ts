// The accessibility check every page gets (tests/e2e/accessibility.spec.ts for the core pages;
// each capability's spec calls checkPage for its own pages): axe-core with no serious or
// critical violations, no horizontal scrolling at 375 px, and a screenshot at 1280 and 375 px.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const axeSource = readFileSync(path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
const shots = path.resolve(import.meta.dirname, "../..", process.env.TEST_RESULTS_DIR ?? "test-results", "screenshots");

export type Visit = { name: string; path: string };

export async function setLanguage(page: Page, lang: "nl" | "en") {
  const current = await page.locator("html").getAttribute("lang");
  if (current !== lang) {
    await page.getByRole("button", { name: lang === "nl" ? "Nederlands" : "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  }
}

export async function checkPage(page: Page, visit: Visit, lang: "nl" | "en") {
  for (const [viewport, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(visit.path);
    await page.waitForLoadState("networkidle");
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
}

