// A company's contact persons (/bedrijf/<id>/contactpersonen).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import type { getCompanyContacts } from "~/modules/network/company-pages.server";
import { AddContactSchema } from "~/modules/network/network.schema";

type CompanyContact = NonNullable<SerializeFrom<typeof getCompanyContacts>>["contacts"][number];

/** The contact persons with a remove button each (not for the only one), and the form to add one. */
export function CompanyContactsView({ contacts, lastResult }: { contacts: CompanyContact[]; lastResult: SerializeFrom<SubmissionResult<string[]>> | undefined }) {
  const { t } = useTranslation("network");
  const navigation = useNavigation();
  const addResult = lastResult?.initialValue && lastResult.initialValue.intent === "add" ? lastResult : undefined;
  const formErrors = lastResult && lastResult.initialValue?.intent !== "add" ? lastResult.error?.[""] : undefined;
  const [form, fields] = useForm({
    id: "add-contact",
    lastResult: addResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddContactSchema }),
  });
  const only = contacts.length <= 1;
  return (
    <div className="space-y-6">
      <PageHeader title={t("contacts.title")} intro={t("contacts.intro")} />
      {formErrors?.length ? (
        <Alert tone="error">
          <ErrorList errors={formErrors} />
        </Alert>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("contacts.listTitle")}</h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {contacts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-semibold">
                  {c.name}
                  {c.isMe ? <span className="font-normal text-slate-600"> ({t("contacts.you")})</span> : null}
                </p>
                {c.jobTitle ? <p className="text-slate-700">{c.jobTitle}</p> : null}
                <p className="break-all">
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                  {c.phone ? (
                    <>
                      {" · "}
                      <a href={`tel:${c.phone.replace(/[^+\d]/g, "")}`}>{c.phone}</a>
                    </>
                  ) : null}
                </p>
                <p className="mt-1">
                  <Badge tone={c.signedIn ? "success" : "neutral"}>{c.signedIn ? t("contacts.signedIn") : t("contacts.notSignedIn")}</Badge>
                </p>
              </div>
              {only ? (
                <p className="max-w-xs text-sm text-slate-700">{t("contacts.onlyOne")}</p>
              ) : (
                <ConfirmDialog
                  title={t("contacts.removeTitle", { name: c.name })}
                  triggerLabel={
                    <>
                      {t("contacts.remove")}
                      <span className="sr-only"> {c.name}</span>
                    </>
                  }
                  triggerVariant="secondary"
                  confirmLabel={t("contacts.removeConfirm")}
                  fields={{ intent: "remove", contactId: c.id }}
                >
                  <p>{c.isMe ? t("contacts.removeSelfText") : t("contacts.removeText", { name: c.name })}</p>
                </ConfirmDialog>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("contacts.addTitle")}</h2>
        <p className="mt-1 text-slate-700">{t("contacts.addIntro")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="add" />
          <TextField label={t("contacts.name")} autoComplete="off" {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
          <TextField label={t("contacts.email")} autoComplete="off" {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} errors={fields.email.errors} />
          <TextField label={t("contacts.phone")} optional autoComplete="off" {...getInputProps(fields.phone, { type: "tel" })} key={fields.phone.key} errors={fields.phone.errors} />
          <TextField label={t("contacts.jobTitle")} optional autoComplete="off" {...getInputProps(fields.jobTitle, { type: "text" })} key={fields.jobTitle.key} errors={fields.jobTitle.errors} />
          <div className="sm:col-span-2">
            <Button pending={navigation.state === "submitting" && navigation.formData?.get("intent") === "add"}>{t("contacts.add")}</Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
