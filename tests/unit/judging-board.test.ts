// Judging, first slice (issue 17): the board's scoring form (field-level validation, values kept),
// the lock when judging opens and the logged override, the tenant (edition) in every write, and
// the jury: an invitation through the existing invitations and outbox whose acceptance grants a
// JUROR role scoped to that edition only.
import { parseWithZod } from "@conform-to/zod/v4";
import { afterEach, describe, expect, it } from "vitest";
import { SaveCriterionSchema } from "~/modules/judging/board-judging.schema";
import { action as judgingAction, loader as judgingLoader } from "~/routes/bestuur.edities.$editionId.jurering";
import { action as invitationAction } from "~/routes/invitation.$token";
import { loader as juryLoader } from "~/routes/jury._index";
import { resetClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createUser } from "../../prisma/factories";
import { args, CookieJar, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

const DAY = 86_400_000;
let n = 0;

/** An edition whose judging opens in `judgingInDays` days (negative: it has opened). */
async function edition(name: string, judgingInDays = 30) {
  const at = new Date();
  const day = (d: number) => new Date(at.getTime() + (judgingInDays + d) * DAY);
  const challenge = await db.challenge.create({ data: { slug: `judging-${n++}-${Date.now()}`, name: `Challenge ${name}`, description: "Test", createdAt: at, updatedAt: at } });
  return db.edition.create({
    data: {
      challengeId: challenge.id, year: 2030, name, slug: `${challenge.slug}-2030`,
      registrationOpensAt: day(-60), registrationClosesAt: day(-30), submissionDeadline: day(-5), judgingOpensAt: day(0), judgingClosesAt: day(10), resultsPublishAt: day(15),
      createdAt: at, updatedAt: at, categories: { create: [{ name: "Vmbo", position: 0 }] },
    },
  });
}

async function boardJar() {
  const board = await createUser(db, { name: "Annemiek Gielen", email: `bestuur-${n++}@test.example` });
  await assignRole(db, board.id, "BOARD");
  return { board, jar: await signedIn(board.id) };
}

const criterion = (formId: string, extra: Record<string, string> = {}) => ({
  intent: "save-criterion",
  formId,
  name: "Werking van de robot",
  description: "Doet de robot wat hij moet doen?",
  weight: "3",
  counted: "on",
  "levels[0].value": "1",
  "levels[0].text": "Werkt niet",
  "levels[1].value": "2",
  "levels[1].text": "Werkt",
  ...extra,
});

const page = (editionId: string) => `/bestuur/edities/${editionId}/jurering`;
const postTo = (editionId: string, fields: Record<string, string>, jar: CookieJar) =>
  respond(() => judgingAction(args(post(page(editionId), fields, jar), { editionId })));

afterEach(() => resetClock());

describe("the scoring form's input rules", () => {
  const parse = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const result = parseWithZod(form, { schema: SaveCriterionSchema });
    return result.status === "success" ? {} : (result.reply().error ?? {});
  };

  it("accepts a criterion with a weight of 1–10 and two or more levels with distinct values", () => {
    expect(parse(criterion("form1"))).toEqual({});
    expect(parse(criterion("form1", { weight: "10", "levels[2].value": "0", "levels[2].text": "Niets" }))).toEqual({});
  });

  it("names the field of each problem", () => {
    for (const weight of ["0", "11", "1.5", "drie", ""]) expect(parse(criterion("form1", { weight })).weight).toEqual(["judging:errors.weight"]);
    expect(parse(criterion("form1", { name: "   " })).name).toEqual(["judging:errors.criterionName"]);
    expect(parse(criterion("form1", { "levels[1].value": "1" }))["levels[1].value"]).toEqual(["judging:errors.levelUnique"]);
    expect(parse(criterion("form1", { "levels[1].value": "101" }))["levels[1].value"]).toEqual(["judging:errors.levelValue"]);
    expect(parse(criterion("form1", { "levels[0].text": "" }))["levels[0].text"]).toEqual(["judging:errors.levelText"]);
    const one = criterion("form1");
    delete (one as Record<string, string>)["levels[1].value"];
    delete (one as Record<string, string>)["levels[1].text"];
    expect(parse(one).levels).toEqual(["judging:errors.levelsMin"]);
  });
});

