import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/**
 * Site-wide strip shown while payments are simulated (no STRIPE_SECRET_KEY: the local Stripe
 * fake answers instead of Stripe). Render it when the root loader's `isStripeSimulated()` is true.
 */
export function PaymentsDevBanner() {
  const { t } = useTranslation("payments");
  return (
    <aside aria-label={t("devBanner.label")} className="border-b border-violet-300 bg-violet-50 text-sm text-slate-900">
      <p className="mx-auto max-w-5xl px-4 py-1.5">
        {t("devBanner.text")}{" "}
        <Link to="/dev/payments" className="font-semibold text-brand-800 underline">
          {t("devBanner.link")}
        </Link>
      </p>
    </aside>
  );
}
