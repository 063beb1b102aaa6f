// Judging, first slice (issue 17) in the browser: the board builds the scoring form of an edition
// whose judging has not opened (a wrong weight is answered at its field, nothing typed is lost),
// invites a juror by e-mail; the juror opens the invitation from the development mailbox, accepts
// it and lands on /jury with that edition. Runs against the demo seed (the Tech Challenge is
// building; its judging opens after the submission deadline).
import { expect, test } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { freshPage, PEOPLE, signIn } from "./support";

test("the board builds a scoring form and invites a juror, who accepts and sees the edition on /jury", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const criterion = `Werking ${run}`;
  const jurorEmail = `jurylid.${run}@e2e-jury.example`;
  await signIn(page, PEOPLE.board);
  await page.goto("/bestuur/challenges");
  await page.getByRole("link", { name: "Tech Challenge", exact: true }).first().click();
  await page.getByRole("link", { name: /^Tech Challenge \d{4}$/ }).first().click();
  await expect(page).toHaveURL(/\/bestuur\/edities\/[A-Za-z0-9]+$/);
  await page.getByRole("link", { name: "Jurering: beoordelingsformulier en jury" }).click();
  await expect(page).toHaveURL(/\/bestuur\/edities\/[A-Za-z0-9]+\/jurering$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Jurering: Tech Challenge \d{4}$/ })).toBeVisible();
  const judgingPath = new URL(page.url()).pathname;

  // The demo's Tech Challenge has no form yet (a rerun finds the one it made).
  if (await page.getByText("Nog geen beoordelingsformulier").isVisible()) {
    await page.getByRole("button", { name: "Formulier maken" }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Formulier voor de hele editie" })).toBeVisible({ timeout: 30_000 });
  }
  const adder = page.locator("details", { has: page.getByText("Criterium toevoegen", { exact: true }) }).last();
  // Open when the form has no criteria yet (a boolean attribute: present, or null).
  if ((await adder.getAttribute("open")) === null) await adder.locator("summary").click();
  await adder.getByLabel("Naam van het criterium").fill(criterion);
  await adder.getByLabel("Gewicht").fill("12");
  await adder.getByLabel("Omschrijving niveau 5").fill("Werkt foutloos");
  await adder.getByRole("button", { name: "Criterium toevoegen" }).click();
  await expect(page.getByText("Het gewicht is een heel getal van 1 tot en met 10.")).toBeVisible({ timeout: 30_000 });
  const again = page.locator("details[open]", { has: page.getByText("Criterium toevoegen", { exact: true }) }).last();
  await expect(again.getByLabel("Gewicht")).toHaveAttribute("aria-invalid", "true");
  await expect(again.getByLabel("Naam van het criterium")).toHaveValue(criterion);
  await expect(again.getByLabel("Omschrijving niveau 5")).toHaveValue("Werkt foutloos");
  await again.getByLabel("Gewicht").fill("3");
  await again.getByRole("button", { name: "Criterium toevoegen" }).click();
  await expect(page.getByText(criterion).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("gewicht 3").first()).toBeVisible();
  await expect(page.getByText("Werkt foutloos").first()).toBeVisible();

  // Invite a juror: the mail goes to the outbox (the development mailbox shows it).
  await page.getByLabel("Naam", { exact: true }).fill(`Jurylid ${run}`);
  await page.getByLabel("E-mailadres", { exact: true }).fill(jurorEmail);
  await page.getByRole("button", { name: "Uitnodigen" }).click();
  const row = page.getByRole("listitem").filter({ hasText: jurorEmail });
  await expect(row.getByText("Uitgenodigd", { exact: true })).toBeVisible({ timeout: 30_000 });

  await page.goto("/dev/mailbox");
  await page.getByRole("row").filter({ hasText: jurorEmail }).first().getByRole("link").click();
  const mail = await page.locator("pre").innerText();
  const acceptPath = /\/invitation\/[A-Za-z0-9_-]+/.exec(mail)?.[0];
  expect(acceptPath, "the invitation mail holds its link").toBeTruthy();

  // The juror, in a browser of their own, accepts and lands on /jury.
  const juror = await freshPage(browser);
  await juror.goto(acceptPath!);
  await expect(juror.getByText(/jurylid/i).first()).toBeVisible();
  await juror.getByRole("button", { name: "Uitnodiging aannemen en inloggen" }).click();
  await expect(juror).toHaveURL(/\/jury$/, { timeout: 30_000 });
  await expect(juror.getByRole("heading", { level: 1, name: "Mijn jury" })).toBeVisible();
  await expect(juror.getByRole("heading", { level: 2, name: /^Tech Challenge \d{4}$/ })).toBeVisible();
  await expect(juror.getByRole("heading", { level: 2, name: /Robotica/ })).toHaveCount(0);
  // The board's page of the edition is not theirs.
  expect((await juror.goto(judgingPath))?.status()).toBe(403);

  // The board sees the juror accepted.
  await page.goto(judgingPath);
  await expect(page.getByRole("listitem").filter({ hasText: jurorEmail }).getByText("Geaccepteerd", { exact: true })).toBeVisible();

  // Accessibility and the phone, in Dutch and English.
  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    await checkPage(page, { name: "judging-board", path: judgingPath }, lang);
    await setLanguage(juror, lang);
    await checkPage(juror, { name: "judging-jury", path: "/jury" }, lang);
  }
});
