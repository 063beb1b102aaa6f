// Company status changes: one function, so every change is checked against the state machine,
// dated, kept in the company's history and written to the audit log in the caller's transaction.
import type { CompanyStatus } from "~/generated/prisma/enums";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { decideCompanyTransition, type CompanyEvent } from "./company-state";

export class CompanyStateError extends Error {
  constructor(
    message: string,
    readonly from: CompanyStatus,
    readonly event: CompanyEvent,
  ) {
    super(message);
    this.name = "CompanyStateError";
  }
}

export type StatusChangeInput = {
  companyId: string;
  event: CompanyEvent;
  actorId: string | null;
  reason?: string | null;
  /** Extra fields written with the status (e.g. tierId on approval, rejectionReason). */
  data?: { tierId?: string | null; rejectionReason?: string | null; decidedAt?: Date | null };
};

export type StatusChangeResult = { from: CompanyStatus; to: CompanyStatus; changed: boolean };

/**
 * Applies `event` to the company. Locks the company's row first, so two changes at once (a
 * webhook and the board) are applied one after the other. Throws CompanyStateError when the
 * event is not allowed in the current status; returns changed: false when it leaves it as is.
 */
export async function changeCompanyStatus(tx: Tx, input: StatusChangeInput): Promise<StatusChangeResult> {
  const rows = await tx.$queryRaw<{ status: CompanyStatus }[]>`SELECT "status"::text AS status FROM "Company" WHERE "id" = ${input.companyId} FOR UPDATE`;
  const from = rows[0]?.status;
  if (!from) throw new Error(`no company ${input.companyId}`);
  const decision = decideCompanyTransition(from, input.event);
  if (!decision.ok) throw new CompanyStateError(decision.reason, from, input.event);
  if (!decision.changed && !input.data) return { from, to: from, changed: false };
  const at = now();
  await tx.company.update({
    where: { id: input.companyId },
    data: { ...input.data, ...(decision.changed ? { status: decision.to, statusChangedAt: at } : {}) },
  });
  if (decision.changed) {
    await tx.companyStatusChange.create({
      data: { companyId: input.companyId, fromStatus: from, toStatus: decision.to, at, actorId: input.actorId, reason: input.reason ?? null },
    });
    await audit(
      {
        actorId: input.actorId,
        action: `company.${input.event}`,
        entityType: "Company",
        entityId: input.companyId,
        before: { status: from },
        after: { status: decision.to, ...input.data },
        meta: input.reason ? { reason: input.reason } : undefined,
      },
      tx,
    );
  }
  return { from, to: decision.to, changed: decision.changed };
}
