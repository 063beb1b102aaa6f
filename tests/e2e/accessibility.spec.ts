// Every page, for each role that can see it, in Dutch and English: no serious or critical axe
// violations, no horizontal scrolling at 375 px, visible keyboard focus; screenshots saved.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PEOPLE, signIn } from "./support";

const axeSource = readFileSync(path.resolve(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
const shots = path.resolve(import.meta.dirname, "../..", process.env.TEST_RESULTS_DIR ?? "test-results", "screenshots");

type Visit = { name: string; path: string };
const PAGES: Record<"anonymous" | "board" | "companyContact" | "schoolContact", Visit[]> = {
  anonymous: [
    { name: "home", path: "/" },
    { name: "login", path: "/login" },
    { name: "login-code", path: "/login/code?email=iemand%40example.nl" },
    { name: "login-pupil", path: "/login/leerling" },
    { name: "login-link-expired", path: "/login/confirm/verlopen-link" },
    { name: "invitation-expired", path: "/invitation/verlopen" },
    { name: "not-found", path: "/bestaat-niet" },
    { name: "dev-mailbox", path: "/dev/mailbox" },
    { name: "dev-payments", path: "/dev/payments" },
  ],
  board: [
    { name: "dashboard-board", path: "/dashboard" },
    { name: "people", path: "/bestuur/mensen" },
    { name: "account", path: "/account" },
  ],
  companyContact: [{ name: "dashboard-company", path: "/dashboard" }],
  schoolContact: [{ name: "dashboard-school", path: "/dashboard" }],
};

test.use({ bypassCSP: true });

async function setLanguage(page: Page, lang: "nl" | "en") {
  const current = await page.locator("html").getAttribute("lang");
  if (current !== lang) {
    await page.getByRole("button", { name: lang === "nl" ? "Nederlands" : "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  }
}

async function check(page: Page, visit: Visit, lang: "nl" | "en") {
  for (const [viewport, width] of [["desktop", 1280], ["phone", 375]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(visit.path);
    await page.waitForLoadState("networkidle");
    const results = await page.evaluate(async (source) => {
      // eslint-disable-next-line no-eval
      (0, eval)(source);
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const r = await axe.run(document, { resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
    }, axeSource);
    const serious = results.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious, `${visit.path} (${lang}, ${viewport})`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${visit.path} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, `${visit.name}-${lang}-${viewport}.png`), fullPage: true });
  }
}

for (const lang of ["nl", "en"] as const) {
  for (const visit of PAGES.anonymous) {
    test(`${visit.path} passes axe and fits a phone (${lang})`, async ({ page }) => {
      await page.goto("/");
      await setLanguage(page, lang);
      await check(page, visit, lang);
    });
  }

  for (const role of ["board", "companyContact", "schoolContact"] as const) {
    test(`${role} pages pass axe and fit a phone (${lang})`, async ({ page }) => {
      test.setTimeout(90_000);
      await signIn(page, role === "board" ? PEOPLE.board : role === "companyContact" ? PEOPLE.companyContact : PEOPLE.schoolContact);
      await setLanguage(page, lang);
      for (const visit of PAGES[role]) await check(page, visit, lang);
    });
  }
}

test("the keyboard reaches the sign-in form, with a visible focus ring", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Direct naar de inhoud" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  const email = page.getByLabel("E-mailadres");
  for (let i = 0; i < 10 && !(await email.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(email).toBeFocused();
  const outline = await email.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});
