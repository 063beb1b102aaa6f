import en from "./locales/en.json";
import nl from "./locales/nl.json";

export const supportedLanguages = ["nl", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "nl";
export const defaultNS = "common";

export const resources = { nl: { common: nl }, en: { common: en } } as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS,
  ns: [defaultNS],
  resources,
  interpolation: { escapeValue: false },
};
