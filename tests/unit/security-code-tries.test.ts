// Issue 15, finding 2: the tries of a sign-in code are taken atomically (parallel guesses cannot
// all be compared), and an account gets a daily cap with a mail to the person when it trips.
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_CODE_TRIES, MAX_CODE_TRIES_PER_DAY, requestEmailLogin, signInWithCode } from "~/modules/auth/login.server";
import { resetClock, setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";
import { CookieJar, post } from "../support/http";

// Counts every comparison of a typed code with the stored one.
const compared = vi.hoisted(() => ({ count: 0 }));
vi.mock("~/utils/crypto.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/utils/crypto.server")>();
  return {
    ...original,
    safeEqual: (a: string, b: string) => {
      compared.count += 1;
      return original.safeEqual(a, b);
    },
  };
});

afterEach(() => resetClock());

let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

async function askForLogin(email: string) {
  const jar = new CookieJar();
  const result = await requestEmailLogin(post("/login", { email }, jar, { "x-vv-client-ip": freshIp() }), email, "nl");
  if (!result.ok) throw new Error("rate limited");
  jar.apply(new Response(null, { headers: { "Set-Cookie": result.setCookie } }));
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: email, template: "sign-in" }, orderBy: { createdAt: "desc" } });
  return { jar, code: (mail.props as { code: string }).code };
}

const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");
// Each guess from its own address, so only the code's own limit can stop them.
const guess = (jar: CookieJar, code: string) => signInWithCode(post("/login/code", { code }, jar, { "x-vv-client-ip": freshIp() }), code);

describe("sign-in code tries", () => {
  it("50 concurrent wrong guesses: at most 5 are compared, and the right code is refused after", async () => {
    setClock(new Date("2026-12-07T09:00:00Z"));
    await createUser(db, { email: "race@maasbouw.example" });
    const { jar, code } = await askForLogin("race@maasbouw.example");
    compared.count = 0;
    const results = await Promise.all(Array.from({ length: 50 }, () => guess(jar, wrongFor(code))));
    expect(compared.count).toBeLessThanOrEqual(MAX_CODE_TRIES);
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(MAX_CODE_TRIES);
    expect(results.filter((r) => !r.ok && r.reason === "too-many-tries").length).toBeGreaterThanOrEqual(50 - MAX_CODE_TRIES);
    const right = await guess(jar, code);
    expect(right).toMatchObject({ ok: false, reason: "too-many-tries" });
    expect(await db.session.count({ where: { user: { email: "race@maasbouw.example" } } })).toBe(0);
  });

  it("caps the tries per account over a day and mails the person once when it trips", async () => {
    setClock(new Date("2026-12-07T09:00:00Z"));
    await createUser(db, { email: "daycap@maasbouw.example", locale: "en" });
    // New sign-in requests give new codes with 5 tries each; the account's allowance is shared.
    let tries = 0;
    while (tries < MAX_CODE_TRIES_PER_DAY) {
      const { jar, code } = await askForLogin("daycap@maasbouw.example");
      for (let i = 0; i < MAX_CODE_TRIES && tries < MAX_CODE_TRIES_PER_DAY; i++, tries++) await guess(jar, wrongFor(code));
    }
    const { jar, code } = await askForLogin("daycap@maasbouw.example");
    compared.count = 0;
    const refused = await guess(jar, code);
    expect(refused).toMatchObject({ ok: false, reason: "account-locked" });
    expect(compared.count).toBe(0);
    await guess(jar, code);
    const mails = await db.outboxMessage.findMany({ where: { toAddress: "daycap@maasbouw.example", template: "notice" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Too many wrong sign-in codes for your account");
    // The next day the right code works again.
    setClock(new Date("2026-12-08T09:00:00Z"));
    const next = await askForLogin("daycap@maasbouw.example");
    expect(await guess(next.jar, next.code)).toMatchObject({ ok: true });
  });

  it("the mail is in Dutch for a Dutch account", async () => {
    setClock(new Date("2026-12-07T09:00:00Z"));
    await createUser(db, { email: "dagcap@maasbouw.example", locale: "nl" });
    for (let round = 0; round * MAX_CODE_TRIES <= MAX_CODE_TRIES_PER_DAY; round++) {
      const { jar, code } = await askForLogin("dagcap@maasbouw.example");
      for (let i = 0; i < MAX_CODE_TRIES; i++) await guess(jar, wrongFor(code));
    }
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: "dagcap@maasbouw.example", template: "notice" } });
    expect(mail.subject).toBe("Te vaak een verkeerde inlogcode voor uw account");
  });
});
