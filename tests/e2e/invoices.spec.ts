// Contribution invoices in the browser, on the demo seed: Marieke pays her open invoice with
// iDEAL on the simulated checkout; the board records a bank transfer; a SEPA debit stays "in
// verwerking" until the bank confirms it; the invoice pages pass axe and fit a phone, nl and en.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { PEOPLE, signIn } from "./support";

test.use({ bypassCSP: true });

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A browser of its own for one person (the board and a company contact side by side). */
async function asPerson(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The board's invoice list row of a company (this school year), and the invoice's own path. */
async function invoiceOf(board: Page, company: string): Promise<{ path: string; number: string }> {
  await board.goto("/bestuur/facturen");
  const row = board.getByRole("row").filter({ hasText: company });
  const link = row.getByRole("link").first();
  const path = (await link.getAttribute("href"))!;
  expect(path).toMatch(/^\/facturen\/\w+$/);
  return { path, number: (await link.innerText()).trim() };
}

test("Marieke pays her open invoice with iDEAL and sees it paid", async ({ browser }) => {
  // Two sign-ins and a checkout: over the default 30 s on a loaded machine (timed out so in the
  // faked-date run at load 18).
  test.setTimeout(90_000);
  const board = await asPerson(browser, PEOPLE.board);
  const { path, number } = await invoiceOf(board, "Van der Linden Installatietechniek");

  const page = await asPerson(browser, PEOPLE.companyContact);
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: `Factuur ${number}` })).toBeVisible();
  await expect(page.getByText("PO-2026-0142")).toBeVisible();
  await page.getByRole("button", { name: "Betalen met iDEAL of creditcard" }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_\w+$/);
  await page.getByRole("group", { name: "Betaalmethode" }).getByRole("radio", { name: "iDEAL" }).check();
  await page.getByRole("button", { name: "Betalen", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?session_id=cs_test_\\w+`));
  await expect(page.getByText(/Betaald op \d/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Betalen met iDEAL of creditcard" })).toHaveCount(0);

  // The board sees it paid online.
  await board.goto("/bestuur/facturen");
  await expect(board.getByRole("row").filter({ hasText: "Van der Linden Installatietechniek" })).toContainText("Online betaald op");

  // Another company's invoice does not exist for Marieke.
  const other = await invoiceOf(board, "Maasbouw Aannemers");
  const response = await page.goto(other.path);
  expect(response?.status()).toBe(404);
});

test("the board records a bank transfer on an overdue invoice", async ({ browser }) => {
  const board = await asPerson(browser, PEOPLE.board);
  await board.goto("/bestuur/facturen");
  const row = board.getByRole("row").filter({ hasText: "Kessels Elektrotechniek" });
  await expect(row).toContainText("Te laat");
  await expect(row).toContainText("Herinnering na 30 dagen");
  await row.getByRole("button", { name: "Overboeking vastleggen" }).click();
  const dialog = board.getByRole("dialog");
  await dialog.getByLabel("Kenmerk").fill("Afschrift 2026-118 / Kessels");
  await dialog.getByRole("button", { name: "Vastleggen als betaald" }).click();
  await expect(board.getByText(/Overboeking vastgelegd/)).toBeVisible();
  await expect(board.getByRole("row").filter({ hasText: "Kessels Elektrotechniek" })).toContainText("Afschrift 2026-118 / Kessels");
});

test("a SEPA direct debit stays in processing until the bank confirms it", async ({ browser }) => {
  const board = await asPerson(browser, PEOPLE.board);
  const { path, number } = await invoiceOf(board, "Zonnepark Peelland");
  await board.goto(path);
  await board.getByRole("button", { name: "Machtiging geven voor een SEPA-incasso" }).click();
  await expect(board).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_\w+$/);
  await board.getByRole("button", { name: "Betalen", exact: true }).click();
  await expect(board).toHaveURL(new RegExp(`${path}\\?session_id=`));
  await expect(board.getByText("Uw betaling is in verwerking")).toBeVisible();
  await expect(board.getByRole("button", { name: "Machtiging geven voor een SEPA-incasso" })).toHaveCount(0);
  await board.goto("/bestuur/facturen");
  await expect(board.getByRole("row").filter({ hasText: "Zonnepark Peelland" })).toContainText("SEPA-incasso in verwerking");

  // Days later the bank confirms the debit.
  await board.goto("/dev/payments");
  await board.getByRole("row", { name: new RegExp(`Factuur ${number} \\(SEPA\\)`) }).getByRole("link", { name: "Incasso afronden" }).click();
  await board.getByRole("button", { name: "Betaling geslaagd (later)" }).click();
  await expect(board.getByRole("heading", { level: 2, name: "Deze betaling is voltooid" })).toBeVisible();
  // The bank's confirmation reaches the portal as a webhook, a moment later.
  await expect(async () => {
    await board.goto(path);
    await expect(board.getByText(/Betaald op \d/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});

test("the invoice pages pass axe and fit a phone, in Dutch and English", async ({ browser }) => {
  // Three pages × two languages × two screen sizes.
  test.setTimeout(120_000);
  const board = await asPerson(browser, PEOPLE.board);
  const { path } = await invoiceOf(board, "Heldense Houtbewerking");
  // The mail link: the board mails the invoice again and follows the link in the mailbox.
  await board.goto("/bestuur/facturen");
  const row = board.getByRole("row").filter({ hasText: "Heldense Houtbewerking" });
  await row.getByRole("button", { name: "Opnieuw mailen" }).click();
  await board.getByRole("dialog").getByRole("button", { name: "Opnieuw mailen" }).click();
  await expect(board.getByText("De factuur is opnieuw gemaild.")).toBeVisible();
  await board.goto("/dev/mailbox");
  await board.getByRole("row").filter({ hasText: "administratie@heldensehoutbewerking.example" }).first().getByRole("link").click();
  await expect(board.getByRole("heading", { level: 1, name: /Heldense Houtbewerking/ })).toBeVisible();
  const href = await board.locator('a[href*="/factuur/"]').first().getAttribute("href");
  const token = /\/factuur\/([A-Za-z0-9_-]{32,64})/.exec(href ?? "")?.[1];
  expect(token, "the invoice mail links to the invoice").toBeTruthy();

  for (const lang of ["nl", "en"] as const) {
    await board.goto("/bestuur/facturen");
    await setLanguage(board, lang);
    await checkPage(board, { name: "invoices-board", path: "/bestuur/facturen" }, lang);
    await checkPage(board, { name: "invoice-signed-in", path }, lang);
    await checkPage(board, { name: "invoice-public", path: `/factuur/${token}` }, lang);
  }
  await setLanguage(board, "nl");
  const pdf = await board.request.get(`${path}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
});
