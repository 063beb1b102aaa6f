import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages, type Language } from "~/i18n/config";

export function SiteHeader({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-lg font-bold text-brand-800 no-underline hover:no-underline">
          {t("site.name")}
        </Link>
        <nav aria-label={t("site.mainNavigation")} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-4 text-sm">
            <li>
              <NavLink to="/" end className={({ isActive }) => (isActive ? "font-semibold text-slate-900" : "")}>
                {t("nav.home")}
              </NavLink>
            </li>
          </ul>
        </nav>
        <Form method="post" action="/language" className="flex items-center gap-1" aria-label={t("language.switch")}>
          <input type="hidden" name="redirectTo" value={here} />
          <span className="sr-only">{t("language.label")}</span>
          {supportedLanguages.map((code) => (
            <button
              key={code}
              type="submit"
              name="lang"
              value={code}
              lang={code}
              aria-pressed={code === lang}
              className={
                "rounded px-2 py-1 text-sm " +
                (code === lang ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50")
              }
            >
              {t(`language.${code}`)}
            </button>
          ))}
        </Form>
      </div>
    </header>
  );
}
