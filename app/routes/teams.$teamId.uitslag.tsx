// A team's results after publication: its place (when the board publishes places), awards, the
// jury's tops and the tips the board let through (no juror names), and the certificate. For the
// board, the staff of the team's school and the team's own pupils; anyone else, and everyone
// before publication: 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { TeamResultsCard } from "~/components/judging/results";
import { PageHeader } from "~/components/ui/page";
import { requireTeamAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { getTeamResults } from "~/modules/judging/publication.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, access } = await requireTeamAccess(request, params.teamId, "submission");
  const [t, results] = await Promise.all([getT(request), getTeamResults(team.id)]);
  if (!results) notFound();
  return json({ title: `${t("results:team.title")} · ${team.name}`, team: { id: team.id, name: team.name }, back: access === "pupil" ? "/mijn-team" : `/teams/${team.id}`, results });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function TeamResults() {
  const { title, team, back, results } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to={back} className="inline-flex min-h-11 items-center underline">
          {team.name}
        </Link>
      </p>
      <PageHeader title={title} />
      <TeamResultsCard results={results} />
    </div>
  );
}
