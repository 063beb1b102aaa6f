import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CompanyContactsView } from "~/components/network/company-contacts";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { addCompanyContact, getCompanyContacts, removeCompanyContact } from "~/modules/network/company-pages.server";
import { AddContactSchema, RemoveContactSchema } from "~/modules/network/network.schema";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId, user } = await requireCompanyAccess(request, params.companyId);
  const page = await getCompanyContacts(companyId, user.id);
  if (!page) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({ title: `${t("contacts.title")} · ${page.name}`, companyId: page.companyId, contacts: page.contacts });
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

  if (value.intent === "add") {
    const lng = await getLanguage(request);
    const t = await i18next.getFixedT(lng, "network");
    const outcome = await addCompanyContact(companyId, value, user, lng, t("contacts.roleLabel"));
    if (outcome === "not-found") notFound();
    if (outcome === "exists") return reply(submission.reply({ fieldErrors: { email: ["network:errors.contactExists"] } }));
    return redirectWithToast(path, { key: "network:contacts.added", values: { email: value.email } });
  }

  const outcome = await removeCompanyContact(companyId, value.contactId, user);
  if (outcome.status === "not-found") notFound();
  if (outcome.status === "last") return reply(submission.reply({ formErrors: ["network:contacts.lastContact"] }));
  // Whoever removes themselves no longer has this company's pages.
  return redirectWithToast(outcome.self ? "/dashboard" : path, { key: "network:contacts.removed", values: { email: outcome.email } });
}

export default function CompanyContacts() {
  return <CompanyContactsView contacts={useLoaderData<typeof loader>().contacts} lastResult={useActionData<typeof action>()?.result} />;
}
