import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { forbidden, requireUser } from "~/modules/auth/session.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 1;

/** "Mijn bedrijf": a company contact goes to their company's pages, the board to the list of companies. */
export async function loader({ request }: LoaderFunctionArgs): Promise<Response> {
  const user = await requireUser(request);
  const active = user.activeRole;
  if (active?.role === "COMPANY_CONTACT" && active.companyId) throw redirect(`/bedrijf/${active.companyId}`);
  if (active?.role === "BOARD" || user.roles.some((r) => r.role === "BOARD")) throw redirect("/bestuur/bedrijven");
  const contact = user.roles.find((r) => r.role === "COMPANY_CONTACT" && r.companyId);
  if (contact) throw redirect(`/bedrijf/${contact.companyId}`);
  forbidden();
}
