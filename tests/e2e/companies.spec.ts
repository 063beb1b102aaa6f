import { expect, test, type Page } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";

// Everything is made through the UI: two applications, a tier; the seed only provides the board.
const run = Date.now().toString(36);
const digits = String(Date.now() % 100_000_000).padStart(8, "0");
const otherDigits = String((Date.now() + 4_321_987) % 100_000_000).padStart(8, "0");
const APPROVED = `E2E Metaal ${run}`;
const REJECTED = `E2E Afgewezen ${run}`;
const CONTACT = `sanne.${run}@e2e-bedrijf.example`;
const SECOND = `piet.${run}@e2e-bedrijf.example`;
const TIER = `E2E niveau ${run}`;

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function fillCompany(page: Page, name: string, kvk: string) {
  await field(page, "name").fill(name);
  await field(page, "kvkNumber").fill(kvk);
  await field(page, "vatNumber").fill("NL123456789B01");
  await field(page, "sector").fill("Metaal");
  await field(page, "city").fill("Venlo");
  await field(page, "website").fill("www.e2e-bedrijf.example");
  await field(page, "invoiceAddress").fill("Industrieweg 4");
  await field(page, "invoicePostcode").fill("5928 PN");
  await field(page, "invoiceCity").fill("Venlo");
  await field(page, "billingEmail").fill(`facturen.${run}@e2e-bedrijf.example`);
}

async function openCompany(page: Page, name: string) {
  await page.goto(`/bestuur/bedrijven?status=APPLIED&q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("a company applies, the board approves it with a tier and rejects another with a reason", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/aanmelden");
  await expect(page.getByRole("heading", { level: 1, name: "Bedrijf aanmelden als Vriend" })).toBeVisible();

  // Bad input: messages in Dutch next to the fields, and what was typed stays.
  await field(page, "name").fill(APPROVED);
  await field(page, "kvkNumber").fill("1234");
  await field(page, "vatNumber").fill("NL12");
  await field(page, "billingEmail").fill("geen-adres");
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByText("Een KvK-nummer bestaat uit precies 8 cijfers.")).toBeVisible();
  await expect(page.getByText("Een Nederlands btw-nummer ziet eruit als NL123456789B01.")).toBeVisible();
  await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
  await expect(field(page, "name")).toHaveValue(APPROVED);
  await expect(field(page, "kvkNumber")).toHaveValue("1234");
  await expect(field(page, "kvkNumber")).toHaveAttribute("aria-invalid", "true");

  // A second contact person, added by the server (works without JavaScript).
  await fillCompany(page, APPROVED, digits);
  await field(page, "contacts[0].name").fill("Sanne van Dijk");
  await field(page, "contacts[0].email").fill(CONTACT);
  await page.getByRole("button", { name: "Contactpersoon toevoegen" }).click();
  await expect(page.getByRole("group", { name: "Contactpersoon 2" })).toBeVisible();
  await expect(field(page, "contacts[0].email")).toHaveValue(CONTACT);
  await field(page, "contacts[1].name").fill("Piet Jansen");
  await field(page, "contacts[1].email").fill(SECOND);
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page).toHaveURL(/\/aanmelden\/bedankt$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor uw aanmelding" })).toBeVisible();

  // The same KvK number again is a field error, not a crash.
  await page.goto("/aanmelden");
  await fillCompany(page, REJECTED, digits);
  await field(page, "contacts[0].name").fill("Kees Kuipers");
  await field(page, "contacts[0].email").fill(`kees.${run}@e2e-bedrijf.example`);
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByText("Er is al een bedrijf aangemeld met dit KvK-nummer.", { exact: false })).toBeVisible();
  await field(page, "kvkNumber").fill(otherDigits);
  await field(page, "contacts[0].email").fill(`kees.${run}@e2e-bedrijf.example`);
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page).toHaveURL(/\/aanmelden\/bedankt$/);

  // The board: a tier first, then the decisions.
  await signIn(page, PEOPLE.board);
  await page.goto("/bestuur/instellingen");
  await page.locator("#new-tier-name").fill(TIER);
  await page.locator("#new-tier-amount").fill("300");
  await page.getByRole("button", { name: "Niveau toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 3, name: new RegExp(TIER) })).toBeVisible();

  await openCompany(page, APPROVED);
  await expect(page.getByText(CONTACT)).toBeVisible();
  const tierValue = await page.locator("#approve-tier option", { hasText: TIER }).getAttribute("value");
  await page.getByLabel("Bijdrageniveau").selectOption(tierValue!);
  await page.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(page.getByText("Goedgekeurd").first()).toBeVisible();
  await expect(page.getByText("Aangemeld → Goedgekeurd")).toBeVisible();

  // The contact's invitation to sign in is in the mailbox.
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("row").filter({ hasText: CONTACT }).filter({ hasText: `nodigt u uit als contactpersoon van ${APPROVED}` })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: SECOND }).filter({ hasText: "nodigt u uit" })).toHaveCount(1);

  await openCompany(page, REJECTED);
  await page.getByRole("button", { name: "Afwijzen" }).click();
  const dialog = page.getByRole("dialog", { name: "Aanmelding afwijzen" });
  await dialog.getByLabel("Reden").fill("Geen vestiging in de regio");
  await dialog.getByRole("button", { name: "Afwijzen" }).click();
  await expect(page.getByText("Aangemeld → Afgewezen")).toBeVisible();
  await expect(page.getByText("Geen vestiging in de regio").first()).toBeVisible();
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("row").filter({ hasText: `kees.${run}@e2e-bedrijf.example` }).filter({ hasText: `Uw aanmelding van ${REJECTED}` })).toHaveCount(2);

  // The export.
  await page.goto("/bestuur/bedrijven");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteren als CSV" }).click();
  const file = await download;
  const csv = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
  expect(csv).toContain(`${APPROVED};${digits};Goedgekeurd;${TIER}`);

  // Accessibility and phone checks of every page of this capability, in Dutch and English.
  await page.goto("/bestuur/bedrijven");
  await page.getByRole("link", { name: APPROVED }).first().click();
  await expect(page).toHaveURL(/\/bestuur\/bedrijven\/[A-Za-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: APPROVED })).toBeVisible();
  const detail = new URL(page.url()).pathname;
  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    for (const visit of [
      { name: "aanmelden", path: "/aanmelden" },
      { name: "aanmelden-bedankt", path: "/aanmelden/bedankt" },
      { name: "bestuur-bedrijven", path: "/bestuur/bedrijven" },
      { name: "bestuur-bedrijf", path: detail },
      { name: "bestuur-instellingen", path: "/bestuur/instellingen" },
    ]) {
      await checkPage(page, visit, lang);
    }
  }
});
