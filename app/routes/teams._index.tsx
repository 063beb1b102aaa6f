import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TeamListView } from "~/components/teams/team-list-view";
import { requireSchoolStaff } from "~/modules/auth/ownership.server";
import { getTeamList } from "~/modules/challenges/team-pages.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, board, schoolIds } = await requireSchoolStaff(request, "staff");
  const [t, list] = await Promise.all([getT(request), getTeamList(user, { board, schoolIds })]);
  return json({ title: t("teams:list.title"), ...list });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Teams() {
  return <TeamListView data={useLoaderData<typeof loader>()} />;
}
