// Submissions in the browser: a teacher of the Maasdal College hands in a version with a file for
// a seeded team, the board opens the edition's overview and downloads the CSV; both pages pass
// the accessibility check in Dutch and English. The teams come from the teams seed: without a
// team in an open edition the tests fail and say why.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";

const TEACHER = "mieke.driessen@maasdalcollege.example";
const PDF = Buffer.from("%PDF-1.4\n% E2E inzending\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

/** The submission page of a seeded team that is still open for submissions, or null. */
async function openSubmissionPage(page: Page): Promise<string | null> {
  await page.goto("/teams");
  const hrefs = await page.locator('main a[href^="/teams/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs.filter((h) => /^\/teams\/[a-z0-9]{8,}$/i.test(h))) {
    await page.goto(`${href}/inzending`);
    if (await page.getByRole("button", { name: "Versie opslaan" }).isVisible()) return `${href}/inzending`;
  }
  return null;
}

/** The board's overview of a seeded challenge's edition (teams, submissions, pupils), or null. */
async function overviewPath(page: Page, challenge = "Young Solar Challenge"): Promise<string | null> {
  await page.goto("/bestuur/challenges");
  const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: challenge, exact: true }) });
  const hrefs = await row.locator('a[href^="/bestuur/edities/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const edition = hrefs.find((h) => /^\/bestuur\/edities\/[a-z0-9]{8,}$/i.test(h));
  return edition ? `${edition}/overzicht` : null;
}

test("a teacher hands in a new version with a file for a team", async ({ page }) => {
  await signIn(page, TEACHER);
  const path = await openSubmissionPage(page);
  expect(path === null, "no seeded team of the Maasdal College in an open edition (prisma/seed-teams.ts): the demo seed dates its editions relative to the seeding day").toBe(false);
  await expect(page.getByRole("heading", { level: 1, name: /^Inzending van / })).toBeVisible();
  await expect(page.getByText(/^nog \d+ (dag|dagen|uur|minuut|minuten)$/)).toBeVisible();

  const description = `Onze boot vaart op de zon (${Date.now()})`;
  await page.getByLabel("Beschrijving").fill(description);
  const plan = page.getByLabel("Marketingplan");
  if (await plan.isVisible()) await plan.fill("We verkopen de boot aan zwembaden.");
  await page.getByRole("button", { name: "Versie opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Versie \d+ is opgeslagen\./ })).toBeVisible();
  await expect(page.locator("main p").filter({ hasText: description })).toBeVisible();

  await page.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "ontwerp-e2e.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Bestand uploaden" }).click();
  await expect(page.getByRole("link", { name: /ontwerp-e2e\.pdf/ })).toBeVisible();
  // The history lists the new versions with who saved them.
  const history = page.getByRole("region", { name: "Alle versies" });
  await expect(history.getByRole("row").nth(1)).toContainText("Mieke Driessen");
});

test("the board sees the edition overview and downloads the CSV", async ({ page }) => {
  await signIn(page, PEOPLE.board);
  const path = await overviewPath(page);
  expect(path === null, "no seeded edition (prisma/seed-challenges.ts): the demo seed dates its editions relative to the seeding day").toBe(false);
  await page.goto(path!);
  await expect(page.getByRole("heading", { level: 1, name: /^Overzicht / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Monitoring Sterk Techniekonderwijs" })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download als CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^inzendingen-.*\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\n")[0]).toContain("Editie;Categorie;School;Team;Status;Leerlingen");
});

test("the submission page passes the accessibility check in Dutch and English", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, TEACHER);
  const submission = await openSubmissionPage(page);
  expect(submission === null, "no seeded team of the Maasdal College in an open edition (prisma/seed-teams.ts): the demo seed dates its editions relative to the seeding day").toBe(false);
  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    await checkPage(page, { name: "submission", path: submission! }, lang);
  }
});

test("the edition overview passes the accessibility check in Dutch and English", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, PEOPLE.board);
  // The open Young Solar Challenge and the finished Junior Innovation Challenge (other schools, other tables).
  for (const [challenge, name] of [["Young Solar Challenge", "edition-overview"], ["Junior Innovation Challenge", "edition-overview-finished"]] as const) {
    const overview = await overviewPath(page, challenge);
    expect(overview === null, `no seeded edition of the ${challenge} (prisma/seed-challenges.ts)`).toBe(false);
    for (const lang of ["nl", "en"] as const) {
      await page.goto(overview!);
      await setLanguage(page, lang);
      await checkPage(page, { name, path: overview! }, lang);
    }
  }
});
