import { describe, expect, it } from "vitest";
import { setUserDisabled } from "~/modules/auth/accounts.server";
import { can } from "~/modules/auth/permissions";
import {
  createUserSession,
  endAllSessions,
  endSession,
  getOptionalUser,
  requireUser,
  requireUserWithPermission,
  SESSION_TIMEOUTS,
  switchActiveRole,
} from "~/modules/auth/session.server";
import { setClock } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { isCrossSiteRequest } from "~/utils/origin.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { CookieJar, get, post, respond } from "../support/http";

const t0 = new Date("2026-11-27T09:00:00Z");

async function signedIn(userId: string, jar = new CookieJar()) {
  const cookie = await createUserSession(get("/", jar), userId);
  jar.apply(new Response(null, { headers: { "Set-Cookie": cookie } }));
  return jar;
}

describe("sessions", () => {
  it("are referenced by a signed, httpOnly, SameSite=Lax cookie", async () => {
    const user = await createUser(db);
    const cookie = await createUserSession(get("/"), user.id);
    expect(cookie).toMatch(/^vv_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // A forged cookie (right shape, wrong signature) is nobody.
    const forged = new Request("http://localhost/", { headers: { Cookie: "vv_session=InRva2VuLXRva2VuLXRva2VuLXRva2VuIg%3D%3D.bad" } });
    expect(await getOptionalUser(forged)).toBeNull();
  });

  it("get a new id at sign-in, and the old one ends", async () => {
    setClock(t0);
    const user = await createUser(db);
    const jar = await signedIn(user.id);
    const before = jar.header();
    await signedIn(user.id, jar);
    expect(jar.header()).not.toBe(before);
    expect(await getOptionalUser(new Request("http://localhost/", { headers: { Cookie: before } }))).toBeNull();
    expect((await getOptionalUser(get("/", jar)))?.id).toBe(user.id);
  });

  it("end after the idle timeout and after the absolute timeout", async () => {
    setClock(t0);
    const user = await createUser(db);
    const jar = await signedIn(user.id);
    // Active every 20 hours: stays signed in…
    for (let h = 20; h < 24 * 13; h += 20) {
      setClock(new Date(t0.getTime() + h * 3_600_000));
      expect(await getOptionalUser(get("/", jar))).not.toBeNull();
    }
    // …until the absolute end.
    setClock(new Date(t0.getTime() + SESSION_TIMEOUTS.adult.absoluteMs));
    expect(await getOptionalUser(get("/", jar))).toBeNull();

    setClock(t0);
    const idle = await signedIn(user.id);
    setClock(new Date(t0.getTime() + SESSION_TIMEOUTS.adult.idleMs + 1000));
    expect(await getOptionalUser(get("/", idle))).toBeNull();
  });

  it("sign out ends this session; sign out everywhere ends all", async () => {
    const user = await createUser(db);
    const a = await signedIn(user.id);
    const b = await signedIn(user.id);
    const c = await signedIn(user.id);
    const cleared = await endSession(get("/", a));
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(await getOptionalUser(get("/", a))).toBeNull();
    expect(await getOptionalUser(get("/", b))).not.toBeNull();
    await endAllSessions(user.id);
    expect(await getOptionalUser(get("/", b))).toBeNull();
    expect(await getOptionalUser(get("/", c))).toBeNull();
  });

  it("disabling an account ends its sessions at once", async () => {
    const board = await createUser(db);
    const user = await createUser(db);
    const jar = await signedIn(user.id);
    await setUserDisabled(user.id, true, board.id);
    expect(await getOptionalUser(get("/", jar))).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.disable", entityId: user.id } })).toBe(1);
  });

  it("requireUser sends strangers to the sign-in page and back", async () => {
    const res = await respond(() => requireUser(get("/bestuur/mensen?x=1")) as never);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?redirectTo=%2Fbestuur%2Fmensen%3Fx%3D1");
  });
});

describe("roles and permissions", () => {
  it("scope a company contact to their own company", async () => {
    const a = await createCompany(db);
    const b = await createCompany(db);
    const user = await createUser(db);
    await assignRole(db, user.id, "COMPANY_CONTACT", { companyId: a.id });
    const jar = await signedIn(user.id);
    expect(await requireUserWithPermission(get("/", jar), "company:edit", { companyId: a.id })).toMatchObject({ id: user.id });
    const res = await respond(() => requireUserWithPermission(get("/", jar), "company:edit", { companyId: b.id }) as never);
    expect(res.status).toBe(403);
  });

  it("scope teachers and school contacts to their school", () => {
    const grants = [{ id: "r1", role: "TEACHER" as const, companyId: null, schoolId: "school-a" }];
    expect(can(grants, "team:manage", { schoolId: "school-a" })).toBe(true);
    expect(can(grants, "team:manage", { schoolId: "school-b" })).toBe(false);
    expect(can(grants, "team:manage", {})).toBe(false);
    expect(can(grants, "school:approve-teachers", { schoolId: "school-a" })).toBe(false);
    expect(can([{ id: "r2", role: "SCHOOL_CONTACT", companyId: null, schoolId: "school-a" }], "school:approve-teachers", { schoolId: "school-a" })).toBe(true);
  });

  it("let the board do everything", () => {
    expect(can([{ id: "r", role: "BOARD", companyId: null, schoolId: null }], "company:edit", { companyId: "any" })).toBe(true);
  });

  it("let a person with several roles switch between their own roles only", async () => {
    const school = await createSchool(db, { brin: "77XX", vestiging: "00" });
    const user = await createUser(db);
    const board = await assignRole(db, user.id, "BOARD");
    const teacher = await assignRole(db, user.id, "TEACHER", { schoolId: school.id });
    const other = await assignRole(db, (await createUser(db)).id, "BOARD");
    const jar = await signedIn(user.id);
    const me = (await getOptionalUser(get("/", jar)))!;
    expect(me.activeRole?.id).toBe(board.id);
    expect(await switchActiveRole(me, teacher.id)).toBe(true);
    expect((await getOptionalUser(get("/", jar)))!.activeRole?.id).toBe(teacher.id);
    expect(await switchActiveRole(me, other.id)).toBe(false);
  });
});

describe("requests from elsewhere", () => {
  const app = "http://localhost:3000";
  const req = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/login", { method, headers });

  it("refuses state-changing requests from another site", () => {
    expect(isCrossSiteRequest(req("POST", { "Sec-Fetch-Site": "cross-site" }), app)).toBe(true);
    expect(isCrossSiteRequest(req("POST", { "Sec-Fetch-Site": "same-site" }), app)).toBe(true);
    expect(isCrossSiteRequest(req("POST", { Origin: "https://evil.example" }), app)).toBe(true);
    expect(isCrossSiteRequest(req("POST", { Origin: "null" }), app)).toBe(true);
    expect(isCrossSiteRequest(req("DELETE", { Origin: "https://evil.example" }), app)).toBe(true);
  });

  it("lets our own pages, direct requests and safe methods through", () => {
    expect(isCrossSiteRequest(req("POST", { "Sec-Fetch-Site": "same-origin", Origin: app }), app)).toBe(false);
    expect(isCrossSiteRequest(req("POST", {}), app)).toBe(false); // server-to-server (webhooks)
    expect(isCrossSiteRequest(req("GET", { "Sec-Fetch-Site": "cross-site" }), app)).toBe(false);
    expect(isCrossSiteRequest(req("HEAD", { Origin: "https://evil.example" }), app)).toBe(false);
  });
});

describe("sign out action", () => {
  it("is a POST; GET only goes home", async () => {
    const { action, loader } = await import("~/routes/logout");
    const user = await createUser(db);
    const jar = await signedIn(user.id);
    const viaGet = await loader();
    expect(viaGet.status).toBe(302);
    expect(await getOptionalUser(get("/", jar))).not.toBeNull();
    const res = await action({ request: post("/logout", {}, jar), params: {}, context: {} });
    jar.apply(res);
    expect(await getOptionalUser(get("/", jar))).toBeNull();
  });
});
