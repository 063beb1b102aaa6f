// The company application form (/aanmelden): company, invoice details, contact persons.
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { controlClass, ErrorList, FieldShell, TextField } from "~/components/ui/field";
import { Honeypot } from "~/components/ui/honeypot";
import { Card, PageHeader } from "~/components/ui/page";
import { MAX_CONTACTS } from "~/modules/companies/application.schema";

/** The action's answer: what was typed (no files), field errors, how many contact blocks to show. */
export type ApplyReply = { values: Record<string, unknown>; errors: Record<string, string[]>; contactBlocks: number };

/** The application form; after a refused post it shows what was typed, the errors and the contact blocks. */
export function ApplyForm({ title, data }: { title: string; data: ApplyReply | undefined }) {
  const { t } = useTranslation("companies");
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
