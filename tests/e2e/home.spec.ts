import { expect, test } from "@playwright/test";

test("the home page is in Dutch by default", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samen maken we techniek zichtbaar");
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  // The figures come from the seeded database.
  await expect(page.getByText("aangesloten bedrijven")).toBeVisible();
  // Listed companies (active and in grace) of the demo seed: a count, never zero.
  await expect(page.locator("dd").first()).toHaveText(/^[1-9]\d*$/);
});

test("a visitor switches to English and the choice is remembered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Together we make technology visible");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Together we make technology visible");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samen maken we techniek zichtbaar");
});

test("an unknown page shows a 404 in the chosen language", async ({ page }) => {
  const res = await page.goto("/bestaat-niet");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("healthz reports the database", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.database.ok).toBe(true);
});
