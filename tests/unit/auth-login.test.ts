import { describe, expect, it } from "vitest";
import { describeLoginLink, requestEmailLogin, signInWithCode, signInWithLink } from "~/modules/auth/login.server";
import { getOptionalUser } from "~/modules/auth/session.server";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { createUser } from "../../prisma/factories";
import { CookieJar, get, post } from "../support/http";

const t0 = new Date("2026-11-27T09:00:00Z");

async function askForLogin(email: string, jar = new CookieJar(), ip = "10.0.0.1") {
  const result = await requestEmailLogin(post("/login", { email }, jar, { "x-vv-client-ip": ip }), email, "nl");
  if (result.ok) jar.apply(new Response(null, { headers: { "Set-Cookie": result.setCookie } }));
  return { result, jar };
}

async function lastMail(to: string) {
  const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
  const props = message.props as { code: string; confirmUrl: string };
  return { ...props, token: props.confirmUrl.split("/").at(-1)! };
}

describe("sign-in by e-mail", () => {
  it("mails a link and a code to a known address, and stores neither in plain text", async () => {
    setClock(t0);
    await createUser(db, { email: "marieke@vanderlinden.example" });
    const { result } = await askForLogin("  Marieke@VanDerLinden.example ");
    expect(result.ok).toBe(true);
    const mail = await lastMail("marieke@vanderlinden.example");
    expect(mail.code).toMatch(/^\d{6}$/);
    expect(mail.confirmUrl).toMatch(/\/login\/confirm\/[\w-]{30,}$/);
    const token = await db.loginToken.findFirstOrThrow({ where: { email: "marieke@vanderlinden.example" } });
    expect(JSON.stringify(token)).not.toContain(mail.code);
    expect(JSON.stringify(token)).not.toContain(mail.token);
  });

  it("answers the same for an unknown address, but sends no mail", async () => {
    setClock(t0);
    const { result } = await askForLogin("nobody@nowhere.example");
    expect(result.ok).toBe(true);
    expect(await db.outboxMessage.count({ where: { toAddress: "nobody@nowhere.example" } })).toBe(0);
    expect(await db.loginToken.count({ where: { email: "nobody@nowhere.example" } })).toBe(1);
  });

  it("the link page does not sign in; its POST does, once", async () => {
    setClock(t0);
    const user = await createUser(db, { email: "henk@maasbouw.example" });
    await askForLogin("henk@maasbouw.example");
    const { token } = await lastMail("henk@maasbouw.example");
    // Opening the link (e.g. by a mail scanner) only describes it, as often as it likes.
    expect(await describeLoginLink(token)).toEqual({ email: "henk@maasbouw.example" });
    expect(await describeLoginLink(token)).toEqual({ email: "henk@maasbouw.example" });
    expect(await db.session.count()).toBe(0);
    const browser = new CookieJar();
    const cookie = await signInWithLink(post("/login/confirm/x", {}, browser), token);
    expect(cookie).toBeTruthy();
    browser.apply(new Response(null, { headers: { "Set-Cookie": cookie! } }));
    expect((await getOptionalUser(get("/", browser)))?.id).toBe(user.id);
    // Single use: the link and the code of the same request are both spent.
    expect(await signInWithLink(post("/login/confirm/x", {}), token)).toBeNull();
    expect(await describeLoginLink(token)).toBeNull();
  });

  it("the link expires after 15 minutes", async () => {
    setClock(t0);
    await createUser(db, { email: "sanne@maasbouw.example" });
    await askForLogin("sanne@maasbouw.example");
    const { token } = await lastMail("sanne@maasbouw.example");
    setClock(new Date(t0.getTime() + 15 * 60_000));
    expect(await describeLoginLink(token)).toBeNull();
    expect(await signInWithLink(post("/login/confirm/x", {}), token)).toBeNull();
  });

  it("the code signs in only in the browser that asked", async () => {
    setClock(t0);
    const user = await createUser(db, { email: "ruud@peelprecisie.example" });
    const { jar } = await askForLogin("ruud@peelprecisie.example");
    const { code } = await lastMail("ruud@peelprecisie.example");
    const otherBrowser = new CookieJar();
    expect(await signInWithCode(post("/login/code", { code }, otherBrowser), code)).toMatchObject({ ok: false, reason: "expired" });
    const result = await signInWithCode(post("/login/code", { code }, jar), ` ${code.slice(0, 3)} ${code.slice(3)} `);
    expect(result).toMatchObject({ ok: true, userId: user.id });
    // Reused: refused.
    expect((await signInWithCode(post("/login/code", { code }, jar), code)).ok).toBe(false);
  });

  it("refuses a wrong code, and after five wrong tries also the right one", async () => {
    setClock(t0);
    await createUser(db, { email: "anouk@kessels.example" });
    const { jar } = await askForLogin("anouk@kessels.example");
    const { code } = await lastMail("anouk@kessels.example");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 4; i++) {
      expect(await signInWithCode(post("/login/code", {}, jar), wrong)).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(await signInWithCode(post("/login/code", {}, jar), wrong)).toMatchObject({ ok: false, reason: "too-many-tries" });
    expect(await signInWithCode(post("/login/code", {}, jar), code)).toMatchObject({ ok: false, reason: "too-many-tries" });
  });

  it("refuses an expired code", async () => {
    setClock(t0);
    await createUser(db, { email: "tom@kassenbouw.example" });
    const { jar } = await askForLogin("tom@kassenbouw.example");
    const { code } = await lastMail("tom@kassenbouw.example");
    setClock(new Date(t0.getTime() + 15 * 60_000 + 1000));
    expect(await signInWithCode(post("/login/code", {}, jar), code)).toMatchObject({ ok: false, reason: "expired" });
  });

  it("limits requests per address and per IP, with counters in the database", async () => {
    setClock(t0);
    await createUser(db, { email: "fatima@noordpool.example" });
    for (let i = 0; i < 5; i++) expect((await askForLogin("fatima@noordpool.example", undefined, `10.1.0.${i}`)).result.ok).toBe(true);
    const refused = (await askForLogin("fatima@noordpool.example", undefined, "10.1.0.99")).result;
    expect(refused).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await db.rateLimit.count()).toBeGreaterThan(0);
    // Another address from yet another IP is not affected.
    expect((await askForLogin("someone@else.example", undefined, "10.2.0.1")).result.ok).toBe(true);
    // Per IP: 30 requests for different addresses, then refused.
    for (let i = 0; i < 30; i++) await askForLogin(`p${i}@x.example`, undefined, "10.3.0.1");
    expect((await askForLogin("q@x.example", undefined, "10.3.0.1")).result.ok).toBe(false);
    // A new window lets them in again.
    setClock(new Date(t0.getTime() + 16 * 60_000));
    expect((await askForLogin("fatima@noordpool.example", undefined, "10.1.0.99")).result.ok).toBe(true);
  });

  it("does not sign in a disabled account", async () => {
    setClock(t0);
    await db.user.create({ data: { email: "gone@example.test", name: "Gone", disabledAt: t0 } });
    await askForLogin("gone@example.test");
    expect(await db.outboxMessage.count({ where: { toAddress: "gone@example.test" } })).toBe(0);
  });
});
