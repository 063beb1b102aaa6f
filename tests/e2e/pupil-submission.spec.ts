// A pupil's part of a challenge, in the browser (issue 8, point 9): the board opens an edition of
// its own (registration open now, dates relative to today) and adds a sponsor that then shows on
// the public page; a teacher registers a team and prints the codes; a pupil signs in with a code,
// saves the team's submission and uploads a file; the board closes submissions early, and the
// pupil's next save — from the page still open — is refused with the deadline message, keeping
// what they typed.
import { expect, test } from "@playwright/test";
import { checkPage, setLanguage } from "./a11y-kit";
import { freshPage, PEOPLE, pupilSignIn, signIn } from "./support";

const TEACHER = "mieke.driessen@maasdalcollege.example";
const PDF = Buffer.from("%PDF-1.4\n% E2E leerling\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const DAY = 86_400_000;

/** A datetime-local value `days` from now (whole days: the hours of the time zone do not matter). */
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 11) + "12:00";

test("a pupil hands in with a code and uploads; once the board closes submissions, a late edit is refused", async ({ page: board, browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString(36);

  // The board: a challenge with an edition whose registration is open now.
  await signIn(board, PEOPLE.board);
  await board.goto("/bestuur/challenges");
  const challenge = `E2E Waterraket ${stamp}`;
  await board.getByLabel("Naam", { exact: true }).fill(challenge);
  await board.getByLabel("Beschrijving").fill("Leerlingen bouwen een waterraket.");
  await board.getByRole("button", { name: "Challenge aanmaken" }).click();
  await expect(board).toHaveURL(/\/bestuur\/challenges\/[a-z0-9]+$/, { timeout: 20_000 });
  await board.getByLabel("Jaar").fill(String(new Date(Date.now() + 23 * DAY).getUTCFullYear()));
  await board.getByLabel("Categorie 1", { exact: true }).fill("Vmbo BB/KB");
  await board.getByLabel("Categorie 2", { exact: true }).fill("Vmbo GL/TL");
  const dates = { "Inschrijving opent": -2, "Inschrijving sluit": 10, "Inleveren uiterlijk": 20, "Jurering begint": 21, "Jurering eindigt": 22, "Uitslag bekend": 23 };
  for (const [label, days] of Object.entries(dates)) await board.getByLabel(label, { exact: true }).fill(inDays(days));
  await board.getByRole("button", { name: "Editie aanmaken" }).click();
  await expect(board).toHaveURL(/\/bestuur\/edities\/[a-z0-9]+$/, { timeout: 20_000 });
  const editionPath = new URL(board.url()).pathname;
  const editionId = editionPath.split("/").pop()!;

  // A sponsor: chosen from the companies of the network, shown on the public page with its line.
  const company = board.getByLabel("Bedrijf", { exact: true });
  const sponsor = (await company.locator("option").nth(1).innerText()).trim();
  await company.selectOption({ label: sponsor });
  await board.getByLabel(/Regel op de publieke pagina/).fill("Sponsor van de raketten");
  await board.getByRole("button", { name: "Sponsor toevoegen" }).click();
  await expect(board.getByRole("status").filter({ hasText: "Sponsor toegevoegd." })).toBeVisible();
  await checkPage(board, { name: "board-edition", path: editionPath }, "nl");
  await board.getByRole("link", { name: "Openbare pagina" }).click();
  const sponsors = board.getByRole("region", { name: "Sponsors" });
  await expect(sponsors.getByText(sponsor)).toBeVisible();
  await expect(sponsors.getByText("Sponsor van de raketten")).toBeVisible();
  const publicPath = new URL(board.url()).pathname;

  // The teacher registers a team of two and prints the codes.
  const teacher = await freshPage(browser);
  await signIn(teacher, TEACHER);
  await teacher.goto(`/teams/nieuw?editie=${editionId}`);
  const team = `Raket ${stamp}`;
  await teacher.getByLabel("Teamnaam").fill(team);
  await teacher.getByLabel("Categorie").selectOption({ index: 1 });
  for (const [i, name] of ["Daan", "Iris"].entries()) {
    await teacher.locator(`input[name="pupils[${i}].firstName"]`).fill(name);
    await teacher.locator(`input[name="pupils[${i}].className"]`).fill("3GT2");
  }
  await teacher.getByRole("button", { name: "Team inschrijven" }).click();
  await expect(teacher).toHaveURL(/\/teams\/[a-z0-9]+$/);
  const teamPath = new URL(teacher.url()).pathname;
  await teacher.goto(`${teamPath}/codes`);
  await teacher.getByRole("button", { name: "Nieuwe codes voor alle leerlingen" }).click();
  const code = (await teacher.getByTestId("pupil-code").first().innerText()).trim();

  // The team's name (never a pupil's) is on the public page.
  await board.goto(publicPath);
  await expect(board.getByRole("region", { name: /^Ingeschreven teams/ }).getByText(team, { exact: true })).toBeVisible();
  await expect(board.getByText("Daan")).toHaveCount(0);

  // The pupil signs in with the code, goes to the submission from "Mijn team", saves and uploads.
  const pupil = await pupilSignIn(browser, code);
  await pupil.goto("/mijn-team");
  await pupil.getByRole("link", { name: "Naar jullie inzending" }).click();
  await expect(pupil.getByRole("heading", { level: 1, name: `Inzending van ${team}` })).toBeVisible();
  await pupil.getByLabel("Beschrijving").fill("Onze raket gaat 40 meter hoog.");
  await pupil.getByRole("button", { name: "Versie opslaan" }).click();
  await expect(pupil.getByRole("status").filter({ hasText: "Versie 1 is opgeslagen." })).toBeVisible();
  await pupil.getByLabel("Bestand", { exact: true }).setInputFiles({ name: "raket-ontwerp.pdf", mimeType: "application/pdf", buffer: PDF });
  await pupil.getByRole("button", { name: "Bestand uploaden" }).click();
  await expect(pupil.getByRole("link", { name: /raket-ontwerp\.pdf/ })).toBeVisible();
  await expect(pupil.getByRole("region", { name: "Alle versies" }).getByRole("row")).toHaveCount(3); // header + 2 versions

  // The teacher sees what was handed in and by whom.
  await teacher.goto(`${teamPath}/inzending`);
  await expect(teacher.locator("main p").filter({ hasText: "Onze raket gaat 40 meter hoog." })).toBeVisible();
  await expect(teacher.getByRole("link", { name: /raket-ontwerp\.pdf/ })).toBeVisible();

  // The pupil starts a new version while the board closes registration, then submissions.
  await pupil.getByLabel("Beschrijving").fill("Onze raket gaat 60 meter hoog!");
  await board.goto(editionPath);
  for (const [button, confirm] of [["Inschrijving nu sluiten", "Ja, sluit de inschrijving"], ["Inleveren nu sluiten", "Ja, sluit het inleveren"]]) {
    await board.getByRole("button", { name: button }).click();
    await board.getByRole("dialog").getByRole("button", { name: confirm }).click();
    await expect(board.getByRole("status").last()).toBeVisible();
    await expect(board.getByRole("button", { name: button })).toHaveCount(0);
  }

  await pupil.getByRole("button", { name: "Versie opslaan" }).click();
  await expect(pupil.getByRole("alert").filter({ hasText: /Te laat: de deadline was .* Er is niets opgeslagen\./ })).toHaveCount(1);
  await expect(pupil.getByRole("heading", { name: "Wat je typte (niet opgeslagen)" })).toBeVisible();
  await expect(pupil.getByLabel("Beschrijving")).toHaveValue("Onze raket gaat 60 meter hoog!");
  // After a reload: the page says it is closed, offers no save, and version 1 and 2 are all there is.
  await pupil.reload();
  await expect(pupil.getByRole("button", { name: "Versie opslaan" })).toHaveCount(0);
  await expect(pupil.getByRole("region", { name: "Alle versies" }).getByRole("row")).toHaveCount(3);
  for (const lang of ["nl", "en"] as const) {
    await setLanguage(pupil, lang);
    await checkPage(pupil, { name: "submission-closed-pupil", path: `${teamPath}/inzending` }, lang);
  }
  await setLanguage(board, "en");
  await checkPage(board, { name: "board-edition", path: editionPath }, "en");
  await setLanguage(board, "nl");
});
