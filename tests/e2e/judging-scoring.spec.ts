// Judging, the juror's side (issue 17) in the browser, on a 375 px phone: the demo juror Sanne
// Verheijen opens her Robotica entries from /jury, scores the entry she had not started (a draft
// first, then a submit that is refused at the missing criteria with her choice kept, then a
// complete submit), sees "n van m ingediend" change, and her declared conflict on the conflicts
// page. Then axe and the phone width on her three pages, in Dutch and English. Runs against the
// demo seed (the Robotica Challenge is being judged); a rerun finds the entry already submitted.
import { expect, test } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { signIn } from "./support";

const SANNE = "sanne.verheijen@jurynetwerk.example";
const progressOf = (text: string) => {
  const m = /(\d+) van (\d+) ingediend/.exec(text);
  if (!m) throw new Error(`no progress in "${text}"`);
  return { done: Number(m[1]), total: Number(m[2]) };
};

test("a juror scores an entry on a phone: a draft, a refused incomplete submit, then submitted; progress changes", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page, SANNE);
  await page.goto("/jury");
  await page.getByRole("link", { name: /^Mijn inzendingen \(Robotica Challenge \d{4}\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Jurering: Robotica Challenge \d{4}$/ })).toBeVisible();
  const listPath = new URL(page.url()).pathname;
  const before = progressOf(await page.getByTestId("progress").innerText());
  // Her three by hand; the board's automatic distribution (judging-assign.spec.ts) may add to them.
  expect(before.total).toBeGreaterThanOrEqual(3);

  const servo = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Team Servo/ }) });
  const wasSubmitted = await servo.getByText("Ingediend", { exact: true }).isVisible();
  await servo.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Beoordeling: Team Servo" })).toBeVisible();
  const entryPath = new URL(page.url()).pathname;
  // The submission to open: its description and video link.
  await expect(page.getByText("Een robot die de kas rondrijdt", { exact: false })).toBeVisible();
  await expect(page.getByRole("link", { name: /youtube\.com/ })).toBeVisible();
  await expect(page.getByText("Telt niet mee").first()).toBeVisible();

  // A draft with one level.
  const werking = page.getByRole("group", { name: "1. Werking van de robot" });
  await werking.getByRole("radio", { name: "4 – Werkt betrouwbaar" }).check();
  await page.getByLabel("Top").fill("De robot vindt de droge plekken snel.");
  await page.getByRole("button", { name: "Concept opslaan" }).click();
  await expect(page.getByText("Concept opgeslagen.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Dit is een concept: het telt pas mee als u het indient.")).toBeVisible();
  await expect(page.getByRole("group", { name: "1. Werking van de robot" }).getByRole("radio", { name: "4 – Werkt betrouwbaar" })).toBeChecked();

  // Submitting with levels missing: refused at those criteria, nothing chosen or typed is lost.
  await page.getByRole("group", { name: "2. Programmeren" }).getByRole("radio", { name: "3 – Voldoende" }).check();
  await page.getByRole("button", { name: "Indienen", exact: true }).click();
  await expect(page.getByText("Kies een niveau voor dit criterium om in te dienen.").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("group", { name: "3. Uitleg van het team" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("group", { name: "2. Programmeren" }).getByRole("radio", { name: "3 – Voldoende" })).toBeChecked();
  await expect(page.getByLabel("Top")).toHaveValue("De robot vindt de droge plekken snel.");

  // Complete and submit: back on the list, one more submitted.
  await page.getByRole("group", { name: "3. Uitleg van het team" }).getByRole("radio", { name: "4 – Goed" }).check();
  await page.getByRole("group", { name: "4. Samenwerking" }).getByRole("radio", { name: "5 – Uitstekend" }).check();
  await page.getByLabel("Tip").fill("Laat de robot ook melden hoe droog de grond is.");
  await page.getByRole("button", { name: /^(Wijzigingen indienen|Indienen)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${listPath}$`), { timeout: 30_000 });
  await expect(page.getByText("Beoordeling ingediend.")).toBeVisible();
  // Saving the draft took a submitted sheet back to a draft, so a rerun ends where it started.
  await expect(page.getByTestId("progress")).toHaveText(`${wasSubmitted ? before.done : before.done + 1} van ${before.total} ingediend`);
  await expect(servo.getByText("Ingediend", { exact: true })).toBeVisible();

  // Her declared conflict, with a team not assigned to her.
  await page.getByRole("link", { name: "Belangenconflicten opgeven of bekijken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Belangenconflicten: Robotica Challenge \d{4}$/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "De Robotvrienden" })).toBeVisible();
  await expect(page.getByText("Mijn kind zit in het team").first()).toBeVisible();
  const conflictsPath = new URL(page.url()).pathname;

  // Accessibility and the phone, in Dutch and English.
  for (const lang of ["nl", "en"] as const) {
    await setLanguage(page, lang);
    await checkPage(page, { name: "jury-entries", path: listPath }, lang);
    await checkPage(page, { name: "jury-score", path: entryPath }, lang);
    await checkPage(page, { name: "jury-conflicts", path: conflictsPath }, lang);
  }
  await setLanguage(page, "nl");
});
