// Input schemas of the network pages (company profile, contacts, requests). Free text loses NUL
// characters before any check (PostgreSQL text cannot hold them); ids are checked by pattern
// before they reach a query; empty optional fields are stored as null.
import { z } from "zod";
import type { RequestKind } from "~/generated/prisma/enums";
import { cleanString, ID_PATTERN } from "~/utils/input";

export const REQUEST_KINDS = ["INTERNSHIP", "VISIT", "CASE", "SPONSORING", "JURY", "MEETING", "OTHER"] as const satisfies readonly RequestKind[];
export const REQUEST_STATUSES = ["OPEN", "YES", "NO", "WITHDRAWN"] as const;

/** A row id (cuid or uuid); anything else is no id. The one pattern lives in ~/utils/input. */
export { ID_PATTERN };
export const IdSchema = z.string().regex(ID_PATTERN);

// Conform turns an empty string into undefined for every z.string() it finds, also inside a pipe:
// so the checks after cleaning are refinements, never a second z.string().

/** Required free text of at most `max` characters. */
export const requiredText = (max: number, error: string) =>
  z
    .string({ error })
    .transform(cleanString)
    .refine((value) => value.length >= 1 && value.length <= max, error);

/** Optional free text; empty (or left out) becomes null. Anything but one string is refused. */
export const optionalText = (max: number, error: string) =>
  z
    .string({ error })
    .optional()
    .transform((value) => (value === undefined ? null : cleanString(value) || null))
    .refine((value) => value === null || value.length <= max, error);

/** Checks and normalises an optional value; `fn` returns the stored form, or undefined when invalid. */
const optionalChecked = (max: number, error: string, fn: (value: string) => string | undefined) =>
  optionalText(max, error).transform((value, ctx) => {
    if (value === null) return null;
    const result = fn(value);
    if (result === undefined) {
      ctx.addIssue({ code: "custom", message: error });
      return z.NEVER;
    }
    return result;
  });

/** "www.example.nl" → "https://www.example.nl"; only http(s) addresses with a host name. */
export function normalizeWebsite(value: string): string | undefined {
  if (/\s/.test(value)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) || url.username || url.password) return undefined;
  return url.toString().replace(/\/$/, "");
}

/** "nl 8123.45.678.B01" → "NL812345678B01". */
export function normalizeVat(value: string): string | undefined {
  const compact = value.replace(/[\s.-]/g, "").toUpperCase();
  return /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(compact) ? compact : undefined;
}

/** Dutch postcodes as "1234 AB"; other countries' postcodes as typed (letters, digits, space, dash). */
export function normalizePostcode(value: string): string | undefined {
  const dutch = /^(\d{4})\s?([a-z]{2})$/i.exec(value);
  if (dutch) return `${dutch[1]} ${dutch[2]!.toUpperCase()}`;
  return /^[0-9A-Za-z][0-9A-Za-z -]{1,10}$/.test(value) ? value.toUpperCase() : undefined;
}

const emailPattern = z.email();
export const normalizeEmailAddress = (value: string) => {
  const lower = value.toLowerCase();
  return lower.length <= 254 && emailPattern.safeParse(lower).success ? lower : undefined;
};

export const normalizePhone = (value: string) => (/^\+?[0-9 ()-]{6,20}$/.test(value) && /\d{6}/.test(value.replace(/\D/g, "")) ? value : undefined);

export const ProfileSchema = z.object({
  intent: z.literal("profile"),
  name: requiredText(120, "network:errors.name"),
  description: optionalText(1000, "network:errors.description"),
  sector: optionalText(80, "network:errors.sector"),
  city: optionalText(80, "network:errors.city"),
  website: optionalChecked(200, "network:errors.website", normalizeWebsite),
  vatNumber: optionalChecked(20, "network:errors.vat", normalizeVat),
  invoiceAddress: optionalText(200, "network:errors.address"),
  invoicePostcode: optionalChecked(12, "network:errors.postcode", normalizePostcode),
  invoiceCity: optionalText(80, "network:errors.city"),
  invoiceAttention: optionalText(120, "network:errors.attention"),
  billingEmail: optionalChecked(254, "network:errors.email", normalizeEmailAddress),
  poNumber: optionalText(50, "network:errors.poNumber"),
});

export const LogoSchema = z.object({
  intent: z.literal("logo"),
  logo: z.instanceof(File, { error: "network:errors.logoRequired" }).refine((file) => file.size > 0, "network:errors.logoRequired"),
});

export const AddContactSchema = z.object({
  intent: z.literal("add"),
  name: requiredText(120, "network:errors.contactName"),
  email: requiredText(254, "network:errors.email").transform((value, ctx) => {
    const email = normalizeEmailAddress(value);
    if (!email) {
      ctx.addIssue({ code: "custom", message: "network:errors.email" });
      return z.NEVER;
    }
    return email;
  }),
  phone: optionalChecked(20, "network:errors.phone", normalizePhone),
  jobTitle: optionalText(120, "network:errors.jobTitle"),
});

export const RemoveContactSchema = z.object({ intent: z.literal("remove"), contactId: IdSchema });

export const AnswerSchema = z.object({
  intent: z.literal("answer"),
  requestId: IdSchema,
  answer: z.enum(["YES", "NO"], { error: "network:errors.answerChoice" }),
  text: optionalText(2000, "network:errors.answerText"),
});

export const RecordRequestSchema = z.object({
  intent: z.literal("record"),
  companyId: IdSchema,
  kind: z.enum(REQUEST_KINDS, { error: "network:errors.kind" }),
  subject: requiredText(200, "network:errors.subject"),
  details: optionalText(4000, "network:errors.details"),
});

/** The company profile's action: its details, or a new logo. */
export const ProfileActionSchema = z.discriminatedUnion("intent", [ProfileSchema, LogoSchema]);
