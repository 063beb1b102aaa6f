// Companies join the network: an application (public form), and the board's decisions on it —
// approve (with a contribution tier), reject (with a reason), end and reinstate. Each decision is
// one transaction: the status change (dated, in the history and the audit log), the mails and,
// on approval, the contacts' invitations and the job that issues the first contribution invoice.
import { randomBytes } from "node:crypto";
import { isLanguage, type Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import { createInvitation } from "~/modules/auth/invitations.server";
import { deleteStoredFile, storeUpload } from "~/modules/files/files.server";
import { enqueue } from "~/modules/jobs/jobs.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { i18next } from "~/utils/i18n.server";
import { changeCompanyStatus, CompanyStateError } from "./companies.server";

export { CompanyStateError };

import { LOGO_OWNER_TYPE } from "./logos.server";

export { LOGO_OWNER_TYPE };
export const ISSUE_INVOICE_JOB = "invoices.issue-for-company";

export type ContactInput = { name: string; email: string; phone?: string | null; jobTitle?: string | null };

export type ApplicationInput = {
  name: string;
  kvkNumber: string;
  vatNumber?: string | null;
  sector: string;
  city: string;
  website?: string | null;
  invoiceAddress: string;
  invoicePostcode: string;
  invoiceCity: string;
  invoiceAttention?: string | null;
  billingEmail: string;
  contacts: ContactInput[];
};

export type Actor = { id: string; name: string };

/** Field errors are i18n keys, keyed by the form's field names. */
export type ApplicationResult =
  | { ok: true; companyId: string }
  | { ok: false; fieldErrors: Record<string, string[]> };

// --- Pure rules --------------------------------------------------------------------------------------

/** KvK: exactly 8 digits (spaces and dots people type are dropped). */
export function normalizeKvk(value: string): string {
  return value.replace(/[\s.]/g, "");
}
export const isKvk = (value: string) => /^\d{8}$/.test(value);

/** Dutch VAT number: NL + 9 digits + B + 2 digits, in capitals, without spaces or dots. */
export function normalizeVat(value: string): string {
  return value.replace(/[\s.]/g, "").toUpperCase();
}
export const isDutchVat = (value: string) => /^NL\d{9}B\d{2}$/.test(value);

/** Dutch postcode "1234 AB". */
export function normalizePostcode(value: string): string {
  const compact = value.replace(/\s/g, "").toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : value.trim();
}

/** A website as typed ("www.example.nl") becomes an https URL; null when it is no web address. */
export function normalizeWebsite(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (!url.hostname.includes(".") || url.username || url.password) return null;
    return url.toString();
  } catch {
    return null;
  }
}

/** The contacts of an application: one at least, no address twice (compared in lower case). */
export function duplicateContactIndexes(contacts: ContactInput[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  contacts.forEach((c, i) => {
    const email = c.email.trim().toLowerCase();
    if (seen.has(email)) duplicates.push(i);
    seen.add(email);
  });
  return duplicates;
}

const slugify = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "bedrijf";

/** An id of the same shape as Prisma's cuid (letters and digits), made before the row exists. */
const newId = () => `c${randomBytes(12).toString("hex")}`;

// --- Mail helpers ------------------------------------------------------------------------------------

const appUrl = () => getEnv().APP_URL;
const mailT = (locale: Language) => i18next.getFixedT(locale, "companies");
const languageOf = (value: string | null | undefined): Language => (isLanguage(value) ? value : "nl");

async function notice(
  tx: Tx,
  to: string,
  locale: Language,
  key: string,
  idempotencyKey: string,
  values: Record<string, string>,
  extra: { facts?: { label: string; value: string }[]; button?: { label: string; url: string } } = {},
) {
  const t = await mailT(locale);
  // `key` is one of: applied, boardNew, approved, rejected (see companies.json "mail").
  const text = (part: string) => t(`mail.${key}.${part}`, values);
  await queueMail(
    {
      to,
      template: "notice",
      props: {
        subject: text("subject"),
        preview: text("preview"),
        heading: text("heading"),
        paragraphs: [text("body")],
        facts: extra.facts,
        button: extra.button,
        closing: [t("mail.closing")],
      },
      locale,
      idempotencyKey,
    },
    tx,
  );
}

/** The open contacts of a company, with the language of their account when they have one. */
async function contactsOf(tx: Tx, companyId: string) {
  const contacts = await tx.companyContact.findMany({
    where: { companyId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, user: { select: { locale: true } } },
  });
  const emails = contacts.filter((c) => !c.user).map((c) => c.email);
  const users = emails.length ? await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true, locale: true } }) : [];
  return contacts.map((c) => ({
    ...c,
    locale: languageOf(c.user?.locale ?? users.find((u) => u.email === c.email)?.locale),
  }));
}

