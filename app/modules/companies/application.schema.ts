// The company application form's input (/aanmelden). Client-safe: the route's actionSchema is
// part of the client build. The server repeats the KvK, VAT and website checks in applications.server.
import { z } from "zod";
import { cleanString } from "~/utils/input";

/** At most this many contact persons in one application. */
export const MAX_CONTACTS = 10;

// PostgreSQL text cannot hold NUL (and nobody types one): cleanString drops it before the checks.
const required = (max: number) =>
  z
    .string({ error: "companies:errors.required" })
    .transform(cleanString)
    .pipe(z.string({ error: "companies:errors.required" }).min(1, "companies:errors.required").max(max, "companies:errors.tooLong"));
const optional = (max: number) =>
  z
    .string()
    .transform((v) => cleanString(v) || undefined)
    .pipe(z.string().max(max, "companies:errors.tooLong").optional())
    .optional();
const email = z
  .string({ error: "companies:errors.emailRequired" })
  .transform(cleanString)
  .pipe(z.string({ error: "companies:errors.emailRequired" }).min(1, "companies:errors.emailRequired").max(254, "companies:errors.email").pipe(z.email({ error: "companies:errors.email" })));

const ContactSchema = z.object({
  name: required(120),
  email,
  phone: optional(40).refine((v) => !v || /^[+\d][\d\s()-]{5,}$/.test(v), "companies:errors.phone"),
  jobTitle: optional(120),
});

export const ApplySchema = z.object({
  intent: z.literal("apply").optional(),
  name: required(200),
  kvkNumber: z
    .string({ error: "companies:errors.kvk" })
    .transform((v) => normalizeKvkText(cleanString(v)))
    .pipe(z.string({ error: "companies:errors.kvk" }).regex(/^\d{8}$/, "companies:errors.kvk")),
  vatNumber: z
    .string()
    .transform((v) => cleanString(v).replace(/[\s.]/g, "").toUpperCase() || undefined)
    .pipe(z.string().regex(/^NL\d{9}B\d{2}$/, "companies:errors.vat").optional())
    .optional(),
  sector: required(100),
  city: required(100),
  website: z
    .string()
    .transform((v) => cleanString(v) || undefined)
    .pipe(z.string().max(300, "companies:errors.tooLong").optional())
    .refine((v) => !v || websiteOk(v), "companies:errors.website")
    .optional(),
  invoiceAddress: required(200),
  invoicePostcode: z
    .string({ error: "companies:errors.postcode" })
    .transform(cleanString)
    .pipe(z.string({ error: "companies:errors.postcode" }).regex(/^\d{4}\s?[A-Za-z]{2}$/, "companies:errors.postcode")),
  invoiceCity: required(100),
  invoiceAttention: optional(120),
  billingEmail: email,
  contacts: z.array(ContactSchema, { error: "companies:errors.contactRequired" }).min(1, "companies:errors.contactRequired").max(MAX_CONTACTS, "companies:errors.tooManyContacts"),
  logo: z.instanceof(File).optional(),
});

// Pure checks that also run in the browser bundle (the server repeats them in the module).
function normalizeKvkText(v: string) {
  return v.replace(/[\s.]/g, "");
}
function websiteOk(v: string) {
  if (!v) return true;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

// "add-contact" only shows the form again with one more contact block (works without JavaScript).
export const ApplyActionSchema = z.union([ApplySchema, z.object({ intent: z.literal("add-contact") })]);
