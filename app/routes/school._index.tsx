import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { forbidden, notFound, requireUser } from "~/modules/auth/session.server";
import { contactSchoolId, decideTeacherRequest, inviteTeacher } from "~/modules/challenges/schools.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { cleanText, idField, text } from "~/modules/challenges/input";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

/** The school contact and the school they act for (the active role's school); anyone else 403. */
async function requireSchoolContact(request: Request) {
  const user = await requireUser(request);
  const schoolId = contactSchoolId(user);
  if (!schoolId) forbidden();
  return { user, schoolId };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { schoolId } = await requireSchoolContact(request);
  const school = await db.school.findUnique({
    where: { id: schoolId },
    select: {
      id: true,
      name: true,
      brin: true,
      vestiging: true,
      agreementSignedOn: true,
      agreementRecordedAt: true,
      agreementFileId: true,
      teacherRequests: { where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { id: true, createdAt: true, user: { select: { name: true, email: true } } } },
      roles: { where: { role: "TEACHER" }, orderBy: { createdAt: "asc" }, select: { id: true, user: { select: { name: true, email: true } } } },
    },
  });
  if (!school) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "challenges");
  return json({ title: `${t("school.title")} · ${school.name}`, school });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).

const DecideSchema = z.object({ intent: z.enum(["approve", "reject"]), requestId: idField });
const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.preprocess(cleanText, z.email({ error: "challenges:errors.email" }).max(254, "challenges:errors.email")),
  name: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(120, "challenges:errors.tooLong").optional()),
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [DecideSchema, InviteSchema]);

const answer = (form: string, result: SubmissionResult<string[]>) => json({ form, result }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const { user, schoolId } = await requireSchoolContact(request);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const which = submission.payload.intent === "invite" ? "invite" : "decide";
  if (submission.status !== "success") return answer(which, submission.reply());
  const value = submission.value;
  if (value.intent === "invite") {
    const lng = await getLanguage(request);
    if (!(await inviteTeacher({ email: value.email, name: value.name }, { id: user.id, name: user.name, schoolId }, lng))) notFound();
    return redirectWithToast("/school", { key: "challenges:school.invited", values: { email: value.email } });
  }
  const result = await decideTeacherRequest(value.requestId, value.intent, { id: user.id, schoolId });
  // Another school's request (or none): 404, never a hint that it exists.
  if (result === "not-found") notFound();
  if (result === "already-decided") return answer("decide", submission.reply({ formErrors: ["challenges:errors.alreadyDecided"] }));
  return redirectWithToast("/school", { key: value.intent === "approve" ? "challenges:school.approved" : "challenges:school.rejected" });
}

export default function SchoolContactPage() {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  const { school } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
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
