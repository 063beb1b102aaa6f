import { describe, expect, it } from "vitest";
import {
  formatPupilCode,
  issuePupilCode,
  normalizePupilCode,
  PUPIL_CODE_ALPHABET,
  revokePupilCodes,
  signInWithPupilCode,
} from "~/modules/auth/pupil-codes.server";
import { getOptionalUser, SESSION_TIMEOUTS } from "~/modules/auth/session.server";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { assignRole, createUser } from "../../prisma/factories";
import { CookieJar, get, post } from "../support/http";

async function pupilAndTeacher() {
  const teacher = await createUser(db, { name: "Rob Kurvers" });
  const pupil = await createUser(db, { name: "Daan", email: null });
  await assignRole(db, pupil.id, "PUPIL");
  return { teacher, pupil };
}

const signIn = (code: string, ip = "10.9.0.1") => signInWithPupilCode(post("/login/leerling", { code }, undefined, { "x-vv-client-ip": ip }), code);

describe("pupil sign-in codes", () => {
  it("are easy to type: 12 characters without look-alikes, in groups of four", async () => {
    const { teacher, pupil } = await pupilAndTeacher();
    const code = await issuePupilCode(pupil.id, teacher.id);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(code).not.toMatch(/[01ILO]/);
    expect(PUPIL_CODE_ALPHABET.length ** 12).toBeGreaterThan(1e17);
    expect(normalizePupilCode(code.toLowerCase().replaceAll("-", " "))).toBe(code.replaceAll("-", ""));
    expect(normalizePupilCode("ABCD-EFGH-IJK0")).toBeNull();
    expect(formatPupilCode("ABCDEFGHJKMN")).toBe("ABCD-EFGH-JKMN");
  });

  it("sign the pupil in, typed loosely, with a short pupil session", async () => {
    setClock(new Date("2026-11-27T09:00:00Z"));
    const { teacher, pupil } = await pupilAndTeacher();
    const code = await issuePupilCode(pupil.id, teacher.id);
    const result = await signIn(code.toLowerCase().replaceAll("-", ""));
    expect(result).toMatchObject({ ok: true, userId: pupil.id });
    const jar = new CookieJar();
    jar.apply(new Response(null, { headers: { "Set-Cookie": (result as { setCookie: string }).setCookie } }));
    expect((await getOptionalUser(get("/", jar)))?.id).toBe(pupil.id);
    const session = await db.session.findFirstOrThrow({ where: { userId: pupil.id } });
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(SESSION_TIMEOUTS.pupil.absoluteMs);
  });

  it("are stored hashed, and re-issuing or revoking makes the old code useless", async () => {
    const { teacher, pupil } = await pupilAndTeacher();
    const first = await issuePupilCode(pupil.id, teacher.id);
    const row = await db.pupilLoginCode.findFirstOrThrow({ where: { userId: pupil.id } });
    expect(row.codeHash).not.toContain(first.replaceAll("-", ""));
    const second = await issuePupilCode(pupil.id, teacher.id);
    expect((await signIn(first)).ok).toBe(false);
    expect((await signIn(second)).ok).toBe(true);
    await revokePupilCodes(pupil.id, teacher.id);
    expect((await signIn(second)).ok).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: pupil.id, action: { startsWith: "pupil-code." } } })).toBe(3);
  });

  it("revoking ends the sessions the pupil already has, at once", async () => {
    setClock(new Date("2026-11-27T09:00:00Z"));
    const { teacher, pupil } = await pupilAndTeacher();
    const code = await issuePupilCode(pupil.id, teacher.id);
    const jars = await Promise.all(
      ["10.7.0.1", "10.7.0.2"].map(async (ip) => {
        const result = await signIn(code, ip);
        const jar = new CookieJar();
        jar.apply(new Response(null, { headers: { "Set-Cookie": (result as { setCookie: string }).setCookie } }));
        return jar;
      }),
    );
    for (const jar of jars) expect((await getOptionalUser(get("/mijn-team", jar)))?.id).toBe(pupil.id);
    setClock(new Date("2026-11-27T09:30:00Z"));
    await revokePupilCodes(pupil.id, teacher.id);
    for (const jar of jars) expect(await getOptionalUser(get("/mijn-team", jar))).toBeNull();
    expect(await db.session.count({ where: { userId: pupil.id, revokedAt: null } })).toBe(0);
  });

  it("are rate limited per IP, so guessing is hopeless", async () => {
    setClock(new Date("2026-11-27T09:00:00Z"));
    const { teacher, pupil } = await pupilAndTeacher();
    const code = await issuePupilCode(pupil.id, teacher.id);
    for (let i = 0; i < 10; i++) expect(await signIn("ABCD-EFGH-JKMN", "10.8.0.1")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await signIn(code, "10.8.0.1")).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await signIn(code, "10.8.0.2")).ok).toBe(true);
  });
});
