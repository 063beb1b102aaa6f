// The board's CSV of an edition's ranking (place, team, school, category, score, jurors). The
// board's own, so also before publication; nobody else. A resource route: the results page links to it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { resultsCsvResponse } from "~/modules/judging/publication.server";
import { getLanguage } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const editionId = idParam(params.editionId);
  const csv = await resultsCsvResponse(editionId, await getLanguage(request));
  if (!csv) notFound();
  return csv;
}
