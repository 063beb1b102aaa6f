import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RegisterTeamForm } from "~/components/teams/register-team-form";
import { idParam } from "~/modules/auth/access.server";
import { requireSchoolStaff } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { RegisterSchema, refusalReply } from "~/modules/challenges/team-forms";
import { getRegistrationForm } from "~/modules/challenges/team-pages.server";
import { registerTeam } from "~/modules/challenges/team-registration.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = RegisterSchema;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, board, schoolIds } = await requireSchoolStaff(request, "teacher");
  const editionId = idParam(new URL(request.url).searchParams.get("editie"));
  const [t, form] = await Promise.all([getT(request), getRegistrationForm(user, { board, schoolIds }, editionId)]);
  if (!form) notFound();
  return json({ title: t("teams:register.title", { edition: form.edition.name }), ...form });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSchoolStaff(request, "teacher");
  const submission = parseWithZod(await readForm(request), { schema: RegisterSchema });
  // "Add a pupil" and "remove" are form intents: the same form comes back with a row more or less.
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const value = submission.value;
  const result = await registerTeam({ ...value, helperSchoolId: value.helperSchoolId ?? null }, user, await getLanguage(request));
  if (result.ok) return redirectWithToast(`/teams/${result.teamId}`, { key: "teams:register.done", values: { team: value.name } });
  if (result.reason === "not-found") notFound();
  if (result.reason === "invalid") return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const refused = refusalReply(result.reason);
  return json(submission.reply({ formErrors: [refused.key] }), { status: refused.status });
}

export default function RegisterTeam() {
  return <RegisterTeamForm data={useLoaderData<typeof loader>()} lastResult={useActionData<typeof action>()} />;
}
