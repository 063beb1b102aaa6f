import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { notFound } from "~/modules/auth/session.server";
import { DATE_FIELDS, getEditionPhase } from "~/modules/challenges/editions.server";
import { publicSponsorWhere } from "~/modules/challenges/sponsors.server";
import { isRegistrationOpen, registrationClosesAt, submissionsCloseAt } from "~/modules/challenges/phases";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const year = Number(params.year);
  if (!/^[a-z0-9-]{1,80}$/.test(slug) || !/^\d{4}$/.test(params.year ?? "")) notFound();
  const edition = await db.edition.findFirst({
    where: { year, challenge: { slug } },
    include: {
      challenge: { select: { name: true, slug: true, description: true, national: true, imageFileId: true } },
      categories: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      // Team names only: never a pupil's name on a public page.
      teams: { where: { status: "REGISTERED" }, orderBy: { name: "asc" }, select: { id: true, name: true, categoryId: true } },
      // Sponsors while their company is listed in the network (name, logo, website).
      sponsors: {
        where: publicSponsorWhere,
        orderBy: { createdAt: "asc" },
        select: { id: true, label: true, company: { select: { name: true, website: true, logoFileId: true } } },
      },
    },
  });
  if (!edition) notFound();
  const at = now();
  // The real end of each phase (the board may have closed one early).
  const dates: Record<(typeof DATE_FIELDS)[number], string> = {
    registrationOpensAt: edition.registrationOpensAt.toISOString(),
    registrationClosesAt: registrationClosesAt(edition).toISOString(),
    submissionDeadline: submissionsCloseAt(edition).toISOString(),
    judgingOpensAt: edition.judgingOpensAt.toISOString(),
    judgingClosesAt: (edition.judgingClosedEarlyAt && edition.judgingClosedEarlyAt < edition.judgingClosesAt ? edition.judgingClosedEarlyAt : edition.judgingClosesAt).toISOString(),
    resultsPublishAt: (edition.resultsPublishedEarlyAt && edition.resultsPublishedEarlyAt < edition.resultsPublishAt ? edition.resultsPublishedEarlyAt : edition.resultsPublishAt).toISOString(),
  };
  return json({
    edition: {
      id: edition.id,
      name: edition.name,
      year: edition.year,
      minTeamSize: edition.minTeamSize,
      maxTeamSize: edition.maxTeamSize,
      marketingPlan: edition.marketingPlan,
      helpersAllowed: edition.helpersAllowed,
    },
    challenge: edition.challenge,
    categories: edition.categories.map((c) => ({ ...c, teams: edition.teams.filter((t) => t.categoryId === c.id).map((t) => ({ id: t.id, name: t.name })) })),
    teamCount: edition.teams.length,
    sponsors: edition.sponsors.map((sp) => ({ id: sp.id, label: sp.label, name: sp.company.name, website: sp.company.website, logoFileId: sp.company.logoFileId })),
    dates,
    phase: getEditionPhase(edition),
    open: isRegistrationOpen(edition, at),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.edition.name ?? "" }];

export default function EditionPage() {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  const { edition, challenge, categories, teamCount, sponsors, dates, phase, open } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/challenges/${challenge.slug}`} className="inline-flex min-h-11 items-center underline">
          {t("public.backToChallenge", { name: challenge.name })}
        </Link>
      </p>
      <PageHeader
        title={edition.name}
        intro={challenge.description}
        actions={<Badge tone={open ? "success" : "neutral"}>{t("public.phaseNow", { phase: t(`phase.${phase}`) })}</Badge>}
      />
      {open ? (
        <Alert tone="success" title={t("public.registrationOpen", { date: formatDateTime(dates.registrationClosesAt, lang) })}>
          <p>{t("public.registrationOpenText", { min: edition.minTeamSize, count: edition.maxTeamSize })}</p>
          <p className="mt-3">
            <Link to={`/teams/nieuw?editie=${edition.id}`} className={buttonClass("primary")}>
              {t("public.registerTeam")}
            </Link>
          </p>
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("public.dates")}</h2>
          <dl className="mt-3 divide-y divide-slate-100">
            {Object.entries(dates).map(([field, value]) => (
              <div key={field} className="flex flex-wrap justify-between gap-x-4 py-2">
                <dt className="text-slate-700">{t(`dates.${field}`)}</dt>
                <dd className="font-medium">
                  <time dateTime={value}>{formatDateTime(value, lang)}</time>
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm text-slate-600">{t("public.timeZone")}</p>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("public.rules")}</h2>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            <li>{t("public.teamSize", { min: edition.minTeamSize, count: edition.maxTeamSize })}</li>
            {edition.marketingPlan ? <li>{t("public.marketingPlan")}</li> : null}
            {edition.helpersAllowed ? <li>{t("public.helpersAllowed")}</li> : null}
            {challenge.national ? <li>{t("public.nationalIntro")}</li> : null}
          </ul>
        </Card>
      </div>
      <section aria-labelledby="teams">
        <h2 id="teams" className="mb-3 text-xl font-semibold">
          {t("public.teams", { count: teamCount })}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {categories.map((c) => (
            <Card key={c.id}>
              <h3 className="font-semibold">{c.name}</h3>
              {c.teams.length === 0 ? (
                <p className="mt-2 text-slate-700">{open ? t("public.noTeamsOpen") : t("public.noTeams")}</p>
              ) : (
                <ul className="mt-2 list-disc pl-5">
                  {c.teams.map((team) => (
                    <li key={team.id}>{team.name}</li>
                  ))}
                </ul>
              )}
            </Card>
          ))}
        </div>
      </section>
      <section aria-labelledby="sponsors">
        <h2 id="sponsors" className="mb-3 text-xl font-semibold">
          {t("public.sponsors")}
        </h2>
        {sponsors.length === 0 ? (
          <EmptyState headingLevel={3} title={t("public.noSponsors")} text={t("public.noSponsorsText")} />
        ) : (
          <>
            <p className="mb-3 text-slate-700">{t("public.sponsorsIntro")}</p>
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {sponsors.map((sp) => (
                <li key={sp.id}>
                  <Card className="flex h-full items-center gap-4">
                    {sp.logoFileId ? (
                      <img src={`/files/${sp.logoFileId}`} alt="" className="size-16 shrink-0 rounded border border-slate-200 object-contain p-1" loading="lazy" />
                    ) : null}
                    <div className="min-w-0">
                      <p className="font-semibold break-words">
                        {sp.website ? (
                          <a href={sp.website} className="underline" rel="noopener noreferrer nofollow">
                            {sp.name}
                          </a>
                        ) : (
                          sp.name
                        )}
                      </p>
                      {sp.label ? <p className="text-sm text-slate-700">{sp.label}</p> : null}
                    </div>
                  </Card>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
