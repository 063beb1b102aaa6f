// Challenges in the browser: the board creates a challenge and an edition (bad dates are answered
// with Dutch field errors and nothing typed is lost), the public edition page shows that
// registration is open and the dates, and a school contact approves a teacher request.
// Runs against the demo seed (prisma/seed-challenges.ts: Lars Jacobs has no role yet).
import { expect, test, type Page } from "@playwright/test";
import { formatDateTime, fromAmsterdamTime, toDateInputValue } from "../../app/utils/format";
import { checkPage, setLanguage, type Visit } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";

const NEW_PERSON = "lars.jacobs@maasdalcollege.example";

async function fillEdition(page: Page, dates: Record<string, string>) {
  for (const [label, value] of Object.entries(dates)) await page.getByLabel(label, { exact: true }).fill(value);
}

const DAY = 86_400_000;
/** A datetime-local value (Amsterdam time) `days` from today: the app and this test share the machine's clock. */
const inDays = (days: number, time: string) => `${toDateInputValue(new Date(Date.now() + days * DAY))}T${time}`;

// Registration opened a month ago and closes far ahead (2099), so the page says "open" whatever
// the day the suite runs.
const OPENS = inDays(-30, "09:00");
const GOOD_DATES = {
  "Inschrijving opent": OPENS,
  "Inschrijving sluit": "2099-02-01T23:59",
  "Inleveren uiterlijk": "2099-05-15T17:00",
  "Jurering begint": "2099-05-20T09:00",
  "Jurering eindigt": "2099-06-05T17:00",
  "Uitslag bekend": "2099-06-12T12:00",
};

test("the board creates a challenge and an edition; the public page shows open registration and the dates", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, PEOPLE.board);
  const name = `E2E Zonneboot ${Date.now()}`;
  await page.goto("/bestuur/challenges");
  await expect(page.getByRole("heading", { level: 1, name: "Challenges beheren" })).toBeVisible();
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("Beschrijving").fill("Leerlingen bouwen een boot op zonne-energie.");
  await page.getByRole("button", { name: "Challenge aanmaken" }).click();
  await expect(page).toHaveURL(/\/bestuur\/challenges\/[a-z0-9]+$/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const challengeUrl = new URL(page.url()).pathname;

  // Two categories: the second row comes from "Categorie toevoegen" (a submit button, also without JavaScript).
  await page.getByLabel("Jaar").fill("2099");
  await page.getByLabel("Categorie 1", { exact: true }).fill("Vmbo BB/KB");
  await page.getByLabel("Categorie 2", { exact: true }).fill("Vmbo GL/TL");
  await fillEdition(page, { ...GOOD_DATES, "Inschrijving sluit": inDays(-60, "12:00") });
  await page.getByRole("button", { name: "Editie aanmaken" }).click();
  await expect(page.getByText("Moet na de opening van de inschrijving liggen.")).toBeVisible();
  await expect(page.getByLabel("Inschrijving sluit", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // What was typed is still there.
  await expect(page.getByLabel("Categorie 2", { exact: true })).toHaveValue("Vmbo GL/TL");
  await expect(page.getByLabel("Uitslag bekend", { exact: true })).toHaveValue("2099-06-12T12:00");

  await page.getByLabel("Inschrijving sluit", { exact: true }).fill("2099-02-01T23:59");
  await page.getByRole("button", { name: "Editie aanmaken" }).click();
  await expect(page).toHaveURL(/\/bestuur\/edities\/[a-z0-9]+$/, { timeout: 60_000 });
  await expect(page.getByText("Inschrijving open").first()).toBeVisible();
  const editionUrl = new URL(page.url()).pathname;
  const editionId = editionUrl.split("/").pop()!;

  await page.goto(challengeUrl);
  await page.getByRole("link", { name: "Openbare pagina" }).click();
  // The board's page links the edition under the same name: be on the public page before clicking.
  await expect(page).toHaveURL(/\/challenges\/e2e-zonneboot-\d+$/);
  await page.getByRole("link", { name: `${name} 2099` }).click();
  await expect(page).toHaveURL(/\/challenges\/e2e-zonneboot-\d+\/2099$/);
  await expect(page.getByRole("heading", { level: 1, name: `${name} 2099` })).toBeVisible();
  await expect(page.getByText("Inschrijving open tot 1 februari 2099 om 23:59").first()).toBeVisible();
  await expect(page.getByText(formatDateTime(fromAmsterdamTime(OPENS)!, "nl"))).toBeVisible();
  await expect(page.getByText("12 juni 2099 om 12:00")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vmbo GL/TL" })).toBeVisible();
  await expect(page.getByText("Nog geen sponsors")).toBeVisible();
  await expect(page.getByRole("link", { name: /Schrijf een team in/ })).toHaveAttribute("href", `/teams/nieuw?editie=${editionId}`);
  const publicUrl = new URL(page.url()).pathname;

  const visits: Visit[] = [
    { name: "challenges-list", path: "/challenges" },
    { name: "challenges-challenge", path: publicUrl.replace(/\/2099$/, "") },
    { name: "challenges-edition", path: publicUrl },
    { name: "challenges-board-list", path: "/bestuur/challenges" },
    { name: "challenges-board-challenge", path: challengeUrl },
    { name: "challenges-board-edition", path: editionUrl },
    { name: "challenges-board-schools", path: "/bestuur/scholen" },
  ];
  for (const lang of ["nl", "en"] as const) {
    await page.goto("/challenges");
    await setLanguage(page, lang);
    for (const visit of visits) await checkPage(page, visit, lang);
  }
});

test("a new person asks to become a teacher; the school contact approves", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, NEW_PERSON);
  await page.goto("/docent/aanvragen");
  await expect(page.getByRole("heading", { level: 1, name: "Toegang als docent aanvragen" })).toBeVisible();
  const school = page.getByLabel("School", { exact: true });
  const value = await school.locator("option", { hasText: "Maasdal College" }).getAttribute("value");
  await school.selectOption(value!);
  await page.getByRole("button", { name: "Aanvraag versturen" }).click();
  await expect(page.getByText("Wacht op goedkeuring")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, PEOPLE.schoolContact);
  await page.goto("/school");
  await expect(page.getByRole("heading", { level: 1, name: "Maasdal College" })).toBeVisible();
  await expect(page.getByText(/Vastgelegd: getekend op/)).toBeVisible();
  await page.getByRole("button", { name: /Goedkeuren.*Lars Jacobs/ }).click();
  await expect(page.getByText("De docent is goedgekeurd.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Docenten van uw school" }).locator("..")).toContainText("Lars Jacobs");

  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    await checkPage(page, { name: "challenges-school", path: "/school" }, lang);
    await checkPage(page, { name: "challenges-teacher-request", path: "/docent/aanvragen" }, lang);
  }
});
