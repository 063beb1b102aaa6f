// Every page, for each role that can see it, in Dutch and English: no serious or critical axe
// violations, no horizontal scrolling at 375 px, visible keyboard focus; screenshots saved.
import { expect, test } from "@playwright/test";
import { recordBite } from "../guards/report";
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
    { name: "not-found", path: "/bestaat-niet", status: 404 },
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

// The check bites: a planted page with an image without text and no language (served by the
// browser's router, so the app stays as it is), a page that sends the visitor to /login and an
// unknown page each fail under the visit's name instead of passing axe as another page.
test.describe("the accessibility check bites", () => {
  const bite = async (run: () => Promise<void>, name: string) => {
    let message = "";
    await run().catch((error: unknown) => {
      message = error instanceof Error ? error.message : String(error);
    });
    return { reported: message.includes(name), message };
  };

  test("a planted page with serious axe violations fails under its own name", async ({ page }) => {
    await page.route("**/guards-bite/a11y", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html><head><title>x</title></head><body><img src=\"/favicon.ico\"><select></select></body></html>" }),
    );
    const result = await bite(() => check(page, { name: "guards-bite-a11y", path: "/guards-bite/a11y" }, "nl"), "/guards-bite/a11y");
    expect(result.message, "the planted page passed the accessibility check").toMatch(/image-alt|select-name|html-has-lang/);
    expect(result.reported, result.message).toBe(true);
    recordBite("a11y", "/guards-bite/a11y (planted page: image without text, unlabelled select, no lang)", result.message);
  });

  test("a visit that ends on the sign-in page fails, naming the page it asked for", async ({ page }) => {
    const result = await bite(() => check(page, { name: "guards-bite-login", path: "/bestuur/mensen" }, "nl"), "guards-bite-login");
    expect(result.message).toContain("/login");
    expect(result.reported, result.message).toBe(true);
    recordBite("a11y-url", "guards-bite-login (/bestuur/mensen while signed out: ends on /login)", result.message);
  });

  test("a visit answered 404 fails unless the visit expects 404", async ({ page }) => {
    const result = await bite(() => check(page, { name: "guards-bite-404", path: "/guards-bite/bestaat-niet" }, "nl"), "guards-bite-404");
    expect(result.message).toContain("404");
    expect(result.reported, result.message).toBe(true);
    recordBite("a11y-status", "guards-bite-404 (/guards-bite/bestaat-niet answers 404)", result.message);
  });
});
