// The board's CSV of the companies (status, tier, this school year's contribution invoice), with
// the list page's filters (status, q). A resource route: the companies page links to it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireBoard } from "~/modules/auth/access.server";
import { companiesCsvResponse, companiesTable, companiesWhere, StatusFilter } from "~/modules/companies/board-companies.server";
import { getLanguage } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBoard(request);
  const url = new URL(request.url);
  const status = StatusFilter.parse(url.searchParams.get("status") ?? undefined);
  const { q } = companiesTable.parse(url);
  return companiesCsvResponse(companiesWhere(status, q), await getLanguage(request));
}
