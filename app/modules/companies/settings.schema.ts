// The input rules of the board's settings page (foundation details, contribution tiers, school
// years): client-safe, so the page and the tests share them. Messages are i18n keys.
import { z } from "zod";

// PostgreSQL text cannot hold NUL (and nobody types one): it is dropped before the checks.
const clean = (s: string) => s.replaceAll("\u0000", "").trim();
const required = (max: number) =>
  z
    .string({ error: "companies:errors.required" })
    .transform(clean)
    .pipe(z.string({ error: "companies:errors.required" }).min(1, "companies:errors.required").max(max, "companies:errors.tooLong"));
const optional = (max: number) => z.string().transform((v) => clean(v) || undefined).pipe(z.string().max(max, "companies:errors.tooLong").optional()).optional();
const int = (min: number, max: number) =>
  z
    .string({ error: "companies:errors.number" })
    .transform(clean)
    .pipe(z.string({ error: "companies:errors.number" }).regex(/^\d{1,4}$/, "companies:errors.number"))
    .transform(Number)
    .pipe(z.number().int().min(min, "companies:errors.range").max(max, "companies:errors.range"));
const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** "1.250,50", "1250.5", "€ 250" → cents; null when it is no amount. */
export function parseEuros(text: string): number | null {
  const s = text.replace(/[€\s]/g, "");
  if (!/^\d[\d.,]*$/.test(s)) return null;
  let normal: string;
  if (s.includes(",") && s.includes(".")) normal = s.lastIndexOf(",") > s.lastIndexOf(".") ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  else if (s.includes(",")) normal = /,\d{1,2}$/.test(s) && s.split(",").length === 2 ? s.replace(",", ".") : s.replace(/,/g, "");
  else if (s.includes(".")) normal = /\.\d{1,2}$/.test(s) && s.split(".").length === 2 ? s : s.replace(/\./g, "");
  else normal = s;
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return null;
  const [whole, fraction = ""] = normal.split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** IBAN: letters, digits, check digits by mod 97 (ISO 13616). */
export function isIban(value: string): boolean {
  const iban = value.replace(/\s/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

const amount = z
  .string({ error: "companies:errors.amount" })
  .transform(clean)
  .transform((v) => parseEuros(v) ?? -1)
  .pipe(z.number().min(100, "companies:errors.amount").max(10_000_000, "companies:errors.amount"));

const TierFields = { name: required(80), amount, benefits: optional(2000) };

const SettingsSchema = z
  .object({
    intent: z.literal("settings"),
    name: required(200),
    address: required(200),
    postcode: z
      .string({ error: "companies:errors.postcode" })
      .transform(clean)
      .pipe(z.string({ error: "companies:errors.postcode" }).regex(/^\d{4}\s?[A-Za-z]{2}$/, "companies:errors.postcode")),
    city: required(100),
    kvkNumber: z
      .string({ error: "companies:errors.kvk" })
      .transform((v) => clean(v).replace(/[\s.]/g, ""))
      .pipe(z.string({ error: "companies:errors.kvk" }).regex(/^\d{8}$/, "companies:errors.kvk")),
    vatNumber: z
      .string()
      .transform((v) => clean(v).replace(/[\s.]/g, "").toUpperCase() || undefined)
      .pipe(z.string().regex(/^NL\d{9}B\d{2}$/, "companies:errors.vat").optional())
      .optional(),
    vatExemptionReason: optional(300),
    iban: z
      .string({ error: "companies:errors.iban" })
      .transform((v) => clean(v).replace(/\s/g, "").toUpperCase())
      .pipe(z.string({ error: "companies:errors.iban" }).max(34, "companies:errors.iban").refine(isIban, "companies:errors.iban")),
    email: z
      .string({ error: "companies:errors.emailRequired" })
      .transform(clean)
      .pipe(z.string({ error: "companies:errors.emailRequired" }).max(254, "companies:errors.email").pipe(z.email({ error: "companies:errors.email" }))),
    contributionVatMode: z.enum(["EXEMPT", "RATE"], { error: "companies:errors.vatMode" }),
    vatRate: z
      .string()
      .transform((v) => clean(v) || undefined)
      .pipe(z.string().regex(/^\d{1,2}([.,]\d{1,2})?$/, "companies:errors.vatRate").optional())
      .transform((v) => (v === undefined ? undefined : Math.round(Number(v.replace(",", ".")) * 100)))
      .pipe(z.number().min(1, "companies:errors.vatRate").max(5000, "companies:errors.vatRate").optional())
      .optional(),
    graceMonths: int(0, 24),
    paymentTermDays: int(1, 120),
    pupilRetentionMonths: int(1, 36),
    invoiceMonth: int(1, 12),
    invoiceDay: int(1, 28),
    reminderDays: z
      .string({ error: "companies:errors.reminderDays" })
      .transform(clean)
      .pipe(z.string({ error: "companies:errors.reminderDays" }).max(100, "companies:errors.reminderDays").regex(/^\d{1,3}(\s*[,;\s]\s*\d{1,3})*$/, "companies:errors.reminderDays"))
      .transform((v) => v.split(/[,;\s]+/).map(Number))
      .pipe(z.array(z.number().int().min(1, "companies:errors.reminderDays").max(365, "companies:errors.reminderDays")).max(6, "companies:errors.reminderDays")),
  })
  .superRefine((v, ctx) => {
    if (v.contributionVatMode === "RATE" && v.vatRate === undefined) ctx.addIssue({ code: "custom", path: ["vatRate"], message: "companies:errors.vatRate" });
    if (!v.vatNumber && !v.vatExemptionReason) ctx.addIssue({ code: "custom", path: ["vatExemptionReason"], message: "companies:errors.vatOrReason" });
  });

export const SettingsActionSchema = z.discriminatedUnion("intent", [
  SettingsSchema,
  z.object({ intent: z.literal("tier-create"), ...TierFields }),
  z.object({ intent: z.literal("tier-update"), tierId: ZId, ...TierFields }),
  z.object({ intent: z.literal("tier-archive"), tierId: ZId, archived: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("tier-move"), tierId: ZId, direction: z.enum(["up", "down"]) }),
  z.object({
    intent: z.literal("year-add"),
    startYear: z
      .string({ error: "companies:errors.year" })
      .transform(clean)
      .pipe(z.string({ error: "companies:errors.year" }).regex(/^\d{4}$/, "companies:errors.year"))
      .transform(Number)
      .pipe(z.number().int().min(2000, "companies:errors.year").max(2100, "companies:errors.year")),
  }),
]);
