import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getNetworkFigures } from "~/modules/network/figures.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, figures] = await Promise.all([getT(request), getNetworkFigures()]);
  return json({ title: `${t("home.title")} · ${t("site.name")}`, figures });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Home() {
  const { t } = useTranslation();
  const { figures } = useLoaderData<typeof loader>();
  const cards = [
    { title: t("home.companiesTitle"), text: t("home.companiesText"), to: "/aanmelden", action: t("home.companiesAction") },
    { title: t("home.schoolsTitle"), text: t("home.schoolsText"), to: "/challenges", action: t("home.schoolsAction") },
    { title: t("home.pupilsTitle"), text: t("home.pupilsText"), to: "/login/leerling", action: t("home.pupilsAction") },
  ];
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="rounded-2xl bg-brand-800 px-6 py-10 text-white sm:px-10">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-100">{t("site.tagline")}</p>
        <h1 id="home-title" className="mt-2 text-3xl font-bold sm:text-4xl">
          {t("home.title")}
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-brand-50">{t("home.intro")}</p>
      </section>
      <ul className="grid gap-4 sm:grid-cols-3">
        {cards.map((card) => (
          <li key={card.title} className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold">{card.title}</h2>
            <p className="mt-2 text-slate-700">{card.text}</p>
            <p className="mt-3">
              <Link to={card.to} className="inline-flex min-h-11 items-center font-semibold underline">
                {card.action}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="text-xl font-semibold">
          {t("home.statsTitle")}
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:max-w-md">
          <div className="rounded-xl bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{t("home.statCompanies")}</dt>
            <dd className="text-3xl font-bold text-brand-800">{figures.companies}</dd>
          </div>
          <div className="rounded-xl bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{t("home.statSchools")}</dt>
            <dd className="text-3xl font-bold text-brand-800">{figures.schools}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
