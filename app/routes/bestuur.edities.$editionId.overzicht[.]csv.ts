// The board's CSV of an edition's teams and submissions, for outside the school (pupils by first
// name only with a standing consent). A resource route: the overview page links to it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { editionCsvResponse } from "~/modules/challenges/edition-overview.server";
import { getLanguage } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const editionId = idParam(params.editionId);
  const csv = await editionCsvResponse(editionId, await getLanguage(request));
  if (!csv) notFound();
  return csv;
}
