// The hostile-input guard's table: every action of the app, the role that may use it, how it
// reads its input, what a valid submission looks like (with a fresh fixture per case), and how
// to tell that an accepted submission was stored. The machinery lives in hostile-input.test.ts.
import fc from "fast-check";
import { createInvitation } from "../../app/modules/auth/invitations.server";
import { issuePupilCode } from "../../app/modules/auth/pupil-codes.server";
import { ROLES } from "../../app/modules/auth/roles";
import { PAYMENT_METHODS } from "../../app/modules/payments/payment-state";
import { getFakeCheckout } from "../../app/modules/payments/stripe-fake.server";
import { languageCookie } from "../../app/utils/i18n.server";
import { getToast } from "../../app/utils/toast.server";
import { assignRole, createUser } from "../../prisma/factories";

import { type Fields, REDIRECT_TRICKS, ID_TRICKS, hostileValue, typedText, safePath, email, amount, optional, typedDate, form, type Ctx, type Fixture, type Page, type FormAction, setCookie, location, redirected, cookiePair, fresh, latestMail, sessionFor, signInRequest, signedIn, checkout, paymentStatus, payment, anonymous } from "./kit";
import { AREAS } from "./areas";

export * from "./kit";

const CORE_ACTIONS: FormAction[] = [
  {
    route: "routes/language",
    path: "/language",
    reads: { as: "entries" },
    refusal: "redirect-without-cookie",
    fields: ["lang", "redirectTo"],
    aimed: { redirectTo: REDIRECT_TRICKS, lang: ["NL", "nl ", "de", "nl\u0000"] },
    // Its per-client limit (issue 15, finding 9).
    tables: ["RateLimit"],
    variants: [
      {
        name: "choose",
        valid: form({ lang: fc.constantFrom("nl", "en"), redirectTo: optional(safePath) }),
        prepare: anonymous,
        accepted: (res) => redirected(res) && setCookie(res, "lng"),
        async stored(_ctx, _fx, value, res) {
          const pair = res.headers.getSetCookie().find((c) => c.startsWith("lng="));
          return (await languageCookie.parse(pair ? cookiePair(pair) : null)) === value.lang ? null : "language cookie";
        },
      },
    ],
  },
  {
    route: "routes/login._index",
    path: "/login",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["email", "redirectTo"],
    aimed: { redirectTo: REDIRECT_TRICKS, email: ["a@b", "a@b.c\u0000", "<a@b.nl>", "a@b.nl,c@d.nl", "a@b.nl\r\nBcc: c@d.nl", `"a b"@c.nl`, "ä@ö.nl"] },
    tables: ["LoginToken", "OutboxMessage", "RateLimit"],
    variants: [
      {
        name: "request",
        valid: form({ email, redirectTo: optional(safePath) }),
        prepare: anonymous,
        accepted: (res) => redirected(res, "/login/code") && setCookie(res, "vv_login"),
        async stored(ctx, _fx, value) {
          const found = await ctx.db.loginToken.count({ where: { email: String(value.email).trim().toLowerCase() } });
          return found ? null : "login token";
        },
        shownOn: async (_ctx, _fx, _value, res) => [{ path: location(res) }],
      },
    ],
  },
  {
    route: "routes/login.code",
    path: "/login/code",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["code", "redirectTo"],
    aimed: { redirectTo: REDIRECT_TRICKS, code: ["000000", "1234567", " - ", "１２３４５６", "12\u00003456"] },
    tables: ["LoginToken", "Session", "AuditLog", "RateLimit"],
    variants: [
      {
        name: "code",
        valid: form({ code: fc.constantFrom("{code}", "{codeSpaced}", "{codeDashed}", " {code} "), redirectTo: optional(safePath) }),
        prepare: signInRequest,
        accepted: (res) => redirected(res) && setCookie(res, "vv_session"),
        async stored(ctx, fx, _value, res) {
          const used = await ctx.db.loginToken.count({ where: { userId: fx.values.userId, usedAt: { not: null } } });
          return used ? signedIn(ctx, fx.values.userId!, res) : "login token not used";
        },
      },
    ],
  },
  {
    route: "routes/login.confirm.$token",
    path: "/login/confirm/:token",
    param: "{linkToken}",
    reads: { as: "none" },
    refusal: "4xx",
    fields: [],
    tables: ["LoginToken", "Session", "AuditLog", "RateLimit"],
    variants: [
      {
        name: "confirm",
        valid: fc.constant([]),
        prepare: signInRequest,
        accepted: (res) => redirected(res, "/dashboard"),
        async stored(ctx, fx, _value, res) {
          const used = await ctx.db.loginToken.count({ where: { userId: fx.values.userId, usedAt: { not: null } } });
          return used ? signedIn(ctx, fx.values.userId!, res) : "login token not used";
        },
      },
    ],
  },
  {
    route: "routes/login.leerling",
    path: "/login/leerling",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["code"],
    aimed: { code: ["ABCD-EFGH-JKMN", "abcd efgh jkmn", "O0I1L-O0I1L-O0I1", "ABCD\u0000EFGH"] },
    tables: ["PupilLoginCode", "Session", "AuditLog", "RateLimit"],
    variants: [
      {
        name: "pupil-code",
        valid: form({ code: fc.constantFrom("{code}", "{codeCompact}", "{codeLower}", "  {codeSpaced} ") }),
        async prepare(ctx) {
          const pupil = await createUser(ctx.db, { name: fresh("Leerling "), email: null });
          await assignRole(ctx.db, pupil.id, "PUPIL");
          const code = await issuePupilCode(pupil.id, ctx.world.userIds.teacherA, ctx.db);
          const compact = code.replace(/-/g, "");
          return {
            values: { userId: pupil.id, code, codeCompact: compact, codeLower: code.toLowerCase(), codeSpaced: compact.replace(/(.{4})/g, "$1 ").trim() },
          };
        },
        accepted: (res) => redirected(res, "/dashboard") && setCookie(res, "vv_session"),
        async stored(ctx, fx, _value, res) {
          const used = await ctx.db.pupilLoginCode.count({ where: { userId: fx.values.userId, lastUsedAt: { not: null } } });
          return used ? signedIn(ctx, fx.values.userId!, res) : "pupil code not marked used";
        },
      },
    ],
  },
  {
    route: "routes/logout",
    path: "/logout",
    reads: { as: "none" },
    refusal: "4xx",
    fields: [],
    tables: ["Session"],
    variants: [
      {
        name: "sign-out",
        valid: fc.constant([]),
        async prepare(ctx) {
          const user = await createUser(ctx.db, { email: `${fresh("fuzz-out-")}@guards.example` });
          return { cookie: await sessionFor(ctx.db, user.id), values: { userId: user.id } };
        },
        accepted: (res) => redirected(res, "/"),
        async stored(ctx, fx) {
          const open = await ctx.db.session.count({ where: { userId: fx.values.userId, revokedAt: null } });
          return open === 0 ? null : "session still open";
        },
      },
    ],
  },
  {
    route: "routes/account",
    path: "/account",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "roleId", "redirectTo"],
    aimed: { redirectTo: REDIRECT_TRICKS, roleId: ID_TRICKS },
    tables: ["Session", "AuditLog"],
    variants: [
      {
        name: "switch-role",
        valid: form({ intent: fc.constant("switch-role"), roleId: fc.constant("{roleId}"), redirectTo: optional(safePath) }),
        prepare: accountUser,
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const session = await ctx.db.session.findFirst({ where: { userId: fx.values.userId, activeRoleId: fx.values.roleId } });
          return session ? null : "active role not switched";
        },
      },
      {
        name: "sign-out-everywhere",
        valid: form({ intent: fc.constant("sign-out-everywhere") }),
        prepare: accountUser,
        accepted: (res) => redirected(res, "/login"),
        async stored(ctx, fx) {
          const open = await ctx.db.session.count({ where: { userId: fx.values.userId, revokedAt: null } });
          return open === 0 ? null : `${open} sessions still open`;
        },
      },
    ],
  },
  {
    route: "routes/bestuur.mensen",
    path: "/bestuur/mensen",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "email", "name", "role", "companyId", "schoolId", "roleId", "invitationId"],
    aimed: { roleId: ID_TRICKS, invitationId: ID_TRICKS, companyId: ID_TRICKS, schoolId: ID_TRICKS, role: ["PUPIL", "JUROR", "board"] },
    tables: ["Invitation", "OutboxMessage", "RoleAssignment", "Session", "AuditLog"],
    variants: [
      {
        name: "invite",
        valid: fc.constantFrom(...ROLES).chain((role) =>
          form({
            intent: fc.constant("invite"),
            email,
            name: optional(typedText(120)),
            role: fc.constant(role),
            companyId: role === "COMPANY_CONTACT" ? fc.constant("{companyId}") : fc.constant(undefined),
            schoolId: role === "SCHOOL_CONTACT" || role === "TEACHER" ? fc.constant("{schoolId}") : fc.constant(undefined),
          }),
        ),
        prepare: async (ctx) => ({ cookie: ctx.world.cookies.board, values: { companyId: ctx.world.companyA.id, schoolId: ctx.world.schoolA.id } }),
        accepted: (res) => redirected(res, "/bestuur/mensen") && setCookie(res, "vv_toast"),
        async stored(ctx, _fx, value) {
          const address = String(value.email).trim().toLowerCase();
          const invitation = await ctx.db.invitation.findFirst({ where: { email: address }, orderBy: { createdAt: "desc" } });
          if (!invitation) return "invitation";
          if (invitation.name !== ((value.name as string | undefined) || null)) return `name stored as ${JSON.stringify(invitation.name)}`;
          if (invitation.role !== value.role) return "role";
          const mails = await ctx.db.outboxMessage.count({ where: { toAddress: address, template: "invitation" } });
          return mails ? null : "invitation mail";
        },
        // The invitee's name shows once they accept: header, dashboard, account, and the board's list.
        async shownOn(ctx, _fx, value) {
          const address = String(value.email).trim().toLowerCase();
          const mail = await latestMail(ctx.db, address, "invitation");
          const token = mail.acceptUrl!.split("/invitation/")[1]!;
          const pages: Page[] = [{ path: "/bestuur/mensen", cookie: ctx.world.cookies.board }];
          const accept = await ctx.app.handler(
            new Request(`http://localhost:3000/invitation/${token}`, {
              method: "POST",
              headers: { Host: "localhost:3000", Origin: "http://localhost:3000", "Sec-Fetch-Site": "same-origin", "x-vv-client-ip": ctx.ip() },
            }),
          );
          const session = accept.headers.getSetCookie().find((c) => c.startsWith("vv_session="));
          if (session) pages.push({ path: "/dashboard", cookie: cookiePair(session) }, { path: "/account", cookie: cookiePair(session) });
          return pages;
        },
      },
      {
        name: "remove-role",
        valid: form({ intent: fc.constant("remove-role"), roleId: fc.constant("{roleId}") }),
        async prepare(ctx) {
          const user = await createUser(ctx.db, { email: `${fresh("fuzz-role-")}@guards.example` });
          const grant = await assignRole(ctx.db, user.id, "TEACHER", { schoolId: ctx.world.schoolA.id });
          return { cookie: ctx.world.cookies.board, values: { roleId: grant.id } };
        },
        accepted: (res) => redirected(res, "/bestuur/mensen") && setCookie(res, "vv_toast"),
        async stored(ctx, fx) {
          return (await ctx.db.roleAssignment.count({ where: { id: fx.values.roleId } })) === 0 ? null : "role still there";
        },
      },
      {
        name: "revoke-invitation",
        valid: form({ intent: fc.constant("revoke-invitation"), invitationId: fc.constant("{invitationId}") }),
        async prepare(ctx) {
          const invitation = await invite(ctx);
          return { cookie: ctx.world.cookies.board, values: { invitationId: invitation.id } };
        },
        accepted: (res) => redirected(res, "/bestuur/mensen") && setCookie(res, "vv_toast"),
        async stored(ctx, fx) {
          const invitation = await ctx.db.invitation.findUniqueOrThrow({ where: { id: fx.values.invitationId } });
          return invitation.revokedAt ? null : "invitation not revoked";
        },
      },
    ],
  },
  {
    route: "routes/invitation.$token",
    path: "/invitation/:token",
    param: "{token}",
    reads: { as: "none" },
    refusal: "4xx",
    fields: [],
    tables: ["Invitation", "User", "RoleAssignment", "Session", "AuditLog"],
    variants: [
      {
        name: "accept",
        valid: fc.constant([]),
        async prepare(ctx) {
          const invitation = await invite(ctx);
          const mail = await latestMail(ctx.db, invitation.email, "invitation");
          return { values: { token: mail.acceptUrl!.split("/invitation/")[1]!, invitationId: invitation.id, email: invitation.email } };
        },
        accepted: (res) => redirected(res, "/dashboard") && setCookie(res, "vv_session"),
        async stored(ctx, fx) {
          const invitation = await ctx.db.invitation.findUniqueOrThrow({ where: { id: fx.values.invitationId } });
          if (!invitation.acceptedAt || !invitation.acceptedById) return "invitation not accepted";
          const grant = await ctx.db.roleAssignment.count({
            where: { userId: invitation.acceptedById, role: "TEACHER", schoolId: ctx.world.schoolA.id },
          });
          return grant ? null : "role not granted";
        },
      },
    ],
  },
  {
    route: "routes/dev.payments",
    path: "/dev/payments",
    reads: { as: "entries", repeated: ["methods"] },
    refusal: "4xx",
    fields: ["intent", "amount", "description", "methods", "paymentId", "sessionId"],
    aimed: { paymentId: ID_TRICKS, sessionId: ["cs_", "cs_x\u0000", "cs_../x", "pi_123", `cs_${"x".repeat(201)}`], amount: ["0,49", "1e3", "1.234,56", "-5", "999999,999", "1000000", "٣٤"], methods: ["paypal", "card\u0000"] },
    tables: ["Payment", "PaymentEvent", "AuditLog", "StripeEvent"],
    variants: [
      // First: reconcile re-reads every open payment from Stripe, and the other cases add some.
      {
        name: "reconcile",
        valid: form({ intent: fc.constant("reconcile") }),
        prepare: anonymous,
        accepted: (res) => res.status === 200,
        stored: async () => null,
      },
      {
        name: "create",
        valid: form({
          intent: fc.constant("create"),
          amount,
          description: typedText(200),
          methods: fc.subarray([...PAYMENT_METHODS], { minLength: 1 }),
        }),
        prepare: anonymous,
        accepted: (res) => redirected(res, "http://localhost:3000/dev/stripe/checkout/"),
        async stored(ctx, _fx, value, res) {
          const sessionId = decodeURIComponent(location(res).split("/dev/stripe/checkout/")[1] ?? "");
          const row = await ctx.db.payment.findUnique({ where: { checkoutSessionId: sessionId } });
          if (!row) return "payment";
          if (row.description !== value.description) return `description stored as ${JSON.stringify(row.description)}`;
          return row.amountCents === value.amount ? null : `amount ${row.amountCents} ≠ ${String(value.amount)}`;
        },
        shownOn: async (_ctx, _fx, _value, res) => [{ path: "/dev/payments" }, { path: new URL(location(res)).pathname }],
      },
      {
        name: "refund",
        valid: form({ intent: fc.constant("refund"), paymentId: fc.constant("{paymentId}") }),
        async prepare(ctx) {
          const created = await checkout(ctx, ["card"]);
          ctx.fake.pay(created.sessionId, "card");
          await ctx.settle();
          return { values: { paymentId: created.paymentId } };
        },
        accepted: (res) => redirected(res, "/dev/payments?result=refunded"),
        async stored(ctx, fx) {
          const status = await paymentStatus(ctx, payment(fx));
          return status === "REFUNDED" ? null : `payment is ${status}`;
        },
      },
      {
        name: "sync",
        valid: form({ intent: fc.constant("sync"), sessionId: fc.constant("{sessionId}") }),
        async prepare(ctx) {
          const created = await checkout(ctx, ["card"]);
          ctx.fake.pay(created.sessionId, "card");
          // The fake's webhooks land first (a refused case must see a still database).
          await ctx.settle();
          return { values: { sessionId: created.sessionId, paymentId: created.paymentId } };
        },
        accepted: (res) => res.status === 200,
        async stored(ctx, fx) {
          const status = await paymentStatus(ctx, payment(fx));
          return status === "PAID" ? null : `payment is ${status}`;
        },
      },
      {
        name: "expire",
        valid: form({ intent: fc.constant("expire"), paymentId: fc.constant("{paymentId}") }),
        async prepare(ctx) {
          return { values: { paymentId: (await checkout(ctx)).paymentId } };
        },
        accepted: (res) => redirected(res, "/dev/payments?result=expired"),
        async stored(ctx, fx) {
          const status = await paymentStatus(ctx, payment(fx));
          return status === "EXPIRED" ? null : `payment is ${status}`;
        },
      },
    ],
  },
  {
    route: "routes/dev.stripe.checkout.$sessionId",
    path: "/dev/stripe/checkout/:sessionId",
    param: "{sessionId}",
    reads: { as: "entries" },
    refusal: "4xx",
    fields: ["intent", "method", "outcome"],
    aimed: { method: ["paypal", "CARD"], outcome: ["success", ""] },
    tables: ["Payment", "PaymentEvent", "StripeEvent", "AuditLog"],
    variants: [
      {
        name: "pay",
        valid: form({ intent: fc.constant("pay"), method: fc.constantFrom(...PAYMENT_METHODS) }),
        prepare: openCheckout,
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const session = await getFakeCheckout(fx.values.sessionId!);
          const row = await ctx.db.payment.findUniqueOrThrow({ where: { id: payment(fx) } });
          // Card and iDEAL are paid at once; SEPA is processing (the checkout link is spent).
          return session.status === "complete" && row.checkoutUrl === null && row.status !== "FAILED" ? null : `payment ${row.status}`;
        },
      },
      {
        name: "fail",
        valid: form({ intent: fc.constant("fail"), method: fc.constantFrom(...PAYMENT_METHODS) }),
        prepare: openCheckout,
        accepted: (res) => res.status === 200,
        async stored(ctx, fx) {
          const session = await getFakeCheckout(fx.values.sessionId!);
          const status = await paymentStatus(ctx, payment(fx));
          return session.paymentIntent?.lastError && status === "FAILED" ? null : `payment ${status}`;
        },
      },
      {
        name: "abandon",
        valid: form({ intent: fc.constant("abandon") }),
        prepare: openCheckout,
        accepted: (res) => redirected(res, "http://localhost:3000/dev/payments?result=cancel"),
        // Leaving checkout changes nothing (the session stays open until it expires).
        async stored(ctx, fx) {
          const status = await paymentStatus(ctx, payment(fx));
          return status === "OPEN" ? null : `payment ${status}`;
        },
      },
      {
        name: "expire",
        valid: form({ intent: fc.constant("expire") }),
        prepare: openCheckout,
        accepted: (res) => redirected(res),
        async stored(ctx, fx) {
          const status = await paymentStatus(ctx, payment(fx));
          return status === "EXPIRED" ? null : `payment ${status}`;
        },
      },
      {
        name: "settle",
        valid: form({ intent: fc.constant("settle"), outcome: fc.constantFrom("succeeded", "failed") }),
        async prepare(ctx) {
          const created = await checkout(ctx, ["sepa_debit"]);
          ctx.fake.pay(created.sessionId, "sepa_debit");
          await ctx.settle();
          return { values: { sessionId: created.sessionId, paymentId: created.paymentId } };
        },
        accepted: (res) => redirected(res),
        async stored(ctx, fx, value) {
          const status = await paymentStatus(ctx, payment(fx));
          return status === (value.outcome === "succeeded" ? "PAID" : "FAILED") ? null : `payment ${status}`;
        },
      },
    ],
  },
  {
    route: "routes/ontwerp",
    path: "/ontwerp",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "name", "email", "role", "date", "message", "topics", "rsvp", "agree", "tone", "id", "file"],
    aimed: { date: ["2024-02-30", "31-12-1899", "1-1-2201", "2024-1-1", "2024-01-01\u0000"], agree: ["off", "ON", "true"], id: ["demo ", "DEMO"], file: ["", "verslag.pdf"] },
    // Only the upload example stores something: a board member's document.
    tables: ["StoredFile", "AuditLog"],
    variants: [
      {
        name: "example",
        valid: form({
          intent: fc.constant("example"),
          name: typedText(80),
          email,
          role: fc.constantFrom("company", "teacher", "board"),
          date: typedDate,
          message: optional(typedText(500)),
          topics: fc.subarray(["cases", "challenges", "meetings"], { minLength: 1 }),
          rsvp: fc.constantFrom("yes", "no", "maybe"),
          agree: fc.constant("on"),
        }),
        prepare: anonymous,
        accepted: (res) => redirected(res, "/ontwerp") && setCookie(res, "vv_toast"),
        async stored(_ctx, _fx, value, res) {
          const toast = await toastOf(res);
          return toast?.values?.name === value.name ? null : `toast ${JSON.stringify(toast)}`;
        },
        shownOn: toastPage,
      },
      {
        name: "toast",
        valid: form({ intent: fc.constant("toast"), tone: fc.constantFrom("success", "info", "warning", "error") }),
        prepare: anonymous,
        accepted: (res) => redirected(res, "/ontwerp") && setCookie(res, "vv_toast"),
        stored: async (_ctx, _fx, value, res) => ((await toastOf(res))?.tone === value.tone ? null : "toast"),
      },
      {
        name: "delete",
        valid: form({ intent: fc.constant("delete"), id: fc.constant("demo") }),
        prepare: anonymous,
        accepted: (res) => redirected(res, "/ontwerp") && setCookie(res, "vv_toast"),
        stored: async (_ctx, _fx, _value, res) => ((await toastOf(res)) ? null : "toast"),
      },
      {
        // A real upload (multipart only: sent urlencoded, the file is text and the schema refuses it).
        name: "upload",
        valid: fc
          .record({
            file: fc.constantFrom("verslag.pdf", "<b>vv-xss</b>.pdf", "../../etc/passwd", "\u202Efdp.exe", "notulen"),
            type: fc.constantFrom("application/pdf", "application/octet-stream", ""),
            extra: typedText(200),
          })
          .map(({ file, type, extra }): Fields => [
            ["intent", "upload"],
            ["file", { file, type, content: `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${extra.replace(/[\r\n]/g, " ")}\n%%EOF\n` }],
          ]),
        async prepare(ctx) {
          const user = await createUser(ctx.db, { email: `${fresh("fuzz-upload-")}@guards.example` });
          // The demo upload is the board's (issue 15, finding 11).
          await assignRole(ctx.db, user.id, "BOARD");
          return { cookie: await sessionFor(ctx.db, user.id), values: { userId: user.id } };
        },
        accepted: (res) => redirected(res, "/ontwerp?bestand=") && setCookie(res, "vv_toast"),
        async stored(ctx, fx, _value, res) {
          const id = new URL(location(res), "http://localhost").searchParams.get("bestand") ?? "";
          const file = await ctx.db.storedFile.findUnique({ where: { id } });
          if (!file) return "stored file";
          if (file.ownerId !== fx.values.userId || file.contentType !== "application/pdf") return `file ${file.ownerId} ${file.contentType}`;
          return file.fileName.endsWith(".pdf") ? null : `file name ${JSON.stringify(file.fileName)}`;
        },
        shownOn: async (_ctx, fx, _value, res) => [{ path: location(res), cookie: fx.cookie }],
      },
    ],
  },
];