// --- Application ------------------------------------------------------------------------------------

/**
 * Stores an application. The logo (optional) is checked and stored first, under the new
 * company's id; a refused logo stores nothing at all. A KvK number that is already known is a
 * field error, also when two applications race (the unique index decides).
 */
export async function submitApplication(
  input: ApplicationInput,
  options: { locale: Language; logo?: File | null },
): Promise<ApplicationResult> {
  const kvkNumber = normalizeKvk(input.kvkNumber);
  const kvkTaken = () => ({ ok: false as const, fieldErrors: { kvkNumber: ["companies:errors.kvkTaken"] } });
  if (await db.company.findUnique({ where: { kvkNumber }, select: { id: true } })) return kvkTaken();

  const companyId = newId();
  let logoFileId: string | null = null;
  if (options.logo && options.logo.size > 0) {
    const stored = await storeUpload({ file: options.logo, kind: "LOGO", ownerType: LOGO_OWNER_TYPE, ownerId: companyId, uploadedById: null }, options.locale);
    // The refusal is already in the applicant's language; the form shows it as it is.
    if (!stored.ok) return { ok: false, fieldErrors: { logo: [`companies:errors.logoRefused?message=${encodeURIComponent(stored.error)}`] } };
    logoFileId = stored.file.id;
  }

  try {
    await db.$transaction(async (tx) => {
      const at = now();
      const data = {
        id: companyId,
        slug: `${slugify(input.name)}-${randomBytes(3).toString("hex")}`,
        name: input.name,
        kvkNumber,
        vatNumber: input.vatNumber ? normalizeVat(input.vatNumber) : null,
        sector: input.sector,
        city: input.city,
        website: input.website ?? null,
        logoFileId,
        status: "APPLIED" as const,
        statusChangedAt: at,
        appliedAt: at,
        invoiceAddress: input.invoiceAddress,
        invoicePostcode: normalizePostcode(input.invoicePostcode),
        invoiceCity: input.invoiceCity,
        invoiceAttention: input.invoiceAttention || null,
        billingEmail: input.billingEmail.trim().toLowerCase(),
      };
      await tx.company.create({ data });
      const contacts = input.contacts.map((c) => ({
        companyId,
        name: c.name,
        email: c.email.trim().toLowerCase(),
        phone: c.phone || null,
        jobTitle: c.jobTitle || null,
        createdAt: at,
      }));
      await tx.companyContact.createMany({ data: contacts });
      await tx.companyStatusChange.create({ data: { companyId, fromStatus: null, toStatus: "APPLIED", at, actorId: null } });
      await audit(
        { actorId: null, action: "company.apply", entityType: "Company", entityId: companyId, after: { ...data, contacts: contacts.map((c) => c.email) } },
        tx,
      );

      const facts = async (locale: Language) => {
        const t = await mailT(locale);
        return [
          { label: t("fields.name"), value: input.name },
          { label: t("fields.kvkNumber"), value: kvkNumber },
        ];
      };
      for (const contact of contacts) {
        await notice(tx, contact.email, options.locale, "applied", `company:${companyId}:applied:${contact.email}`, { company: input.name }, {
          facts: await facts(options.locale),
        });
      }
      const board = await tx.user.findMany({
        where: { disabledAt: null, email: { not: null }, roles: { some: { role: "BOARD" } } },
        select: { id: true, email: true, locale: true },
      });
      for (const member of board) {
        const locale = languageOf(member.locale);
        const t = await mailT(locale);
        await notice(tx, member.email!, locale, "boardNew", `company:${companyId}:applied:board:${member.id}`, { company: input.name }, {
          facts: await facts(locale),
          button: { label: t("mail.boardNew.button"), url: `${appUrl()}/bestuur/bedrijven/${companyId}` },
        });
      }
    });
  } catch (error) {
    if (logoFileId) await deleteStoredFile({ fileId: logoFileId, actorId: null });
    if (isUniqueViolation(error)) return kvkTaken();
    throw error;
  }
  return { ok: true, companyId };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

// --- Decisions ---------------------------------------------------------------------------------------

export type DecisionResult = { ok: true } | { ok: false; error: "not-found" | "transition" | "tier" };

async function decide(companyId: string, run: (tx: Tx, company: { id: string; name: string }) => Promise<DecisionResult>): Promise<DecisionResult> {
  try {
    return await db.$transaction(async (tx) => {
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true, name: true } });
      if (!company) return { ok: false, error: "not-found" };
      return run(tx, company);
    });
  } catch (error) {
    if (error instanceof CompanyStateError) return { ok: false, error: "transition" };
    throw error;
  }
}

