// The public page of a challenge (/challenges/<slug>).
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/utils/format";
import type { getChallengePage } from "~/modules/challenges/public-pages.server";

/** A challenge's public page: about, and its editions with their phase. */
export function PublicChallenge({ challenge }: { challenge: NonNullable<SerializeFrom<typeof getChallengePage>> }) {
  const { t, i18n } = useTranslation("challenges");
  return (
    <div className="space-y-6">
      <p>
        <Link to="/challenges" className="inline-flex min-h-11 items-center underline">
          {t("public.backToList")}
        </Link>
      </p>
      <PageHeader title={challenge.name} intro={challenge.national ? t("public.nationalIntro") : undefined} />
      {challenge.imageFileId ? <img src={`/files/${challenge.imageFileId}`} alt="" className="max-h-72 w-full rounded-xl object-cover" /> : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("public.about")}</h2>
        <p className="mt-2 max-w-prose whitespace-pre-line text-slate-800">{challenge.description}</p>
      </Card>
      <section aria-labelledby="editions">
        <h2 id="editions" className="mb-3 text-xl font-semibold">
          {t("public.editions")}
        </h2>
        {challenge.editions.length === 0 ? (
          <EmptyState headingLevel={3} title={t("public.noEditions")} text={t("public.noEditionsText")} />
        ) : (
          <ul className="space-y-3">
            {challenge.editions.map((e) => (
              <li key={e.id}>
                <Card>
                  <h3 className="text-lg font-semibold">
                    <Link to={`/challenges/${challenge.slug}/${e.year}`} className="underline">
                      {e.name}
                    </Link>
                  </h3>
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Badge tone={e.open ? "success" : "neutral"}>{t(`phase.${e.phase}`)}</Badge>
                    <Badge>{t("public.teamCount", { count: e.teams })}</Badge>
                  </div>
                  {e.open ? <p className="mt-2 font-semibold text-emerald-800">{t("public.openUntil", { date: formatDateTime(e.closesAt, i18n.language) })}</p> : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