/** The design page's demo forms answer with a toast in a signed cookie (nothing in the database). */
async function toastOf(res: Response) {
  const pair = res.headers.getSetCookie().find((c) => c.startsWith("vv_toast="));
  return pair ? (await getToast(new Request("http://localhost/", { headers: { Cookie: cookiePair(pair) } }))).toast : null;
}
async function toastPage(_ctx: Ctx, _fx: Fixture, _value: Record<string, unknown>, res: Response): Promise<Page[]> {
  const pair = res.headers.getSetCookie().find((c) => c.startsWith("vv_toast="));
  return [{ path: "/ontwerp", cookie: pair ? cookiePair(pair) : undefined }];
}

async function accountUser(ctx: Ctx): Promise<Fixture> {
  const user = await createUser(ctx.db, { email: `${fresh("fuzz-account-")}@guards.example` });
  await assignRole(ctx.db, user.id, "TEACHER", { schoolId: ctx.world.schoolA.id });
  const second = await assignRole(ctx.db, user.id, "SCHOOL_CONTACT", { schoolId: ctx.world.schoolA.id });
  await sessionFor(ctx.db, user.id); // a second browser, for "everywhere"
  return { cookie: await sessionFor(ctx.db, user.id), values: { userId: user.id, roleId: second.id } };
}

