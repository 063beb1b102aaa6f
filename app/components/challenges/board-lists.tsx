// The board's lists of challenges and of one challenge's editions.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Card } from "~/components/ui/page";
import type { Phase } from "~/modules/challenges/phases";

type ChallengeRow = { id: string; name: string; national: boolean; _count: { editions: number }; latest: { id: string; year: number; phase: Phase } | null };

export function ChallengeList({ challenges }: { challenges: ChallengeRow[] }) {
  const { t } = useTranslation("challenges");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("board.challenges")}</h2>
      {challenges.length === 0 ? (
        <EmptyState className="mt-3" headingLevel={3} title={t("board.noChallenges")} text={t("board.noChallengesText")} />
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {challenges.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link to={`/bestuur/challenges/${c.id}`} className="font-semibold underline">
                  {c.name}
                </Link>
                <p className="text-sm text-slate-600">{t("board.editionCount", { count: c._count.editions })}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                {c.national ? <Badge tone="info">{t("public.national")}</Badge> : null}
                {c.latest ? (
                  <Link to={`/bestuur/edities/${c.latest.id}`} className="underline">
                    {`${c.latest.year} · ${t(`phase.${c.latest.phase}`)}`}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type EditionRow = { id: string; name: string; phase: Phase; teams: number; categories: number };

export function EditionList({ editions }: { editions: EditionRow[] }) {
  const { t } = useTranslation("challenges");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("board.editions")}</h2>
      {editions.length === 0 ? (
        <EmptyState className="mt-3" headingLevel={3} title={t("board.noEditions")} text={t("board.noEditionsText")} />
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {editions.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <Link to={`/bestuur/edities/${e.id}`} className="font-semibold underline">
                {e.name}
              </Link>
              <div className="flex flex-wrap gap-2">
                <Badge tone="info">{t(`phase.${e.phase}`)}</Badge>
                <Badge>{t("public.teamCount", { count: e.teams })}</Badge>
                <Badge>{t("board.categoryCount", { count: e.categories })}</Badge>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