describe("the board's judging page", () => {
  it("builds a form with criteria and levels (audited) and shows it; refused input keeps what was typed, with no write", async () => {
    const { board, jar } = await boardJar();
    const e = await edition("Robotica 2030");
    expect((await postTo(e.id, { intent: "add-form" }, jar)).status).toBe(302);
    const form = await db.scoringForm.findFirstOrThrow({ where: { editionId: e.id } });
    expect(form.categoryId).toBeNull();

    const saved = await postTo(e.id, criterion(form.id, { counted: "" }), jar);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(page(e.id));
    const c = await db.scoringCriterion.findFirstOrThrow({ where: { formId: form.id }, include: { levels: { orderBy: { value: "asc" } } } });
    expect([c.name, c.weight, c.counted, c.levels.map((l) => [l.value, l.text])]).toEqual(["Werking van de robot", 3, false, [[1, "Werkt niet"], [2, "Werkt"]]]);
    expect(await db.auditLog.count({ where: { action: "judging.criterion.create", entityId: c.id, actorId: board.id } })).toBe(1);

    const refused = await postTo(e.id, criterion(form.id, { name: "Uitleg", weight: "12" }), jar);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { form: string; result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
    expect(body.result.error.weight).toEqual(["judging:errors.weight"]);
    expect(body.result.initialValue.name).toBe("Uitleg");
    expect(await db.scoringCriterion.count({ where: { formId: form.id } })).toBe(1);

    const taken = await postTo(e.id, criterion(form.id, { name: "werking van de robot" }), jar);
    expect(taken.status).toBe(400);
    expect(((await taken.json()) as { result: { error: Record<string, string[]> } }).result.error.name).toEqual(["judging:errors.criterionNameTaken"]);

    const shown = await respond(() => judgingLoader(args(get(page(e.id), jar), { editionId: e.id })));
    const data = (await shown.json()) as { locked: boolean; forms: Array<{ criteria: Array<{ name: string }> }> };
    expect(data.locked).toBe(false);
    expect(data.forms[0]!.criteria.map((x) => x.name)).toEqual(["Werking van de robot"]);
  });

  it("refuses edits once judging has opened, unless the board gives a reason: then logged and shown", async () => {
    const { board, jar } = await boardJar();
    const e = await edition("Junior 2030", -1);
    const form = await db.scoringForm.create({ data: { editionId: e.id, scopeKey: "edition", createdAt: new Date(), updatedAt: new Date() } });
    const without = await postTo(e.id, criterion(form.id), jar);
    expect(without.status).toBe(400);
    expect(((await without.json()) as { result: { error: Record<string, string[]> } }).result.error.overrideReason).toEqual(["judging:errors.lockedReason"]);
    expect(await db.scoringCriterion.count({ where: { formId: form.id } })).toBe(0);
    expect(await db.judgingOverride.count({ where: { editionId: e.id } })).toBe(0);

    const withReason = await postTo(e.id, criterion(form.id, { overrideReason: "Criterium vergeten; de jury is ingelicht" }), jar);
    expect(withReason.status).toBe(302);
    const override = await db.judgingOverride.findFirstOrThrow({ where: { editionId: e.id } });
    expect([override.reason, override.actorId, override.subject]).toEqual(["Criterium vergeten; de jury is ingelicht", board.id, "FORM"]);
    expect(await db.auditLog.count({ where: { action: "judging.form.override", entityId: form.id } })).toBe(1);
    const data = (await (await respond(() => judgingLoader(args(get(page(e.id), jar), { editionId: e.id })))).json()) as { locked: boolean; overrides: Array<{ reason: string }> };
    expect(data.locked).toBe(true);
    expect(data.overrides.map((o) => o.reason)).toEqual(["Criterium vergeten; de jury is ingelicht"]);
  });

  it("acts only on objects of the edition in the URL: another edition's form, criterion or juror is a 404", async () => {
    const { jar } = await boardJar();
    const a = await edition("Editie A");
    const b = await edition("Editie B");
    const formB = await db.scoringForm.create({ data: { editionId: b.id, scopeKey: "edition", createdAt: new Date(), updatedAt: new Date() } });
    const critB = await db.scoringCriterion.create({ data: { formId: formB.id, name: "B", weight: 1, position: 0, createdAt: new Date() } });
    const memberB = await db.juryMember.create({ data: { editionId: b.id, email: "b@test.example", name: "B", createdAt: new Date() } });
    expect((await postTo(a.id, criterion(formB.id), jar)).status).toBe(404);
    expect((await postTo(a.id, { intent: "remove-criterion", criterionId: critB.id }, jar)).status).toBe(404);
    expect((await postTo(a.id, { intent: "remove-form", formId: formB.id }, jar)).status).toBe(404);
    expect((await postTo(a.id, { intent: "remove-juror", memberId: memberB.id }, jar)).status).toBe(404);
    expect(await db.scoringCriterion.count({ where: { id: critB.id } })).toBe(1);
    expect((await db.juryMember.findUniqueOrThrow({ where: { id: memberB.id } })).removedAt).toBeNull();
  });
});

describe("the jury", () => {
  it("invites through the invitations and the outbox; accepting grants a JUROR role for that edition only", async () => {
    const { board, jar } = await boardJar();
    const a = await edition("Robotica A");
    const b = await edition("Robotica B");
    const email = `sanne-${n++}@test.example`;
    const res = await postTo(a.id, { intent: "invite-juror", name: "Sanne Verheijen", email: ` ${email.toUpperCase()} ` }, jar);
    expect(res.status).toBe(302);
    const member = await db.juryMember.findFirstOrThrow({ where: { editionId: a.id, email }, include: { invitation: true } });
    expect([member.invitation?.role, member.invitation?.editionId, member.userId]).toEqual(["JUROR", a.id, null]);
    expect(await db.auditLog.count({ where: { action: "judging.juror.invite", entityId: member.id, actorId: board.id } })).toBe(1);
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invitation:${member.invitationId}` } });
    expect(mail.toAddress).toBe(email);

    // The same address twice on one jury: a field error.
    const again = await postTo(a.id, { intent: "invite-juror", name: "Sanne", email }, jar);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { result: { error: Record<string, string[]> } }).result.error.email).toEqual(["judging:errors.alreadyJuror"]);

    const token = String((mail.props as Record<string, string>).acceptUrl).split("/").pop()!;
    const accepted = await respond(() => invitationAction(args(post(`/invitation/${token}`, {}), { token })));
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/jury");
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { roles: true } });
    expect(user.roles.map((r) => [r.role, r.editionId, r.companyId, r.schoolId])).toEqual([["JUROR", a.id, null, null]]);
    expect((await db.juryMember.findUniqueOrThrow({ where: { id: member.id } })).userId).toBe(user.id);

    const jurorJar = new CookieJar();
    jurorJar.apply(accepted);
    const list = (await (await respond(() => juryLoader(args(get("/jury", jurorJar))))).json()) as { editions: Array<{ id: string; name: string; phase: string }> };
    expect(list.editions.map((x) => x.name)).toEqual(["Robotica A"]);
    // Edition B's board page (and A's): a juror is not the board.
    expect((await respond(() => judgingLoader(args(get(page(b.id), jurorJar), { editionId: b.id })))).status).toBe(403);
    expect((await respond(() => judgingAction(args(post(page(b.id), { intent: "invite-juror", name: "X", email: "x@test.example" }, jurorJar), { editionId: b.id })))).status).toBe(403);
    expect(await db.juryMember.count({ where: { editionId: b.id } })).toBe(0);
  });

  it("a juror removed before accepting gets no role; removing an accepted juror takes the edition's role away", async () => {
    const { jar } = await boardJar();
    const a = await edition("Tech A");
    const email = `ton-${n++}@test.example`;
    await postTo(a.id, { intent: "invite-juror", name: "Ton Hendrix", email }, jar);
    const member = await db.juryMember.findFirstOrThrow({ where: { editionId: a.id, email } });
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invitation:${member.invitationId}` } });
    const token = String((mail.props as Record<string, string>).acceptUrl).split("/").pop()!;
    expect((await postTo(a.id, { intent: "remove-juror", memberId: member.id }, jar)).status).toBe(302);
    expect((await respond(() => invitationAction(args(post(`/invitation/${token}`, {}), { token })))).status).toBe(400);
    expect(await db.roleAssignment.count({ where: { role: "JUROR", editionId: a.id } })).toBe(0);

    // Invited again and accepted, then removed: the role goes with the place on the jury.
    await postTo(a.id, { intent: "invite-juror", name: "Ton Hendrix", email }, jar);
    const second = await db.juryMember.findFirstOrThrow({ where: { editionId: a.id, email, removedAt: null } });
    const secondMail = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `invitation:${second.invitationId}` } });
    const secondToken = String((secondMail.props as Record<string, string>).acceptUrl).split("/").pop()!;
    const accepted = await respond(() => invitationAction(args(post(`/invitation/${secondToken}`, {}), { token: secondToken })));
    expect(accepted.status).toBe(302);
    expect(await db.roleAssignment.count({ where: { role: "JUROR", editionId: a.id } })).toBe(1);
    expect((await postTo(a.id, { intent: "remove-juror", memberId: second.id }, jar)).status).toBe(302);
    expect(await db.roleAssignment.count({ where: { role: "JUROR", editionId: a.id } })).toBe(0);
    const jurorJar = new CookieJar();
    jurorJar.apply(accepted);
    expect((await respond(() => juryLoader(args(get("/jury", jurorJar))))).status).toBe(403);
  });
});
