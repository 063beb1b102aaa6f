// Translations live in app/i18n/locales/<language>/<namespace>.json; every file found is loaded.
// Modules keep their own namespace file so their texts stay together.
export const supportedLanguages = ["nl", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const fallbackLanguage: Language = "nl";
export const defaultNS = "common";

type Messages = { [key: string]: string | Messages };

const files = import.meta.glob<Messages>("./locales/*/*.json", { eager: true, import: "default" });

export const resources: Record<Language, Record<string, Messages>> = { nl: {}, en: {} };
for (const [file, messages] of Object.entries(files)) {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
  if (match && isLanguage(match[1])) resources[match[1]][match[2]!] = messages;
}

export const namespaces = Object.keys(resources.nl);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (supportedLanguages as readonly string[]).includes(value);
}

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS,
  ns: namespaces,
  resources,
  interpolation: { escapeValue: false },
};
