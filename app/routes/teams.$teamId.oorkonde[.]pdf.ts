// A team's certificate (PDF) after the results are published: for the board, the teachers and
// school contact of the team's school, and the team's own pupils. Anyone else, and everyone
// before publication: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTeamAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { certificatePdfResponse, getCertificate } from "~/modules/judging/certificate.server";
import { getLanguage } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTeamAccess(request, params.teamId, "submission");
  const certificate = await getCertificate(team);
  if (!certificate) notFound();
  return certificatePdfResponse(certificate, await getLanguage(request));
}
