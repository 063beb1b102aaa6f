// Durable outbox: a mail is a row in OutboxMessage, written in the caller's transaction. With a
// Resend key a `mail.deliver` job (same transaction) sends it, retried with backoff by the job
// runner; without a key it stays QUEUED and the development mailbox shows it.
import { createHash } from "node:crypto";
import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { Resend } from "resend";
import { z } from "zod";
import InvitationEmail, { invitationSubject, type InvitationMailProps } from "#emails/invitation";
import { isMailLocale, type MailLocale } from "#emails/i18n";
import NoticeEmail, { noticeSubject, type NoticeMailProps } from "#emails/notice";
import SignInEmail, { signInSubject, type SignInMailProps } from "#emails/sign-in";
import type { OutboxMessage, Prisma } from "~/generated/prisma/client";
import { defineJob, enqueue } from "~/modules/jobs/jobs.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export type { MailLocale };

export const MAIL_DELIVER_JOB = "mail.deliver";
export const MAIL_MAX_ATTEMPTS = 8;
const DEFAULT_SEND_TIMEOUT_MS = 15_000;
let sendTimeoutMs = DEFAULT_SEND_TIMEOUT_MS;

type MailTemplate<P> = {
  component: (props: Partial<P> & { locale?: MailLocale }) => ReactElement;
  subject: (props: P, locale: MailLocale) => string;
};

/** Template name → the props a caller must give (no defaults here: those are for previews only). */
export type MailTemplateProps = {
  "sign-in": SignInMailProps;
  invitation: InvitationMailProps;
  /** Any other notice; the caller writes its texts in the recipient's language. */
  notice: NoticeMailProps;
};
export type MailTemplateName = keyof MailTemplateProps;

export const MailTemplates: { [K in MailTemplateName]: MailTemplate<MailTemplateProps[K]> } = {
  "sign-in": { component: SignInEmail, subject: signInSubject },
  invitation: { component: InvitationEmail, subject: invitationSubject },
  notice: { component: NoticeEmail, subject: noticeSubject },
};

export function isMailTemplateName(value: unknown): value is MailTemplateName {
  return typeof value === "string" && Object.hasOwn(MailTemplates, value);
}

/** True when no Resend key is configured: mail is kept in the outbox and shown in /dev/mailbox. */
export function isMailSimulated(): boolean {
  return !getEnv().RESEND_API_KEY;
}

export type QueueMailInput<T extends MailTemplateName> = {
  to: string;
  template: T;
  /** A `locale` here is accepted for convenience; the top-level `locale` is the one used. */
  props: MailTemplateProps[T] & { locale?: MailLocale };
  locale: MailLocale;
  /** Same key, same mail: a second call with it does nothing. E.g. `sign-in:<loginRequestId>`. */
  idempotencyKey: string;
};

const ZQueueMailSchema = z.object({
  to: z.email(),
  idempotencyKey: z.string().trim().min(1).max(500),
});

/**
 * Put a mail in the outbox. Pass the transaction client so the mail (and its delivery job)
 * exists only if the change that caused it commits.
 */
export async function queueMail<T extends MailTemplateName>(
  input: QueueMailInput<T>,
  client: Tx = db,
): Promise<{ messageId: string; created: boolean }> {
  const { to, idempotencyKey } = ZQueueMailSchema.parse(input);
  if (!isMailTemplateName(input.template)) throw new Error(`Unknown mail template "${String(input.template)}"`);
  const template: MailTemplate<MailTemplateProps[T]> = MailTemplates[input.template];
  const locale: MailLocale = isMailLocale(input.locale) ? input.locale : "nl";
  const { locale: _ignored, ...props } = input.props;

  // ON CONFLICT DO NOTHING: a duplicate must not abort the caller's transaction.
  const created = await client.outboxMessage.createManyAndReturn({
    data: [
      {
        idempotencyKey,
        toAddress: to,
        template: input.template,
        props: props as Prisma.InputJsonValue,
        locale,
        subject: template.subject(props as MailTemplateProps[T], locale),
        createdAt: now(),
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  const row = created[0];
  if (!row) {
    const existing = await client.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey }, select: { id: true } });
    return { messageId: existing.id, created: false };
  }
  if (!isMailSimulated()) {
    await enqueue(
      MAIL_DELIVER_JOB,
      { messageId: row.id },
      { uniqueKey: `mail:${idempotencyKey}`, maxAttempts: MAIL_MAX_ATTEMPTS },
      client,
    );
  }
  return { messageId: row.id, created: true };
}

export type RenderedMail = { subject: string; html: string; text: string };

/** Render a stored message as it is (or would be) sent. */
export async function renderMail(
  message: Pick<OutboxMessage, "template" | "props" | "locale" | "subject">,
): Promise<RenderedMail> {
  if (!isMailTemplateName(message.template)) throw new Error(`Unknown mail template "${message.template}"`);
  const Component = MailTemplates[message.template].component as MailTemplate<object>["component"];
  const props = (message.props && typeof message.props === "object" && !Array.isArray(message.props) ? message.props : {}) as object;
  const locale: MailLocale = isMailLocale(message.locale) ? message.locale : "nl";
  const element = createElement(Component, { ...props, locale });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: message.subject, html, text };
}

