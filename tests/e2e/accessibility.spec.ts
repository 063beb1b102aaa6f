// Every page of every demo role, in Dutch and English: no serious or critical axe violations, no
// horizontal scrolling at 375 px, screenshots saved. The pages are found by following links from
// each role's start page (tests/e2e/walk.ts), not from a list kept by hand, so a new page that
// overflows or fails axe cannot land. Each route pattern is checked once per role in Dutch; in
// English once over all roles (the layout is the same, the texts differ), which keeps the run short.
import { expect, test, type Page } from "@playwright/test";
import { recordBite } from "../guards/report";
import { checkPage, setLanguage, visitOnly } from "./a11y-kit";
import { PEOPLE, pupilSignIn, signIn } from "./support";
import { pageLinks, routeOf, routePatterns, walkPages, type WalkResult } from "./walk";

test.use({ bypassCSP: true });

const TEACHER = "mieke.driessen@maasdalcollege.example";
const CAP = 45;

// Pages no link leads to (reached from a mail, a form's answer or a mistyped address): the walk
// starts there too.
const UNLINKED = ["/login/code?email=iemand%40example.nl", "/login/confirm/verlopen-link", "/invitation/verlopen", "/bestaat-niet"];

// Shared by the tests of this file (one worker runs them in order): what the anonymous walk
// checked (signed-in walks skip those public pages) and which patterns were checked in English.
const publicPatterns = new Set<string>();
const checkedInEnglish = new Set<string>();

async function walkBoth(page: Page, role: string, starts: string[], skip: ReadonlySet<string>) {
  const began = Date.now();
  await setLanguage(page, "nl");
  const found: WalkResult = await walkPages(page, { role, starts, lang: "nl", cap: CAP, skip });
  await setLanguage(page, "en");
  const english = found.filter((p) => !p.redirected && !checkedInEnglish.has(p.pattern));
  for (const p of english) {
    await checkPage(page, { name: `walk-${role}-${p.pattern.replace(/[^A-Za-z0-9]+/g, "-")}`, path: p.path, status: p.pattern === "/*" ? 404 : 200 }, "en");
    checkedInEnglish.add(p.pattern);
  }
  await setLanguage(page, "nl");
  console.log(`walk ${role}: ${found.length} pages in Dutch, ${english.length} in English, ${Math.round((Date.now() - began) / 1000)} s: ${found.map((p) => p.pattern).join(" ")}`);
  return found;
}

test("the walk maps links to route patterns", () => {
  const patterns = routePatterns();
  expect(routeOf("/teams/abc123", patterns)?.pattern).toBe("/teams/:teamId");
  expect(routeOf("/teams/nieuw", patterns)?.pattern).toBe("/teams/nieuw");
  expect(routeOf("/teams/abc123/codes", patterns)?.pattern).toBe("/teams/:teamId/codes");
  expect(routeOf("/", patterns)?.pattern).toBe("/");
  expect(routeOf("/bestaat/niet", patterns)?.pattern).toBe("/*");
  expect(routeOf("/facturen/abc/pdf", patterns)?.resource).toBe(true);
});

test("anonymous: every page linked from the home page passes axe and fits a phone", async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto("/");
  const found = await walkBoth(page, "anonymous", ["/", ...UNLINKED], new Set());
  // A page that sent the visitor to sign in is not public: signed-in walks check it themselves.
  for (const p of found) if (!p.redirected) publicPatterns.add(p.pattern);
  // The walk reaches the public pages through the menu, not through a list.
  for (const pattern of ["/netwerk", "/challenges", "/aanmelden", "/login", "/dev/mailbox"]) expect(found.map((p) => p.pattern)).toContain(pattern);
});

for (const [role, email] of [
  ["board", PEOPLE.board],
  ["companyContact", PEOPLE.companyContact],
  ["schoolContact", PEOPLE.schoolContact],
  ["teacher", TEACHER],
] as const) {
  test(`${role}: every page linked from the start page passes axe and fits a phone`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, email);
    const found = await walkBoth(page, role, ["/dashboard"], publicPatterns);
    expect(found.length, "the walk finds the role's pages beyond its start page").toBeGreaterThan(2);
  });
}

test("pupil: every page linked from the start page passes axe and fits a phone", async ({ page, browser }) => {
  test.setTimeout(300_000);
  // A code from the teacher's code sheet of a demo team.
  await signIn(page, TEACHER);
  await page.goto("/teams");
  const team = (await pageLinks(page)).find((url) => /^\/teams\/(?!nieuw$)[^/]+$/.test(url.pathname));
  expect(team, "the teacher has a demo team").toBeTruthy();
  await page.goto(`${team!.pathname}/codes`);
  await page.getByRole("button", { name: "Nieuwe codes voor alle leerlingen" }).click();
  const code = (await page.getByTestId("pupil-code").first().innerText()).trim();
  const pupil = await pupilSignIn(browser, code);
  const found = await walkBoth(pupil, "pupil", ["/dashboard"], publicPatterns);
  expect(found.map((p) => p.pattern)).toContain("/mijn-team");
});

test("every kind of mail in the development mailbox passes axe and fits a phone", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto("/dev/mailbox");
  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="/dev/mailbox/"]')).map((a) => ({
      path: a.pathname,
      subject: a.textContent ?? "",
      template: a.closest("tr")?.querySelectorAll("td")[1]?.textContent ?? "",
    })),
  );
  expect(rows.length, "the demo has mail in the mailbox").toBeGreaterThan(0);
  // Mails of one kind look alike: one per template and first word of the subject, at most 12.
  const kinds = new Map<string, string>();
  for (const row of rows) {
    const kind = `${row.template} ${row.subject.split(/\s+/)[0]}`;
    if (!kinds.has(kind) && kinds.size < 12) kinds.set(kind, row.path);
  }
  for (const [kind, path] of kinds) await checkPage(page, { name: `mail-${kind.replace(/[^A-Za-z0-9]+/g, "-")}`, path }, "nl");
});

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
    // On the faked days (tests/faketime.ts) axe does not run: pages are only visited there.
    test.skip(visitOnly, "axe runs on the real date only");
    await page.route("**/guards-bite/a11y", (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><html><head><title>x</title></head><body><img src=\"/favicon.ico\"><select></select></body></html>" }),
    );
    const result = await bite(() => checkPage(page, { name: "guards-bite-a11y", path: "/guards-bite/a11y" }, "nl"), "/guards-bite/a11y");
    expect(result.message, "the planted page passed the accessibility check").toMatch(/image-alt|select-name|html-has-lang/);
    expect(result.reported, result.message).toBe(true);
    recordBite("a11y", "/guards-bite/a11y (planted page: image without text, unlabelled select, no lang)", result.message);
  });

  test("a visit that ends on the sign-in page fails, naming the page it asked for", async ({ page }) => {
    const result = await bite(() => checkPage(page, { name: "guards-bite-login", path: "/bestuur/mensen" }, "nl"), "guards-bite-login");
    expect(result.message).toContain("/login");
    expect(result.reported, result.message).toBe(true);
    recordBite("a11y-url", "guards-bite-login (/bestuur/mensen while signed out: ends on /login)", result.message);
  });

  test("a visit answered 404 fails unless the visit expects 404", async ({ page }) => {
    const result = await bite(() => checkPage(page, { name: "guards-bite-404", path: "/guards-bite/bestaat-niet" }, "nl"), "guards-bite-404");
    expect(result.message).toContain("404");
    expect(result.reported, result.message).toBe(true);
    recordBite("a11y-status", "guards-bite-404 (/guards-bite/bestaat-niet answers 404)", result.message);
  });
});
