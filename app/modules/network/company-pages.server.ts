// What a company's own pages (/bedrijf/<id>/…) show, and the contact persons' changes: adding
// one (with an invitation) and removing one (never the last: the company row is locked, so two
// removals at once cannot leave it without a contact). Access: ~/modules/auth/ownership.server.
import type { Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { createInvitation } from "~/modules/auth/invitations.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { PROFILE_FIELDS } from "./profile.server";
import { listCompanyRequests } from "./requests.server";

/** The frame of the pages: name and status. */
export function getCompanyFrame(companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { id: true, name: true, status: true } });
}

/** The profile form's values. */
export function getCompanyProfile(companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: PROFILE_FIELDS });
}

/** The contact persons, whether each has signed in, and which one is the viewer. Null: no company. */
export async function getCompanyContacts(companyId: string, viewerId: string) {
  const company = await db.company.findUnique({
    where: { id: companyId },
    select: {
      id: true,
      name: true,
      contacts: {
        where: { removedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, email: true, phone: true, jobTitle: true, userId: true },
      },
    },
  });
  if (!company) return null;
  // Whether each contact has signed in: a session of the account with their address (one query).
  const accounts = await db.user.findMany({
    where: { email: { in: company.contacts.map((c) => c.email) } },
    select: { id: true, email: true, _count: { select: { sessions: true } } },
  });
  const signedIn = new Map(accounts.map((a) => [a.email, { id: a.id, sessions: a._count.sessions }]));
  return {
    name: company.name,
    companyId: company.id,
    contacts: company.contacts.map((c) => {
      const account = signedIn.get(c.email);
      return {
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        jobTitle: c.jobTitle,
        signedIn: (account?.sessions ?? 0) > 0,
        isMe: account?.id === viewerId || c.userId === viewerId,
      };
    }),
  };
}

export type NewContact = { name: string; email: string; phone: string | null; jobTitle: string | null };

/** Adds a contact person and invites them (one transaction, audited). */
export async function addCompanyContact(companyId: string, value: NewContact, actor: AuthUser, lng: Language, roleLabel: string) {
  return db.$transaction(async (tx) => {
    const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true, name: true } });
    if (!company) return "not-found" as const;
    const existing = await tx.companyContact.findFirst({ where: { companyId, email: value.email, removedAt: null }, select: { id: true } });
    if (existing) return "exists" as const;
    const account = await tx.user.findUnique({ where: { email: value.email }, select: { id: true } });
    const contact = await tx.companyContact.create({
      data: { companyId, name: value.name, email: value.email, phone: value.phone, jobTitle: value.jobTitle, userId: account?.id ?? null, createdAt: now() },
    });
    await audit(
      { actorId: actor.id, action: "company.contact.add", entityType: "CompanyContact", entityId: contact.id, after: { companyId, name: value.name, email: value.email } },
      tx,
    );
    await createInvitation({ email: value.email, name: value.name, role: "COMPANY_CONTACT", companyId }, actor, lng, { roleLabel, organisationName: company.name }, tx);
    return "added" as const;
  });
}

/**
 * Removes a contact person, their access to this company and their open invitation. Refused for
 * the last contact. `self`: the actor removed themselves.
 */
export async function removeCompanyContact(companyId: string, contactId: string, actor: Pick<AuthUser, "id">) {
  return db.$transaction(async (tx) => {
    // Lock the company, so two removals at once cannot leave it without a contact.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Company" WHERE id = ${companyId} FOR UPDATE`;
    if (locked.length === 0) return { status: "not-found" as const };
    const contact = await tx.companyContact.findFirst({ where: { id: contactId, companyId, removedAt: null } });
    if (!contact) return { status: "not-found" as const };
    const remaining = await tx.companyContact.count({ where: { companyId, removedAt: null } });
    if (remaining <= 1) return { status: "last" as const };
    const at = now();
    await tx.companyContact.update({ where: { id: contact.id }, data: { removedAt: at } });
    const account = contact.userId
      ? await tx.user.findUnique({ where: { id: contact.userId }, select: { id: true } })
      : await tx.user.findUnique({ where: { email: contact.email }, select: { id: true } });
    let removedRoles = 0;
    if (account) {
      // Removing the contact also removes their access to this company (another contact row with the same account keeps it).
      const stillContact = await tx.companyContact.count({ where: { companyId, removedAt: null, OR: [{ userId: account.id }, { email: contact.email }] } });
      if (stillContact === 0) {
        removedRoles = (await tx.roleAssignment.deleteMany({ where: { userId: account.id, role: "COMPANY_CONTACT", companyId } })).count;
      }
    }
    // An invitation not yet accepted no longer lets them in either.
    const revoked = await tx.invitation.updateMany({
      where: { email: contact.email, companyId, role: "COMPANY_CONTACT", acceptedAt: null, revokedAt: null },
      data: { revokedAt: at },
    });
    await audit(
      {
        actorId: actor.id,
        action: "company.contact.remove",
        entityType: "CompanyContact",
        entityId: contact.id,
        before: { removedAt: null },
        after: { removedAt: at },
        meta: { companyId, userId: account?.id ?? null, removedRoles, revokedInvitations: revoked.count },
      },
      tx,
    );
    return { status: "removed" as const, self: account?.id === actor.id, email: contact.email };
  });
}

/** The company's invoices (overdue marked) and the payments made for them. Null: no company. */
export async function getCompanyInvoices(companyId: string) {
  const company = await db.company.findUnique({
    where: { id: companyId },
    select: {
      name: true,
      invoices: {
        orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
        select: { id: true, number: true, description: true, periodStart: true, periodEnd: true, totalCents: true, status: true, dueAt: true, paidAt: true },
      },
    },
  });
  if (!company) return null;
  const payments = await db.payment.findMany({
    where: { purposeType: "invoice", purposeId: { in: company.invoices.map((i) => i.id) } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, purposeId: true, amountCents: true, status: true, createdAt: true, paidAt: true },
  });
  const at = now();
  const numbers = new Map(company.invoices.map((i) => [i.id, i.number]));
  return {
    name: company.name,
    invoices: company.invoices.map((i) => ({ ...i, overdue: i.status === "OPEN" && i.dueAt < at })),
    payments: payments.map((p) => ({ ...p, invoiceNumber: numbers.get(p.purposeId) ?? "" })),
  };
}

/** The requests the network put to the company. Null: no company. */
export async function getCompanyRequests(companyId: string) {
  const [company, requests] = await Promise.all([db.company.findUnique({ where: { id: companyId }, select: { name: true } }), listCompanyRequests(companyId)]);
  return company ? { name: company.name, requests } : null;
}
