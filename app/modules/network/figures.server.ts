import { LISTED_STATUSES } from "~/modules/companies/company-state";
import { db } from "~/utils/db.server";

/** The home page's figures: companies in the public directory (ACTIVE and GRACE) and schools. */
export async function getNetworkFigures() {
  const [companies, schools] = await Promise.all([db.company.count({ where: { status: { in: [...LISTED_STATUSES] } } }), db.school.count()]);
  return { companies, schools };
}
