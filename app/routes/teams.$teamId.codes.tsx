import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CodesView } from "~/components/teams/codes-view";
import { requireTeamAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { CodesActionSchema } from "~/modules/challenges/team-forms";
import { getCodesPage, issueOrRevokeCodes } from "~/modules/challenges/team-pages.server";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

// Codes are for the teachers of the school and the board; the school contact only reads the team.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTeamAccess(request, params.teamId, "manage");
  const [t, page] = await Promise.all([getT(request), getCodesPage(team.id)]);
  return json({ title: t("teams:codes.title", { team: page.team.name }), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = CodesActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team } = await requireTeamAccess(request, params.teamId, "manage");
  const submission = parseWithZod(await readForm(request), { schema: CodesActionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sheet: null }, { status: 400 });
  const outcome = await issueOrRevokeCodes(team.id, submission.value, user.id);
  if (outcome.done === "not-found") notFound();
  if (outcome.done === "revoked") return redirectWithToast(`/teams/${team.id}/codes`, { key: "teams:codes.revoked", values: { name: outcome.firstName } });
  // New codes replace the earlier ones; the plain codes are shown once, on this sheet.
  return json({ result: null, sheet: outcome.sheet });
}

export default function Codes() {
  const data = useActionData<typeof action>();
  return <CodesView data={useLoaderData<typeof loader>()} sheet={data?.sheet} errors={data?.result?.error?.[""] ?? data?.result?.error?.pupilId} />;
}
