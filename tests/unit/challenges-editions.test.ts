// Challenges and editions run by the board: field errors from the date rules (values kept), early
// closing changes the phase, every write is audited, and only the board may do any of it.
import { afterEach, describe, expect, it } from "vitest";
import { closePhaseEarly, createChallenge, getEditionPhase } from "~/modules/challenges/editions.server";
import { action as challengeAction } from "~/routes/bestuur.challenges.$challengeId";
import { action as listAction, loader as listLoader } from "~/routes/bestuur.challenges._index";
import { action as editionAction, loader as editionLoader } from "~/routes/bestuur.edities.$editionId._index";
import { loader as publicEditionLoader } from "~/routes/challenges.$slug.$year";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

async function boardJar() {
  const board = await createUser(db, { name: "Annemiek Gielen" });
  await assignRole(db, board.id, "BOARD");
  return { board, jar: await signedIn(board.id) };
}

const goodEdition = {
  intent: "create-edition",
  year: "2027",
  minTeamSize: "2",
  maxTeamSize: "5",
  "categories[0].name": "Vmbo BB/KB",
  "categories[0].schoolType": "VMBO",
  "categories[1].name": "Basisschool",
  "categories[1].schoolType": "PRIMARY",
  registrationOpensAt: "2026-11-01T09:00",
  registrationClosesAt: "1-2-2027 23:59",
  submissionDeadline: "2027-05-15T17:00",
  judgingOpensAt: "2027-05-20T09:00",
  judgingClosesAt: "2027-06-05T17:00",
  resultsPublishAt: "2027-06-12T12:00",
  marketingPlan: "on",
};

afterEach(() => resetClock());

