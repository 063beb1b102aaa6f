import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { controlClass, ErrorList, FieldShell, TextField } from "~/components/ui/field";
import { Honeypot } from "~/components/ui/honeypot";
import { checkPublicAddresses, checkPublicPost, honeypotFilled } from "~/modules/auth/public-forms.server";
import { Card, PageHeader } from "~/components/ui/page";
import { isDutchVat, isKvk, normalizeKvk, normalizeVat, normalizeWebsite, submitApplication } from "~/modules/companies/applications.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make: none, the form is static.
export const queryBudget = 0;

export const MAX_CONTACTS = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLanguage(request), "companies");
  return json({ title: t("apply.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// PostgreSQL text cannot hold NUL (and nobody types one): it is dropped before the checks.
const clean = (s: string) => s.replaceAll("\u0000", "").trim();
const required = (max: number) =>
  z
    .string({ error: "companies:errors.required" })
    .transform(clean)
    .pipe(z.string({ error: "companies:errors.required" }).min(1, "companies:errors.required").max(max, "companies:errors.tooLong"));
const optional = (max: number) =>
  z
    .string()
    .transform((v) => clean(v) || undefined)
    .pipe(z.string().max(max, "companies:errors.tooLong").optional())
    .optional();
const email = z
  .string({ error: "companies:errors.emailRequired" })
  .transform(clean)
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
    .transform((v) => normalizeKvkText(clean(v)))
    .pipe(z.string({ error: "companies:errors.kvk" }).regex(/^\d{8}$/, "companies:errors.kvk")),
  vatNumber: z
    .string()
    .transform((v) => clean(v).replace(/[\s.]/g, "").toUpperCase() || undefined)
    .pipe(z.string().regex(/^NL\d{9}B\d{2}$/, "companies:errors.vat").optional())
    .optional(),
  sector: required(100),
  city: required(100),
  website: z
    .string()
    .transform((v) => clean(v) || undefined)
    .pipe(z.string().max(300, "companies:errors.tooLong").optional())
    .refine((v) => !v || websiteOk(v), "companies:errors.website")
    .optional(),
  invoiceAddress: required(200),
  invoicePostcode: z
    .string({ error: "companies:errors.postcode" })
    .transform(clean)
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

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
// "add-contact" only shows the form again with one more contact block (works without JavaScript).
export const actionSchema = z.union([ApplySchema, z.object({ intent: z.literal("add-contact") })]);

type Values = Record<string, unknown>;
type Reply = { values: Values; errors: Record<string, string[]>; contactBlocks: number };

const contactCount = (values: Values) => {
  const contacts = values.contacts;
  return Array.isArray(contacts) ? contacts.length : 0;
};

export async function action({ request }: ActionFunctionArgs) {
  // Limits first: a client over its limit gets 429 before its post is read.
  const limit = await checkPublicPost(request, "application");
  if (!limit.allowed) return json<Reply>({ values: {}, errors: { "": [`companies:errors.rateLimited?minutes=${limit.minutes}`] }, contactBlocks: 1 }, { status: 429 });
  const form = await readForm(request);
  if (honeypotFilled(form)) return json<Reply>({ values: {}, errors: { "": ["common:errors.honeypot"] }, contactBlocks: 1 }, { status: 400 });
  const lang = await getLanguage(request);
  const submission = parseWithZod(form, { schema: ApplySchema });
  // The values typed, without files (a file cannot be shown again) and without NUL.
  const values = JSON.parse(JSON.stringify(submission.payload, (key, v: unknown) => (v instanceof File || key === "logo" ? undefined : typeof v === "string" ? v.replaceAll("\u0000", "") : v))) as Values;
  const blocks = Math.max(1, contactCount(values));
  if (form.get("intent") === "add-contact") {
    return json<Reply>({ values, errors: {}, contactBlocks: Math.min(MAX_CONTACTS, blocks + 1) });
  }
  if (submission.status !== "success") {
    return json<Reply>({ values, errors: (submission.reply().error ?? {}) as Record<string, string[]>, contactBlocks: blocks }, { status: 400 });
  }
  const value = submission.value;
  const duplicates = new Set<number>();
  const seen = new Set<string>();
  value.contacts.forEach((c, i) => {
    const key = c.email.toLowerCase();
    if (seen.has(key)) duplicates.add(i);
    seen.add(key);
  });
  if (duplicates.size) {
    const errors = Object.fromEntries([...duplicates].map((i) => [`contacts[${i}].email`, ["companies:errors.contactTwice"]]));
    return json<Reply>({ values, errors, contactBlocks: blocks }, { status: 400 });
  }
  const kvkNumber = normalizeKvk(value.kvkNumber);
  const vatNumber = value.vatNumber ? normalizeVat(value.vatNumber) : null;
  if (!isKvk(kvkNumber) || (vatNumber && !isDutchVat(vatNumber))) {
    return json<Reply>({ values, errors: { kvkNumber: ["companies:errors.kvk"] }, contactBlocks: blocks }, { status: 400 });
  }
  // Every address the application mails, each a few times a day at most.
  const addresses = await checkPublicAddresses("application", [value.billingEmail, ...value.contacts.map((c) => c.email)]);
  if (!addresses.allowed) return json<Reply>({ values, errors: { "": [`companies:errors.rateLimited?minutes=${addresses.minutes}`] }, contactBlocks: blocks }, { status: 429 });
  const result = await submitApplication(
    { ...value, kvkNumber, vatNumber, website: value.website ? normalizeWebsite(value.website) : null },
    { locale: lang, logo: value.logo ?? null },
  );
  if (!result.ok) return json<Reply>({ values, errors: result.fieldErrors, contactBlocks: blocks }, { status: 400 });
  return redirectWithToast("/aanmelden/bedankt", { key: "companies:toast.applied" });
}

export default function Apply() {
  const { t } = useTranslation("companies");
  const { title } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = (data?.values ?? {}) as Record<string, unknown>;
  const errors = data?.errors ?? {};
  const blocks = data?.contactBlocks ?? 1;
  const contacts = (Array.isArray(values.contacts) ? values.contacts : []) as Record<string, string | undefined>[];
  const value = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const field = (name: string, opts: { type?: string; autoComplete?: string; optional?: boolean; hint?: string; inputMode?: "numeric" | "email" | "tel" | "url" } = {}) => (
    <TextField
      name={name}
      id={`apply-${name}`}
      label={t(`fields.${name}`)}
      type={opts.type ?? "text"}
      autoComplete={opts.autoComplete}
      inputMode={opts.inputMode}
      optional={opts.optional}
      hint={opts.hint}
      defaultValue={value(name)}
      errors={errors[name]}
    />
  );
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <div className="space-y-6">
      <PageHeader title={title} intro={t("apply.intro")} />
      {hasErrors ? <Alert tone="error">{errors[""]?.length ? <ErrorList errors={errors[""]} /> : t("apply.fixErrors")}</Alert> : null}
      <Form method="post" encType="multipart/form-data" noValidate className="space-y-6">
        <Honeypot />
        {/* The default button (Enter in a field) sends the application, not "add contact person". */}
        <button type="submit" name="intent" value="apply" hidden tabIndex={-1} />
        <Card>
          <h2 className="text-lg font-semibold">{t("apply.companySection")}</h2>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {field("name", { autoComplete: "organization" })}
            {field("kvkNumber", { inputMode: "numeric", hint: t("apply.kvkHint") })}
            {field("vatNumber", { optional: true, hint: t("apply.vatHint") })}
            {field("sector")}
            {field("city", { autoComplete: "address-level2" })}
            {field("website", { type: "url", optional: true, autoComplete: "url" })}
            <FieldShell id="apply-logo" label={t("fields.logo")} hint={t("apply.logoHint")} optional errors={errors.logo}>
              {(control, ids) => <input {...control} type="file" name="logo" accept="image/png,image/jpeg,image/webp" className={controlClass(ids.invalid)} />}
            </FieldShell>
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("apply.invoiceSection")}</h2>
          <p className="mt-1 text-slate-700">{t("apply.invoiceIntro")}</p>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            {field("invoiceAddress", { autoComplete: "street-address" })}
            {field("invoicePostcode", { autoComplete: "postal-code" })}
            {field("invoiceCity", { autoComplete: "address-level2" })}
            {field("invoiceAttention", { optional: true })}
            {field("billingEmail", { type: "email", autoComplete: "email", inputMode: "email" })}
          </div>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("apply.contactsSection")}</h2>
          <p className="mt-1 text-slate-700">{t("apply.contactsIntro")}</p>
          {errors.contacts ? <Alert tone="error">{t("errors.contactRequired")}</Alert> : null}
          {Array.from({ length: blocks }, (_, i) => {
            const c = contacts[i] ?? {};
            const name = (part: string) => `contacts[${i}].${part}`;
            return (
              <fieldset key={i} className="mt-4 rounded-lg border border-slate-300 p-4">
                <legend className="px-1 font-semibold">{t("apply.contactLegend", { number: i + 1 })}</legend>
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField id={`apply-c${i}-name`} name={name("name")} label={t("fields.contactName")} autoComplete="name" defaultValue={c.name ?? ""} errors={errors[name("name")]} />
                  <TextField id={`apply-c${i}-email`} name={name("email")} type="email" inputMode="email" label={t("fields.contactEmail")} autoComplete="email" defaultValue={c.email ?? ""} errors={errors[name("email")]} />
                  <TextField id={`apply-c${i}-phone`} name={name("phone")} type="tel" inputMode="tel" label={t("fields.contactPhone")} optional autoComplete="tel" defaultValue={c.phone ?? ""} errors={errors[name("phone")]} />
                  <TextField id={`apply-c${i}-jobTitle`} name={name("jobTitle")} label={t("fields.contactJobTitle")} optional autoComplete="organization-title" defaultValue={c.jobTitle ?? ""} errors={errors[name("jobTitle")]} />
                </div>
              </fieldset>
            );
          })}
          {blocks < MAX_CONTACTS ? (
            <Button variant="secondary" name="intent" value="add-contact" className="mt-4" formNoValidate>
              {t("apply.addContact")}
            </Button>
          ) : null}
        </Card>
        <div className="flex flex-wrap items-center gap-4">
          <Button name="intent" value="apply" pending={busy}>
            {t("apply.submit")}
          </Button>
          <p className="text-sm text-slate-700">{t("apply.privacy")}</p>
        </div>
      </Form>
    </div>
  );
}
