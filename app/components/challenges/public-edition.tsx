// The public page of an edition (/challenges/<slug>/<year>).
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDateTime } from "~/utils/format";
import type { getEditionPage } from "~/modules/challenges/public-pages.server";

/** An edition's public page: registration, dates, rules, teams per category, sponsors. */
export function PublicEdition({ data }: { data: NonNullable<SerializeFrom<typeof getEditionPage>> }) {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  const { edition, challenge, categories, teamCount, sponsors, dates, phase, open, resultsPublished } = data;
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
      {resultsPublished ? (
        <p>
          <Link to={`/challenges/${challenge.slug}/${edition.year}/uitslag`} className={buttonClass("primary")}>
            {t("results:public.link")}
          </Link>
        </p>
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
