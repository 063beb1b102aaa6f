// The board invites people into a role by e-mail; accepting (a POST on the invitation page)
// adds the role and signs the person in.
import type { Role } from "~/generated/prisma/enums";
import type { Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { hashSecret, randomToken } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { normalizeEmail } from "./login.server";
import { createUserSession } from "./session.server";

export const INVITATION_TTL_MS = 14 * 24 * 3_600_000;
const tokenHash = (token: string) => hashSecret(`invitation:${token}`);

export type InvitationInput = {
  email: string;
  name?: string;
  role: Role;
  companyId?: string | null;
  schoolId?: string | null;
  /** JUROR: the edition the person is invited to judge. */
  editionId?: string | null;
};

export async function createInvitation(
  input: InvitationInput,
  inviter: { id: string; name: string },
  locale: Language,
  labels: { roleLabel: string; organisationName?: string },
  /** The caller's transaction (the invitation commits with the caller's change); default: its own. */
  client?: Tx,
) {
  const token = randomToken();
  const at = now();
  const email = normalizeEmail(input.email);
  const inTx = <T,>(fn: (tx: Tx) => Promise<T>) => (client ? fn(client) : db.$transaction(fn));
  return inTx(async (tx) => {
    const invitation = await tx.invitation.create({
      data: {
        email,
        name: input.name || null,
        role: input.role,
        companyId: input.companyId ?? null,
        schoolId: input.schoolId ?? null,
        editionId: input.editionId ?? null,
        tokenHash: tokenHash(token),
        invitedById: inviter.id,
        createdAt: at,
        expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
      },
    });
    await queueMail(
      {
        to: email,
        template: "invitation",
        props: {
          inviterName: inviter.name,
          roleLabel: labels.roleLabel,
          organisationName: labels.organisationName,
          acceptUrl: `${getEnv().APP_URL}/invitation/${token}`,
          locale,
        },
        locale,
        idempotencyKey: `invitation:${invitation.id}`,
      },
      tx,
    );
    await audit(
      {
        actorId: inviter.id,
        action: "invitation.create",
        entityType: "Invitation",
        entityId: invitation.id,
        after: { email, role: input.role, companyId: input.companyId ?? null, schoolId: input.schoolId ?? null, editionId: input.editionId ?? null },
      },
      tx,
    );
    return invitation;
  });
}

export async function findOpenInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      companyId: true,
      schoolId: true,
      editionId: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      company: { select: { name: true } },
      school: { select: { name: true } },
      edition: { select: { name: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now()) return null;
  return invitation;
}

/**
 * Adds the role (creating the account if needed) and signs in. Returns the session cookie and
 * the page to go to. A JUROR invitation grants the role for its edition only and links the
 * edition's jury member (made with the invitation) to the account.
 */
export async function acceptInvitation(request: Request, token: string): Promise<{ setCookie: string; home: string } | null> {
  const invitation = await findOpenInvitation(token);
  if (!invitation) return null;
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now() },
    });
    if (claimed.count !== 1) return null;
    const user =
      (await tx.user.findUnique({ where: { email: invitation.email } })) ??
      (await tx.user.create({ data: { email: invitation.email, name: invitation.name ?? invitation.email.split("@")[0]! } }));
    if (user.disabledAt) return null;
    const scope = { companyId: invitation.companyId, schoolId: invitation.schoolId, editionId: invitation.editionId };
    if (invitation.role === "JUROR") {
      // A juror whose place on the jury was withdrawn meanwhile gets no role.
      const member = await tx.juryMember.updateMany({
        where: { invitationId: invitation.id, removedAt: null, editionId: invitation.editionId ?? "" },
        data: { userId: user.id },
      });
      if (member.count !== 1 || !invitation.editionId) throw new InvitationWithdrawn();
    }
    const existing = await tx.roleAssignment.findFirst({
      where: { userId: user.id, role: invitation.role, ...scope },
    });
    if (!existing) {
      const grant = await tx.roleAssignment.create({
        data: { userId: user.id, role: invitation.role, ...scope },
      });
      await audit({ actorId: user.id, action: "role.grant", entityType: "RoleAssignment", entityId: grant.id, after: grant }, tx);
    }
    if (invitation.role === "COMPANY_CONTACT" && invitation.companyId) {
      // The company's contact person with this address (stored in lower case) is now this account.
      await tx.companyContact.updateMany({
        where: { companyId: invitation.companyId, email: invitation.email, removedAt: null, userId: null },
        data: { userId: user.id },
      });
    }
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    await audit({ actorId: user.id, action: "invitation.accept", entityType: "Invitation", entityId: invitation.id }, tx);
    const setCookie = await createUserSession(request, user.id, tx);
    return { setCookie, home: invitation.role === "JUROR" ? "/jury" : "/dashboard" };
  }).catch((error: unknown) => {
    if (error instanceof InvitationWithdrawn) return null;
    throw error;
  });
}

/** Rolls the acceptance back: the jury place the invitation was for no longer exists. */
class InvitationWithdrawn extends Error {}

export async function revokeInvitation(id: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const result = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now() } });
    if (result.count) await audit({ actorId, action: "invitation.revoke", entityType: "Invitation", entityId: id }, tx);
    return result.count === 1;
  });
}

export async function listOpenInvitations() {
  return db.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      companyId: true,
      schoolId: true,
    },
  });
}
