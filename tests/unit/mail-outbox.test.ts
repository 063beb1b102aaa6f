import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backoffMs, drainJobs, enqueue, runDueJobs } from "~/modules/jobs/jobs.server";
import { extractLinks } from "~/modules/mail/mailbox.server";
import {
  isMailSimulated,
  MAIL_DELIVER_JOB,
  MAIL_MAX_ATTEMPTS,
  queueMail,
  renderMail,
  setMailSendTimeout,
} from "~/modules/mail/outbox.server";
import { loader as mailboxLoader } from "~/routes/dev.mailbox._index";
import { loader as mailboxMessageLoader } from "~/routes/dev.mailbox.$messageId";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { resetEnv } from "~/utils/env.server";
import mailEn from "~/i18n/locales/en/mail.json";
import mailNl from "~/i18n/locales/nl/mail.json";
import { createResendFake, RESEND_TEST_BASE_URL } from "../mocks/resend";

const t0 = new Date("2026-10-05T07:30:00Z");
const fake = createResendFake();
const server = setupServer(...fake.handlers);
const envNames = ["SESSION_SECRET", "RESEND_BASE_URL", "RESEND_API_KEY"] as const;
let saved: Partial<Record<(typeof envNames)[number], string>> = {};

const signIn = (key: string, locale: "nl" | "en" = "nl") =>
  ({
    to: "pieter@bouwbedrijf.example",
    template: "sign-in",
    props: { email: "pieter@bouwbedrijf.example", code: "731904", confirmUrl: `http://localhost:3000/login/confirm/tok-${key}` },
    locale,
    idempotencyKey: key,
  }) as const;

function useResendKey(key: string | undefined) {
  if (key) process.env.RESEND_API_KEY = key;
  else delete process.env.RESEND_API_KEY;
  resetEnv();
}

const message = (id: string) => db.outboxMessage.findUniqueOrThrow({ where: { id } });
const deliverJob = (key: string) => db.job.findUniqueOrThrow({ where: { uniqueKey: `mail:${key}` } });

beforeAll(() => {
  saved = Object.fromEntries(envNames.map((name) => [name, process.env[name]]));
  server.listen({ onUnhandledRequest: "error" });
});
afterAll(() => server.close());

beforeEach(async () => {
  // getEnv() validates everything; the test database URL needs a session secret beside it.
  process.env.SESSION_SECRET ??= "mail-outbox-test-secret-0123456789abcdef";
  process.env.RESEND_BASE_URL = RESEND_TEST_BASE_URL;
  useResendKey("re_test_key");
  setClock(t0);
  await db.job.deleteMany();
  await db.outboxMessage.deleteMany();
});

afterEach(() => {
  fake.reset();
  setMailSendTimeout();
  for (const name of envNames) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  resetEnv();
});

