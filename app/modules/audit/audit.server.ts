// Every write in the portal records who did what, when, and (where it matters) before/after.
import type { Prisma } from "~/generated/prisma/client";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
};

const toJson = (value: unknown): Prisma.InputJsonValue | undefined =>
  value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Write one audit entry; pass the transaction client so the entry commits with the change. */
export async function audit(entry: AuditEntry, client: Tx = db): Promise<void> {
  await client.auditLog.create({
    data: {
      at: now(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      meta: toJson(entry.meta),
    },
  });
}

/** Only the fields that changed, for a compact before/after. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
