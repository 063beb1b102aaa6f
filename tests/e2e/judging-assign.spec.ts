// The jury's assignment in the browser (issue 17, points 3 and 7): the board opens the Robotica
// Challenge's assignment page from its judging page (the demo seed: judging open, automatic mode
// with N = 3, Kees Teunissen teaching at the Peelland Techniek College), distributes
// automatically, sees coverage and the detected conflict in words, then the score distribution
// with its table. Both pages pass axe on a desktop and a phone, in Dutch and English.
import { expect, test } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";

test("the board distributes the jury automatically, sees coverage and conflicts, and the score distribution", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, PEOPLE.board);
  await page.goto("/bestuur/challenges");
  await page.getByRole("link", { name: "Robotica Challenge", exact: true }).first().click();
  await page.getByRole("link", { name: /^Robotica Challenge \d{4}$/ }).first().click();
  await page.getByRole("link", { name: "Jurering: beoordelingsformulier en jury" }).click();
  await page.getByRole("link", { name: "Toewijzing en dekking van de jury" }).click();
  await expect(page).toHaveURL(/\/bestuur\/edities\/[A-Za-z0-9]+\/jurering\/toewijzing$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Toewijzing: Robotica Challenge \d{4}$/ })).toBeVisible();
  const assignPath = new URL(page.url()).pathname;

  // Judging is running: changes are allowed, and logged.
  await expect(page.getByText("De jurering loopt")).toBeVisible();
  await expect(page.getByLabel("Manier")).toHaveValue("AUTOMATIC");
  await page.getByRole("button", { name: "Verdeel automatisch" }).click();
  await expect(page.getByText(/De inzendingen zijn verdeeld/)).toBeVisible({ timeout: 30_000 });

  // Coverage: every entry has its three jurors (De Robotvrienden, under N in the demo, too); per
  // juror the load and progress.
  const entries = page.getByTestId("coverage-entries");
  await expect(entries.getByRole("row")).toHaveCount(8);
  await expect(entries.locator("[data-under-n]")).toHaveCount(0);
  await expect(entries.getByText("3 van 3")).toHaveCount(7);
  const jurors = page.getByTestId("coverage-jurors");
  await expect(jurors.getByRole("row", { name: /Sanne Verheijen/ }).getByText(/^1 van \d+ ingeleverd$/)).toBeVisible();
  await expect(page.getByText("Verschil hoogste − laagste")).toBeVisible();

  // The detected conflict, in words; and a manual assignment of that pair is refused at its field.
  const conflicts = page.getByTestId("conflicts");
  await expect(conflicts.getByText("Kees Teunissen geeft les op Peelland Techniek College").first()).toBeVisible();
  await page.getByLabel("Jurylid", { exact: true }).selectOption({ label: "Kees Teunissen (conflict)" });
  await page.getByLabel("Team", { exact: true }).selectOption({ label: "Peel Robotics" });
  await page.getByRole("button", { name: "Toewijzen" }).click();
  await expect(page.getByText("Kees Teunissen heeft een conflict met Peel Robotics en mag dit team niet beoordelen (zie Conflicten).")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Jurylid", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue(/.+/);

  // The score distribution: a table per juror and the panel, and who scores hard or soft.
  await page.getByRole("link", { name: "Verdeling van de scores per jurylid" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Verdeling van de scores: Robotica Challenge \d{4}$/ })).toBeVisible();
  const table = page.getByTestId("distribution-table");
  await expect(table.getByRole("row", { name: /Hele panel/ })).toBeVisible();
  await expect(table.getByRole("row", { name: /Kees Teunissen/ })).toBeVisible();
  await expect(page.getByTestId("verdicts").getByText("Kees Teunissen beoordeelt strenger dan het panel.")).toBeVisible();
  await expect(page.getByRole("figure", { name: "Miriam de Bruijn: verdeling van de scores" })).toBeVisible();
  const distributionPath = new URL(page.url()).pathname;

  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    await checkPage(page, { name: "judging-assignment", path: assignPath }, lang);
    await checkPage(page, { name: "judging-distribution", path: distributionPath }, lang);
  }
});