describe("queueMail with a Resend key", () => {
  it("queues the message with a delivery job, delivers it once and marks it SENT", async () => {
    const { messageId, created } = await queueMail(signIn("k-basic"));
    expect(created).toBe(true);
    let msg = await message(messageId);
    expect(msg).toMatchObject({ status: "QUEUED", attempts: 0, toAddress: "pieter@bouwbedrijf.example", locale: "nl" });
    expect(msg.subject).toBe("Inloggen bij Vrienden van het Maasdal College");
    expect(msg.createdAt).toEqual(t0);
    expect(msg.props).not.toHaveProperty("locale");
    const job = await deliverJob("k-basic");
    expect(job).toMatchObject({ name: MAIL_DELIVER_JOB, status: "PENDING", payload: { messageId } });

    expect(await drainJobs()).toBe(1);
    msg = await message(messageId);
    expect(msg).toMatchObject({ status: "SENT", providerId: "fake-email-1", attempts: 1, lastError: null });
    expect(msg.sentAt).toEqual(t0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.idempotencyKey).toBe("k-basic");
    expect(fake.requests[0]!.authorization).toBe("Bearer re_test_key");
    expect(fake.delivered).toHaveLength(1);
    const sent = fake.delivered[0]!;
    expect(sent.to).toBe("pieter@bouwbedrijf.example");
    expect(sent.from).toContain("Vrienden van het Maasdal College");
    expect(sent.subject).toBe(msg.subject);
    expect(sent.html).toContain("731904");
    expect(sent.html).toContain("http://localhost:3000/login/confirm/tok-k-basic");
    expect(sent.text).toContain("731904");
    expect((await deliverJob("k-basic")).status).toBe("DONE");

    // Nothing is sent again, whatever runs later.
    setClock(new Date(t0.getTime() + 86_400_000));
    expect(await drainJobs()).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it("ignores a second call with the same idempotency key: one message, one job", async () => {
    const first = await queueMail(signIn("k-dup"));
    const second = await queueMail({ ...signIn("k-dup"), props: { ...signIn("k-dup").props, code: "000000" } });
    expect(second).toEqual({ messageId: first.messageId, created: false });
    // Also inside a transaction: a duplicate must not abort it.
    await db.$transaction(async (tx) => {
      const third = await queueMail(signIn("k-dup"), tx);
      expect(third.created).toBe(false);
      await tx.auditLog.create({ data: { at: t0, actorId: null, action: "test.after-duplicate", entityType: "test" } });
    });
    expect(await db.auditLog.count({ where: { action: "test.after-duplicate" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { idempotencyKey: "k-dup" } })).toBe(1);
    expect(await db.job.count({ where: { name: MAIL_DELIVER_JOB } })).toBe(1);
    expect((await message(first.messageId)).props).toMatchObject({ code: "731904" });

    await drainJobs();
    expect(fake.delivered).toHaveLength(1);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(signIn("k-rollback"), tx);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxMessage.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
  });

  it("refuses an invalid address", async () => {
    await expect(queueMail({ ...signIn("k-bad"), to: "not-an-address" })).rejects.toThrow();
    expect(await db.outboxMessage.count()).toBe(0);
  });

  for (const status of [500, 429] as const) {
    it(`retries after Resend answers ${status} and delivers exactly once`, async () => {
      const key = `k-${status}`;
      fake.failNext(status);
      const { messageId } = await queueMail(signIn(key));

      expect(await drainJobs()).toBe(1);
      let msg = await message(messageId);
      expect(msg.status).toBe("QUEUED");
      expect(msg.attempts).toBe(1);
      expect(msg.lastError).toContain(String(status));
      let job = await deliverJob(key);
      expect(job.status).toBe("PENDING");
      expect(job.runAt).toEqual(new Date(t0.getTime() + backoffMs(1)));
      expect(fake.requests).toHaveLength(1);
      expect(fake.delivered).toHaveLength(0);

      // Not due yet: no second request.
      setClock(new Date(t0.getTime() + backoffMs(1) - 1000));
      expect(await runDueJobs()).toBe(0);
      expect(fake.requests).toHaveLength(1);

      setClock(new Date(t0.getTime() + backoffMs(1)));
      expect(await drainJobs()).toBe(1);
      msg = await message(messageId);
      expect(msg).toMatchObject({ status: "SENT", attempts: 2, lastError: null, providerId: fake.delivered[0]?.id });
      expect(msg.sentAt).toEqual(new Date(t0.getTime() + backoffMs(1)));
      job = await deliverJob(key);
      expect(job.status).toBe("DONE");
      expect(fake.requests.map((r) => r.idempotencyKey)).toEqual([key, key]);
      expect(fake.delivered).toHaveLength(1);

      setClock(new Date(t0.getTime() + 86_400_000));
      expect(await drainJobs()).toBe(0);
      expect(fake.requests).toHaveLength(2);
    });
  }

  it("gives up on a request that hangs, retries, and delivers exactly once", async () => {
    setMailSendTimeout(300);
    fake.failNext("hang");
    const { messageId } = await queueMail(signIn("k-hang"));

    const started = performance.now();
    expect(await drainJobs()).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
    let msg = await message(messageId);
    expect(msg.status).toBe("QUEUED");
    expect(msg.lastError).toMatch(/did not answer within 300 ms/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.delivered).toHaveLength(0);

    setClock(new Date(t0.getTime() + backoffMs(1)));
    expect(await drainJobs()).toBe(1);
    msg = await message(messageId);
    expect(msg).toMatchObject({ status: "SENT", attempts: 2 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
  });

  it("marks the message FAILED after the last attempt", async () => {
    fake.failNext(...Array<500>(MAIL_MAX_ATTEMPTS).fill(500));
    const { messageId } = await queueMail(signIn("k-fail"));
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      expect(await drainJobs()).toBe(1);
      const job = await deliverJob("k-fail");
      expect((await message(messageId)).status).toBe(attempt < MAIL_MAX_ATTEMPTS ? "QUEUED" : "FAILED");
      setClock(job.runAt);
    }
    const msg = await message(messageId);
    expect(msg).toMatchObject({ status: "FAILED", attempts: MAIL_MAX_ATTEMPTS, sentAt: null });
    expect(msg.lastError).toContain("500");
    expect((await deliverJob("k-fail")).status).toBe("FAILED");
    expect(fake.requests).toHaveLength(MAIL_MAX_ATTEMPTS);
    expect(fake.delivered).toHaveLength(0);
  });

  it("never sends a message that is already SENT, even if a job for it runs again", async () => {
    const { messageId } = await queueMail(signIn("k-once"));
    await drainJobs();
    expect(fake.requests).toHaveLength(1);
    await enqueue(MAIL_DELIVER_JOB, { messageId }, { uniqueKey: "mail:k-once:again" });
    expect(await drainJobs()).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect((await message(messageId)).attempts).toBe(1);
  });
});

describe("without a Resend key", () => {
  it("keeps the message QUEUED in the outbox: no job, no request", async () => {
    useResendKey(undefined);
    expect(isMailSimulated()).toBe(true);
    const { messageId, created } = await queueMail(signIn("k-sim"));
    expect(created).toBe(true);
    expect(await db.job.count()).toBe(0);
    expect(await drainJobs()).toBe(0);
    setClock(new Date(t0.getTime() + 86_400_000));
    expect(await drainJobs()).toBe(0);
    expect((await message(messageId)).status).toBe("QUEUED");
    expect(fake.requests).toHaveLength(0);
  });

  it("reports mail as really sent when a key is set", () => {
    expect(isMailSimulated()).toBe(false);
  });
});

describe("templates", () => {
  for (const [locale, expected] of [
    ["nl", { subject: "Inloggen bij", expiry: "verlopen na 15 minuten", ignore: "negeren", browser: "browservenster" }],
    ["en", { subject: "Sign in to", expiry: "expire after 15 minutes", ignore: "ignore this e-mail", browser: "browser window" }],
  ] as const) {
    it(`renders the sign-in mail in ${locale} with the code and the link`, async () => {
      const { messageId } = await queueMail(signIn(`k-render-${locale}`, locale));
      const mail = await renderMail(await message(messageId));
      const link = `http://localhost:3000/login/confirm/tok-k-render-${locale}`;
      expect(mail.subject).toContain(expected.subject);
      expect(mail.html).toContain(`lang="${locale}"`);
      expect(mail.html).toContain("731904");
      expect(mail.html).toContain(`href="${link}"`);
      expect(mail.html).not.toContain("<!-- -->");
      for (const part of [expected.expiry, expected.ignore, expected.browser]) expect(mail.html).toContain(part);
      expect(mail.text).toContain("731904");
      expect(mail.text).toContain(link);
      expect(mail.text).not.toContain("<");
    });
  }

  it("renders the invitation with and without an organisation", async () => {
    const base = { inviterName: "Marieke de Vries", roleLabel: "jurylid", acceptUrl: "http://localhost:3000/invitation/abc" };
    const withOrg = await queueMail({
      to: "a@school.example",
      template: "invitation",
      props: { ...base, organisationName: "Maasdal College" },
      locale: "nl",
      idempotencyKey: "k-inv-1",
    });
    const without = await queueMail({
      to: "b@school.example",
      template: "invitation",
      props: { ...base, roleLabel: "juror" },
      locale: "en",
      idempotencyKey: "k-inv-2",
    });
    const nl = await renderMail(await message(withOrg.messageId));
    const en = await renderMail(await message(without.messageId));
    expect(nl.subject).toBe("Marieke de Vries nodigt u uit als jurylid van Maasdal College");
    expect(en.subject).toBe("Marieke de Vries invites you as juror");
    expect(nl.html).toContain('href="http://localhost:3000/invitation/abc"');
    expect(en.text).toContain("http://localhost:3000/invitation/abc");
    expect(nl.html).not.toContain("<!-- -->");
  });

  it("lists the links of a mail once each, with their text", () => {
    const html = '<a href="https://x.example/a?b=1&amp;c=2"><!--[if mso]><i>x</i><![endif]--><span>Open&#8203;</span></a> <a href="https://x.example/a?b=1&amp;c=2">again</a> <a href="mailto:x@y">m</a>';
    expect(extractLinks(html)).toEqual([{ href: "https://x.example/a?b=1&c=2", label: "Open" }]);
  });
});

describe("mailbox texts", () => {
  it("has the same keys in Dutch and English", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(mailNl).sort()).toEqual(keys(mailEn).sort());
  });
});

describe("development mailbox", () => {
  const args = (url: string, params: Record<string, string> = {}) => ({ request: new Request(url), params, context: {} });

  it("lists messages newest first and shows one rendered, with its links", async () => {
    useResendKey(undefined);
    const older = await queueMail(signIn("k-box-1"));
    setClock(new Date(t0.getTime() + 60_000));
    const newer = await queueMail(signIn("k-box-2", "en"));

    const list = await (await mailboxLoader(args("http://localhost/dev/mailbox"))).json();
    expect(list.messages.map((m) => m.id)).toEqual([newer.messageId, older.messageId]);
    // 07:31 UTC is 09:31 in Amsterdam (summer time on 5 October).
    expect(list.messages[0]!.time).toContain("09:31");
    expect(list.messages[0]!.status).toBe("QUEUED");

    const res = await mailboxMessageLoader(args(`http://localhost/dev/mailbox/${older.messageId}`, { messageId: older.messageId }));
    const { message: shown } = await res.json();
    expect(shown.html).toContain("731904");
    expect(shown.html).toContain('<base target="_blank">');
    expect(shown.text).toContain("731904");
    expect(shown.links.map((l) => l.href)).toContain("http://localhost:3000/login/confirm/tok-k-box-1");
  });

  it("answers 404 for an unknown message", async () => {
    useResendKey(undefined);
    const thrown = await mailboxMessageLoader(args("http://localhost/dev/mailbox/nope", { messageId: "nope" })).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("does not exist when a Resend key is set", async () => {
    useResendKey("re_live_key");
    const { messageId } = await queueMail(signIn("k-box-key"));
    for (const run of [
      () => mailboxLoader(args("http://localhost/dev/mailbox")),
      () => mailboxMessageLoader(args(`http://localhost/dev/mailbox/${messageId}`, { messageId })),
    ]) {
      const thrown = await run().catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
    }
  });
});
