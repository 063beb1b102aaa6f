// The company's whole journey (issue 7): it applies, the board approves it with a tier, the
// contribution invoice is mailed to its billing address, it pays through the simulated checkout
// from the link in that mail, the invoice is paid, and the company is listed in the directory.
import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support";

const run = Date.now().toString(36);
const NAME = `Reisbedrijf ${run}`;
const KVK = String((Date.now() + 7_777_777) % 100_000_000).padStart(8, "0");
const BILLING = `facturen.${run}@reisbedrijf.example`;

test("apply → approve → invoice mailed → paid through the checkout → listed in the directory", async ({ page }) => {
  test.setTimeout(180_000);

  // Applies, anonymously.
  await page.goto("/aanmelden");
  const field = (name: string) => page.locator(`[name="${name}"]`);
  await field("name").fill(NAME);
  await field("kvkNumber").fill(KVK);
  await field("sector").fill("Scheepsbouw");
  await field("city").fill("Venlo");
  await field("website").fill("https://www.reisbedrijf.example");
  await field("invoiceAddress").fill("Kade 1");
  await field("invoicePostcode").fill("5911 AA");
  await field("invoiceCity").fill("Venlo");
  await field("billingEmail").fill(BILLING);
  await field("contacts[0].name").fill("Ria Reis");
  await field("contacts[0].email").fill(`ria.${run}@reisbedrijf.example`);
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page).toHaveURL(/\/aanmelden\/bedankt$/);

  // Not in the directory while it is only an application.
  await page.goto(`/netwerk?q=${encodeURIComponent(NAME)}`);
  await expect(page.getByText(NAME)).toHaveCount(0);

  // The board approves it with the first tier.
  await signIn(page, PEOPLE.board);
  await page.goto(`/bestuur/bedrijven?status=APPLIED&q=${encodeURIComponent(NAME)}`);
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  const tier = page.getByLabel("Bijdrageniveau");
  const firstTier = await tier.locator("option").nth(1).getAttribute("value");
  await tier.selectOption(firstTier!);
  await page.getByRole("button", { name: "Goedkeuren" }).click();
  await expect(page.getByText("Aangemeld → Goedgekeurd")).toBeVisible();

  // The invoice is made by a job and mailed to the billing address.
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("row").filter({ hasText: BILLING }).filter({ hasText: "Factuur" })).toHaveCount(1);
  }).toPass({ timeout: 30_000 });
  await page.getByRole("row").filter({ hasText: BILLING }).filter({ hasText: "Factuur" }).getByRole("link").first().click();
  // The mail's button, as the mailbox lists the links of the mail.
  const invoiceLink = page.getByRole("link", { name: "Factuur bekijken en betalen" }).first();
  const invoiceUrl = new URL((await invoiceLink.getAttribute("href"))!);
  expect(invoiceUrl.pathname).toMatch(/^\/factuur\/[\w-]+$/);

  // Whoever holds the mail pays from its link, without signing in.
  await page.context().clearCookies();
  await page.goto(invoiceUrl.pathname);
  await expect(page.getByRole("heading", { level: 1, name: /^Factuur / })).toBeVisible();
  await expect(page.getByText(NAME).first()).toBeVisible();
  await page.getByRole("button", { name: "Betalen met iDEAL of creditcard" }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_\w+$/);
  await page.getByRole("group", { name: "Betaalmethode" }).getByRole("radio", { name: "iDEAL" }).check();
  await page.getByRole("button", { name: "Betalen", exact: true }).click();
  await expect(page).toHaveURL(/session_id=cs_test_\w+/);
  await expect(page.getByText(/Betaald op \d/)).toBeVisible();

  // Paid: the company is active and listed in the public directory.
  await page.goto(`/netwerk?q=${encodeURIComponent(NAME)}`);
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
});
