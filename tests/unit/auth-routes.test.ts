import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login._index";
import { action as peopleAction, loader as peopleLoader } from "~/routes/bestuur.mensen";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { db } from "~/utils/db.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { args, get, post, respond } from "../support/http";
import { signedIn } from "../support/sessions";

describe("/login", () => {
  it("answers a bad address with a field error and keeps what was typed", async () => {
    const res = await respond(() => loginAction(args(post("/login", { email: "marieke@@example" }))));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.email).toEqual(["auth:errors.emailInvalid"]);
    expect(body.initialValue.email).toBe("marieke@@example");
  });

  it("goes on to the code page with the same answer for known and unknown addresses", async () => {
    await createUser(db, { email: "known@example.test" });
    const known = await respond(() => loginAction(args(post("/login", { email: "known@example.test" }))));
    const unknown = await respond(() => loginAction(args(post("/login", { email: "unknown@example.test" }))));
    expect(known.status).toBe(302);
    expect(unknown.status).toBe(302);
    expect(known.headers.get("Location")).toMatch(/^\/login\/code\?email=known/);
    expect(unknown.headers.get("Location")).toMatch(/^\/login\/code\?email=unknown/);
  });
});

describe("the board's people page", () => {
  it("sends strangers to sign in and refuses other roles with 403", async () => {
    const anonymous = await respond(() => peopleLoader(args(get("/bestuur/mensen"))));
    expect(anonymous.status).toBe(302);
    const teacher = await createUser(db);
    await assignRole(db, teacher.id, "TEACHER", { schoolId: (await createSchool(db, { brin: "55AA", vestiging: "00" })).id });
    const teacherJar = await signedIn(teacher.id);
    const res = await respond(() => peopleLoader(args(get("/bestuur/mensen", teacherJar))));
    expect(res.status).toBe(403);
    const post403 = await respond(() =>
      peopleAction(args(post("/bestuur/mensen", { intent: "invite", email: "x@y.example", role: "BOARD" }, undefined))),
    );
    expect(post403.status).toBe(302);
  });

  it("invites a company contact by e-mail; accepting adds the role and signs in", async () => {
    const board = await createUser(db, { name: "Annemiek Gielen" });
    await assignRole(db, board.id, "BOARD");
    const company = await createCompany(db, { name: "Greenport Automatisering" });
    const jar = await signedIn(board.id);

    const missing = await respond(() =>
      peopleAction(args(post("/bestuur/mensen", { intent: "invite", email: "lotte@greenport.example", role: "COMPANY_CONTACT" }, jar))),
    );
    expect(missing.status).toBe(400);
    expect((await missing.json()).result.error.companyId).toEqual(["auth:errors.companyRequired"]);
    expect(await db.invitation.count()).toBe(0);

    const res = await respond(() =>
      peopleAction(
        args(post("/bestuur/mensen", { intent: "invite", email: "Lotte@Greenport.example", name: "Lotte Gommans", role: "COMPANY_CONTACT", companyId: company.id }, jar)),
      ),
    );
    // Done: back to the page with a toast (post/redirect/get).
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/bestuur/mensen");
    expect(res.headers.get("Set-Cookie")).toMatch(/vv_toast=/);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { template: "invitation" } });
    expect(mail.toAddress).toBe("lotte@greenport.example");
    const token = (mail.props as { acceptUrl: string }).acceptUrl.split("/").at(-1)!;

    const page = await (await invitationLoader(args(get(`/invitation/${token}`), { token }))).json();
    expect(page.invitation).toMatchObject({ email: "lotte@greenport.example", role: "COMPANY_CONTACT", organisation: "Greenport Automatisering" });
    expect(await db.user.count({ where: { email: "lotte@greenport.example" } })).toBe(0);

    const accepted = await respond(() => invitationAction(args(post(`/invitation/${token}`, {}), { token })));
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Set-Cookie")).toMatch(/^vv_session=/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "lotte@greenport.example" }, include: { roles: true } });
    expect(user.roles).toMatchObject([{ role: "COMPANY_CONTACT", companyId: company.id }]);
    // Used once.
    const again = await respond(() => invitationAction(args(post(`/invitation/${token}`, {}), { token })));
    expect(again.status).toBe(400);
  });

  it("removes a role, but never the last board role", async () => {
    const board = await createUser(db);
    const boardRole = await assignRole(db, board.id, "BOARD");
    const jar = await signedIn(board.id);
    await db.roleAssignment.deleteMany({ where: { role: "BOARD", NOT: { id: boardRole.id } } });
    const last = await respond(() => peopleAction(args(post("/bestuur/mensen", { intent: "remove-role", roleId: boardRole.id }, jar))));
    expect(last.status).toBe(400);
    const contact = await createUser(db);
    const grant = await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: (await createCompany(db)).id });
    const res = await respond(() => peopleAction(args(post("/bestuur/mensen", { intent: "remove-role", roleId: grant.id }, jar))));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toMatch(/vv_toast=/);
    expect(await db.roleAssignment.count({ where: { id: grant.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "role.remove", entityId: grant.id } })).toBe(1);
    const unknown = await respond(() => peopleAction(args(post("/bestuur/mensen", { intent: "remove-role", roleId: "nope" }, jar))));
    expect(unknown.status).toBe(404);
  });
});