async function invite(ctx: Ctx) {
  const board = { id: ctx.world.userIds.board, name: "Bestuur" };
  return createInvitation(
    { email: `${fresh("fuzz-invite-")}@guards.example`, role: "TEACHER", schoolId: ctx.world.schoolA.id },
    board,
    "nl",
    { roleLabel: "Docent", organisationName: "School A" },
  );
}

async function openCheckout(ctx: Ctx): Promise<Fixture> {
  const created = await checkout(ctx);
  return { values: { sessionId: created.sessionId, paymentId: created.paymentId } };
}

/** Every action's row: the core ones above and those of each capability area (areas/*.ts). */
export const FORM_ACTIONS: FormAction[] = [...CORE_ACTIONS, ...AREAS.flatMap((area) => area.actions ?? [])];

// ---------------------------------------------------------------------------------------------
// The Stripe webhook: a signed raw body, not a form. Stripe's signature (checked by the SDK on
// the raw bytes) is its schema; hostile bodies must get a 4xx and store nothing.

export const SIGNED_RAW_BODY: Record<string, string> = {
  "routes/webhooks.stripe": "Stripe's signature on the raw body (Stripe.webhooks.constructEvent), then an allow-list of event types",
};

export type WebhookCase = {
  /** What the generator made: a correctly signed event (must be stored) or a hostile body. */
  signed: boolean;
  body: string | Uint8Array;
  contentType: string | null;
  /** The Stripe-Signature header: "valid" is computed at send time with the fake's secret. */
  signature: null | "valid" | "stale" | "wrong-secret" | "tampered" | { raw: string };
  eventId?: string;
};

