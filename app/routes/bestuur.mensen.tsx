import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OpenInvitations, PeopleList, RoleFields } from "~/components/auth/people";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { notFound, requireBoard } from "~/modules/auth/access.server";
import { listOrganisations, listPeople, removeRole } from "~/modules/auth/accounts.server";
import { BulkInviteSchema, InviteSchema, PeopleActionSchema } from "~/modules/auth/auth.schema";
import { listOpenInvitations, revokeInvitation } from "~/modules/auth/invitations.server";
import { inviteFromBoard } from "~/modules/auth/people.server";
import { BULK_INVITE_MAX } from "~/modules/tasks/bulk-invite";
import { readForm } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBoard(request);
  const [t, people, invitations, organisations] = await Promise.all([
    getT(request),
    listPeople(),
    listOpenInvitations(),
    listOrganisations(),
  ]);
  return json({ title: t("auth:people.title"), people, invitations, ...organisations });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = PeopleActionSchema;
// The bulk form's own part (the browser validates with it; tests read it here).
export { BulkInviteSchema };

const refuse = (result: SubmissionResult<string[]>) => json({ result }, { status: 400 });
const back = "/bestuur/mensen";

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const submission = parseWithZod(await readForm(request), { schema: PeopleActionSchema });
  if (submission.status !== "success") return refuse(submission.reply());
  const value = submission.value;
  if (value.intent === "invite" || value.intent === "bulk-invite") {
    const lang = await getLanguage(request);
    const t = await getT(request);
    const done = await inviteFromBoard(value, board, lang, t(`auth:roles.${value.role}`));
    if (!done.ok) return refuse(submission.reply({ fieldErrors: done.missing }));
    if (done.taskId !== null) return redirectWithToast(`/taken/${done.taskId}`, { key: "auth:people.bulkStarted", values: { count: String(done.count) } });
    return redirectWithToast(back, { key: "auth:people.invited", values: { email: done.email } });
  }
  if (value.intent === "remove-role") {
    const result = await removeRole(value.roleId, board.id);
    if (result === "not-found") notFound();
    if (result === "last-board-role") return refuse(submission.reply({ formErrors: ["auth:people.lastBoard"] }));
    return redirectWithToast(back, { key: "auth:people.removed" });
  }
  if (!(await revokeInvitation(value.invitationId, board.id))) notFound();
  return redirectWithToast(back, { key: "auth:people.revoked" });
}

export default function People() {
  const { t } = useTranslation();
  const { people, invitations, companies, schools } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const intentOf = (result: typeof lastResult) =>
    result?.initialValue && "intent" in result.initialValue ? String(result.initialValue.intent) : undefined;
  const [form, fields] = useForm({
    id: "invite",
    lastResult: intentOf(lastResult) === "invite" ? lastResult : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const [bulkForm, bulkFields] = useForm({
    id: "bulk-invite",
    lastResult: intentOf(lastResult) === "bulk-invite" ? lastResult : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BulkInviteSchema }),
  });
  const inviting = useSubmitting("invite");
  const bulkInviting = useSubmitting("bulk-invite");
  const formErrors = lastResult?.error?.[""];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("auth:people.title")}
        intro={t("auth:people.intro")}
        actions={
          <Link to="/taken" className="inline-flex min-h-11 items-center underline">
            {t("auth:people.tasks")}
          </Link>
        }
      />
      {formErrors?.length ? (
        <Alert tone="error">
          <ErrorList errors={formErrors} />
        </Alert>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:people.inviteTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="invite" />
          <TextField label={t("auth:people.email")} autoComplete="off" {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} errors={fields.email.errors} />
          <TextField label={t("auth:people.name")} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
          <RoleFields fields={fields} organisations={{ companies, schools }} />
          <div className="sm:col-span-2">
            <Button pending={inviting} className="max-sm:w-full">
              {t("auth:people.invite")}
            </Button>
          </div>
        </Form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:people.bulkTitle")}</h2>
        <p className="mt-1 max-w-prose text-slate-700">{t("auth:people.bulkIntro", { max: BULK_INVITE_MAX })}</p>
        <Form method="post" {...getFormProps(bulkForm)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="bulk-invite" />
          <TextareaField
            label={t("auth:people.bulkEmails")}
            hint={t("auth:people.bulkEmailsHint", { max: BULK_INVITE_MAX })}
            rows={8}
            autoComplete="off"
            spellCheck={false}
            className="sm:col-span-2"
            {...getTextareaProps(bulkFields.emails)}
            key={bulkFields.emails.key}
            errors={bulkFields.emails.errors}
          />
          <RoleFields fields={bulkFields} organisations={{ companies, schools }} />
          <div className="sm:col-span-2">
            <Button pending={bulkInviting} className="max-sm:w-full">
              {t("auth:people.bulkSubmit")}
            </Button>
          </div>
        </Form>
      </Card>
      <OpenInvitations invitations={invitations} organisations={{ companies, schools }} />
      <PeopleList people={people} organisations={{ companies, schools }} />
    </div>
  );
}
