// The language of a mail, and its texts: they come from the app's own translations
// (app/i18n/locales/<language>/mail.json, under "message"), imported here directly so that
// `email dev` previews them without the app. Mail goes to adults (company contacts, teachers,
// jurors, board), so it says "u" / "uw"; counts use i18next's plural forms.
import { createInstance, type TFunction } from "i18next";
import en from "../app/i18n/locales/en/mail.json";
import nl from "../app/i18n/locales/nl/mail.json";

export const mailLocales = ["nl", "en"] as const;
export type MailLocale = (typeof mailLocales)[number];

export function isMailLocale(value: unknown): value is MailLocale {
  return typeof value === "string" && (mailLocales as readonly string[]).includes(value);
}

const i18n = createInstance();
void i18n.init({
  resources: { nl: { mail: nl }, en: { mail: en } },
  lng: "nl",
  fallbackLng: "nl",
  ns: ["mail"],
  defaultNS: "mail",
  interpolation: { escapeValue: false },
  initImmediate: false,
});

/** The translate function of a mail in `locale` (anything unknown falls back to Dutch). */
export function mailT(locale: unknown): TFunction {
  return i18n.getFixedT(isMailLocale(locale) ? locale : "nl", "mail");
}
