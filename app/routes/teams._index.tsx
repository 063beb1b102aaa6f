import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { isBoard } from "~/modules/auth/permissions";
import { forbidden, requireUser } from "~/modules/auth/session.server";
import { consentStatus, type ConsentStatus } from "~/modules/challenges/consent.server";
import { isRegistrationOpen } from "~/modules/challenges/phases";
import { staffSchoolIds, teacherSchoolIds } from "~/modules/challenges/team-access.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

type TeamRow = { id: string; name: string; status: string; school: string; category: string; editionId: string; editionName: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = isBoard(user.roles);
  const schoolIds = staffSchoolIds(user);
  if (!board && schoolIds.length === 0) forbidden();
  const at = now();
  // One query for the teams with their school, category and edition names; one nested read for
  // the consents (a fixed number of queries, however many teams or pupils).
  const [t, teams, members, editions] = await Promise.all([
    getT(request),
    db.$queryRaw<TeamRow[]>`
      SELECT t.id, t.name, t.status::text AS status, s.name AS school, c.name AS category, e.id AS "editionId", e.name AS "editionName"
      FROM "Team" t
      JOIN "School" s ON s.id = t."schoolId"
      JOIN "EditionCategory" c ON c.id = t."categoryId"
      JOIN "Edition" e ON e.id = t."editionId"
      WHERE ${board} OR t."schoolId" = ANY(${schoolIds}::text[])
      ORDER BY e."registrationOpensAt" DESC, t.name ASC`,
    db.teamMember.findMany({
      where: board ? {} : { team: { schoolId: { in: schoolIds } } },
      select: { teamId: true, pupil: { select: { consents: { select: { givenBy: true, publishName: true, publishPhotos: true, textVersion: true, at: true, withdrawnAt: true } } } } },
    }),
    db.edition.findMany({
      where: { registrationOpensAt: { lte: at }, registrationClosesAt: { gt: at } },
      orderBy: { registrationClosesAt: "asc" },
      select: { id: true, name: true, registrationOpensAt: true, registrationClosesAt: true, submissionDeadline: true, judgingOpensAt: true, judgingClosesAt: true, resultsPublishAt: true, registrationClosedEarlyAt: true },
    }),
  ]);
  const canRegister = board || teacherSchoolIds(user).length > 0;
  const groups = new Map<string, { edition: { id: string; name: string }; teams: Array<{ id: string; name: string; withdrawn: boolean; school: string; category: string; pupils: number; consent: Record<ConsentStatus, number> }> }>();
  const perTeam = new Map<string, Record<ConsentStatus, number>>();
  for (const m of members) {
    const consent = perTeam.get(m.teamId) ?? { given: 0, refused: 0, withdrawn: 0, none: 0 };
    consent[consentStatus(m.pupil.consents, at)]++;
    perTeam.set(m.teamId, consent);
  }
  for (const team of teams) {
    const group = groups.get(team.editionId) ?? { edition: { id: team.editionId, name: team.editionName }, teams: [] };
    const consent = perTeam.get(team.id) ?? { given: 0, refused: 0, withdrawn: 0, none: 0 };
    const pupils = consent.given + consent.refused + consent.withdrawn + consent.none;
    group.teams.push({ id: team.id, name: team.name, withdrawn: team.status === "WITHDRAWN", school: team.school, category: team.category, pupils, consent });
    groups.set(team.editionId, group);
  }
  return json({
    title: t("teams:list.title"),
    groups: [...groups.values()],
    openEditions: canRegister ? editions.filter((e) => isRegistrationOpen(e, at)).map((e) => ({ id: e.id, name: e.name })) : [],
    showSchool: board || new Set(schoolIds).size > 1,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Teams() {
  const { t } = useTranslation("teams");
  const { groups, openEditions, showSchool } = useLoaderData<typeof loader>();
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
