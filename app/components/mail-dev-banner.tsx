import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Thin site-wide strip, shown when mail is not sent (no Resend key): points to the mailbox. */
export function MailDevBanner() {
  const { t } = useTranslation("mail");
  return (
    <aside aria-label={t("devBanner.label")} className="border-b border-amber-300 bg-amber-50 text-sm text-slate-900">
      <p className="mx-auto max-w-5xl px-4 py-1.5">
        {t("devBanner.text")}{" "}
        <Link to="/dev/mailbox" className="font-semibold text-brand-800 underline">
          {t("devBanner.link")}
        </Link>
      </p>
    </aside>
  );
}

/** The notice at the top of every mailbox page. */
export function MailboxNotice() {
  const { t } = useTranslation("mail");
  return (
    <div role="status" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4 text-slate-900">
      <p className="font-semibold">{t("mailbox.banner")}</p>
      <p className="mt-1 text-sm">{t("mailbox.bannerText")}</p>
    </div>
  );
}
