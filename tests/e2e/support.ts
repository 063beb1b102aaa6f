import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";

// Sessions made by signIn, kept for the rest of the run: the suite signs each person in through
// the mail once, not once per test (a real address may ask for 5 sign-ins per 15 minutes).
const sessionsFile = path.resolve(import.meta.dirname, "../..", process.env.TEST_RESULTS_DIR ?? "test-results", "e2e-sessions.json");
const readSessions = (): Record<string, { name: string; value: string }> =>
  existsSync(sessionsFile) ? (JSON.parse(readFileSync(sessionsFile, "utf8")) as Record<string, { name: string; value: string }>) : {};

async function reuseSession(page: Page, email: string): Promise<boolean> {
  const cookie = readSessions()[email];
  if (!cookie) return false;
  await page.context().addCookies([{ ...cookie, url: new URL(page.url() === "about:blank" ? "/" : page.url(), process.env.E2E_BASE_URL ?? "http://localhost:3000").origin }]);
  await page.goto("/dashboard");
  return new URL(page.url()).pathname === "/dashboard";
}

/** Signs in through the real flow: request a code, read it in the development mailbox, type it. */
export async function signIn(page: Page, email: string, options: { fresh?: boolean } = {}): Promise<void> {
  if (!options.fresh && (await reuseSession(page, email))) return;
  // Each sign-in from its own client address, so the suite does not run into the per-address
  // limit of 30 sign-in requests per 15 minutes.
  await page.setExtraHTTPHeaders(asClient(randomClientAddress()));
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
  const session = (await page.context().cookies()).find((c) => c.name === "vv_session");
  if (session) {
    mkdirSync(path.dirname(sessionsFile), { recursive: true });
    writeFileSync(sessionsFile, JSON.stringify({ ...readSessions(), [email]: { name: session.name, value: session.value } }));
  }
}

export const randomClientAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

/**
 * Headers that make a request come from `address`. The test server runs with TRUST_PROXY=1 (one
 * proxy in front), so it takes the rightmost X-Forwarded-For entry, which a real proxy appends:
 * the tests play that proxy. Anything a client writes further left is ignored, e.g. `spoofed`.
 */
export function asClient(address: string, spoofed?: string): Record<string, string> {
  return { "X-Forwarded-For": spoofed ? `${spoofed}, ${address}` : address };
}

export const PEOPLE = {
  board: "annemiek.gielen@vriendenvanhetmaasdal.example",
  teacherAndBoard: "rob.kurvers@maasdalcollege.example",
  companyContact: "marieke.van.der.linden@vanderlindeninstallatietechniek.example",
  schoolContact: "ellen.hermans@maasdalcollege.example",
};

/** A page in a browser context of its own (no cookies), from its own client address. */
export async function freshPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setExtraHTTPHeaders(asClient(randomClientAddress()));
  return page;
}

/** A pupil signs in at /login/leerling with the code from their teacher's sheet, in a browser of their own. */
export async function pupilSignIn(browser: Browser, code: string): Promise<Page> {
  const page = await freshPage(browser);
  await page.goto("/login/leerling");
  await page.locator('input[name="code"]').fill(code);
  await page.locator('form[method="post"] button[type="submit"]').last().click();
  await expect(page).toHaveURL(/\/dashboard/);
  return page;
}
