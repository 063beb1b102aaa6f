import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ApplyForm, type ApplyReply } from "~/components/companies/apply-form";
import { checkPublicAddresses, checkPublicPost, honeypotFilled } from "~/modules/auth/public-forms.server";
import { ApplyActionSchema, ApplySchema, MAX_CONTACTS } from "~/modules/companies/application.schema";
import { isDutchVat, isKvk, normalizeKvk, normalizeVat, normalizeWebsite, submitApplication } from "~/modules/companies/applications.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make: none, the form is static.
export const queryBudget = 0;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLanguage(request), "companies");
  return json({ title: t("apply.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ApplyActionSchema;

type Values = Record<string, unknown>;
type Reply = ApplyReply;

const contactCount = (values: Values) => {
  const contacts = values.contacts;
  return Array.isArray(contacts) ? contacts.length : 0;
};

export async function action({ request }: ActionFunctionArgs) {
  // Limits first: a client over its limit gets 429 before its post is read.
  const limit = await checkPublicPost(request, "application");
  if (!limit.allowed) return json<Reply>({ values: {}, errors: { "": [`companies:errors.rateLimited?count=${limit.minutes}`] }, contactBlocks: 1 }, { status: 429 });
  return withUploadForm(request, "LOGO", async (form) => {
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
    if (!addresses.allowed) return json<Reply>({ values, errors: { "": [`companies:errors.rateLimited?count=${addresses.minutes}`] }, contactBlocks: blocks }, { status: 429 });
    const result = await submitApplication(
      { ...value, kvkNumber, vatNumber, website: value.website ? normalizeWebsite(value.website) : null },
      { locale: lang, logo: value.logo ?? null },
    );
    if (!result.ok) return json<Reply>({ values, errors: result.fieldErrors, contactBlocks: blocks }, { status: 400 });
    return redirectWithToast("/aanmelden/bedankt", { key: "companies:toast.applied" });
  });
}

export default function Apply() {
  return <ApplyForm title={useLoaderData<typeof loader>().title} data={useActionData<typeof action>()} />;
}
