// The development mailbox: reads the outbox when mail is not sent (no Resend key). With a key
// it does not exist — every entry point calls requireMailbox(), which answers 404.
import { TIMEZONE } from "~/modules/jobs/jobs.server";
import { db } from "~/utils/db.server";
import { isMailSimulated, renderMail } from "./outbox.server";

/** Throws a 404 response whenever mail is really sent: sign-in mails must not be readable. */
export function requireMailbox(): void {
  if (!isMailSimulated()) throw new Response("Not Found", { status: 404 });
}

export function formatMailTime(date: Date, lng: string): string {
  return new Intl.DateTimeFormat(lng === "en" ? "en-GB" : "nl-NL", {
    timeZone: TIMEZONE,
    dateStyle: "medium",
    timeStyle: "medium",
  }).format(date);
}

export async function listMailboxMessages(options: { take?: number } = {}) {
  requireMailbox();
  return db.outboxMessage.findMany({
    select: { id: true, toAddress: true, subject: true, template: true, locale: true, status: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 200,
  });
}

export type MailLink = { href: string; label: string };

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1]?.toLowerCase() === "x" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return entities[code.toLowerCase()] ?? whole;
  });
}

/** The http(s) links of a rendered mail, once each, labelled with their first link text. */
export function extractLinks(html: string): MailLink[] {
  const links = new Map<string, string>();
  for (const match of html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = decodeEntities(match[1] ?? "");
    if (!/^https?:\/\//i.test(href) || links.has(href)) continue;
    const inner = (match[2] ?? "").replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]*>/g, " ");
    // Buttons carry zero-width spacers for Outlook; they are not part of the label.
    const label = decodeEntities(inner).replace(/[\u200B-\u200F\u2060\uFEFF\u00AD]/g, "").replace(/\s+/g, " ").trim();
    links.set(href, label || href);
  }
  return [...links].map(([href, label]) => ({ href, label }));
}

/** Links inside the preview open in a new tab instead of inside the sandboxed frame. */
function withBaseTarget(html: string): string {
  return /<head[^>]*>/i.test(html)
    ? html.replace(/<head([^>]*)>/i, '<head$1><base target="_blank">')
    : `<base target="_blank">${html}`;
}

/** One message, rendered, or null when it does not exist. */
export async function getMailboxMessage(id: string) {
  requireMailbox();
  const message = await db.outboxMessage.findUnique({
    where: { id },
    select: {
      id: true,
      toAddress: true,
      subject: true,
      template: true,
      props: true,
      locale: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      bodyPurgedAt: true,
    },
  });
  if (!message) return null;
  // A purged body is gone: rendering the template would show its example texts instead.
  const mail = message.bodyPurgedAt ? { subject: message.subject, html: "", text: "" } : await renderMail(message);
  return {
    id: message.id,
    toAddress: message.toAddress,
    subject: mail.subject,
    template: message.template,
    locale: message.locale,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt,
    html: withBaseTarget(mail.html),
    text: mail.text,
    links: extractLinks(mail.html),
  };
}
