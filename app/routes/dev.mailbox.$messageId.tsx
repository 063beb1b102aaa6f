import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MailboxNotice } from "~/components/mail-dev-banner";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { formatMailTime, getMailboxMessage, requireMailbox } from "~/modules/mail/mailbox.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 1;

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireMailbox();
  const lng = await getLanguage(request);
  const [t, message] = await Promise.all([i18next.getFixedT(lng, "mail"), getMailboxMessage(params.messageId ?? "")]);
  if (!message) throw new Response("Not Found", { status: 404 });
  return json({
    title: t("mailbox.messageTitle", { subject: message.subject }),
    message: { ...message, createdAt: message.createdAt.toISOString(), time: formatMailTime(message.createdAt, lng) },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function MailboxMessage() {
  const { t } = useTranslation("mail");
  const { message } = useLoaderData<typeof loader>();
  const details: [string, ReactNode][] = [
    [t("mailbox.to"), message.toAddress],
    [t("mailbox.time"), <time dateTime={message.createdAt}>{message.time}</time>],
    [t("mailbox.template"), t(`templates.${message.template}`, { defaultValue: message.template })],
    [t("mailbox.language"), t(`languages.${message.locale}`, { defaultValue: message.locale })],
    [t("mailbox.status"), t(`status.${message.status}`)],
  ];
  if (message.lastError) details.push([t("mailbox.lastError"), message.lastError]);
  return (
    <div className="space-y-6">
      <MailboxNotice />
      <p>
        <Link to="/dev/mailbox">{t("mailbox.back")}</Link>
      </p>
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{message.subject}</h1>
      <section aria-labelledby="mail-details">
        <h2 id="mail-details" className="sr-only">
          {t("mailbox.details")}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {details.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-semibold text-slate-600">{term}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="mail-links" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="mail-links" className="text-lg font-semibold">
          {t("mailbox.links")}
        </h2>
        {message.links.length ? (
          <>
            <p className="mt-1 text-sm text-slate-600">{t("mailbox.linksIntro")}</p>
            <ul className="mt-3 space-y-2">
              {message.links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} className="font-semibold">
                    {link.label}
                  </a>
                  {link.label !== link.href ? <span className="block break-all text-sm text-slate-600">{link.href}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-1 text-slate-700">{t("mailbox.noLinks")}</p>
        )}
      </section>
      <section aria-labelledby="mail-rendered">
        <h2 id="mail-rendered" className="text-lg font-semibold">
          {t("mailbox.rendered")}
        </h2>
        <iframe
          title={t("mailbox.frameTitle", { subject: message.subject })}
          srcDoc={message.html}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          className="mt-3 h-[42rem] w-full rounded-xl border border-slate-200 bg-white"
        />
      </section>
      <section aria-labelledby="mail-text">
        <h2 id="mail-text" className="text-lg font-semibold">
          {t("mailbox.plainText")}
        </h2>
        <ScrollRegion label={t("mailbox.plainText")} className="mt-3 rounded-xl border border-slate-200 bg-white">
          <pre className="whitespace-pre-wrap p-4 text-sm">{message.text}</pre>
        </ScrollRegion>
      </section>
    </div>
  );
}
