// The network in the browser: a company contact keeps her profile and colleagues up to date,
// the public directory, and the request register (asked once, answered by the company).
// Runs against the demo seed; the assertions do not depend on exact seed counts.
import { expect, test, type Page } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";

const COMPANY = "Van der Linden Installatietechniek";

/** Marieke's company pages start at /bedrijf, which sends her to her own company. */
async function openOwnCompany(page: Page): Promise<string> {
  await page.goto("/bedrijf");
  await expect(page).toHaveURL(/\/bedrijf\/[A-Za-z0-9_-]+$/);
  return new URL(page.url()).pathname;
}

test("a company contact edits her profile, cannot remove the last contact and adds a colleague", async ({ page }) => {
  await signIn(page, PEOPLE.companyContact);
  const base = await openOwnCompany(page);
  await expect(page.getByRole("heading", { level: 1, name: "Bedrijfsprofiel" })).toBeVisible();
  await expect(page.getByText(COMPANY).first()).toBeVisible();

  const website = page.getByLabel("Website");
  const original = await website.inputValue();
  const description = `Wij installeren warmtepompen (E2E ${Date.now()}).`;
  await page.getByLabel("Korte beschrijving").fill(description);
  await website.fill("dit is geen website");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Vul een geldig webadres in").first()).toBeVisible();
  // What she typed is still there.
  await expect(page.getByLabel("Korte beschrijving")).toHaveValue(description);
  await expect(website).toHaveAttribute("aria-invalid", "true");

  await website.fill(original || "www.vanderlindeninstallatietechniek.example");
  await page.getByRole("button", { name: "Profiel opslaan" }).click();
  await expect(page.getByText("Het bedrijfsprofiel is opgeslagen.")).toBeVisible();
  await expect(page.getByLabel("Korte beschrijving")).toHaveValue(description);

  await page.goto(`${base}/contactpersonen`);
  await expect(page.getByRole("heading", { level: 1, name: "Contactpersonen" })).toBeVisible();
  const contacts = page.locator("section").filter({ hasText: "Huidige contactpersonen" }).first();
  if ((await contacts.getByRole("listitem").count()) === 1) {
    // The only contact cannot be removed: the page says why instead of offering the button.
    await expect(page.getByText("Dit is de enige contactpersoon.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Verwijderen/ })).toHaveCount(0);
  }

  const colleague = `collega.${Date.now()}@vanderlindeninstallatietechniek.example`;
  await page.getByLabel("Naam", { exact: true }).fill("Sven Mulders");
  await page.getByLabel("E-mailadres").fill(colleague);
  await page.getByLabel(/^Functie/).fill("Werkvoorbereider");
  await page.getByRole("button", { name: "Collega toevoegen" }).click();
  await expect(page.getByText(`${colleague} is toegevoegd en heeft een uitnodiging gekregen.`)).toBeVisible();
  await expect(page.getByText("Sven Mulders").first()).toBeVisible();

  await page.goto("/dev/mailbox");
  await expect(page.getByRole("row").filter({ hasText: colleague }).first()).toBeVisible();
});

test("the directory lists companies, filters by sector and shows no contact persons to visitors", async ({ page }) => {
  await page.goto("/netwerk");
  await expect(page.getByRole("heading", { level: 1, name: "Aangesloten bedrijven" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: COMPANY })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contactpersonen" })).toHaveCount(0);
  await expect(page.locator('main a[href^="mailto:"]')).toHaveCount(0);

  await page.getByLabel("Sector").selectOption("Bouw");
  await page.getByRole("button", { name: "Zoeken" }).click();
  await expect(page).toHaveURL(/sector=Bouw/);
  await expect(page.getByRole("heading", { level: 2, name: "Maasbouw Aannemers" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: COMPANY })).toHaveCount(0);

  // A company contact inside the network also sees the contact persons.
  await signIn(page, PEOPLE.companyContact);
  await page.goto("/netwerk?sector=Bouw");
  await expect(page.getByRole("heading", { name: "Contactpersonen" }).first()).toBeVisible();
});

test("a school contact records a request after seeing the open ones, and the company answers it", async ({ page }) => {
  const subject = `Bedrijfsbezoek klas 3 BWI (E2E ${Date.now()})`;
  await signIn(page, PEOPLE.schoolContact);
  await page.goto("/verzoeken/nieuw");
  await page.getByLabel("Bedrijf").selectOption({ label: COMPANY });
  await page.getByRole("button", { name: "Volgende" }).click();
  await expect(page).toHaveURL(/\/verzoeken\/nieuw\?bedrijf=/);
  // What was already asked comes before the form.
  const asked = page.getByRole("heading", { level: 2, name: `Al gevraagd aan ${COMPANY}` });
  const form = page.getByRole("heading", { level: 2, name: /^Stap 2/ });
  await expect(asked).toBeVisible();
  expect((await asked.boundingBox())!.y).toBeLessThan((await form.boundingBox())!.y);

  await page.getByLabel("Soort verzoek").selectOption({ label: "Bedrijfsbezoek" });
  await page.getByLabel("Onderwerp").fill(subject);
  await page.getByLabel(/^Toelichting/).fill("Twintig leerlingen, in maart, een ochtend.");
  await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await expect(page).toHaveURL(/\/verzoeken\?bedrijf=/);
  await expect(page.getByText("Het verzoek is vastgelegd")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: subject })).toContainText("Open");

  // A second look before asking again shows it as open.
  await page.goto(new URL(page.url()).search.replace("?bedrijf=", "/verzoeken/nieuw?bedrijf="));
  await expect(page.getByText(subject)).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, PEOPLE.companyContact);
  const base = await openOwnCompany(page);
  await page.goto(`${base}/verzoeken`);
  const request = page.getByRole("article").filter({ hasText: subject });
  await request.getByRole("radio", { name: "Ja" }).check();
  await request.getByLabel(/^Toelichting/).fill("Graag, op dinsdagochtend.");
  await request.getByRole("button", { name: "Antwoord versturen" }).click();
  await expect(page.getByText("Uw antwoord is verstuurd.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: subject })).toContainText("Graag, op dinsdagochtend.");
});

test.describe("accessibility of the network pages", () => {
  test.setTimeout(180_000);

  test("company pages (Marieke)", async ({ page }) => {
    await signIn(page, PEOPLE.companyContact);
    const base = await openOwnCompany(page);
    for (const lang of ["nl", "en"] as const) {
      await setLanguage(page, lang);
      for (const [name, path] of [
        ["bedrijf-profiel", base],
        ["bedrijf-contactpersonen", `${base}/contactpersonen`],
        ["bedrijf-facturen", `${base}/facturen`],
        ["bedrijf-verzoeken", `${base}/verzoeken`],
        ["bedrijf-jaaroverzicht", `${base}/jaaroverzicht`],
        ["netwerk-contact", "/netwerk"],
      ] as const) {
        await checkPage(page, { name, path }, lang);
      }
    }
  });

  test("directory and register (visitor, school contact)", async ({ page }) => {
    await page.goto("/netwerk");
    for (const lang of ["nl", "en"] as const) {
      await setLanguage(page, lang);
      await checkPage(page, { name: "netwerk", path: "/netwerk" }, lang);
    }
    await signIn(page, PEOPLE.schoolContact);
    await page.goto("/verzoeken/nieuw");
    const option = page.getByLabel(/Bedrijf|Company/).locator("option").filter({ hasText: COMPANY });
    const companyId = await option.getAttribute("value");
    for (const lang of ["nl", "en"] as const) {
      await setLanguage(page, lang);
      await checkPage(page, { name: "verzoeken", path: "/verzoeken" }, lang);
      await checkPage(page, { name: "verzoeken-nieuw", path: "/verzoeken/nieuw" }, lang);
      await checkPage(page, { name: "verzoeken-nieuw-bedrijf", path: `/verzoeken/nieuw?bedrijf=${companyId}` }, lang);
    }
  });
});
