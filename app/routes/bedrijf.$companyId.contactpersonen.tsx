import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { audit } from "~/modules/audit/audit.server";
import { createInvitation } from "~/modules/auth/invitations.server";
import { notFound } from "~/modules/auth/session.server";
import { requireCompanyAccess } from "~/modules/network/company-access.server";
import { AddContactSchema, RemoveContactSchema } from "~/modules/network/network.schema";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId, user } = await requireCompanyAccess(request, params.companyId);
  const company = await db.company.findUnique({
    where: { id: companyId },
    select: {
      id: true,
      name: true,
      contacts: {
        where: { removedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, email: true, phone: true, jobTitle: true, userId: true },
      },
    },
  });
  if (!company) notFound();
  // Whether each contact has signed in: a session of the account with their address (one query).
  const accounts = await db.user.findMany({
    where: { email: { in: company.contacts.map((c) => c.email) } },
    select: { id: true, email: true, _count: { select: { sessions: true } } },
  });
  const signedIn = new Map(accounts.map((a) => [a.email, { id: a.id, sessions: a._count.sessions }]));
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({
    title: `${t("contacts.title")} · ${company.name}`,
    companyId: company.id,
    contacts: company.contacts.map((c) => {
      const account = signedIn.get(c.email);
      return {
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        jobTitle: c.jobTitle,
        signedIn: (account?.sessions ?? 0) > 0,
        isMe: account?.id === user.id || c.userId === user.id,
      };
    }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [AddContactSchema, RemoveContactSchema]);

const reply = (result: SubmissionResult<string[]>) => json({ result }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { companyId, user } = await requireCompanyAccess(request, params.companyId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return reply(submission.reply());
  const value = submission.value;
  const path = `/bedrijf/${companyId}/contactpersonen`;
  const lng = await getLanguage(request);
  const t = await i18next.getFixedT(lng, "network");

  if (value.intent === "add") {
    const outcome = await db.$transaction(async (tx) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true, name: true } });
      if (!company) return "not-found" as const;
      const existing = await tx.companyContact.findFirst({ where: { companyId, email: value.email, removedAt: null }, select: { id: true } });
      if (existing) return "exists" as const;
      const account = await tx.user.findUnique({ where: { email: value.email }, select: { id: true } });
      const contact = await tx.companyContact.create({
        data: { companyId, name: value.name, email: value.email, phone: value.phone, jobTitle: value.jobTitle, userId: account?.id ?? null, createdAt: now() },
      });
      await audit(
        { actorId: user.id, action: "company.contact.add", entityType: "CompanyContact", entityId: contact.id, after: { companyId, name: value.name, email: value.email } },
        tx,
      );
      await createInvitation(
        { email: value.email, name: value.name, role: "COMPANY_CONTACT", companyId },
        user,
        lng,
        { roleLabel: t("contacts.roleLabel"), organisationName: company.name },
        tx,
      );
      return "added" as const;
    });
    if (outcome === "not-found") notFound();
    if (outcome === "exists") return reply(submission.reply({ fieldErrors: { email: ["network:errors.contactExists"] } }));
    return redirectWithToast(path, { key: "network:contacts.added", values: { email: value.email } });
  }

  const outcome = await db.$transaction(async (tx) => {
    // Lock the company, so two removals at once cannot leave it without a contact.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Company" WHERE id = ${companyId} FOR UPDATE`;
    if (locked.length === 0) return { status: "not-found" as const };
    const contact = await tx.companyContact.findFirst({ where: { id: value.contactId, companyId, removedAt: null } });
    if (!contact) return { status: "not-found" as const };
    const remaining = await tx.companyContact.count({ where: { companyId, removedAt: null } });
    if (remaining <= 1) return { status: "last" as const };
    const at = now();
    await tx.companyContact.update({ where: { id: contact.id }, data: { removedAt: at } });
    const account = contact.userId
      ? await tx.user.findUnique({ where: { id: contact.userId }, select: { id: true } })
      : await tx.user.findUnique({ where: { email: contact.email }, select: { id: true } });
    let removedRoles = 0;
    if (account) {
      // Removing the contact also removes their access to this company (another contact row with the same account keeps it).
      const stillContact = await tx.companyContact.count({ where: { companyId, removedAt: null, OR: [{ userId: account.id }, { email: contact.email }] } });
      if (stillContact === 0) {
        removedRoles = (await tx.roleAssignment.deleteMany({ where: { userId: account.id, role: "COMPANY_CONTACT", companyId } })).count;
      }
    }
    // An invitation not yet accepted no longer lets them in either.
    const revoked = await tx.invitation.updateMany({
      where: { email: contact.email, companyId, role: "COMPANY_CONTACT", acceptedAt: null, revokedAt: null },
      data: { revokedAt: at },
    });
    await audit(
      {
        actorId: user.id,
        action: "company.contact.remove",
        entityType: "CompanyContact",
        entityId: contact.id,
        before: { removedAt: null },
        after: { removedAt: at },
        meta: { companyId, userId: account?.id ?? null, removedRoles, revokedInvitations: revoked.count },
      },
      tx,
    );
    return { status: "removed" as const, self: account?.id === user.id, email: contact.email };
  });
  if (outcome.status === "not-found") notFound();
  if (outcome.status === "last") return reply(submission.reply({ formErrors: ["network:contacts.lastContact"] }));
  // Whoever removes themselves no longer has this company's pages.
  return redirectWithToast(outcome.self ? "/dashboard" : path, { key: "network:contacts.removed", values: { email: outcome.email } });
}

export default function CompanyContacts() {
  const { t } = useTranslation("network");
  const { contacts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const lastResult = actionData?.result;
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
