import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { getEditionPhase } from "~/modules/challenges/editions.server";
import { isRegistrationOpen, registrationClosesAt } from "~/modules/challenges/phases";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, challenges] = await Promise.all([
    getLanguage(request).then((lng) => i18next.getFixedT(lng, "challenges")),
    db.challenge.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        imageFileId: true,
        national: true,
        editions: { orderBy: { year: "desc" }, take: 1 },
      },
    }),
  ]);
  const at = now();
  return json({
    title: t("public.listTitle"),
    challenges: challenges.map(({ editions, ...c }) => {
      const e = editions[0];
      return {
        ...c,
        edition: e
          ? { year: e.year, phase: getEditionPhase(e), open: isRegistrationOpen(e, at), closesAt: registrationClosesAt(e).toISOString() }
          : null,
      };
    }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Challenges() {
  const { t, i18n } = useTranslation("challenges");
  const { challenges } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("public.listTitle")} intro={t("public.listIntro")} />
      {challenges.length === 0 ? (
        <EmptyState title={t("public.noChallenges")} text={t("public.noChallengesText")} />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {challenges.map((c) => (
            <li key={c.id}>
              <Card className="h-full">
                {c.imageFileId ? <img src={`/files/${c.imageFileId}`} alt="" className="mb-3 h-40 w-full rounded-lg object-cover" /> : null}
                <h2 className="text-xl font-semibold">
                  <Link to={`/challenges/${c.slug}`} className="underline">
                    {c.name}
                  </Link>
                </h2>
                <div className="mt-2 flex flex-wrap gap-2">
                  {c.national ? <Badge tone="info">{t("public.national")}</Badge> : null}
                  {c.edition ? <Badge tone={c.edition.open ? "success" : "neutral"}>{`${c.edition.year} · ${t(`phase.${c.edition.phase}`)}`}</Badge> : null}
                </div>
                <p className="mt-3 line-clamp-3 text-slate-700">{c.description}</p>
                {c.edition?.open ? (
                  <p className="mt-3 font-semibold text-emerald-800">
                    <Link to={`/challenges/${c.slug}/${c.edition.year}`} className="underline">
                      {t("public.openUntil", { date: formatDateTime(c.edition.closesAt, i18n.language) })}
                    </Link>
                  </p>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
