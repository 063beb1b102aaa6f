import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { listOrganisations, listPeople, removeRole } from "~/modules/auth/accounts.server";
import { InviteSchema, RemoveRoleSchema, RevokeInvitationSchema } from "~/modules/auth/auth.schema";
import { createInvitation, listOpenInvitations, revokeInvitation } from "~/modules/auth/invitations.server";
import { ROLES } from "~/modules/auth/roles";
import { requireRole } from "~/modules/auth/session.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { readForm } from "~/utils/forms.server";

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

const PeopleActionSchema = z.discriminatedUnion("intent", [InviteSchema, RemoveRoleSchema, RevokeInvitationSchema]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = PeopleActionSchema;

type Done = { key: string; email: string };
const reply = (result: SubmissionResult<string[]>, done?: Done) => json({ result, done: done ?? null }, { status: done ? 200 : 400 });

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const submission = parseWithZod(await readForm(request), { schema: PeopleActionSchema });
  if (submission.status !== "success") return reply(submission.reply());
  const value = submission.value;
  if (value.intent === "invite") {
    const lang = await getLanguage(request);
    const t = await getT(request);
    const companyId = value.role === "COMPANY_CONTACT" ? value.companyId : undefined;
    const schoolId = value.role === "SCHOOL_CONTACT" || value.role === "TEACHER" ? value.schoolId : undefined;
    const { companies, schools } = await listOrganisations();
    const organisation = companyId
      ? companies.find((c) => c.id === companyId)
      : schoolId
        ? schools.find((s) => s.id === schoolId)
        : undefined;
    if ((companyId || schoolId) && !organisation) {
      return reply(submission.reply({ fieldErrors: { [companyId ? "companyId" : "schoolId"]: [companyId ? "auth:errors.companyRequired" : "auth:errors.schoolRequired"] } }));
    }
    await createInvitation({ ...value, companyId, schoolId }, board, lang, {
      roleLabel: t(`auth:roles.${value.role}`),
      organisationName: organisation?.name,
    });
    return reply(submission.reply({ resetForm: true }), { key: "auth:people.invited", email: value.email });
  }
  if (value.intent === "remove-role") {
    const result = await removeRole(value.roleId, board.id);
    if (result === "not-found") throw new Response("Not Found", { status: 404 });
    if (result === "last-board-role") return reply(submission.reply({ formErrors: ["auth:people.lastBoard"] }));
    return reply(submission.reply(), { key: "auth:people.removed", email: "" });
  }
  if (!(await revokeInvitation(value.invitationId, board.id))) throw new Response("Not Found", { status: 404 });
  return reply(submission.reply(), { key: "auth:people.revoked", email: "" });
}

export default function People() {
  const { t, i18n } = useTranslation();
  const { people, invitations, companies, schools } = useLoaderData<typeof loader>();
  // Names of organisations come from the lists the page loads anyway (no query per relation).
  const organisation = (companyId: string | null, schoolId: string | null) =>
    (companyId ? companies.find((c) => c.id === companyId)?.name : schoolId ? schools.find((s) => s.id === schoolId)?.name : undefined) ?? null;
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const lastResult = actionData?.result;
  const done = actionData?.done;
  const [form, fields] = useForm({
    id: "invite",
    lastResult: lastResult?.initialValue && "intent" in lastResult.initialValue && lastResult.initialValue.intent !== "invite" ? undefined : lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeZone: "Europe/Amsterdam" }).format(new Date(iso));
  const role = fields.role.value;
  return (
    <div className="space-y-6">
      <PageHeader title={t("auth:people.title")} intro={t("auth:people.intro")} />
      {done ? <Alert tone="success">{t(done.key, { email: done.email })}</Alert> : null}
      {lastResult?.error?.[""] ? (
        <Alert tone="error">
          <ErrorList errors={lastResult.error[""]} />
        </Alert>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:people.inviteTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="invite" />
          <TextField label={t("auth:people.email")} autoComplete="off" {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} errors={fields.email.errors} />
          <TextField label={t("auth:people.name")} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
          <div>
            <label htmlFor={fields.role.id} className="block text-sm font-semibold">
              {t("auth:people.role")}
            </label>
            <select {...getSelectProps(fields.role)} key={fields.role.key} className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2">
              <option value="">{t("auth:people.choose")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`auth:roles.${r}`)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
          </div>
          {role !== "BOARD" && role !== "SCHOOL_CONTACT" && role !== "TEACHER" ? (
            <div>
              <label htmlFor={fields.companyId.id} className="block text-sm font-semibold">
                {t("auth:people.company")}
              </label>
              <select {...getSelectProps(fields.companyId)} key={fields.companyId.key} className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2">
                <option value="">{t("auth:people.choose")}</option>
                {companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              <ErrorList id={fields.companyId.errorId} errors={fields.companyId.errors} />
            </div>
          ) : null}
          {role !== "BOARD" && role !== "COMPANY_CONTACT" ? (
            <div>
              <label htmlFor={fields.schoolId.id} className="block text-sm font-semibold">
                {t("auth:people.school")}
              </label>
              <select {...getSelectProps(fields.schoolId)} key={fields.schoolId.key} className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2">
                <option value="">{t("auth:people.choose")}</option>
                {schools.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              <ErrorList id={fields.schoolId.errorId} errors={fields.schoolId.errors} />
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <Button disabled={busy}>{t("auth:people.invite")}</Button>
          </div>
        </Form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:people.openInvitations")}</h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("auth:people.noInvitations")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="break-all">
                  {inv.email} — {t(`auth:roles.${inv.role}`)}
                  {organisation(inv.companyId, inv.schoolId) ? ` · ${organisation(inv.companyId, inv.schoolId)}` : ""}{" "}
                  <span className="text-slate-600">({t("auth:people.expires", { date: date(inv.expiresAt) })})</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-invitation" />
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <Button variant="secondary">{t("auth:people.revoke")}</Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
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
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove-role" />
                        <input type="hidden" name="roleId" value={r.id} />
                        <Button variant="ghost">
                          {t("auth:people.remove")}
                          <span className="sr-only"> ({t("auth:people.removeLabel", { role: label, name: person.name })})</span>
                        </Button>
                      </Form>
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
