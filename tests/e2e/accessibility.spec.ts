// Every page, for each role that can see it, in Dutch and English: no serious or critical axe
// violations, no horizontal scrolling at 375 px, visible keyboard focus; screenshots saved.
import { expect, test } from "@playwright/test";
import { checkPage as check, setLanguage, type Visit } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";
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
