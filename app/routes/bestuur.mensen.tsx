import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { DataTable, type Column } from "~/components/ui/table";
import { TextareaField } from "~/components/ui/textarea";
import { audit } from "~/modules/audit/audit.server";
import { listOrganisations, listPeople, removeRole } from "~/modules/auth/accounts.server";
import { InviteSchema, RemoveRoleSchema, RevokeInvitationSchema } from "~/modules/auth/auth.schema";
import { createInvitation, listOpenInvitations, revokeInvitation } from "~/modules/auth/invitations.server";
import { ROLES } from "~/modules/auth/roles";
import { requireRole } from "~/modules/auth/session.server";
import { BULK_INVITE_MAX, emailLines } from "~/modules/tasks/bulk-invite";
import { startBulkInvite } from "~/modules/tasks/bulk-invite.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const [t, people, invitations, organisations] = await Promise.all([
    getT(request),
    listPeople(),
    listOpenInvitations(),
    listOrganisations(),
  ]);
  return json({ title: t("auth:people.title"), people, invitations, ...organisations });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// Many invitations at once: one address per line; they are sent by a background task (/taken/<id>).
// The lines are checked one by one by the task: a line that is no address is listed, not fatal.
export const BulkInviteSchema = z
  .object({
    intent: z.literal("bulk-invite"),
    emails: z
      .string({ error: "auth:errors.bulkEmpty" })
      .max(BULK_INVITE_MAX * 300, "auth:errors.bulkTooMany")
      .transform(emailLines)
      .pipe(z.array(z.string()).min(1, "auth:errors.bulkEmpty").max(BULK_INVITE_MAX, "auth:errors.bulkTooMany")),
    role: z.enum(ROLES, { error: "auth:errors.roleRequired" }),
    companyId: z.string().max(64).optional(),
    schoolId: z.string().max(64).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "COMPANY_CONTACT" && !value.companyId)
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "auth:errors.companyRequired" });
    if ((value.role === "SCHOOL_CONTACT" || value.role === "TEACHER") && !value.schoolId)
      ctx.addIssue({ code: "custom", path: ["schoolId"], message: "auth:errors.schoolRequired" });
  });

const PeopleActionSchema = z.discriminatedUnion("intent", [InviteSchema, BulkInviteSchema, RemoveRoleSchema, RevokeInvitationSchema]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = PeopleActionSchema;

const refuse = (result: SubmissionResult<string[]>) => json({ result }, { status: 400 });
const back = "/bestuur/mensen";

/** The company or school the role is scoped to, if it exists (null: the role needs none). */
async function scopeOf(value: { role: string; companyId?: string; schoolId?: string }) {
  const companyId = value.role === "COMPANY_CONTACT" ? value.companyId : undefined;
  const schoolId = value.role === "SCHOOL_CONTACT" || value.role === "TEACHER" ? value.schoolId : undefined;
  if (!companyId && !schoolId) return { companyId: undefined, schoolId: undefined, organisation: undefined, missing: null };
  const { companies, schools } = await listOrganisations();
  const organisation = companyId ? companies.find((c) => c.id === companyId) : schools.find((s) => s.id === schoolId);
  const missing: Record<string, string[]> | null = organisation
    ? null
    : companyId
      ? { companyId: ["auth:errors.companyRequired"] }
      : { schoolId: ["auth:errors.schoolRequired"] };
  return { companyId, schoolId, organisation, missing };
}

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const submission = parseWithZod(await readForm(request), { schema: PeopleActionSchema });
  if (submission.status !== "success") return refuse(submission.reply());
  const value = submission.value;
  if (value.intent === "invite" || value.intent === "bulk-invite") {
    const lang = await getLanguage(request);
    const t = await getT(request);
    const scope = await scopeOf(value);
    if (scope.missing) return refuse(submission.reply({ fieldErrors: scope.missing }));
    if (value.intent === "bulk-invite") {
      const task = await db.$transaction(async (tx) => {
        const started = await startBulkInvite(tx, {
          lines: value.emails,
          role: value.role,
          companyId: scope.companyId ?? null,
          schoolId: scope.schoolId ?? null,
          locale: lang,
          inviter: { id: board.id, name: board.name },
          organisationName: scope.organisation?.name ?? null,
        });
        await audit(
          { actorId: board.id, action: "task.start", entityType: "BackgroundTask", entityId: started.id, after: { kind: started.kind, total: started.total, role: value.role } },
          tx,
        );
        return started;
      });
      return redirectWithToast(`/taken/${task.id}`, { key: "auth:people.bulkStarted", values: { count: String(value.emails.length) } });
    }
    await createInvitation({ ...value, companyId: scope.companyId, schoolId: scope.schoolId }, board, lang, {
      roleLabel: t(`auth:roles.${value.role}`),
      organisationName: scope.organisation?.name,
    });
    return redirectWithToast(back, { key: "auth:people.invited", values: { email: value.email } });
  }
  if (value.intent === "remove-role") {
    const result = await removeRole(value.roleId, board.id);
    if (result === "not-found") throw new Response("Not Found", { status: 404 });
    if (result === "last-board-role") return refuse(submission.reply({ formErrors: ["auth:people.lastBoard"] }));
    return redirectWithToast(back, { key: "auth:people.removed" });
  }
  if (!(await revokeInvitation(value.invitationId, board.id))) throw new Response("Not Found", { status: 404 });
  return redirectWithToast(back, { key: "auth:people.revoked" });
}

