// The board's company pages: the list (with its CSV export) and one company's page.
import type { CompanyStatus } from "~/generated/prisma/enums";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import {
  approveApplication,
  endCompany,
  reinstateCompany,
  rejectApplication,
  type Actor,
  type DecisionResult,
} from "./applications.server";
import type { CompanyDecision } from "./company.schema";

/** One company with everything the board's page shows, and the tiers it can approve into; null: no such company. */
export async function getBoardCompanyPage(companyId: string) {
  const [company, tiers] = await Promise.all([
    db.company.findUnique({
      where: { id: companyId },
      include: {
        tier: { select: { name: true, amountCents: true } },
        contacts: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, email: true, phone: true, jobTitle: true, userId: true } },
        statusChanges: { orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, fromStatus: true, toStatus: true, at: true, reason: true, actor: { select: { name: true } } } },
        invoices: {
          orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
          select: { id: true, number: true, status: true, totalCents: true, issuedAt: true, dueAt: true, paidAt: true, description: true },
        },
      },
    }),
    db.contributionTier.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, amountCents: true } }),
  ]);
  return company ? { company, tiers } : null;
}

/** Carries out one of the board's decisions on a company. */
export function decideCompany(companyId: string, decision: CompanyDecision, board: Actor): Promise<DecisionResult> {
  switch (decision.intent) {
    case "approve":
      return approveApplication(companyId, decision.tierId, board);
    case "reject":
      return rejectApplication(companyId, decision.reason, board);
    case "end":
      return endCompany(companyId, decision.reason, board);
    case "reinstate":
      return reinstateCompany(companyId, board);
  }
}
