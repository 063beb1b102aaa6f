// Issue 15, finding 9: every anonymous form has a limit per client (and per e-mail address where it
// mails them) kept in PostgreSQL, answered with 429 and the form's message before the post is
// read, and a honeypot field.
import { describe, expect, it } from "vitest";
import { HONEYPOT_FIELD, PUBLIC_FORMS } from "~/modules/auth/public-forms.server";
import { action as applyAction } from "~/routes/aanmelden._index";
import { action as languageAction } from "~/routes/language";
import { action as loginAction } from "~/routes/login._index";
import { action as pupilAction } from "~/routes/login.leerling";
import { db } from "~/utils/db.server";
import { args, post, respond } from "../support/http";

let n = 0;
const from = (ip: string) => ({ "x-vv-client-ip": ip });

function application(overrides: Record<string, string> = {}): Record<string, string> {
  n++;
  return {
    intent: "apply",
    name: `Limiet Metaal ${n} B.V.`,
    kvkNumber: String(61_000_000 + n),
    sector: "Metaal",
    city: "Venlo",
    invoiceAddress: "Industrieweg 4",
    invoicePostcode: "5928pn",
    invoiceCity: "Venlo",
    billingEmail: `facturen-${n}@limiet.example`,
    "contacts[0].name": "Sanne van Dijk",
    "contacts[0].email": `sanne-${n}@limiet.example`,
    "contacts[0].jobTitle": "Directeur",
    ...overrides,
  };
}

describe("anonymous forms: limits and honeypot", () => {
  it("/login: a client over its limit gets 429 with the form's message, also for a valid post", async () => {
    const ip = "203.0.113.41";
    for (let i = 0; i < PUBLIC_FORMS.login.perClient.limit; i++) {
      // Broken posts count too: the limit is taken before the form is read.
      await respond(() => loginAction(args(post("/login", { email: "not-an-address" }, undefined, from(ip)))));
    }
    const tokensBefore = await db.loginToken.count();
    const res = await respond(() => loginAction(args(post("/login", { email: "valid@limiet.example" }, undefined, from(ip)))));
    expect(res.status).toBe(429);
    expect((await res.json()).error.email[0]).toMatch(/^auth:errors\.rateLimited\?count=\d+$/);
    expect(await db.loginToken.count()).toBe(tokensBefore);
    // Another client is not affected.
    expect((await respond(() => loginAction(args(post("/login", { email: "valid@limiet.example" }, undefined, from("203.0.113.42")))))).status).toBe(302);
  });

  it("/login/leerling and /language answer 429 once the client is over its limit", async () => {
    const ip = "203.0.113.43";
    for (let i = 0; i < PUBLIC_FORMS["pupil-login"].perClient.limit; i++) {
      await respond(() => pupilAction(args(post("/login/leerling", { code: "" }, undefined, from(ip)))));
    }
    const pupil = await respond(() => pupilAction(args(post("/login/leerling", { code: "ABCD-EFGH-JKMN" }, undefined, from(ip)))));
    expect(pupil.status).toBe(429);
    for (let i = 0; i < PUBLIC_FORMS.language.perClient.limit; i++) {
      await respond(() => languageAction(args(post("/language", { lang: "en" }, undefined, from(ip)))));
    }
    const language = await respond(() => languageAction(args(post("/language", { lang: "en" }, undefined, from(ip)))));
    expect(language.status).toBe(429);
    expect(await language.text()).toMatch(/Te veel verzoeken/);
  });

  it("/aanmelden: per client, per address, and a filled honeypot sends no mail and stores nothing", async () => {
    // The honeypot: an otherwise valid application is refused.
    const bot = await respond(() => applyAction(args(post("/aanmelden", application({ [HONEYPOT_FIELD]: "https://spam.example" }), undefined, from("203.0.113.50")))));
    expect(bot.status).toBe(400);
    expect((await bot.json()).errors[""]).toEqual(["common:errors.honeypot"]);
    expect(await db.company.count({ where: { name: { startsWith: "Limiet Metaal" } } })).toBe(0);

    // Per address: the same contact address from many clients, mailed at most `limit` times a day.
    const rule = PUBLIC_FORMS.application.perAddress;
    const statuses: number[] = [];
    for (let i = 0; i <= rule.limit; i++) {
      const res = await respond(() => applyAction(args(post("/aanmelden", application({ "contacts[0].email": "Herhaald@Limiet.example" }), undefined, from(`203.0.113.${60 + i}`)))));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, rule.limit).every((s) => s === 302)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await db.outboxMessage.count({ where: { toAddress: "herhaald@limiet.example" } })).toBe(rule.limit);

    // Per client: over the limit, 429 before reading (a broken post counts too).
    const ip = "203.0.113.90";
    for (let i = 0; i < PUBLIC_FORMS.application.perClient.limit; i++) {
      await respond(() => applyAction(args(post("/aanmelden", { intent: "apply" }, undefined, from(ip)))));
    }
    const over = await respond(() => applyAction(args(post("/aanmelden", application(), undefined, from(ip)))));
    expect(over.status).toBe(429);
    expect((await over.json()).errors[""][0]).toMatch(/^companies:errors\.rateLimited\?count=\d+$/);
  });
});
