// The published results of an edition, per category: the full ranking or only the prize places
// and awards (the board's choice), and the method in words. 404 until the board publishes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MethodCard } from "~/components/judging/results";
import { Card, PageHeader } from "~/components/ui/page";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { notFound } from "~/modules/auth/session.server";
import { getPublicResults } from "~/modules/judging/publication.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [t, page] = await Promise.all([getT(request), getPublicResults(params.slug ?? "", params.year ?? "")]);
  if (!page) notFound();
  return json({ title: t("results:public.title", { edition: page.edition.name }), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function PublicResults() {
  const { t, i18n } = useTranslation("results");
  const page = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/challenges/${page.edition.slug}/${page.edition.year}`} className="inline-flex min-h-11 items-center underline">
          {t("public.back", { edition: page.edition.name })}
        </Link>
      </p>
      <PageHeader title={page.title} intro={t("public.intro", { at: formatDateTime(page.publishedAt, i18n.language) })} />
      {page.scope === "PRIZES_ONLY" ? <p className="text-slate-700">{t("public.prizesOnly", { count: page.prizePlaces })}</p> : null}
      {page.awards.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("public.editionAwards")}</h2>
          <ul className="mt-2 space-y-1">
            {page.awards.map((a) => (
              <li key={a.id}>
                <span className="font-medium">{a.name}</span>: {a.team}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {page.categories.map((c) => (
        <Card key={c.id}>
          <h2 className="text-lg font-semibold">{c.name}</h2>
          {c.places.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("public.noPlaces")}</p>
          ) : (
            <ScrollRegion label={t("ranking.caption", { category: c.name })} className="mt-2">
              <table className="w-full text-left">
                <caption className="sr-only">{t("ranking.caption", { category: c.name })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-3">{t("ranking.place")}</th>
                    <th scope="col" className="py-2 pr-3">{t("ranking.team")}</th>
                    <th scope="col" className="py-2 text-right">{t("ranking.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.places.map((r) => (
                    <tr key={r.teamId} className="border-b border-slate-200">
                      <td className="py-2 pr-3 tabular-nums">
                        {r.place}
                        {r.shared ? <span className="text-sm text-slate-700"> ({t("ranking.shared")})</span> : null}
                      </td>
                      <th scope="row" className="py-2 pr-3 font-medium">{r.team}</th>
                      <td className="py-2 text-right tabular-nums">{formatNumber(r.score, i18n.language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {c.awards.length ? (
            <>
              <h3 className="mt-3 font-semibold">{t("public.awards")}</h3>
              <ul className="mt-1 space-y-1">
                {c.awards.map((a) => (
                  <li key={a.id}>
                    <span className="font-medium">{a.name}</span>: {a.team}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      ))}
      <MethodCard method={page.method} />
    </div>
  );
}
