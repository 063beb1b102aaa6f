// A company's own pages (/bedrijf/<id>/…): access per company, the profile, contacts and answers.
import { describe, expect, it } from "vitest";
import { loader as mineLoader } from "~/routes/bedrijf._index";
import { loader as layoutLoader } from "~/routes/bedrijf.$companyId";
import { action as profileAction, loader as profileLoader } from "~/routes/bedrijf.$companyId._index";
import { action as contactsAction, loader as contactsLoader } from "~/routes/bedrijf.$companyId.contactpersonen";
import { loader as invoicesLoader } from "~/routes/bedrijf.$companyId.facturen";
import { action as answerAction, loader as requestsLoader } from "~/routes/bedrijf.$companyId.verzoeken";
import { loader as summaryLoader } from "~/routes/bedrijf.$companyId.jaaroverzicht";
import { db } from "~/utils/db.server";
import { assignRole, createCompany, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

async function companyWithContact(name: string, email: string) {
  const company = await createCompany(db, { name });
  const user = await createUser(db, { name: `Contact ${name}`, email });
  await assignRole(db, user.id, "COMPANY_CONTACT", { companyId: company.id });
  await db.companyContact.create({ data: { companyId: company.id, name: user.name, email, userId: user.id, createdAt: new Date() } });
  return { company, user, jar: await signedIn(user.id) };
}

const profileFields = (overrides: Record<string, string> = {}) => ({
  intent: "profile",
  name: "Van der Linden Installatietechniek",
  sector: "Installatietechniek",
  city: "Venlo",
  website: "www.vanderlinden.example",
  billingEmail: "Facturen@VanderLinden.example",
  invoicePostcode: "5912ab",
  ...overrides,
});

describe("a company's own pages", () => {
  it("are 404 for another company's contact, on every page and action, and send strangers to sign in", async () => {
    const a = await companyWithContact("Bedrijf A", "a@a.example");
    const b = await companyWithContact("Bedrijf B", "b@b.example");
    const params = { companyId: a.company.id };
    const path = `/bedrijf/${a.company.id}`;
    for (const loader of [layoutLoader, profileLoader, contactsLoader, invoicesLoader, requestsLoader, summaryLoader]) {
      expect((await respond(() => loader(args(get(path, b.jar), params)))).status).toBe(404);
      expect((await respond(() => loader(args(get(path, a.jar), params)))).status).toBe(200);
      expect((await respond(() => loader(args(get(path), params)))).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    }
    const before = await db.company.findUniqueOrThrow({ where: { id: a.company.id } });
    expect((await respond(() => profileAction(args(post(path, profileFields({ name: "Overgenomen" }), b.jar), params)))).status).toBe(404);
    expect((await respond(() => contactsAction(args(post(path, { intent: "add", name: "X", email: "x@b.example" }, b.jar), params)))).status).toBe(404);
    expect((await db.company.findUniqueOrThrow({ where: { id: a.company.id } })).name).toBe(before.name);
    expect(await db.companyContact.count({ where: { companyId: a.company.id } })).toBe(1);
    // A nonsense id is no company either.
    expect((await respond(() => profileLoader(args(get("/bedrijf/x'--", a.jar), { companyId: "x'--" })))).status).toBe(404);
  });

  it("/bedrijf sends a contact to their company, the board to the list, others get 403", async () => {
    const a = await companyWithContact("Bedrijf C", "c@c.example");
    expect((await respond(() => mineLoader(args(get("/bedrijf", a.jar))))).headers.get("Location")).toBe(`/bedrijf/${a.company.id}`);
    const board = await createUser(db);
    await assignRole(db, board.id, "BOARD");
    const boardJar = await signedIn(board.id);
    expect((await respond(() => mineLoader(args(get("/bedrijf", boardJar))))).headers.get("Location")).toBe("/bestuur/bedrijven");
    const pupil = await createUser(db, { email: null });
    await assignRole(db, pupil.id, "PUPIL");
    const pupilJar = await signedIn(pupil.id);
    expect((await respond(() => mineLoader(args(get("/bedrijf", pupilJar))))).status).toBe(403);
  });

  it("refuses a bad website with a field error, keeps what was typed, and saves good values normalised", async () => {
    const a = await companyWithContact("Bedrijf D", "d@d.example");
    const params = { companyId: a.company.id };
    const path = `/bedrijf/${a.company.id}`;
    const bad = await respond(() => profileAction(args(post(path, profileFields({ website: "niet een website" }), a.jar), params)));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.website).toEqual(["network:errors.website"]);
    expect(body.initialValue.city).toBe("Venlo");
    expect((await db.company.findUniqueOrThrow({ where: { id: a.company.id } })).name).toBe("Bedrijf D");

    const ok = await respond(() => profileAction(args(post(path, profileFields({ description: "Wij\u0000 installeren" }), a.jar), params)));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Set-Cookie")).toMatch(/vv_toast=/);
    const saved = await db.company.findUniqueOrThrow({ where: { id: a.company.id } });
    expect(saved).toMatchObject({
      name: "Van der Linden Installatietechniek",
      website: "https://www.vanderlinden.example",
      billingEmail: "facturen@vanderlinden.example",
      invoicePostcode: "5912 AB",
      description: "Wij installeren",
      vatNumber: null,
    });
    expect(await db.auditLog.count({ where: { entityId: a.company.id, action: "company.profile.update" } })).toBe(1);
  });

  it("adds a colleague with an invitation, and never removes the last contact", async () => {
    const a = await companyWithContact("Bedrijf E", "e@e.example");
    const params = { companyId: a.company.id };
    const path = `/bedrijf/${a.company.id}/contactpersonen`;
    const me = await db.companyContact.findFirstOrThrow({ where: { companyId: a.company.id } });

    const last = await respond(() => contactsAction(args(post(path, { intent: "remove", contactId: me.id }, a.jar), params)));
    expect(last.status).toBe(400);
    expect((await last.json()).result.error[""]).toEqual(["network:contacts.lastContact"]);
    expect((await db.companyContact.findUniqueOrThrow({ where: { id: me.id } })).removedAt).toBeNull();

    const added = await respond(() =>
      contactsAction(args(post(path, { intent: "add", name: "Sanne Peeters", email: "Sanne@E.example", jobTitle: "Planner" }, a.jar), params)),
    );
    expect(added.status).toBe(302);
    const colleague = await db.companyContact.findFirstOrThrow({ where: { companyId: a.company.id, email: "sanne@e.example" } });
    expect(colleague.jobTitle).toBe("Planner");
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: "sanne@e.example" } });
    expect(invitation).toMatchObject({ role: "COMPANY_CONTACT", companyId: a.company.id });
    expect(await db.outboxMessage.count({ where: { toAddress: "sanne@e.example", template: "invitation" } })).toBe(1);

    const twice = await respond(() => contactsAction(args(post(path, { intent: "add", name: "Sanne", email: "sanne@e.example" }, a.jar), params)));
    expect(twice.status).toBe(400);
    expect((await twice.json()).result.error.email).toEqual(["network:errors.contactExists"]);

    const page = await (await contactsLoader(args(get(path, a.jar), params))).json();
    expect(page.contacts.map((c: { email: string; signedIn: boolean }) => [c.email, c.signedIn])).toEqual([
      ["e@e.example", true],
      ["sanne@e.example", false],
    ]);

    // Removing oneself: the contact row, the role and access go; the colleague stays.
    const removed = await respond(() => contactsAction(args(post(path, { intent: "remove", contactId: me.id }, a.jar), params)));
    expect(removed.status).toBe(302);
    expect(removed.headers.get("Location")).toBe("/dashboard");
    expect(await db.roleAssignment.count({ where: { userId: a.user.id, role: "COMPANY_CONTACT" } })).toBe(0);
    expect((await respond(() => contactsLoader(args(get(path, a.jar), params)))).status).toBe(404);
    // The invitation of a removed colleague stops working too.
    const board = await createUser(db);
    await assignRole(db, board.id, "BOARD");
    const boardJar = await signedIn(board.id);
    const again = await respond(() => contactsAction(args(post(path, { intent: "remove", contactId: colleague.id }, boardJar), params)));
    expect(again.status).toBe(400);
  });

  it("lets a contact answer an open request once, and tells the asker", async () => {
    const a = await companyWithContact("Bedrijf F", "f@f.example");
    const teacher = await createUser(db, { name: "Docent", email: "docent@school.example", locale: "en" });
    const open = await db.companyRequest.create({
      data: { companyId: a.company.id, kind: "VISIT", subject: "Bezoek klas 3", askedById: teacher.id, askedByName: "Docent", askedAt: new Date() },
    });
    const params = { companyId: a.company.id };
    const path = `/bedrijf/${a.company.id}/verzoeken`;
    const missing = await respond(() => answerAction(args(post(path, { intent: "answer", requestId: open.id }, a.jar), params)));
    expect(missing.status).toBe(400);
    const yes = await respond(() => answerAction(args(post(path, { intent: "answer", requestId: open.id, answer: "YES", text: "In maart" }, a.jar), params)));
    expect(yes.status).toBe(302);
    expect(await db.companyRequest.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: "YES", answer: "In maart", answeredById: a.user.id });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: "docent@school.example" } });
    expect(mail.locale).toBe("en");
    expect(mail.subject).toBe("Bedrijf F answered: Yes");
    const late = await respond(() => answerAction(args(post(path, { intent: "answer", requestId: open.id, answer: "NO" }, a.jar), params)));
    expect(late.status).toBe(400);
    expect((await db.companyRequest.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("YES");
  });
});