describe("the board's challenges", () => {
  it("creates a challenge (audited) and refuses everyone but the board", async () => {
    const { board, jar } = await boardJar();
    const res = await respond(() => listAction(args(post("/bestuur/challenges", { intent: "create-challenge", name: "Young Solar Challenge", description: "Boten op zonne-energie." }, jar))));
    expect(res.status).toBe(302);
    const challenge = await db.challenge.findFirstOrThrow({ where: { name: "Young Solar Challenge" } });
    expect(challenge.slug).toBe("young-solar-challenge");
    expect(res.headers.get("Location")).toBe(`/bestuur/challenges/${challenge.id}`);
    expect(await db.auditLog.count({ where: { action: "challenge.create", entityId: challenge.id, actorId: board.id } })).toBe(1);

    const teacher = await createUser(db);
    await assignRole(db, teacher.id, "TEACHER", { schoolId: (await createSchool(db)).id });
    const teacherJar = await signedIn(teacher.id);
    expect((await respond(() => listLoader(args(get("/bestuur/challenges", teacherJar))))).status).toBe(403);
    expect((await respond(() => listAction(args(post("/bestuur/challenges", { intent: "create-challenge", name: "X", description: "Y" }, teacherJar))))).status).toBe(403);
    expect((await respond(() => listLoader(args(get("/bestuur/challenges"))))).status).toBe(302);
    expect(await db.challenge.count()).toBe(1);
  });

  it("answers dates in the wrong order with Dutch field errors and keeps what was typed", async () => {
    const { board, jar } = await boardJar();
    const challenge = await createChallenge({ name: "Tech Challenge", description: "Techniek.", national: false }, board.id);
    const path = `/bestuur/challenges/${challenge.id}`;
    const bad = { ...goodEdition, registrationClosesAt: "2026-10-01T12:00", judgingClosesAt: "2027-05-20T09:00", maxTeamSize: "1" };
    const res = await respond(() => challengeAction(args(post(path, bad, jar), { challengeId: challenge.id })));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error.registrationClosesAt).toEqual(["challenges:errors.dateOrder.registrationOpensAt"]);
    expect(body.result.error.judgingClosesAt).toEqual(["challenges:errors.dateOrder.judgingOpensAt"]);
    expect(body.result.error.maxTeamSize).toEqual(["challenges:errors.teamSizeOrder"]);
    expect(body.result.initialValue.registrationClosesAt).toBe("2026-10-01T12:00");
    expect(body.result.initialValue.categories[1].name).toBe("Basisschool");
    const nonsense = await respond(() => challengeAction(args(post(path, { ...goodEdition, submissionDeadline: "31-02-2027 10:00" }, jar), { challengeId: challenge.id })));
    expect((await nonsense.json()).result.error.submissionDeadline).toEqual(["challenges:errors.date"]);
    // A far too long date is a field error too, not a crash of the rules across fields (found by the hostile-input guard).
    const huge = await respond(() => challengeAction(args(post(path, { ...goodEdition, registrationOpensAt: "A".repeat(100_000) }, jar), { challengeId: challenge.id })));
    expect(huge.status).toBe(400);
    expect((await huge.json()).result.error.registrationOpensAt).toEqual(["challenges:errors.date"]);
    expect(await db.edition.count()).toBe(0);
  });

  it("adds a category row without JavaScript (the insert button) and writes nothing", async () => {
    const { board, jar } = await boardJar();
    const challenge = await createChallenge({ name: "Tech Challenge", description: "Techniek.", national: false }, board.id);
    const insert = JSON.stringify({ type: "insert", payload: { name: "categories", defaultValue: { id: "", name: "", schoolType: "" } } });
    const res = await respond(() =>
      challengeAction(args(post(`/bestuur/challenges/${challenge.id}`, { ...goodEdition, __intent__: insert }, jar), { challengeId: challenge.id })),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).result.initialValue.categories).toHaveLength(3);
    expect(await db.edition.count()).toBe(0);
  });

  it("creates an edition with categories (Amsterdam time), then closes registration early: the phase changes, audited", async () => {
    setClock(new Date("2026-12-01T10:00:00Z"));
    const { board, jar } = await boardJar();
    const challenge = await createChallenge({ name: "Young Solar Challenge", description: "Boten.", national: true }, board.id);
    const res = await respond(() => challengeAction(args(post(`/bestuur/challenges/${challenge.id}`, goodEdition, jar), { challengeId: challenge.id })));
    expect(res.status).toBe(302);
    const edition = await db.edition.findFirstOrThrow({ include: { categories: { orderBy: { position: "asc" } } } });
    expect(res.headers.get("Location")).toBe(`/bestuur/edities/${edition.id}`);
    expect(edition.categories.map((c) => [c.name, c.schoolType])).toEqual([["Vmbo BB/KB", "VMBO"], ["Basisschool", "PRIMARY"]]);
    expect(edition.registrationClosesAt.toISOString()).toBe("2027-02-01T22:59:00.000Z"); // 23:59 winter time
    expect(edition.marketingPlan).toBe(true);
    expect(await db.auditLog.count({ where: { action: "edition.create", entityId: edition.id } })).toBe(1);

    expect(getEditionPhase(edition)).toBe("registration");
    const publicPage = await (await publicEditionLoader(args(get(`/challenges/${challenge.slug}/2027`), { slug: challenge.slug, year: "2027" }))).json();
    expect(publicPage.open).toBe(true);
    expect(publicPage.categories.map((c: { name: string }) => c.name)).toEqual(["Vmbo BB/KB", "Basisschool"]);

    // Results are published on the results page (judging/publication.server.ts), never from here.
    const early = await respond(() => editionAction(args(post(`/bestuur/edities/${edition.id}`, { intent: "publish-results" }, jar), { editionId: edition.id })));
    expect(early.status).toBe(400);
    expect((await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).resultsPublishedEarlyAt).toBeNull();

    const closed = await respond(() => editionAction(args(post(`/bestuur/edities/${edition.id}`, { intent: "close-registration" }, jar), { editionId: edition.id })));
    expect(closed.status).toBe(302);
    const after = await db.edition.findUniqueOrThrow({ where: { id: edition.id } });
    expect(after.registrationClosedEarlyAt?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(getEditionPhase(after)).toBe("building");
    expect(await db.auditLog.count({ where: { action: "edition.close-registration", entityId: edition.id } })).toBe(1);
    const page = await (await editionLoader(args(get(`/bestuur/edities/${edition.id}`, jar), { editionId: edition.id }))).json();
    expect(page.phase).toBe("building");
    expect(page.allowed).toEqual(["close-submissions"]);

    // Closing twice is refused and writes nothing.
    const again = await respond(() => editionAction(args(post(`/bestuur/edities/${edition.id}`, { intent: "close-registration" }, jar), { editionId: edition.id })));
    expect(again.status).toBe(400);
    expect(await db.auditLog.count({ where: { action: "edition.close-registration" } })).toBe(1);

    const submissions = await closePhaseEarly(edition.id, "close-submissions", board.id);
    expect(submissions).toMatchObject({ ok: true });
    expect(await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).toMatchObject({ submissionsClosedEarlyAt: new Date("2026-12-01T10:00:00Z") });
    // After the submissions close, closing early has nothing left to offer (publication is on the results page).
    const later = await (await editionLoader(args(get(`/bestuur/edities/${edition.id}`, jar), { editionId: edition.id }))).json();
    expect(later.allowed).toEqual([]);
  });

  it("edits an edition: field errors from the date rules; renames and adds categories; audited", async () => {
    const { board, jar } = await boardJar();
    const challenge = await createChallenge({ name: "Tech Challenge", description: "Techniek.", national: false }, board.id);
    await respond(() => challengeAction(args(post(`/bestuur/challenges/${challenge.id}`, goodEdition, jar), { challengeId: challenge.id })));
    const edition = await db.edition.findFirstOrThrow({ include: { categories: { orderBy: { position: "asc" } } } });
    const path = `/bestuur/edities/${edition.id}`;
    const form = {
      ...goodEdition,
      intent: "update-edition",
      "categories[0].id": edition.categories[0]!.id,
      "categories[0].name": "Vmbo BB/KB/GL",
      "categories[1].id": edition.categories[1]!.id,
      "categories[2].name": "Vmbo TL",
    };
    const bad = await respond(() => editionAction(args(post(path, { ...form, resultsPublishAt: "2027-06-01T12:00" }, jar), { editionId: edition.id })));
    expect(bad.status).toBe(400);
    expect((await bad.json()).result.error.resultsPublishAt).toEqual(["challenges:errors.dateOrder.judgingClosesAt"]);
    const ok = await respond(() => editionAction(args(post(path, form, jar), { editionId: edition.id })));
    expect(ok.status).toBe(302);
    const names = (await db.editionCategory.findMany({ where: { editionId: edition.id }, orderBy: { position: "asc" } })).map((c) => c.name);
    expect(names).toEqual(["Vmbo BB/KB/GL", "Basisschool", "Vmbo TL"]);
    expect(await db.auditLog.count({ where: { action: "edition.update", entityId: edition.id } })).toBe(1);
  });
});

