// Who may see a company's logo (files with owner type "CompanyLogo", owner id = the company):
// anyone while the company is listed in the directory (ACTIVE or GRACE); the board and the
// company's own contacts always; nobody else (an application's logo is not public).
import { registerFileAccess } from "~/modules/files/files.server";
import { db } from "~/utils/db.server";
import { LISTED_STATUSES } from "./company-state";

export const LOGO_OWNER_TYPE = "CompanyLogo";

export async function canSeeCompanyLogo(userId: string | null, companyId: string): Promise<boolean> {
  const company = await db.company.findUnique({ where: { id: companyId }, select: { status: true } });
  if (!company) return false;
  if ((LISTED_STATUSES as readonly string[]).includes(company.status)) return true;
  if (!userId) return false;
  const grant = await db.roleAssignment.findFirst({
    where: { userId, user: { disabledAt: null }, OR: [{ role: "BOARD" }, { role: "COMPANY_CONTACT", companyId }] },
    select: { id: true },
  });
  return grant !== null;
}

registerFileAccess(LOGO_OWNER_TYPE, canSeeCompanyLogo);
