import { expect, test, type Page } from "@playwright/test";

// Seeded people (prisma/seed.ts): Rob Kurvers is board member and teacher at the Maasdal College.
const ROB = "rob.kurvers@maasdalcollege.example";
const MARIEKE = "marieke.van.der.linden@vanderlindeninstallatietechniek.example";

async function openNewestMailTo(page: Page, address: string) {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: address }).first();
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("sign in through the link in the mail, switch role, sign out (Dutch)", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Inloggen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(ROB);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kijk in uw mailbox" })).toBeVisible();

  await openNewestMailTo(page, ROB);
  await page.locator(`a[href*="/login/confirm/"]`).first().click();
  // The link only shows a page; the button signs in.
  await expect(page.getByText(`Inloggen als ${ROB}`)).toBeVisible();
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Rob Kurvers" })).toBeVisible();
  await expect(page.getByText("U bent hier als: Begeleider (docent) · Maasdal College")).toBeVisible();

  await page.getByLabel("Wissel van rol").selectOption({ label: "Bestuur" });
  await page.getByRole("button", { name: "Wissel", exact: true }).click();
  await expect(page.getByText("U bent hier als: Bestuur")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mensen en rollen beheren" })).toBeVisible();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await expect(page.getByRole("link", { name: "Inloggen", exact: true })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);
});

test("sign in with the typed code, in English", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("E-mail address").fill("not-an-address");
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByText("This is not a valid e-mail address.")).toBeVisible();
  await page.getByLabel("E-mail address").fill(MARIEKE);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  const codePage = page.url();

  await openNewestMailTo(page, MARIEKE);
  const text = await page.locator("pre").innerText();
  const code = /\b(\d{3}\s?\d{3})\b/.exec(text)?.[1]?.replace(/\s/g, "");
  expect(code, "the mail holds a six-digit code").toMatch(/^\d{6}$/);

  await page.goto(codePage);
  await page.getByLabel("Code from the e-mail").fill("000000" === code ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This code is not right.")).toBeVisible();
  await page.getByLabel("Code from the e-mail").fill(code!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Marieke van der Linden" })).toBeVisible();
  await expect(page.getByText("You are here as: Company contact · Van der Linden Installatietechniek")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
});

test("sign-in works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill("nope");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByText("Dit is geen geldig e-mailadres.")).toBeVisible();
  await expect(page.getByLabel("E-mailadres")).toHaveValue("nope");
  await page.getByLabel("E-mailadres").fill(ROB);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kijk in uw mailbox" })).toBeVisible();
  await openNewestMailTo(page, ROB);
  await page.locator(`a[href*="/login/confirm/"]`).first().click();
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Welkom, Rob Kurvers" })).toBeVisible();
  await context.close();
});

test("a form posted from another site is refused", async ({ request, baseURL }) => {
  const res = await request.post("/logout", { headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" } });
  expect(res.status()).toBe(403);
  const ok = await request.post("/logout", { headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(ok.status()).toBe(302);
});
