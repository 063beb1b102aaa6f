// A company's profile (/bedrijf/<id>): logo and details.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { UploadForm } from "~/components/ui/upload-field";
import type { uploadLimits } from "~/modules/files/files.server";
import type { getCompanyProfile } from "~/modules/network/company-pages.server";
import { ProfileSchema } from "~/modules/network/network.schema";

type CompanyProfile = NonNullable<SerializeFrom<typeof getCompanyProfile>>;
type UploadLimits = ReturnType<typeof uploadLimits>;
type ProfileReply = SerializeFrom<SubmissionResult<string[]>> & { form: "profile" | "logo" };

/** The logo upload and the profile form. `actionData`: a refused form, marked with the form it belongs to. */
export function CompanyProfileForm({ company, logo, actionData }: { company: CompanyProfile; logo: UploadLimits; actionData: ProfileReply | undefined }) {
  const { t } = useTranslation("network");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [form, fields] = useForm({
    id: `profile-${company.updatedAt}`,
    lastResult: actionData?.form === "profile" ? actionData : undefined,
    defaultValue: {
      name: company.name,
      description: company.description ?? "",
      sector: company.sector ?? "",
      city: company.city ?? "",
      website: company.website ?? "",
      vatNumber: company.vatNumber ?? "",
      invoiceAddress: company.invoiceAddress ?? "",
      invoicePostcode: company.invoicePostcode ?? "",
      invoiceCity: company.invoiceCity ?? "",
      invoiceAttention: company.invoiceAttention ?? "",
      billingEmail: company.billingEmail ?? "",
      poNumber: company.poNumber ?? "",
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  });
  const logoErrors = actionData?.form === "logo" ? (actionData.error?.logo ?? actionData.error?.[""] ?? undefined) : undefined;
  const text = (name: keyof typeof fields, label: string, options: { type?: "text" | "email" | "url"; hint?: string; optional?: boolean; autoComplete?: string } = {}) => {
    const field = fields[name];
    return (
      <TextField
        label={label}
        hint={options.hint}
        optional={options.optional ?? true}
        autoComplete={options.autoComplete ?? "off"}
        {...getInputProps(field, { type: options.type ?? "text" })}
        key={field.key}
        errors={field.errors}
      />
    );
  };
  return (
    <div className="space-y-6">
      <PageHeader title={t("profile.title")} intro={t("profile.intro")} />
      <Card>
        <h2 className="text-lg font-semibold">{t("profile.logoTitle")}</h2>
        <div className="mt-3 flex flex-wrap items-start gap-6">
          {company.logoFileId ? (
            <img src={`/files/${company.logoFileId}`} alt={t("profile.logoAlt", { name: company.name })} className="h-24 w-auto max-w-48 rounded border border-slate-200 bg-white object-contain p-2" />
          ) : (
            <p className="text-slate-700">{t("profile.noLogo")}</p>
          )}
          <div className="min-w-0 flex-1">
            <UploadForm
              intent="logo"
              name="logo"
              label={t("profile.logo")}
              hint={t("profile.logoHint", { allowed: logo.allowed, max: logo.max })}
              accept={logo.accept}
              errors={logoErrors}
              submitLabel={t("profile.logoSubmit")}
            />
          </div>
        </div>
      </Card>
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-6">
          <input type="hidden" name="intent" value="profile" />
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("profile.publicTitle")}</legend>
            {text("name", t("profile.name"), { optional: false, autoComplete: "organization" })}
            {text("sector", t("profile.sector"), { hint: t("profile.sectorHint") })}
            {text("city", t("profile.city"))}
            {text("website", t("profile.website"), { hint: t("profile.websiteHint") })}
            <TextareaField
              className="sm:col-span-2"
              label={t("profile.description")}
              hint={t("profile.descriptionHint")}
              optional
              {...getTextareaProps(fields.description)}
              key={fields.description.key}
              errors={fields.description.errors}
            />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("profile.invoiceTitle")}</legend>
            {text("invoiceAttention", t("profile.invoiceAttention"))}
            {text("invoiceAddress", t("profile.invoiceAddress"))}
            {text("invoicePostcode", t("profile.invoicePostcode"))}
            {text("invoiceCity", t("profile.invoiceCity"))}
            {text("billingEmail", t("profile.billingEmail"), { type: "email", hint: t("profile.billingEmailHint") })}
            {text("poNumber", t("profile.poNumber"), { hint: t("profile.poNumberHint") })}
            {text("vatNumber", t("profile.vatNumber"), { hint: t("profile.vatNumberHint") })}
          </fieldset>
          <Button pending={busy && navigation.formData?.get("intent") === "profile"}>{t("profile.save")}</Button>
        </Form>
      </Card>
    </div>
  );
}
