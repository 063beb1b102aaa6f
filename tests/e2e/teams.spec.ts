// Teams of pupils and consent (issue 8, points 4–5), in the browser: a teacher registers a team
// for the Young Solar Challenge (seeded by prisma/seed-challenges.ts with registration open whatever the day), prints the codes, a
// pupil signs in with a printed code, and a parent answers the consent request from the mailbox.
import { expect, test, type Page } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { freshPage, pupilSignIn, signIn } from "./support";

const MIEKE = "mieke.driessen@maasdalcollege.example";

async function checkBoth(page: Page, name: string, path: string) {
  for (const lang of ["nl", "en"] as const) {
    await page.goto(path);
    await setLanguage(page, lang);
    await checkPage(page, { name, path }, lang);
  }
  await setLanguage(page, "nl");
}

test("a teacher registers a team, prints codes; a pupil signs in; a parent answers the consent request", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, MIEKE);
  await page.goto("/teams");
  const register = page.getByRole("link", { name: /Young Solar Challenge \d{4}/ });
  expect((await register.count()) === 0, "no open Young Solar Challenge edition in the seeded database (prisma/seed-challenges.ts dates it relative to the seeding day)").toBe(false);
  await register.first().click();
  await expect(page).toHaveURL(/\/teams\/nieuw\?editie=/);
  const registerPath = new URL(page.url()).pathname + new URL(page.url()).search;

  const teamName = `Zonnevis ${Date.now().toString(36)}`;
  await page.getByLabel("Teamnaam").fill(teamName);
  await page.getByLabel("Categorie").selectOption({ index: 1 });
  const names = ["Jesse", "Fenna", "Luuk"];
  for (const [i, name] of names.entries()) {
    await page.locator(`input[name="pupils[${i}].firstName"]`).fill(name);
    await page.locator(`input[name="pupils[${i}].className"]`).fill("3KB1");
  }
  await page.getByRole("button", { name: "Team inschrijven" }).click();
  await expect(page).toHaveURL(/\/teams\/[a-z0-9]+$/);
  const teamPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teamName);

  // A pupil's class was typed wrong: corrected in place (a wrong leerjaar is refused first, typed values kept).
  await page.getByRole("link", { name: "Wijzigen (Luuk)" }).click();
  const edit = page.getByRole("region", { name: "Gegevens van Luuk wijzigen" });
  await expect(edit).toBeVisible();
  await edit.getByLabel("Klas", { exact: true }).fill("3KB2");
  await edit.getByLabel(/^Leerjaar/).fill("9");
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await expect(edit.getByLabel(/^Leerjaar/)).toHaveAttribute("aria-invalid", "true");
  await expect(edit.getByLabel("Klas", { exact: true })).toHaveValue("3KB2");
  await edit.getByLabel(/^Leerjaar/).fill("3");
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "De gegevens van de leerling zijn gewijzigd." })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Luuk" })).toContainText("3KB2");

  // Codes: shown once on a printable sheet.
  await page.goto(`${teamPath}/codes`);
  await page.getByRole("button", { name: "Nieuwe codes voor alle leerlingen" }).click();
  await expect(page.getByTestId("code-card")).toHaveCount(3);
  const code = (await page.getByTestId("pupil-code").first().innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

  // A consent request to a parent.
  const parent = `ouder.${Date.now().toString(36)}@example.nl`;
  await page.goto(`${teamPath}/toestemming`);
  await page.getByLabel("E-mailadres van de ouder").first().fill(parent);
  await page.getByRole("button", { name: /Verzoek versturen/ }).first().click();
  await expect(page.getByText("Verzoek per e-mail verstuurd", { exact: false }).first()).toBeVisible();
  await page.goto("/dev/mailbox");
  await page.getByRole("row").filter({ hasText: parent }).first().getByRole("link").click();
  const mail = await page.locator("pre").innerText();
  const link = /\/toestemming\/[A-Za-z0-9_-]+/.exec(mail)?.[0];
  expect(link, "the consent mail holds the link").toBeTruthy();

  for (const [name, path] of [["teams", "/teams"], ["teams-new", registerPath], ["team", teamPath], ["team-codes", `${teamPath}/codes`], ["team-consent", `${teamPath}/toestemming`]] as const)
    await checkBoth(page, name, path);

  // The parent answers through the link (no account needed).
  const parentPage = await freshPage(browser);
  await checkBoth(parentPage, "consent-parent", link!);
  await parentPage.goto(link!);
  await expect(parentPage.getByText("Jesse", { exact: false }).first()).toBeVisible();
  await parentPage.getByLabel(/voornaam van Jesse/).check();
  await parentPage.getByLabel("Uw naam").fill("Anouk Janssen");
  await parentPage.getByRole("button", { name: "Versturen" }).click();
  await expect(parentPage.getByText("Uw antwoord is opgeslagen", { exact: false }).first()).toBeVisible();

  // The pupil signs in with the printed code and sees their team.
  const pupilPage = await pupilSignIn(browser, code);
  await pupilPage.goto("/mijn-team");
  await expect(pupilPage.getByRole("heading", { name: teamName })).toBeVisible();
  await expect(pupilPage.getByText("Mieke Driessen")).toBeVisible();
  await checkBoth(pupilPage, "my-team", "/mijn-team");
});
