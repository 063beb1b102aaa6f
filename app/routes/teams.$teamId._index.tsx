import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TeamView } from "~/components/teams/team-view";
import { requireTeamAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { refusalReply, TeamActionSchema } from "~/modules/challenges/team-forms";
import { erasePupilOfTeam, getTeamPage } from "~/modules/challenges/team-pages.server";
import { addCoach, updateTeam, withdrawTeam, type Refusal } from "~/modules/challenges/team-registration.server";
import { readForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, team, relation } = await requireTeamAccess(request, params.teamId, "view");
  const page = await getTeamPage(user, team, relation);
  if (!page) notFound();
  return json(page);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = TeamActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team, relation } = await requireTeamAccess(request, params.teamId, "view");
  const submission = parseWithZod(await readForm(request), { schema: TeamActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const value = submission.value;
  const back = `/teams/${team.id}`;
  // The school contact reads; teachers of the school and the board act.
  if (relation === "school-contact") return json(submission.reply({ formErrors: ["teams:errors.readOnly"] }), { status: 403 });

  if (value.intent === "erase-pupil") {
    // On request, at any time: the pupil becomes "Leerling <n>" of the team.
    if (!(await erasePupilOfTeam(team.id, value.pupilId, user.id))) notFound();
    return redirectWithToast(back, { key: "teams:team.erased" });
  }

  let result: { ok: true } | Refusal;
  if (value.intent === "rename") result = await updateTeam(team.id, { kind: "rename", name: value.name }, user);
  else if (value.intent === "move") result = await updateTeam(team.id, { kind: "move", categoryId: value.categoryId }, user);
  else if (value.intent === "withdraw") result = await withdrawTeam(team.id, user);
  else if (value.intent === "add-pupil") {
    const { intent: _intent, ...pupil } = value;
    result = await updateTeam(team.id, { kind: "add-pupil", pupil }, user);
  } else if (value.intent === "edit-pupil") {
    const { intent: _intent, pupilId: editedId, ...pupil } = value;
    result = await updateTeam(team.id, { kind: "edit-pupil", pupilId: editedId, pupil }, user);
  } else if (value.intent === "remove-pupil") result = await updateTeam(team.id, { kind: "remove-pupil", pupilId: value.pupilId }, user);
  else result = await addCoach(team.id, value.userId, user);

  if (result.ok) return redirectWithToast(back, { key: `teams:team.done.${value.intent}` });
  if (result.reason === "not-found") notFound();
  if (result.reason === "invalid") return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const refused = refusalReply(result.reason);
  return json(submission.reply({ formErrors: [refused.key] }), { status: refused.status });
}

export default function TeamPage() {
  return <TeamView data={useLoaderData<typeof loader>()} lastResult={useActionData<typeof action>()} />;
}
