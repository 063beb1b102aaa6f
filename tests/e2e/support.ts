import { expect, type Page } from "@playwright/test";

/** Signs in through the real flow: request a code, read it in the development mailbox, type it. */
export async function signIn(page: Page, email: string): Promise<void> {
  // Each sign-in from its own client address (the test server trusts X-Forwarded-For), so the
  // suite does not run into the per-address limit of 30 sign-in requests per 15 minutes.
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${1 + Math.floor(Math.random() * 250)}` });
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/login\/code/);
  const codePage = page.url();
  await page.goto("/dev/mailbox");
  await page.getByRole("row").filter({ hasText: email }).first().getByRole("link").click();
  const text = await page.locator("pre").innerText();
  const code = /\b(\d{3}\s?\d{3})\b/.exec(text)?.[1]?.replace(/\s/g, "");
  expect(code, "the sign-in mail holds a code").toMatch(/^\d{6}$/);
  await page.goto(codePage);
  await page.locator('input[name="code"]').fill(code!);
  await page.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export const PEOPLE = {
  board: "annemiek.gielen@vriendenvanhetmaasdal.example",
  teacherAndBoard: "rob.kurvers@maasdalcollege.example",
  companyContact: "marieke.van.der.linden@vanderlindeninstallatietechniek.example",
  schoolContact: "ellen.hermans@maasdalcollege.example",
};
