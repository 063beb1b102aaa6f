// A count shown to people always has its plural forms ("1 minuut", "5 minuten"), in Dutch and
// English, and each status has one word wherever it is shown. Reads the locale files and the code:
// no app needed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { withNumericCount } from "~/utils/i18n-values";

const root = path.resolve(import.meta.dirname, "../..");
const localeDir = path.join(root, "app/i18n/locales");
const LANGS = ["nl", "en"] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));

/** "ns:key" → text, per language. */
function load(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(localeDir, lang))) {
    const ns = file.replace(/\.json$/, "");
    for (const [key, value] of flatten(JSON.parse(readFileSync(path.join(localeDir, lang, file), "utf8")) as Tree)) out.set(`${ns}:${key}`, value);
  }
  return out;
}
const texts = { nl: load("nl"), en: load("en") };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}
const code = [...sources(path.join(root, "app")), ...sources(path.join(root, "emails"))].map((file) => ({ file: path.relative(root, file), text: readFileSync(file, "utf8") }));

const isPlural = (fullKey: string) => LANGS.every((l) => texts[l].has(`${fullKey}_one`) && texts[l].has(`${fullKey}_other`));

// Words that follow a number: a value that puts one of them after an interpolated number must be
// a plural key counting with {{count}} ("over {{minutes}} minuten" showed "over 1 minuten").
const COUNTED = /\{\{(\w+)\}\}\s+(dagen|dag|minuten|minuut|uren|seconden|weken|maanden|days|day|minutes|minute|hours|seconds|weeks|months|uitnodigingen|betalingen|leerlingen|pupils|invitations|payments)\b/g;

describe("counts in texts", () => {
  it("every text showing {{count}} has a _one and an _other form in Dutch and English", () => {
    const problems: string[] = [];
    for (const lang of LANGS) {
      for (const [key, value] of texts[lang]) {
        if (!value.includes("{{count}}")) continue;
        if (!PLURAL.test(key)) problems.push(`${lang} ${key}: shows {{count}} without plural forms (use ${key}_one / ${key}_other)`);
        else if (!isPlural(key.replace(PLURAL, ""))) problems.push(`${key.replace(PLURAL, "")}: needs both _one and _other in nl and en`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("a number followed by a counted word is a plural {{count}}", () => {
    const problems: string[] = [];
    for (const lang of LANGS) {
      for (const [key, value] of texts[lang]) {
        for (const m of value.matchAll(COUNTED)) {
          if (m[1] !== "count" || !PLURAL.test(key)) problems.push(`${lang} ${key}: "{{${m[1]}}} ${m[2]}" — use {{count}} with _one / _other`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("the code asks for a plural key with a count, and passes a count only to plural keys", () => {
    const problems: string[] = [];
    for (const { file, text } of code) {
      const fileNs = /useTranslation\("(\w+)"\)/.exec(text)?.[1] ?? /getFixedT\([^,]+,\s*"(\w+)"\)/.exec(text)?.[1] ?? "common";
      const full = (raw: string) => (raw.includes(":") ? raw : `${fileNs}:${raw}`);
      // t("key", { …count… }) with literal options.
      for (const m of text.matchAll(/\bt\(\s*["'`]([\w.:-]+)["'`]\s*,\s*\{([^{}]*)\}/g)) {
        const key = full(m[1]!);
        const counted = /(^|[\s,{])count\s*[:,}]|(^|[\s,{])count\s*$/.test(m[2]!);
        if (counted && !isPlural(key)) problems.push(`${file}: t("${m[1]}") gets a count but has no _one/_other forms`);
        if (!counted && isPlural(key) && !texts.nl.has(key)) problems.push(`${file}: t("${m[1]}") is a plural key but gets no count`);
      }
      // Toasts and error keys carry their values as text: "ns:key?count=3", { key, values: { count } }.
      for (const m of text.matchAll(/["'`](\w+:[\w.]+)\?(\w+)=/g)) {
        if (m[2] === "count" && !isPlural(m[1]!)) problems.push(`${file}: ${m[1]}?count= has no _one/_other forms`);
        if (["minutes", "days", "hours", "seconds"].includes(m[2]!)) problems.push(`${file}: ${m[1]}?${m[2]}= — pass the number as count`);
      }
      for (const m of text.matchAll(/key:\s*["'`](\w+:[\w.]+)["'`],\s*values:\s*\{([^{}]*)\}/g)) {
        if (/\bcount\b/.test(m[2]!) !== isPlural(m[1]!)) problems.push(`${file}: toast ${m[1]} — a count goes with a plural key`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("a count as people read it", () => {
  it("says 1 minuut and 5 minuten, also when the count came as text in an error key", async () => {
    const resources = Object.fromEntries(
      LANGS.map((lang) => [lang, Object.fromEntries(readdirSync(path.join(localeDir, lang)).map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(path.join(localeDir, lang, f), "utf8"))]))]),
    );
    const i18n = i18next.createInstance();
    await i18n.init({ lng: "nl", fallbackLng: "nl", resources, interpolation: { escapeValue: false } });
    const fromErrorKey = (query: string) => withNumericCount(Object.fromEntries(new URLSearchParams(query)) as Record<string, string>);
    expect(i18n.t("auth:errors.rateLimited", fromErrorKey("count=1"))).toContain("over 1 minuut opnieuw");
    expect(i18n.t("auth:errors.rateLimited", fromErrorKey("count=5"))).toContain("over 5 minuten opnieuw");
    expect(i18n.t("invoices:mail.invoice.body", { company: "X", number: "F1", count: 14 })).toContain("betaaltermijn van 14 dagen");
    expect(i18n.t("invoices:doc.terms", { count: 1, due: "d", iban: "i", name: "n", number: "F1" })).toContain("binnen 1 dag betalen");
    expect(i18n.t("invoices:mail.invoice.body", { lng: "en", company: "X", number: "F1", count: 1 })).toContain("payable within 1 day.");
  });
});

describe("status words", () => {
  // The same status is named the same on every page (the board saw "Vervallen" on one page and
  // "Geannuleerd" on another for one invoice, "Respijt" and "Betaling open" for one company).
  const mapOf = (lang: "nl" | "en", prefix: string) =>
    new Map([...texts[lang]].filter(([k]) => k.startsWith(`${prefix}.`) && !k.slice(prefix.length + 1).includes(".")).map(([k, v]) => [k.slice(prefix.length + 1), v]));

  it.each(LANGS)("are one word per status across the pages (%s)", (lang) => {
    const groups = [
      ["companies:status", "network:companyStatus"],
      ["companies:invoiceStatus", "network:invoiceStatus", "invoices:status"],
    ];
    const problems: string[] = [];
    for (const group of groups) {
      const maps = group.map((prefix) => [prefix, mapOf(lang, prefix)] as const);
      for (const [prefix, map] of maps) {
        expect(map.size, `${prefix} exists`).toBeGreaterThan(0);
        for (const [status, word] of map) {
          for (const [otherPrefix, other] of maps) {
            const otherWord = other.get(status);
            if (otherWord !== undefined && otherWord !== word) problems.push(`${status}: "${word}" (${prefix}) vs "${otherWord}" (${otherPrefix})`);
          }
        }
      }
    }
    // No status word of one status is another status's word, and none sounds like a date ("Vervallen" beside "Vervaldatum").
    expect([...new Set(problems)]).toEqual([]);
    if (lang === "nl") expect([...mapOf("nl", "invoices:status").values()]).not.toContain("Vervallen");
  });
});
