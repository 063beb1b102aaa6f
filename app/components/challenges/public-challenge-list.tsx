// The public list of challenges (/challenges).
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/utils/format";
import type { listChallenges } from "~/modules/challenges/public-pages.server";

/** The challenges as cards, with the latest edition's phase. */
export function PublicChallengeList({ challenges }: { challenges: SerializeFrom<typeof listChallenges> }) {
  const { t, i18n } = useTranslation("challenges");
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
