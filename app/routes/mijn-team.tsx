import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MyTeamsView } from "~/components/teams/my-teams-view";
import { requireRole } from "~/modules/auth/session.server";
import { getMyTeams } from "~/modules/challenges/team-pages.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

// A pupil's own team: teammates' first names and the begeleiders. Only pupils; only their team.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PUPIL");
  const [t, teams] = await Promise.all([getT(request), getMyTeams(user.id)]);
  return json({ title: t("teams:mine.title"), teams });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function MyTeam() {
  return <MyTeamsView teams={useLoaderData<typeof loader>().teams} />;
}