/** Tests: a shorter timeout for a request to Resend (default 15 s); no argument restores it. */
export function setMailSendTimeout(ms: number = DEFAULT_SEND_TIMEOUT_MS): void {
  sendTimeoutMs = ms;
}

class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
}

// Resend accepts idempotency keys up to 256 characters; a longer key is hashed.
function resendIdempotencyKey(key: string): string {
  return key.length <= 256 ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

async function sendThroughResend(apiKey: string, message: OutboxMessage, mail: RenderedMail): Promise<string> {
  // Created per send: the SDK reads RESEND_BASE_URL when the client is made.
  const resend = new Resend(apiKey);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The race guarantees the timeout even if the request ignored the abort signal.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new MailDeliveryError(`Resend did not answer within ${sendTimeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, sendTimeoutMs);
  });
  try {
    const { data, error } = await Promise.race([
      resend.emails.send(
        { from: getEnv().MAIL_FROM, to: message.toAddress, subject: mail.subject, html: mail.html, text: mail.text },
        { idempotencyKey: resendIdempotencyKey(message.idempotencyKey), signal: controller.signal },
      ),
      timeout,
    ]);
    if (controller.signal.aborted) throw controller.signal.reason;
    if (error) throw new MailDeliveryError(`Resend ${error.statusCode ?? "no response"} ${error.name}: ${error.message}`);
    if (!data?.id) throw new MailDeliveryError("Resend answered without an email id");
    return data.id;
  } finally {
    clearTimeout(timer);
  }
}

const ZDeliverPayloadSchema = z.object({ messageId: z.string().min(1) });

/**
 * Deliver one queued message (the `mail.deliver` job). Throws on any failure so the job runner
 * retries it with backoff; on the job's last attempt the message is marked FAILED.
 */
export async function deliverMessage(messageId: string, job: { attempt: number; maxAttempts: number }): Promise<void> {
  const message = await db.outboxMessage.findUnique({ where: { id: messageId } });
  // Sent already (or given up on, or gone): never send twice.
  if (!message || message.status !== "QUEUED") return;
  const apiKey = getEnv().RESEND_API_KEY;
  // The key was removed since the mail was queued: it stays in the outbox, shown in the mailbox.
  if (!apiKey) return;

  await db.outboxMessage.update({ where: { id: message.id }, data: { attempts: { increment: 1 } } });
  let providerId: string;
  try {
    providerId = await sendThroughResend(apiKey, message, await renderMail(message));
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const final = job.attempt >= job.maxAttempts;
    await db.outboxMessage.updateMany({
      where: { id: message.id, status: "QUEUED" },
      data: { lastError: text.slice(0, 2000), ...(final ? { status: "FAILED" as const } : {}) },
    });
    throw error;
  }
  await db.outboxMessage.updateMany({
    where: { id: message.id, status: "QUEUED" },
    data: { status: "SENT", providerId, sentAt: now(), lastError: null },
  });
}

defineJob(MAIL_DELIVER_JOB, async ({ jobId, attempt, payload }) => {
  const { messageId } = ZDeliverPayloadSchema.parse(payload);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { maxAttempts: true } });
  await deliverMessage(messageId, { attempt, maxAttempts: job?.maxAttempts ?? MAIL_MAX_ATTEMPTS });
});
