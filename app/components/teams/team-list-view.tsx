// The team list (/teams): a school's teams (all for the board) by edition, with consent counts.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import type { getTeamList } from "~/modules/challenges/team-pages.server";

/** The teams by edition, with a registration button per open edition. */
export function TeamListView({ data }: { data: SerializeFrom<typeof getTeamList> }) {
  const { t } = useTranslation("teams");
  const { groups, openEditions, showSchool } = data;
  return (
    <>
      <PageHeader title={t("list.title")} intro={t("list.intro")} />
      {openEditions.length ? (
        <Card className="mb-6">
          <h2 className="text-lg font-semibold">{t("list.registerHeading")}</h2>
          <ul className="mt-3 flex flex-wrap gap-3">
            {openEditions.map((e) => (
              <li key={e.id}>
                <Link to={`/teams/nieuw?editie=${e.id}`} className={buttonClass("primary")}>
                  {t("list.register", { edition: e.name })}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {groups.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")} text={openEditions.length ? t("list.emptyText") : t("list.emptyClosed")} />
      ) : (
        groups.map((group) => (
          <section key={group.edition.id} className="mb-8 min-w-0">
            <h2 className="mb-3 text-xl font-semibold">{group.edition.name}</h2>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={group.edition.name}>
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50">
                  <tr>
                    <th scope="col" className="p-3">{t("list.team")}</th>
                    {showSchool ? <th scope="col" className="p-3">{t("list.school")}</th> : null}
                    <th scope="col" className="p-3">{t("list.category")}</th>
                    <th scope="col" className="p-3 text-right">{t("list.pupils")}</th>
                    <th scope="col" className="p-3">{t("list.consent")}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.teams.map((team) => (
                    <tr key={team.id} className="border-t border-slate-200">
                      <th scope="row" className="p-3 font-medium">
                        <Link to={`/teams/${team.id}`} className="inline-flex min-h-11 items-center underline">
                          {team.name}
                        </Link>
                        {team.withdrawn ? <Badge tone="neutral" className="ml-2">{t("status.WITHDRAWN")}</Badge> : null}
                      </th>
                      {showSchool ? <td className="p-3">{team.school}</td> : null}
                      <td className="p-3">{team.category}</td>
                      <td className="p-3 text-right tabular-nums">{team.pupils}</td>
                      <td className="p-3">
                        {t("list.consentCounts", { given: team.consent.given, open: team.consent.none + team.consent.withdrawn + team.consent.refused })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </>
  );
}
