// Results (issue 17, points 5–6) in the browser, on the demo seed: the finished Junior Innovation
// Challenge is published. The board's results page shows the publication and the ranking; the
// public results page shows places and the method; a teacher of the Maasdal College opens her
// team's results from the team page (tops, the tips the board let through — the hidden one is
// absent — no juror names) and downloads the certificate; axe in Dutch and English, at 375 px.
// (The publication step itself — refused before close and screening, then one step with mails —
// is covered through the route's action in tests/unit/judging-results.test.ts: the demo has no
// edition whose judging closed without being published.)
import { expect, test } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { freshPage, PEOPLE, signIn } from "./support";

const TEACHER = "mieke.driessen@maasdalcollege.example";

test("a published edition: the board's page, the public results, and a teacher's team feedback and certificate", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, PEOPLE.board);
  await page.goto("/bestuur/challenges");
  await page.getByRole("link", { name: "Junior Innovation Challenge", exact: true }).first().click();
  await page.getByRole("link", { name: /^Junior Innovation Challenge \d{4}$/ }).first().click();
  await page.getByRole("link", { name: "Uitslag en publicatie" }).click();
  await expect(page).toHaveURL(/\/bestuur\/edities\/[A-Za-z0-9]+\/uitslag$/);
  const boardPath = new URL(page.url()).pathname;
  await expect(page.getByText(/^Gepubliceerd op /).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Uitslag publiceren" })).toHaveCount(0);
  // The board's preview names every ranked team with its jurors' count.
  const ranking = page.getByRole("table", { name: "Ranglijst Vmbo BB/KB" });
  await expect(ranking.getByRole("row", { name: /De Vonkenmakers/ })).toContainText("3");
  // The hidden tip is marked as such on the board's page.
  await expect(page.getByRole("listitem").filter({ hasText: "Wat een waardeloos idee" }).getByText("Verborgen", { exact: true })).toBeVisible();

  // The public results page, linked from the board's page once published.
  await page.getByRole("link", { name: "Openbare uitslagpagina" }).click();
  await expect(page).toHaveURL(/\/challenges\/junior-innovation-challenge\/\d{4}\/uitslag$/);
  const publicPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: /^Uitslag Junior Innovation Challenge \d{4}$/ })).toBeVisible();
  await expect(page.getByText("Zo is de uitslag berekend")).toBeVisible();
  await expect(page.getByText("Beste idee voor de wijk")).toBeVisible();
  await expect(page.getByText("Wat een waardeloos idee")).toHaveCount(0);

  // The teacher: team page → results and feedback → certificate.
  const teacher = await freshPage(browser);
  await signIn(teacher, TEACHER);
  await teacher.goto("/teams");
  await teacher.getByRole("link", { name: "De Vonkenmakers" }).first().click();
  await teacher.getByRole("link", { name: "Uitslag en feedback" }).click();
  await expect(teacher).toHaveURL(/\/teams\/[A-Za-z0-9]+\/uitslag$/);
  const teamPath = new URL(teacher.url()).pathname;
  await expect(teacher.getByText(/^Plaats 1 van 2 in Vmbo BB\/KB$/)).toBeVisible();
  await expect(teacher.getByTestId("team-tops")).toContainText("Het prototype werkte tijdens de demo.");
  await expect(teacher.getByTestId("team-tips")).toContainText("Reken uit wat het bedrijf ermee bespaart");
  await expect(teacher.getByText("Wat een waardeloos idee")).toHaveCount(0);
  await expect(teacher.getByText(/Hans Peeters|Fatima el Amrani|Joost Verstegen/)).toHaveCount(0);
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Oorkonde (PDF)" }).click()]);
  expect(download.suggestedFilename()).toBe("oorkonde-de-vonkenmakers.pdf");
  const pdf = await teacher.request.get(`${teamPath.replace(/\/uitslag$/, "")}/oorkonde.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    await checkPage(page, { name: "results-board", path: boardPath }, lang);
    await checkPage(page, { name: "results-public", path: publicPath }, lang);
    await setLanguage(teacher, lang);
    await checkPage(teacher, { name: "results-team", path: teamPath }, lang);
  }
  await teacher.close();
});
