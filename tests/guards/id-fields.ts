// Which inputs of a route carry an object id: its URL parameters (from the file name under
// app/routes, as Remix reads it) and the id fields of its exported zod actionSchema, per intent.
import { readdirSync } from "node:fs";
import path from "node:path";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");

/** Route ids whose file name has a `$param` segment (the catch-all `$` has none), with their params. */
export function paramRoutes(dir = ROUTES_DIR): { id: string; params: string[] }[] {
  return readdirSync(dir)
    .filter((f) => /\.(tsx?|jsx?)$/.test(f))
    .map((f) => f.replace(/\.(tsx?|jsx?)$/, ""))
    .map((name) => ({ id: `routes/${name}`, params: name.split(".").filter((s) => /^\$[A-Za-z]\w*$/.test(s)).map((s) => s.slice(1)) }))
    .filter((r) => r.params.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** A form field holds object ids when its name says so (`invoiceId`, `pupilId`, `coachIds`, `id`). */
export const isIdField = (name: string) => /(^id|Id|Ids)$/.test(name);

type Def = { type?: string; shape?: Record<string, unknown>; options?: unknown[]; in?: unknown; out?: unknown; innerType?: unknown; left?: unknown; right?: unknown; values?: unknown[] };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The object shapes a zod (v4) schema accepts: one per branch of a union. */
function shapes(schema: unknown, depth = 0): Record<string, unknown>[] {
  const def = defOf(schema);
  if (!def || depth > 12) return [];
  switch (def.type) {
    case "object":
      return [def.shape ?? {}];
    case "union":
      return (def.options ?? []).flatMap((o) => shapes(o, depth + 1));
    case "pipe":
      return shapes(def.in, depth + 1);
    case "intersection": {
      const left = shapes(def.left, depth + 1);
      const right = shapes(def.right, depth + 1);
      return left.flatMap((l) => (right.length ? right.map((r) => ({ ...l, ...r })) : [l]));
    }
    case "optional":
    case "nullable":
    case "default":
    case "catch":
    case "readonly":
    case "nonoptional":
      return shapes(def.innerType, depth + 1);
    default:
      return [];
  }
}

/** The literal value of an `intent` field, if the branch has one. */
function intentOf(shape: Record<string, unknown>): string {
  let def = defOf(shape.intent);
  for (let i = 0; def && i < 6 && def.type !== "literal"; i++) def = defOf(def.innerType ?? def.in);
  return def?.type === "literal" ? String(def.values?.[0]) : "*";
}

/** `intent:field` pairs of an actionSchema whose field holds an object id ("*" when there is no intent). */
export function idFieldsOf(schema: unknown): string[] {
  const found = new Set<string>();
  for (const shape of shapes(schema)) {
    const intent = intentOf(shape);
    for (const name of Object.keys(shape)) if (isIdField(name)) found.add(`${intent}:${name}`);
  }
  return [...found].sort();
}
