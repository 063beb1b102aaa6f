import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { fallbackLanguage, i18nOptions, isLanguage, type Language, supportedLanguages } from "~/i18n/config";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// Dutch unless the visitor chose otherwise (the choice lives in a cookie).
export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ["cookie"],
  },
  i18next: i18nOptions,
});

export async function getLanguage(request: Request): Promise<Language> {
  const lng = await i18next.getLocale(request);
  return isLanguage(lng) ? lng : fallbackLanguage;
}

export async function getT(request: Request) {
  return i18next.getFixedT(await getLanguage(request));
}