/** Approve: the tier, the status (dated, audited), invitations and mails to the contacts, and the first invoice's job. */
export function approveApplication(companyId: string, tierId: string, board: Actor): Promise<DecisionResult> {
  return decide(companyId, async (tx, company) => {
    const tier = await tx.contributionTier.findFirst({ where: { id: tierId, archivedAt: null }, select: { id: true, name: true, amountCents: true } });
    if (!tier) return { ok: false, error: "tier" };
    await changeCompanyStatus(tx, { companyId, event: "approve", actorId: board.id, data: { tierId: tier.id, decidedAt: now(), rejectionReason: null } });
    for (const contact of await contactsOf(tx, companyId)) {
      const t = await mailT(contact.locale);
      await createInvitation(
        { email: contact.email, name: contact.name, role: "COMPANY_CONTACT", companyId },
        board,
        contact.locale,
        { roleLabel: t("mail.roleLabel"), organisationName: company.name },
        tx,
      );
      await notice(tx, contact.email, contact.locale, "approved", `company:${companyId}:approved:${contact.email}`, { company: company.name, tier: tier.name }, {
        facts: [{ label: t("fields.tier"), value: tier.name }],
      });
    }
    await enqueue(ISSUE_INVOICE_JOB, { companyId }, { uniqueKey: `${ISSUE_INVOICE_JOB}:${companyId}` }, tx);
    return { ok: true };
  });
}

/** Reject with a reason; the contacts hear it in a mail. */
export function rejectApplication(companyId: string, reason: string, board: Actor): Promise<DecisionResult> {
  return decide(companyId, async (tx, company) => {
    await changeCompanyStatus(tx, { companyId, event: "reject", actorId: board.id, reason, data: { rejectionReason: reason, decidedAt: now() } });
    for (const contact of await contactsOf(tx, companyId)) {
      await notice(tx, contact.email, contact.locale, "rejected", `company:${companyId}:rejected:${contact.email}`, { company: company.name, reason });
    }
    return { ok: true };
  });
}

/** The board ends a company's place in the network (reason kept in the history). */
export function endCompany(companyId: string, reason: string, board: Actor): Promise<DecisionResult> {
  return decide(companyId, async (tx) => {
    await changeCompanyStatus(tx, { companyId, event: "end", actorId: board.id, reason });
    return { ok: true };
  });
}

/** The board takes an ended company back: approved again, and invoiced for the current year. */
export function reinstateCompany(companyId: string, board: Actor): Promise<DecisionResult> {
  return decide(companyId, async (tx) => {
    await changeCompanyStatus(tx, { companyId, event: "reinstate", actorId: board.id });
    await enqueue(ISSUE_INVOICE_JOB, { companyId }, { uniqueKey: `${ISSUE_INVOICE_JOB}:${companyId}:reinstated:${now().getTime()}` }, tx);
    return { ok: true };
  });
}
