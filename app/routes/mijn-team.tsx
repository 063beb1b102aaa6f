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

// A pupil's own team: teammates' first names and the begeleiders. Only pupils; only their team.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!user.roles.some((r) => r.role === "PUPIL")) forbidden();
  const [t, pupil] = await Promise.all([
    getT(request),
    db.pupil.findUnique({
      where: { userId: user.id },
      select: {
        id: true,
        teams: {
          where: { team: { status: "REGISTERED" } },
          select: {
            team: {
              select: {
                id: true, name: true,
                edition: { select: { name: true } },
                category: { select: { name: true } },
                members: { orderBy: { position: "asc" }, where: { pupil: { anonymisedAt: null } }, select: { pupil: { select: { id: true, firstName: true } } } },
                coaches: { select: { user: { select: { name: true } } } },
              },
            },
          },
        },
      },
    }),
  ]);
  const teams = (pupil?.teams ?? []).map(({ team }) => ({
    id: team.id,
    name: team.name,
    edition: team.edition.name,
    category: team.category.name,
    mates: team.members.map((m) => ({ firstName: m.pupil.firstName, me: m.pupil.id === pupil!.id })),
    coaches: team.coaches.map((c) => c.user.name),
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
              {team.coaches.map((name) => <li key={name}>{name}</li>)}
            </ul>
            <p className="mt-4 text-slate-700">{t("mine.help")}</p>
            <Link to={`/teams/${team.id}/inzending`} className={`${buttonClass("primary")} mt-4`}>{t("mine.submission")}</Link>
          </Card>
        ))}
      </div>
    </>
  );
}
