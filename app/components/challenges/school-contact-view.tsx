// The school contact's page (/school).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import type { getSchoolContactPage } from "~/modules/challenges/schools.server";
import { formatDate } from "~/utils/format";

type School = NonNullable<SerializeFrom<typeof getSchoolContactPage>>;

/** The school contact's page: agreement, teacher requests to decide, teachers, the invite form. */
export function SchoolContactView({ school, data }: { school: School; data: { form: string; result: SerializeFrom<SubmissionResult<string[]>> } | undefined }) {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  const [form, fields] = useForm<{ intent: string; email: string; name: string }>({
    id: "invite",
    lastResult: data?.form === "invite" ? data.result : undefined,
    shouldValidate: "onBlur",
  });
  const inviting = useSubmitting("invite");
  const decideErrors = data?.form === "decide" ? data.result.error?.[""] : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={school.name} intro={t("school.intro")} />
      <Card>
        <h2 className="text-lg font-semibold">{t("school.agreementTitle")}</h2>
        {school.agreementRecordedAt && school.agreementSignedOn ? (
          <div className="mt-3">
            <Alert tone="success" title={t("school.agreementYes", { date: formatDate(school.agreementSignedOn, lang) })}>
              <p>{t("school.agreementYesText")}</p>
              {school.agreementFileId ? (
                <p className="mt-2">
                  <a href={`/files/${school.agreementFileId}`} className="underline">
                    {t("schools.agreementDocument")}
                  </a>
                </p>
              ) : null}
            </Alert>
          </div>
        ) : (
          <div className="mt-3">
            <Alert tone="warning" title={t("school.agreementNo")}>
              <p>{t("school.agreementNoText")}</p>
            </Alert>
          </div>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("school.requestsTitle")}</h2>
        {decideErrors?.length ? (
          <div className="mt-3">
            <Alert tone="error">
              <ErrorList errors={decideErrors} />
            </Alert>
          </div>
        ) : null}
        {school.teacherRequests.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("school.noRequests")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {school.teacherRequests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">{r.user.name}</p>
                  <p className="text-sm break-all text-slate-600">
                    {r.user.email} · {t("school.requestedOn", { date: formatDate(r.createdAt, lang) })}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <Button>
                      {t("school.approve")}
                      <span className="sr-only"> ({r.user.name})</span>
                    </Button>
                  </Form>
                  <ConfirmDialog
                    title={t("school.rejectTitle")}
                    triggerLabel={
                      <>
                        {t("school.reject")}
                        <span className="sr-only"> ({r.user.name})</span>
                      </>
                    }
                    triggerVariant="secondary"
                    confirmLabel={t("school.rejectConfirm")}
                    fields={{ intent: "reject", requestId: r.id }}
                  >
                    <p>{t("school.rejectText", { name: r.user.name })}</p>
                  </ConfirmDialog>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("school.teachersTitle")}</h2>
        {school.roles.length === 0 ? (
          <EmptyState className="mt-3" headingLevel={3} title={t("school.noTeachers")} text={t("school.noTeachersText")} />
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {school.roles.map((r) => (
              <li key={r.id} className="py-2">
                <span className="font-semibold">{r.user.name}</span> <span className="break-all text-slate-600">{r.user.email}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("school.inviteTitle")}</h2>
        <p className="mt-1 text-slate-700">{t("school.inviteIntro")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="invite" />
          <TextField label={t("school.email")} autoComplete="off" {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} errors={fields.email.errors} />
          <TextField label={t("school.name")} optional {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
          <div className="sm:col-span-2">
            <Button pending={inviting} className="max-sm:w-full">
              {t("school.invite")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
