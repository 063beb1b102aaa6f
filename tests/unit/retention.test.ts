// Retention of mail bodies and sign-in requests (issue 15, finding 6): delivered mails lose their
// body (codes, links, pupils' names) after a short period, keeping what the board needs; expired
// sign-in requests (address, IP) are deleted. Both run as recurring jobs declared in code.
import { afterEach, describe, expect, it } from "vitest";
import { purgeExpiredLoginTokens } from "~/modules/auth/login-retention.server";
import { LOGIN_TTL_MS, requestEmailLogin } from "~/modules/auth/login.server";
import "~/modules/jobs/registry.server";
import { registeredJobNames } from "~/modules/jobs/jobs.server";
import { getMailboxMessage } from "~/modules/mail/mailbox.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { purgeMailBodies } from "~/modules/mail/retention.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";
import { post } from "../support/http";

const HOUR = 3_600_000;
const t0 = new Date("2026-12-01T09:00:00Z");
afterEach(() => resetClock());

const at = (ms: number) => new Date(t0.getTime() + ms);
const row = (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id } });

describe("mail bodies", () => {
  it("are removed once delivered and past their period: sign-in after a day, other mails after a week; the metadata stays", async () => {
    setClock(t0);
    const user = await createUser(db);
    expect((await requestEmailLogin(post("/login", { email: user.email! }, undefined, { "x-vv-client-ip": "10.41.0.1" }), user.email!, "nl")).ok).toBe(true);
    const signIn = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: user.email!, template: "sign-in" } });
    const notice = await queueMail({
      to: user.email!,
      template: "notice",
      props: { subject: "Toestemming voor Ysolde", preview: "p", heading: "h", paragraphs: ["Ysolde van team Zon"] },
      locale: "nl",
      idempotencyKey: `retention-test:${user.id}`,
    });
    await db.outboxMessage.updateMany({ where: { id: { in: [signIn.id, notice.messageId] } }, data: { status: "SENT", sentAt: t0, providerId: "re_1" } });
    expect(JSON.stringify((await row(signIn.id)).props)).toMatch(/"code":"\d{6}"/);

    setClock(at(23 * HOUR));
    await purgeMailBodies();
    expect((await row(signIn.id)).bodyPurgedAt).toBeNull();

    setClock(at(25 * HOUR));
    await purgeMailBodies();
    const purged = await row(signIn.id);
    expect(purged.props).toEqual({});
    expect(purged.subject).toBe("");
    expect(purged.bodyPurgedAt).not.toBeNull();
    // What the board needs: who, which mail, when, delivered.
    expect([purged.toAddress, purged.template, purged.status, purged.providerId, purged.idempotencyKey]).toEqual([user.email, "sign-in", "SENT", "re_1", signIn.idempotencyKey]);
    expect((await row(notice.messageId)).props).toMatchObject({ subject: "Toestemming voor Ysolde" });
    // The development mailbox shows no template example text in place of a purged body.
    const shown = await getMailboxMessage(signIn.id);
    expect([shown?.text, shown?.links]).toEqual(["", []]);
    expect(shown?.html).not.toMatch(/\d{6}|Inloggen/);

    setClock(at(8 * 24 * HOUR));
    await purgeMailBodies();
    const later = await row(notice.messageId);
    expect([later.props, later.subject]).toEqual([{}, ""]);
    expect(JSON.stringify(later)).not.toContain("Ysolde");
  });
});

describe("sign-in requests", () => {
  it("are deleted a day after they expire, with the address and IP they hold", async () => {
    setClock(t0);
    const user = await createUser(db);
    await requestEmailLogin(post("/login", { email: user.email! }, undefined, { "x-vv-client-ip": "10.41.0.2" }), user.email!, "nl");
    expect(await db.loginToken.count({ where: { email: user.email! } })).toBe(1);
    setClock(at(LOGIN_TTL_MS + 23 * HOUR));
    await purgeExpiredLoginTokens();
    expect(await db.loginToken.count({ where: { email: user.email! } })).toBe(1);
    setClock(at(LOGIN_TTL_MS + 25 * HOUR));
    await purgeExpiredLoginTokens();
    expect(await db.loginToken.count({ where: { email: user.email! } })).toBe(0);
    expect(await db.loginToken.count({ where: { ip: "10.41.0.2" } })).toBe(0);
  });
});

describe("the retention jobs", () => {
  it("are declared in code, so every instance schedules them", () => {
    expect(registeredJobNames()).toEqual(expect.arrayContaining(["mail.purge-bodies", "auth.purge-login-tokens", "pupils.erase-expired"]));
  });
});