type Organisations = { companies: { id: string; name: string }[]; schools: { id: string; name: string }[] };

/** Role, and the company or school it needs, for the single and the bulk form. */
function RoleFields({
  fields,
  organisations,
}: {
  fields: {
    role: Parameters<typeof getSelectProps>[0];
    companyId: Parameters<typeof getSelectProps>[0];
    schoolId: Parameters<typeof getSelectProps>[0];
  };
  organisations: Organisations;
}) {
  const { t } = useTranslation();
  const role = fields.role.value;
  const choose = t("auth:people.choose");
  return (
    <>
      <SelectField
        label={t("auth:people.role")}
        placeholder={choose}
        options={ROLES.map((r) => ({ value: r, label: t(`auth:roles.${r}`) }))}
        {...getSelectProps(fields.role)}
        key={fields.role.key}
        errors={fields.role.errors}
      />
      {/* Without JavaScript both lists show; the server uses the one the role needs. */}
      {role !== "BOARD" && role !== "SCHOOL_CONTACT" && role !== "TEACHER" ? (
        <SelectField
          label={t("auth:people.company")}
          hint={role ? undefined : t("auth:people.companyHint")}
          placeholder={choose}
          options={organisations.companies.map((c) => ({ value: c.id, label: c.name }))}
          {...getSelectProps(fields.companyId)}
          key={fields.companyId.key}
          errors={fields.companyId.errors}
        />
      ) : null}
      {role !== "BOARD" && role !== "COMPANY_CONTACT" ? (
        <SelectField
          label={t("auth:people.school")}
          hint={role ? undefined : t("auth:people.schoolHint")}
          placeholder={choose}
          options={organisations.schools.map((s) => ({ value: s.id, label: s.name }))}
          {...getSelectProps(fields.schoolId)}
          key={fields.schoolId.key}
          errors={fields.schoolId.errors}
        />
      ) : null}
    </>
  );
}

export default function People() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { people, invitations, companies, schools } = useLoaderData<typeof loader>();
  // Names of organisations come from the lists the page loads anyway (no query per relation).
  const organisation = (companyId: string | null, schoolId: string | null) =>
    (companyId ? companies.find((c) => c.id === companyId)?.name : schoolId ? schools.find((s) => s.id === schoolId)?.name : undefined) ?? null;
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

  type Invitation = (typeof invitations)[number];
  const invitationColumns: Column<Invitation>[] = [
    { key: "email", header: t("auth:people.email"), rowHeader: true, cell: (inv) => <span className="break-all">{inv.email}</span> },
    {
      key: "role",
      header: t("auth:people.role"),
      cell: (inv) => `${t(`auth:roles.${inv.role}`)}${organisation(inv.companyId, inv.schoolId) ? ` · ${organisation(inv.companyId, inv.schoolId)}` : ""}`,
    },
    {
      key: "expires",
      header: t("auth:people.expiresHeader"),
      hideOnPhone: true,
      cell: (inv) => <time dateTime={inv.expiresAt}>{formatDate(inv.expiresAt, lang, "short")}</time>,
    },
    {
      key: "actions",
      header: t("auth:people.actions"),
      cell: (inv) => (
        <ConfirmDialog
          title={t("auth:people.revokeTitle")}
          triggerLabel={
            <>
              {t("auth:people.revoke")}
              <span className="sr-only"> ({inv.email})</span>
            </>
          }
          triggerVariant="secondary"
          confirmLabel={t("auth:people.revokeConfirm")}
          fields={{ intent: "revoke-invitation", invitationId: inv.id }}
          preventScrollReset
        >
          <p>{t("auth:people.revokeText", { email: inv.email })}</p>
        </ConfirmDialog>
      ),
    },
  ];

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
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:people.openInvitations")}</h2>
        <div className="mt-3">
          <DataTable
            caption={t("auth:people.openInvitations")}
            columns={invitationColumns}
            rows={invitations}
            rowKey={(inv) => inv.id}
            search={false}
            state={{ sort: "", dir: "asc", q: "", page: 1, pages: 1, total: invitations.length, pageSize: Math.max(invitations.length, 1) }}
            empty={<p className="text-slate-700">{t("auth:people.noInvitations")}</p>}
          />
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:people.peopleTitle")}</h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {people.map((person) => (
            <li key={person.id} className="py-3">
              <p className="font-semibold">
                {person.name} <span className="font-normal break-all text-slate-600">{person.email}</span>
              </p>
              {person.roles.length === 0 ? <p className="text-sm text-slate-600">{t("auth:people.noRoles")}</p> : null}
              <ul className="mt-1 space-y-1">
                {person.roles.map((r) => {
                  const org = organisation(r.companyId, r.schoolId);
                  const label = `${t(`auth:roles.${r.role}`)}${org ? ` · ${org}` : ""}`;
                  return (
                    <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                      <span>{label}</span>
                      <ConfirmDialog
                        title={t("auth:people.removeTitle")}
                        triggerLabel={
                          <>
                            {t("auth:people.remove")}
                            <span className="sr-only"> ({t("auth:people.removeLabel", { role: label, name: person.name })})</span>
                          </>
                        }
                        triggerVariant="ghost"
                        confirmLabel={t("auth:people.removeConfirm")}
                        fields={{ intent: "remove-role", roleId: r.id }}
                        preventScrollReset
                      >
                        <p>{t("auth:people.removeText", { role: label, name: person.name })}</p>
                      </ConfirmDialog>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
