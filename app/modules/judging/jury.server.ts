// The jury of an edition: the board invites jurors through the existing invitations (a JUROR
// invitation scoped to the edition; the mail goes through the outbox), sees who accepted and the
// conflicts they declared, and removes a juror (which withdraws the invitation and the role).
// Every write is audited in its transaction.
import type { Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { createInvitation } from "~/modules/auth/invitations.server";
import { normalizeEmail } from "~/modules/auth/login.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { Actor, JudgingWriteResult } from "./scoring-forms.server";

export type JurorStatus = "accepted" | "invited" | "expired";

type MemberRow = { id: string; name: string; email: string; userId: string | null; createdAt: Date; expiresAt: Date | null; revokedAt: Date | null };
type ConflictRow = { id: string; memberId: string; kind: string; note: string; declaredAt: Date; team: string };

/** The edition's jurors (not removed) with their status and declared conflicts: two queries, whatever the size of the jury. */
export async function listJury(editionId: string) {
  const at = now();
  const [members, conflicts] = await Promise.all([
    db.$queryRaw<MemberRow[]>`
      SELECT m.id, m.name, m.email, m."userId", m."createdAt", i."expiresAt", i."revokedAt"
      FROM "JuryMember" m LEFT JOIN "Invitation" i ON i.id = m."invitationId"
      WHERE m."editionId" = ${editionId} AND m."removedAt" IS NULL
      ORDER BY m.name, m.id`,
    db.$queryRaw<ConflictRow[]>`
      SELECT jc.id, jc."juryMemberId" AS "memberId", jc.kind::text AS kind, jc.note, jc."declaredAt", t.name AS team
      FROM "JurorConflict" jc
      JOIN "JuryMember" m ON m.id = jc."juryMemberId"
      JOIN "Team" t ON t.id = jc."teamId"
      WHERE m."editionId" = ${editionId} AND m."removedAt" IS NULL
      ORDER BY jc."declaredAt", jc.id`,
  ]);
  const statusOf = (m: MemberRow): JurorStatus => (m.userId ? "accepted" : m.expiresAt && m.expiresAt > at && !m.revokedAt ? "invited" : "expired");
  const conflictsOf = new Map<string, Array<{ id: string; kind: string; note: string; team: string; declaredAt: string }>>();
  for (const c of conflicts) {
    const list = conflictsOf.get(c.memberId) ?? [];
    list.push({ id: c.id, kind: c.kind, note: c.note, team: c.team, declaredAt: c.declaredAt.toISOString() });
    conflictsOf.set(c.memberId, list);
  }
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    email: m.email,
    invitedAt: m.createdAt.toISOString(),
    status: statusOf(m),
    conflicts: conflictsOf.get(m.id) ?? [],
  }));
}

/**
 * Puts a person on the edition's jury and sends the invitation (the mail is queued in the same
 * transaction). Refused when someone with that address is already on this jury.
 */
export async function inviteJuror(
  editionId: string,
  input: { name: string; email: string },
  actor: Actor,
  locale: Language,
  labels: { roleLabel: string },
): Promise<JudgingWriteResult> {
  const email = normalizeEmail(input.email);
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { id: true, name: true } });
    if (!edition) return { ok: false, notFound: true } as const;
    const taken = await tx.juryMember.findFirst({ where: { editionId, email, removedAt: null }, select: { id: true } });
    if (taken) return { ok: false, fieldErrors: { email: ["judging:errors.alreadyJuror"] } };
    const invitation = await createInvitation(
      { email, name: input.name, role: "JUROR", editionId },
      actor,
      locale,
      { roleLabel: labels.roleLabel, organisationName: edition.name },
      tx,
    );
    // Someone who already has an account is linked on acceptance, not now: the invitation is
    // their consent to judge this edition.
    const member = await tx.juryMember.create({
      data: { editionId, email, name: input.name, invitationId: invitation.id, createdAt: now(), createdById: actor.id },
      select: { id: true },
    });
    await audit({ actorId: actor.id, action: "judging.juror.invite", entityType: "JuryMember", entityId: member.id, after: { editionId, email, name: input.name } }, tx);
    return { ok: true, toast: "judging:toast.invited" };
  });
}

/** Takes a juror off the edition's jury: the open invitation is withdrawn and the edition's JUROR role removed. */
export async function removeJuror(editionId: string, memberId: string, actor: Actor): Promise<JudgingWriteResult> {
  return db.$transaction(async (tx) => {
    const member = await tx.juryMember.findFirst({
      where: { id: memberId, editionId, removedAt: null },
      select: { id: true, userId: true, email: true, invitationId: true },
    });
    if (!member) return { ok: false, notFound: true } as const;
    const at = now();
    await tx.juryMember.update({ where: { id: member.id }, data: { removedAt: at, removedById: actor.id } });
    if (member.invitationId) {
      await tx.invitation.updateMany({ where: { id: member.invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: at } });
    }
    let rolesRemoved = 0;
    if (member.userId) {
      const stillOnJury = await tx.juryMember.count({ where: { editionId, userId: member.userId, removedAt: null } });
      if (!stillOnJury) {
        rolesRemoved = (await tx.roleAssignment.deleteMany({ where: { userId: member.userId, role: "JUROR", editionId } })).count;
      }
    }
    await audit(
      { actorId: actor.id, action: "judging.juror.remove", entityType: "JuryMember", entityId: member.id, before: { email: member.email, userId: member.userId }, meta: { rolesRemoved } },
      tx,
    );
    return { ok: true, toast: "judging:toast.removed" };
  });
}
