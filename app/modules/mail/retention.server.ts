// How long a mail's body is kept. The outbox holds plain sign-in codes and links, invitation
// links and consent requests with a pupil's first name, school and team: once a mail is
// delivered (or given up on) its body is of no use to anyone. What the board needs to see who
// was mailed what and when stays: the template, the kind of mail (idempotency key), the address,
// the status, the times and the provider's id.
import type { Prisma } from "~/generated/prisma/client";
import type { MailStatus } from "~/generated/prisma/enums";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

const DAY_MS = 86_400_000;
const SETTLED: MailStatus[] = ["SENT", "FAILED"];

/** Days a delivered (or failed) mail keeps its body, by template; sign-in codes live minutes. */
export const MAIL_BODY_DAYS: Record<string, number> = { "sign-in": 1, invitation: 14 };
export const MAIL_BODY_DEFAULT_DAYS = 7;
/** A mail still queued this long (simulated mail, or stuck) loses its body too. */
export const QUEUED_MAIL_BODY_DAYS = 14;

/** The message's body as stored once purged. */
const PURGED = { props: {}, subject: "" } satisfies Prisma.OutboxMessageUpdateInput;

/** Remove the bodies of mails past their retention; returns how many were purged. */
export async function purgeMailBodies(at: Date = now()): Promise<number> {
  const templates = Object.keys(MAIL_BODY_DAYS);
  const rules: Prisma.OutboxMessageWhereInput[] = [
    ...templates.map((template) => ({
      template,
      status: { in: SETTLED },
      createdAt: { lt: new Date(at.getTime() - MAIL_BODY_DAYS[template]! * DAY_MS) },
    })),
    {
      template: { notIn: templates },
      status: { in: SETTLED },
      createdAt: { lt: new Date(at.getTime() - MAIL_BODY_DEFAULT_DAYS * DAY_MS) },
    },
    { status: "QUEUED", createdAt: { lt: new Date(at.getTime() - QUEUED_MAIL_BODY_DAYS * DAY_MS) } },
  ];
  let purged = 0;
  for (const rule of rules) {
    const result = await db.outboxMessage.updateMany({ where: { ...rule, bodyPurgedAt: null }, data: { ...PURGED, bodyPurgedAt: at } });
    purged += result.count;
  }
  // A consent request's address is the parent's: the consent flow forgets it once answered or
  // expired, so a purged consent mail does not keep it either.
  await db.outboxMessage.updateMany({
    where: { idempotencyKey: { startsWith: "consent-request:" }, bodyPurgedAt: { not: null }, toAddress: { not: "" } },
    data: { toAddress: "" },
  });
  return purged;
}

/**
 * Delete the mails about these consent requests (with their pending delivery jobs): a pupil is
 * being erased, and those mails hold the pupil's name and the parent's address.
 */
export async function deleteConsentRequestMails(tx: Tx, consentRequestIds: string[]): Promise<number> {
  if (consentRequestIds.length === 0) return 0;
  const keys = consentRequestIds.map((id) => `consent-request:${id}`);
  await tx.job.deleteMany({ where: { uniqueKey: { in: keys.map((key) => `mail:${key}`) }, status: { in: ["PENDING", "FAILED"] } } });
  const result = await tx.outboxMessage.deleteMany({ where: { idempotencyKey: { in: keys } } });
  return result.count;
}
