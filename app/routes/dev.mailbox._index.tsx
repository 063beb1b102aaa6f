import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MailboxNotice } from "~/components/mail-dev-banner";
import { formatMailTime, listMailboxMessages, requireMailbox } from "~/modules/mail/mailbox.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 1;

export async function loader({ request }: LoaderFunctionArgs) {
  requireMailbox();
  const lng = await getLanguage(request);
  const [t, messages] = await Promise.all([i18next.getFixedT(lng, "mail"), listMailboxMessages()]);
  return json({
    title: t("mailbox.title"),
    messages: messages.map((m) => ({
      id: m.id,
      toAddress: m.toAddress,
      subject: m.subject,
      template: m.template,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      time: formatMailTime(m.createdAt, lng),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Mailbox() {
  const { t } = useTranslation("mail");
  const { messages } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <MailboxNotice />
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t("mailbox.title")}</h1>
        <p className="mt-2 max-w-2xl text-slate-700">{t("mailbox.intro")}</p>
      </div>
      {messages.length === 0 ? (
        <section aria-labelledby="mailbox-empty" className="rounded-xl border border-slate-200 bg-white p-6">
          <h2 id="mailbox-empty" className="text-lg font-semibold">
            {t("mailbox.emptyTitle")}
          </h2>
          <p className="mt-2 text-slate-700">{t("mailbox.emptyText")}</p>
          <p className="mt-4">
            <Link to="/login" className="font-semibold">
              {t("mailbox.emptyAction")}
            </Link>
          </p>
        </section>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="px-4 py-3 text-left text-slate-600">
              {`${t("mailbox.caption")} · ${t("mailbox.timeZoneNote")}`}
            </caption>
            <thead className="border-y border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("mailbox.subject")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("mailbox.to")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("mailbox.template")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("mailbox.time")}
                </th>
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("mailbox.status")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="px-4 py-2 font-normal">
                    <Link to={`/dev/mailbox/${m.id}`} className="font-semibold">
                      {m.subject}
                    </Link>
                  </th>
                  <td className="px-4 py-2 break-all">{m.toAddress}</td>
                  <td className="px-4 py-2">{t(`templates.${m.template}`, { defaultValue: m.template })}</td>
                  <td className="px-4 py-2 whitespace-nowrap">
                    <time dateTime={m.createdAt}>{m.time}</time>
                  </td>
                  <td className="px-4 py-2">{t(`status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
