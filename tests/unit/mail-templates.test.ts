// The mail templates take their texts from the app's translations (mail.json, "message"): every
// template renders from its defaults alone (as `npm run email:dev` shows it) in both languages,
// with no key left untranslated, and counts use the plural forms.
import { render } from "@react-email/render";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import InvitationEmail, { invitationSubject } from "#emails/invitation";
import NoticeEmail from "#emails/notice";
import SignInEmail, { signInSubject } from "#emails/sign-in";

const text = async (element: Parameters<typeof render>[0]) => render(element, { plainText: true });

describe("mail templates", () => {
  it("render from their defaults in Dutch and English, with no raw translation key", async () => {
    for (const locale of ["nl", "en"] as const) {
      for (const template of [SignInEmail, InvitationEmail, NoticeEmail]) {
        const html = await render(createElement(template, { locale }));
        expect(html).toContain(`lang="${locale}"`);
        expect(html).not.toMatch(/message\.(signIn|invitation|frame)\./);
      }
    }
    expect(await text(createElement(SignInEmail, { locale: "nl" }))).toContain("Stichting Vrienden van het Maasdal College");
    expect(await text(createElement(SignInEmail, { locale: "en" }))).toContain("Vrienden van het Maasdal College Foundation");
  });

  it("say 1 minuut and 15 minuten", async () => {
    const one = await text(createElement(SignInEmail, { locale: "nl", expiresInMinutes: 1 }));
    expect(one).toContain("De link en de code verlopen na 1 minuut.");
    expect(await text(createElement(SignInEmail, { locale: "nl", expiresInMinutes: 15 }))).toContain("verlopen na 15 minuten.");
    expect(await text(createElement(SignInEmail, { locale: "en", expiresInMinutes: 1 }))).toContain("expire after 1 minute.");
  });

  it("write the subjects in the recipient's language, with and without an organisation", () => {
    const props = { inviterName: "Annemiek Gielen", roleLabel: "contactpersoon", acceptUrl: "http://x/i/t" };
    expect(invitationSubject({ ...props, organisationName: "Maasbouw" }, "nl")).toBe("Annemiek Gielen nodigt u uit als contactpersoon van Maasbouw");
    expect(invitationSubject(props, "nl")).toBe("Annemiek Gielen nodigt u uit als contactpersoon");
    expect(invitationSubject({ ...props, roleLabel: "contact person" }, "en")).toBe("Annemiek Gielen invites you as contact person");
    expect(signInSubject({ email: "a@b.nl", code: "1", confirmUrl: "x" }, "en")).toBe("Sign in to Vrienden van het Maasdal College");
  });
});
