// Translations on the server: loaded once per process. Every language has one initialised i18next
// instance (created at module load, synchronously: the resources are bundled); a request gets a
// fixed translator of its language, not a new instance (a new instance per request cost ~10 % of
// a page; docs/performance.md).
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { LanguageDetector } from "remix-i18next/server";
import { fallbackLanguage, i18nOptions, isLanguage, type Language, supportedLanguages } from "~/i18n/config";

export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

// Dutch unless the visitor chose otherwise (the choice lives in a cookie).
const detector = new LanguageDetector({
  supportedLanguages: [...supportedLanguages],
  fallbackLanguage,
  cookie: languageCookie,
  order: ["cookie"],
});

function createLanguageInstance(lng: Language): I18n {
  const instance = createInstance();
  // initImmediate: false: with bundled resources init finishes before this returns.
  void instance.use(initReactI18next).init({ ...i18nOptions, lng, initImmediate: false });
  return instance;
}

const instances = Object.fromEntries(supportedLanguages.map((lng) => [lng, createLanguageInstance(lng)])) as Record<Language, I18n>;

/** The process's i18next instance for a language (for React's I18nextProvider; never changed per request). */
export function i18nInstance(lng: Language): I18n {
  return instances[lng];
}

const languageCache = new WeakMap<Request, Promise<Language>>();

/** The visitor's language (cookie, else Dutch). Read once per request. */
export function getLanguage(request: Request): Promise<Language> {
  let cached = languageCache.get(request);
  if (!cached) {
    cached = detector.detect(request).then((lng) => (isLanguage(lng) ? lng : fallbackLanguage));
    languageCache.set(request, cached);
  }
  return cached;
}

const fixedCache = new Map<string, TFunction>();

function fixedT(locale: string, ns?: string | readonly string[], keyPrefix?: string): TFunction {
  const key = `${locale}|${Array.isArray(ns) ? ns.join(",") : (ns ?? "")}|${keyPrefix ?? ""}`;
  let t = fixedCache.get(key);
  if (!t) {
    // An unknown locale (e.g. an old value in the database) falls back as i18next does: to Dutch.
    const instance = instances[isLanguage(locale) ? locale : fallbackLanguage];
    t = instance.getFixedT(locale, ns as string | string[] | undefined, keyPrefix) as TFunction;
    if (fixedCache.size < 200) fixedCache.set(key, t);
  }
  return t;
}

/**
 * Same call shape as remix-i18next's `getFixedT` (a request or a locale, optional namespaces),
 * without creating an instance.
 */
export const i18next = {
  getLocale: getLanguage,
  async getFixedT(requestOrLocale: Request | string, ns?: string | readonly string[], options: { keyPrefix?: string } = {}): Promise<TFunction> {
    const locale = typeof requestOrLocale === "string" ? requestOrLocale : await getLanguage(requestOrLocale);
    return fixedT(locale, ns, options.keyPrefix);
  },
};

export async function getT(request: Request): Promise<TFunction> {
  return fixedT(await getLanguage(request));
}