const HANDLED_SESSION_EVENTS = [
  "checkout.session.completed",
  "checkout.session.expired",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
] as const;

/** A correctly signed event for a real Checkout Session (`{sessionId}` filled at send time). */
export const signedWebhook: fc.Arbitrary<WebhookCase> = fc
  .tuple(fc.constantFrom(...HANDLED_SESSION_EVENTS), fc.stringMatching(/^[A-Za-z0-9]{8,24}$/))
  .map(([type, id]) => {
    const eventId = `evt_fuzz_${id}`;
    const body = JSON.stringify({
      id: eventId,
      object: "event",
      api_version: "2025-03-31.basil",
      created: 0,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: { id: "{sessionId}", object: "checkout.session" } },
    });
    return { signed: true, body, contentType: "application/json; charset=utf-8", signature: "valid" as const, eventId };
  });

export const hostileWebhook: fc.Arbitrary<WebhookCase> = fc
  .tuple(
    fc.oneof(
      signedWebhook.map((c) => c.body as string),
      hostileValue,
      fc.json(),
      fc.uint8Array({ maxLength: 64 }),
      fc.constant(new Uint8Array(600 * 1024)),
    ),
    fc.oneof(
      fc.constant(null),
      fc.constantFrom("stale" as const, "wrong-secret" as const, "tampered" as const),
      hostileValue.map((raw) => ({ raw })),
      fc.stringMatching(/^t=\d{1,10},v1=[0-9a-f]{0,64}$/).map((raw) => ({ raw })),
    ),
    fc.constantFrom(null, "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"),
  )
  .map(([body, signature, contentType]) => ({ signed: false, body, contentType, signature }));
