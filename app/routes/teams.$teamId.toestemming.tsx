import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConsentView } from "~/components/teams/consent-view";
import { requireTeamAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { ConsentActionSchema } from "~/modules/challenges/team-forms";
import { changeTeamConsent, getConsentPage } from "~/modules/challenges/team-pages.server";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, relation } = await requireTeamAccess(request, params.teamId, "view");
  const [t, page] = await Promise.all([getT(request), getConsentPage(team.id, relation)]);
  return json({ title: t("teams:consentPage.title", { team: page.team.name }), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ConsentActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team, relation } = await requireTeamAccess(request, params.teamId, "view");
  const submission = parseWithZod(await readForm(request), { schema: ConsentActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (relation === "school-contact") return json(submission.reply({ formErrors: ["teams:errors.readOnly"] }), { status: 403 });
  const back = `/teams/${team.id}/toestemming`;
  const outcome = await changeTeamConsent(team.id, submission.value, user.id);
  if (outcome.done === "not-found") notFound();
  if (outcome.done === "invalid") return json(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 });
  if (outcome.done === "withdrawn") return redirectWithToast(back, { key: "teams:consentPage.withdrawn" });
  const key = outcome.done === "requested" ? "teams:consentPage.requestSent" : "teams:consentPage.recorded";
  return redirectWithToast(back, { key, values: { name: outcome.firstName } });
}

export default function ConsentPage() {
  return <ConsentView data={useLoaderData<typeof loader>()} last={useActionData<typeof action>()} />;
}
