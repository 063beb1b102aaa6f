// Simulated payments in the browser: the app runs without STRIPE_SECRET_KEY, so it has started
// the local Stripe fake; the tester page creates a real Checkout Session through the Stripe SDK
// and the fake's checkout page decides how it ends.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";

// Evaluated through the DevTools protocol, so the app's Content-Security-Policy does not block it.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 A/AA problems axe-core finds in the page's main content (ours, not the shared layout). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource}\n;true`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string }[] }> } }).axe;
    const result = await axe.run({ include: [["main"]] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  });
}

async function startPayment(page: Page, description: string, amount: string, methods?: string[]) {
  await page.goto("/dev/payments");
  await expect(page.getByRole("heading", { level: 1, name: "Testbetalingen" })).toBeVisible();
  await page.getByLabel("Bedrag in euro").fill(amount);
  await page.getByLabel("Omschrijving").fill(description);
  if (methods) {
    for (const name of ["Creditcard", "iDEAL", "SEPA-incasso"]) {
      await page.getByRole("checkbox", { name }).setChecked(methods.includes(name));
    }
  }
  await page.getByRole("button", { name: "Naar de betaalpagina" }).click();
  await expect(page).toHaveURL(/\/dev\/stripe\/checkout\/cs_test_\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gesimuleerde betaalpagina" })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
}

test("a tester pays on the simulated checkout page and sees the payment paid", async ({ page }) => {
  const description = `E2E iDEAL ${Date.now()}`;
  await startPayment(page, description, "12,50");
  await expect(page.getByText(/€\s?12,50/)).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  const methods = page.getByRole("group", { name: "Betaalmethode" });
  await methods.getByRole("radio", { name: "iDEAL" }).check();
  await page.getByRole("button", { name: "Betalen", exact: true }).click();

  await expect(page).toHaveURL(/\/dev\/payments\?result=success&session_id=cs_test_\w+/);
  await expect(page.getByRole("status").filter({ hasText: "terug van de betaalpagina" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(description) });
  await expect(row).toContainText("Betaald");
  await expect(row).toContainText(/€\s?12,50/);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("a declined payment can be retried; a SEPA Direct Debit stays in processing until it is settled", async ({ page }) => {
  const description = `E2E SEPA ${Date.now()}`;
  await startPayment(page, description, "40", ["Creditcard", "SEPA-incasso"]);

  // First attempt declined: the page says so and stays open for another try.
  await page.getByRole("button", { name: "Betaling mislukt" }).click();
  await expect(page.getByRole("alert")).toContainText("De betaling is geweigerd");
  expect(await accessibilityViolations(page)).toEqual([]);

  await page.getByRole("radio", { name: "SEPA-incasso" }).check();
  await page.getByRole("button", { name: "Betalen", exact: true }).click();
  await expect(page).toHaveURL(/\/dev\/payments\?result=success/);
  const row = page.getByRole("row", { name: new RegExp(description) });
  await expect(row).toContainText("In verwerking");

  // Days later the bank confirms the debit.
  await row.getByRole("link", { name: "Incasso afronden" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "De incasso wordt verwerkt" })).toBeVisible();
  await page.getByRole("button", { name: "Betaling geslaagd (later)" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Deze betaling is voltooid" })).toBeVisible();
  await page.getByRole("link", { name: "Terug naar het portaal" }).click();
  await expect(page.getByRole("row", { name: new RegExp(description) })).toContainText("Betaald");
});

test("the simulated checkout page speaks English when chosen", async ({ page }) => {
  await startPayment(page, `E2E English ${Date.now()}`, "5,00");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Simulated checkout" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Payment method" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page).toHaveURL(/\/dev\/payments\?result=cancel/);
  await expect(page.getByRole("heading", { level: 1, name: "Test payments" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The payment was cancelled" })).toBeVisible();
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Testbetalingen" })).toBeVisible();
});
