import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLanguages, type Language } from "~/i18n/config";

export type HeaderUser = {
  name: string;
  activeRoleId: string | null;
  roles: Array<{ id: string; role: string; organisation: string | null }>;
};

const navClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center ${isActive ? "font-semibold text-slate-900" : ""}`;

/** Links for the role the person is acting in (the server checks access on every page anyway). */
const ROLE_NAV: Record<string, Array<{ to: string; key: string }>> = {
  BOARD: [
    { to: "/bestuur/bedrijven", key: "companies" },
    { to: "/bestuur/facturen", key: "invoices" },
    { to: "/bestuur/challenges", key: "challenges" },
    { to: "/bestuur/scholen", key: "schools" },
    { to: "/verzoeken", key: "requests" },
    { to: "/bestuur/mensen", key: "people" },
    { to: "/bestuur/instellingen", key: "settings" },
  ],
  COMPANY_CONTACT: [{ to: "/bedrijf", key: "myCompany" }],
  SCHOOL_CONTACT: [
    { to: "/school", key: "mySchool" },
    { to: "/teams", key: "teams" },
    { to: "/verzoeken", key: "requests" },
  ],
  TEACHER: [
    { to: "/teams", key: "teams" },
    { to: "/verzoeken", key: "requests" },
  ],
  JUROR: [{ to: "/jury", key: "jury" }],
  PUPIL: [{ to: "/mijn-team", key: "myTeam" }],
};

export function SiteHeader({ lang, user }: { lang: Language; user: HeaderUser | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const activeRole = user?.roles.find((r) => r.id === user.activeRoleId)?.role ?? user?.roles[0]?.role;
  const roleName = (r: HeaderUser["roles"][number]) =>
    r.organisation ? `${t(`auth:roles.${r.role}`)} · ${r.organisation}` : t(`auth:roles.${r.role}`);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-lg font-bold text-brand-800 no-underline hover:no-underline">
          {t("site.name")}
        </Link>
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
                "inline-flex min-h-11 items-center rounded px-3 text-sm " +
                (code === lang ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50")
              }
            >
              {t(`language.${code}`)}
            </button>
          ))}
        </Form>
      </div>
      <div className="border-t border-slate-100">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-2 text-sm">
          <nav aria-label={t("site.mainNavigation")}>
            <ul className="flex flex-wrap gap-4">
              <li>
                <NavLink to="/" end className={navClass}>
                  {t("nav.home")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/netwerk" className={navClass}>
                  {t("nav.network")}
                </NavLink>
              </li>
              <li>
                <NavLink to="/challenges" className={navClass}>
                  {t("nav.publicChallenges")}
                </NavLink>
              </li>
              {user ? (
                <>
                  <li>
                    <NavLink to="/dashboard" className={navClass}>
                      {t("auth:header.dashboard")}
                    </NavLink>
                  </li>
                  {(ROLE_NAV[activeRole ?? ""] ?? []).map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} className={navClass}>
                        {t(`nav.${item.key}`)}
                      </NavLink>
                    </li>
                  ))}
                  <li>
                    <NavLink to="/account" className={navClass}>
                      {t("auth:header.account")}
                    </NavLink>
                  </li>
                </>
              ) : (
                <li>
                  <NavLink to="/aanmelden" className={navClass}>
                    {t("nav.apply")}
                  </NavLink>
                </li>
              )}
            </ul>
          </nav>
          {user ? (
            <div className="flex flex-wrap items-center gap-3">
              <span className="text-slate-700">{t("auth:header.actingAs", { name: user.name })}</span>
              {user.roles.length > 1 ? (
                <Form method="post" action="/account" className="flex items-center gap-1">
                  <input type="hidden" name="intent" value="switch-role" />
                  <input type="hidden" name="redirectTo" value={here} />
                  <label htmlFor="header-role" className="sr-only">
                    {t("auth:header.switchRole")}
                  </label>
                  <select
                    id="header-role"
                    name="roleId"
                    defaultValue={user.activeRoleId ?? undefined}
                    key={user.activeRoleId}
                    className="min-h-11 max-w-52 rounded border border-slate-500 bg-white px-2"
                  >
                    {user.roles.map((r) => (
                      <option key={r.id} value={r.id}>
                        {roleName(r)}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="inline-flex min-h-11 items-center rounded px-3 font-semibold text-brand-700 hover:bg-brand-50">
                    {t("auth:header.switchRoleSubmit")}
                  </button>
                </Form>
              ) : null}
              <Form method="post" action="/logout">
                <button type="submit" className="inline-flex min-h-11 items-center rounded px-3 font-semibold text-brand-700 hover:bg-brand-50">
                  {t("auth:header.signOut")}
                </button>
              </Form>
            </div>
          ) : (
            <Link to="/login" className="inline-flex min-h-11 items-center font-semibold">
              {t("auth:header.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
