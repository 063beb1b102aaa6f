// A pupil's own team (/mijn-team).
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import type { getMyTeams } from "~/modules/challenges/team-pages.server";

/** A pupil's own teams: teammates, begeleiders and the way to the submission. */
export function MyTeamsView({ teams }: { teams: SerializeFrom<typeof getMyTeams> }) {
  const { t } = useTranslation("teams");
  return (
    <>
      <PageHeader title={t("mine.title")} intro={t("mine.intro")} />
      {teams.length === 0 ? <EmptyState title={t("mine.emptyTitle")} text={t("mine.emptyText")} /> : null}
      <div className="space-y-6">
        {teams.map((team) => (
          <Card key={team.id}>
            <h2 className="text-xl font-bold">{team.name}</h2>
            <p className="text-slate-700">{t("mine.edition", { edition: team.edition, category: team.category })}</p>
            <h3 className="mt-4 font-semibold">{t("mine.mates")}</h3>
            <ul className="mt-1 list-disc pl-5">
              {team.mates.map((m, i) => <li key={i}>{m.me ? t("mine.me", { name: m.firstName }) : m.firstName}</li>)}
            </ul>
            <h3 className="mt-4 font-semibold">{t("mine.coaches")}</h3>
            <ul className="mt-1 list-disc pl-5">
              {team.coaches.map((name, i) => <li key={i}>{name}</li>)}
            </ul>
            <p className="mt-4 text-slate-700">{t("mine.help")}</p>
            <div className="mt-4 flex flex-wrap gap-3">
              {team.resultsPublished ? <Link to={`/teams/${team.id}/uitslag`} className={buttonClass("primary")}>{t("results:team.title")}</Link> : null}
              <Link to={`/teams/${team.id}/inzending`} className={buttonClass(team.resultsPublished ? "secondary" : "primary")}>{t("mine.submission")}</Link>
            </div>
          </Card>
        ))}
      </div>
    </>
  );
}
