import { db } from "~/utils/db.server";

export async function getNetworkFigures() {
  const [companies, schools] = await Promise.all([db.company.count(), db.school.count()]);
  return { companies, schools };
}
