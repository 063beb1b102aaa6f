import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { forbidden, requireUser } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

type TeamRow = { id: string; name: string; edition: string; category: string };
type MateRow = { teamId: string; firstName: string; me: boolean };
type CoachRow = { teamId: string; name: string };

// A pupil's own team: teammates' first names and the begeleiders. Only pupils; only their team.
// Three queries however many teams and mates (tests/guards/query-budget.test.ts).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!user.roles.some((r) => r.role === "PUPIL")) forbidden();
  const [t, rows] = await Promise.all([
    getT(request),
    db.$queryRaw<TeamRow[]>`
      SELECT t.id, t.name, e.name AS edition, c.name AS category
      FROM "Pupil" p
      JOIN "TeamMember" m ON m."pupilId" = p.id
      JOIN "Team" t ON t.id = m."teamId" AND t.status = 'REGISTERED'
      JOIN "Edition" e ON e.id = t."editionId"
      JOIN "EditionCategory" c ON c.id = t."categoryId"
      WHERE p."userId" = ${user.id} AND p."anonymisedAt" IS NULL
      ORDER BY e."registrationOpensAt" DESC, t.name ASC`,
  ]);
  const ids = rows.map((r) => r.id);
  const [mates, coaches] = ids.length
    ? await Promise.all([
        db.$queryRaw<MateRow[]>`
          SELECT m."teamId", p."firstName", (p."userId" IS NOT DISTINCT FROM ${user.id}) AS me
          FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId"
          WHERE m."teamId" = ANY(${ids}) AND p."anonymisedAt" IS NULL
          ORDER BY m.position ASC`,
        db.$queryRaw<CoachRow[]>`
          SELECT tc."teamId", u.name FROM "TeamCoach" tc JOIN "User" u ON u.id = tc."userId"
          WHERE tc."teamId" = ANY(${ids}) ORDER BY u.name ASC`,
      ])
    : [[], []];
  const teams = rows.map((team) => ({
    ...team,
    mates: mates.filter((m) => m.teamId === team.id).map((m) => ({ firstName: m.firstName, me: m.me })),
    coaches: coaches.filter((c) => c.teamId === team.id).map((c) => c.name),
  }));
  return json({ title: t("teams:mine.title"), teams });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function MyTeam() {
  const { t } = useTranslation("teams");
  const { teams } = useLoaderData<typeof loader>();
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
            <Link to={`/teams/${team.id}/inzending`} className={`${buttonClass("primary")} mt-4`}>{t("mine.submission")}</Link>
          </Card>
        ))}
      </div>
    </>
  );
}
