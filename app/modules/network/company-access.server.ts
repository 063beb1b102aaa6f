// Who may open a company's own pages (/bedrijf/<id>/…): the board, and the contacts of that
// company. Anyone else signed in gets 404, so another company's pages do not reveal it exists;
// anonymous visitors go to the sign-in page. Every loader and action of those pages calls this.
import { can, isBoard } from "~/modules/auth/permissions";
import { notFound, requireUser, type AuthUser } from "~/modules/auth/session.server";
import { ID_PATTERN } from "./network.schema";

export type CompanyAccess = { user: AuthUser; companyId: string; board: boolean };

export async function requireCompanyAccess(request: Request, companyId: string | undefined): Promise<CompanyAccess> {
  const user = await requireUser(request);
  if (!companyId || !ID_PATTERN.test(companyId)) notFound();
  // The scoped permission (the board, or a contact of this very company); 404 rather than 403.
  if (!can(user.roles, "company:read", { companyId })) notFound();
  return { user, companyId, board: isBoard(user.roles) };
}
