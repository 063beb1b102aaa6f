// The request register: every request to a company (internship, visit, case, sponsoring, jury,
// meeting, other) is logged once, with who asked, when, for what and the answer, so a company is
// asked only once. Recording a request tells the company's contacts; answering tells the asker.
import type { Prisma } from "~/generated/prisma/client";
import type { RequestKind, RequestStatus } from "~/generated/prisma/enums";
import { fallbackLanguage, isLanguage, type Language } from "~/i18n/config";
import { audit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";

const REQUEST_FIELDS = {
  id: true,
  companyId: true,
  kind: true,
  subject: true,
  details: true,
  askedByName: true,
  askedAt: true,
  status: true,
  answer: true,
  answeredAt: true,
} satisfies Prisma.CompanyRequestSelect;

/** The moment from which a request counts as recent (12 months back). */
export function recentSince(at: Date = now()): Date {
  const since = new Date(at);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return since;
}

/** All requests to one company, newest first (its contacts' page). */
export function listCompanyRequests(companyId: string) {
  return db.companyRequest.findMany({ where: { companyId }, orderBy: [{ askedAt: "desc" }, { id: "asc" }], select: REQUEST_FIELDS, take: 200 });
}

/** What anyone recording a new request sees first: the open requests and those of the last 12 months. */
export function listOpenAndRecent(companyId: string) {
  return db.companyRequest.findMany({
    where: { companyId, OR: [{ status: "OPEN" }, { askedAt: { gte: recentSince() } }] },
    orderBy: [{ askedAt: "desc" }, { id: "asc" }],
    select: REQUEST_FIELDS,
    take: 100,
  });
}

export type RegisterFilters = { companyId?: string; kind?: RequestKind; status?: RequestStatus };

export function registerWhere(filters: RegisterFilters): Prisma.CompanyRequestWhereInput {
  return {
    ...(filters.companyId ? { companyId: filters.companyId } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  };
}

/** "Jan Jansen (Maasdal College)": the asker as shown, with the organisation of the active role. */
export function askerName(user: Pick<AuthUser, "name" | "activeRole">): string {
  const organisation = user.activeRole?.organisation;
  return (organisation ? `${user.name} (${organisation})` : user.name).slice(0, 200);
}

const language = (locale: string | null | undefined): Language => (isLanguage(locale) ? locale : fallbackLanguage);

export type RecordRequestInput = { companyId: string; kind: RequestKind; subject: string; details: string | null };

/**
 * Logs a request and queues a notice to each of the company's contacts (in their language).
 * Returns null when the company is not in the network (no request is recorded).
 */
export async function recordRequest(input: RecordRequestInput, asker: AuthUser) {
  return db.$transaction(async (tx) => {
    const company = await tx.company.findFirst({
      where: { id: input.companyId, status: { in: ["APPROVED", "ACTIVE", "GRACE"] } },
      select: { id: true, name: true, contacts: { where: { removedAt: null }, select: { id: true, email: true, user: { select: { locale: true } } } } },
    });
    if (!company) return null;
    const at = now();
    const request = await tx.companyRequest.create({
      data: {
        companyId: company.id,
        kind: input.kind,
        subject: input.subject,
        details: input.details ?? "",
        askedById: asker.id,
        askedByName: askerName(asker),
        askedAt: at,
      },
    });
    await audit(
      {
        actorId: asker.id,
        action: "company-request.record",
        entityType: "CompanyRequest",
        entityId: request.id,
        after: { companyId: company.id, kind: input.kind, subject: input.subject },
      },
      tx,
    );
    const url = `${getEnv().APP_URL}/bedrijf/${company.id}/verzoeken`;
    for (const contact of company.contacts) {
      const lng = language(contact.user?.locale);
      const t = await i18next.getFixedT(lng, "network");
      const kind = t(`kinds.${input.kind}`);
      await queueMail(
        {
          to: contact.email,
          template: "notice",
          props: {
            subject: t("mail.asked.subject", { company: company.name, kind }),
            preview: t("mail.asked.preview", { name: request.askedByName }),
            heading: t("mail.asked.heading"),
            paragraphs: [t("mail.asked.intro", { name: request.askedByName, company: company.name })],
            facts: [
              { label: t("requests.kind"), value: kind },
              { label: t("requests.subject"), value: input.subject },
              ...(input.details ? [{ label: t("requests.details"), value: input.details }] : []),
              { label: t("requests.askedAt"), value: formatDate(at, lng) },
            ],
            button: { label: t("mail.asked.button"), url },
            closing: [t("mail.asked.closing")],
          },
          locale: lng,
          idempotencyKey: `company-request:${request.id}:asked:${contact.id}`,
        },
        tx,
      );
    }
    return request;
  });
}

export type AnswerResult = "answered" | "not-found" | "not-open";

/** Records the company's yes or no (with an optional explanation) and tells the asker. */
export async function answerRequest(
  input: { companyId: string; requestId: string; answer: "YES" | "NO"; text: string | null },
  user: Pick<AuthUser, "id" | "name">,
): Promise<AnswerResult> {
  return db.$transaction(async (tx) => {
    const request = await tx.companyRequest.findFirst({
      where: { id: input.requestId, companyId: input.companyId },
      select: { id: true, status: true, subject: true, kind: true, company: { select: { name: true } }, askedBy: { select: { email: true, locale: true } } },
    });
    if (!request) return "not-found";
    const at = now();
    // Only an open request can be answered; two answers at once: the second finds it answered.
    const { count } = await tx.companyRequest.updateMany({
      where: { id: request.id, status: "OPEN" },
      data: { status: input.answer, answer: input.text, answeredAt: at, answeredById: user.id },
    });
    if (count === 0) return "not-open";
    await audit(
      {
        actorId: user.id,
        action: "company-request.answer",
        entityType: "CompanyRequest",
        entityId: request.id,
        before: { status: "OPEN" },
        after: { status: input.answer, answer: input.text },
      },
      tx,
    );
    if (request.askedBy?.email) {
      const lng = language(request.askedBy.locale);
      const t = await i18next.getFixedT(lng, "network");
      const answer = t(`status.${input.answer}`);
      await queueMail(
        {
          to: request.askedBy.email,
          template: "notice",
          props: {
            subject: t("mail.answered.subject", { company: request.company.name, answer }),
            preview: t("mail.answered.preview", { company: request.company.name }),
            heading: t("mail.answered.heading"),
            paragraphs: [t("mail.answered.intro", { company: request.company.name, name: user.name })],
            facts: [
              { label: t("requests.kind"), value: t(`kinds.${request.kind}`) },
              { label: t("requests.subject"), value: request.subject },
              { label: t("requests.answer"), value: answer },
              ...(input.text ? [{ label: t("requests.answerText"), value: input.text }] : []),
            ],
            button: { label: t("mail.answered.button"), url: `${getEnv().APP_URL}/verzoeken?bedrijf=${input.companyId}` },
          },
          locale: lng,
          idempotencyKey: `company-request:${request.id}:answered`,
        },
        tx,
      );
    }
    return "answered";
  });
}

/** Who keeps the register: the board, school contacts and teachers (they are the ones who ask). */
export const REGISTER_ROLES = ["BOARD", "SCHOOL_CONTACT", "TEACHER"] as const;

