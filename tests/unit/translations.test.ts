// Every text goes through i18n: Dutch and English must have the same keys, every key used in the
// code must exist, and every key must be used somewhere (dynamic keys are listed below).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const localeDir = path.join(root, "app/i18n/locales");

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));

function load(lang: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of readdirSync(path.join(localeDir, lang))) {
    const ns = file.replace(/\.json$/, "");
    out.set(ns, new Set(flatten(JSON.parse(readFileSync(path.join(localeDir, lang, file), "utf8")) as Tree)));
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sources(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const nl = load("nl");
const en = load("en");
// The mail templates (emails/) take their texts from the app's translations too.
const files = [...sources(path.join(root, "app")), ...sources(path.join(root, "emails"))].map((file) => ({ file, text: readFileSync(file, "utf8") }));
const allText = files.map((f) => f.text).join("\n");
const namespaces = [...nl.keys()];

describe("translations", () => {
  it("have the same keys in Dutch and English", () => {
    const problems: string[] = [];
    for (const ns of new Set([...nl.keys(), ...en.keys()])) {
      const a = nl.get(ns) ?? new Set();
      const b = en.get(ns) ?? new Set();
      for (const k of a) if (!b.has(k)) problems.push(`en is missing ${ns}:${k}`);
      for (const k of b) if (!a.has(k)) problems.push(`nl is missing ${ns}:${k}`);
    }
    expect(problems).toEqual([]);
  });

  it("define every key the code uses", () => {
    const missing: string[] = [];
    // A plural key ("x_one", "x_other") is asked for by its base name "x".
    const exists = (ns: string, key: string) =>
      ["", "_one", "_other"].some((suffix) => nl.get(ns)?.has(`${key}${suffix}`) ?? false);
    for (const { file, text } of files) {
      const fileNs = /useTranslation\("(\w+)"\)/.exec(text)?.[1] ?? /getFixedT\([^,]+,\s*"(\w+)"\)/.exec(text)?.[1] ?? "common";
      // t("key") / t("ns:key") with a literal key.
      for (const m of text.matchAll(/\bt\(\s*["']([\w.:-]+)["']/g)) {
        const raw = m[1]!;
        const [ns, key] = raw.includes(":") ? (raw.split(":", 2) as [string, string]) : [fileNs, raw];
        if (!exists(ns, key) && !exists("common", raw)) missing.push(`${path.relative(root, file)}: ${raw}`);
      }
      // "ns:key" strings (zod messages, error keys), optionally with "?values".
      for (const m of text.matchAll(/["'`](\w+):([\w.]+)(?:\?[^"'`]*)?["'`]/g)) {
        if (namespaces.includes(m[1]!) && !exists(m[1]!, m[2]!)) missing.push(`${path.relative(root, file)}: ${m[1]}:${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("use every key they define", () => {
    const unused: string[] = [];
    for (const [ns, keys] of nl) {
      for (const fullKey of keys) {
        const key = fullKey.replace(/_(zero|one|two|few|many|other)$/, "");
        const parts = key.split(".");
        const candidates = [`${ns}:${key}`, `"${key}"`, `'${key}'`, `\`${key}\``];
        // Keys built at run time: `auth:roles.${role}`, `status.${s}`, `language.${code}`.
        for (let i = parts.length - 1; i >= 1; i--) {
          const prefix = parts.slice(0, i).join(".");
          candidates.push(`${ns}:${prefix}.\${`, `\`${prefix}.\${`);
        }
        if (!candidates.some((c) => allText.includes(c))) unused.push(`${ns}:${fullKey}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