describe("an edition's sponsors", () => {
  it("the board adds listed companies as sponsors (audited): the public page shows them while they stay listed", async () => {
    setClock(new Date("2026-12-01T10:00:00Z"));
    const { board, jar } = await boardJar();
    const challenge = await createChallenge({ name: "Young Solar Challenge", description: "Boten.", national: false }, board.id);
    await respond(() => challengeAction(args(post(`/bestuur/challenges/${challenge.id}`, goodEdition, jar), { challengeId: challenge.id })));
    const edition = await db.edition.findFirstOrThrow({ where: { challengeId: challenge.id } });
    const path = `/bestuur/edities/${edition.id}`;
    const send = (fields: Record<string, string>, as = jar) => respond(() => editionAction(args(post(path, fields, as), { editionId: edition.id })));
    const publicSponsors = async () =>
      (await (await publicEditionLoader(args(get(`/challenges/${challenge.slug}/2027`), { slug: challenge.slug, year: "2027" }))).json()).sponsors.map(
        (s: { name: string; label: string | null }) => [s.name, s.label],
      );
    const solar = await createCompany(db, { name: "Zonnepanelen Venlo", website: "https://zon.example" });
    const ended = await createCompany(db, { name: "Oud Bedrijf" });
    await db.company.update({ where: { id: ended.id }, data: { status: "ENDED" } });
    expect(await publicSponsors()).toEqual([]);

    expect((await send({ intent: "add-sponsor", companyId: solar.id, label: "  Hoofdsponsor\u0000 " })).status).toBe(302);
    expect(await publicSponsors()).toEqual([["Zonnepanelen Venlo", "Hoofdsponsor"]]);
    expect(await db.auditLog.count({ where: { action: "edition.sponsor-add", entityId: edition.id, actorId: board.id } })).toBe(1);

    // Twice, or a company no longer in the network: a field error in Dutch, the choice kept, nothing written.
    const twice = await send({ intent: "add-sponsor", companyId: solar.id, label: "Nog eens" });
    expect(twice.status).toBe(400);
    const body = await twice.json();
    expect(body.result.error.companyId).toEqual(["challenges:errors.sponsorTwice"]);
    expect(body.result.initialValue.label).toBe("Nog eens");
    expect((await (await send({ intent: "add-sponsor", companyId: ended.id })).json()).result.error.companyId).toEqual(["challenges:errors.sponsorUnknown"]);
    expect(await db.editionSponsor.count({ where: { editionId: edition.id } })).toBe(1);

    // The board page lists the sponsor and no longer offers the company; a sponsor whose company
    // leaves the network disappears from the public page but stays visible to the board, marked.
    let page = await (await editionLoader(args(get(path, jar), { editionId: edition.id }))).json();
    expect(page.sponsors.map((s: { name: string }) => s.name)).toEqual(["Zonnepanelen Venlo"]);
    expect(page.candidates.map((c: { name: string }) => c.name)).not.toContain("Zonnepanelen Venlo");
    await db.company.update({ where: { id: solar.id }, data: { status: "ENDED" } });
    expect(await publicSponsors()).toEqual([]);
    page = await (await editionLoader(args(get(path, jar), { editionId: edition.id }))).json();
    expect(page.sponsors).toEqual([expect.objectContaining({ name: "Zonnepanelen Venlo", listed: false })]);

    // Only the board; removing is audited; another edition's sponsor id is a 404.
    const teacher = await createUser(db);
    await assignRole(db, teacher.id, "TEACHER", { schoolId: (await createSchool(db)).id });
    const sponsor = await db.editionSponsor.findFirstOrThrow({ where: { editionId: edition.id } });
    expect((await send({ intent: "remove-sponsor", sponsorId: sponsor.id }, await signedIn(teacher.id))).status).toBe(403);
    const other = await db.edition.create({ data: { ...edition, id: undefined, year: 2029, slug: "other-2029", name: "Andere" } });
    expect((await respond(() => editionAction(args(post(`/bestuur/edities/${other.id}`, { intent: "remove-sponsor", sponsorId: sponsor.id }, jar), { editionId: other.id })))).status).toBe(404);
    expect((await send({ intent: "remove-sponsor", sponsorId: sponsor.id })).status).toBe(302);
    expect(await db.editionSponsor.count({ where: { editionId: edition.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "edition.sponsor-remove", entityId: edition.id } })).toBe(1);
  });
});
