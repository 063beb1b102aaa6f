// Parts of the board's overview of an edition: the submissions over time, the teams, the figures
// per category and school, who is missing, consent and the monitoring figures.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { Chart } from "~/components/ui/chart";
import { EmptyState } from "~/components/ui/empty-state";
import { Card } from "~/components/ui/page";
import { Stat, StatGroup } from "~/components/ui/stat";
import type { ConsentCounts, CountRow, ValueCount } from "~/modules/challenges/edition-overview.server";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";

/** A small table of figures: a row header per row and counts in the other columns. */
function FigureTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: { key: string; label: string; counts: number[] }[] }) {
  const { i18n } = useTranslation();
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="max-w-full overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {headers.map((header, i) => (
              <th key={header} scope="col" className={i === 0 ? "px-3 py-2" : "px-3 py-2 text-right"}>{header}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="px-3 py-2 font-semibold">{r.label}</th>
              {r.counts.map((count, i) => (
                <td key={i} className="px-3 py-2 text-right tabular-nums">{formatNumber(count, i18n.language)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Team = { id: string; name: string; category: string; school: string; status: string; lastVersionAt: string | null; lateAllowedUntil: string | null };

export function SubmissionsChart({ timeline, deadline }: { timeline: { day: string; first: number; total: number }[]; deadline: string }) {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  return (
  <Card>
    {timeline.length ? (
      <Chart
        caption={t("overview.chartTitle")}
        description={t("overview.chartText", { deadline })}
        data={timeline.map((d) => ({ day: formatDate(d.day, lang, "short"), first: d.first, total: d.total }))}
        xKey="day"
        xLabel={t("overview.chartDay")}
        series={[
          { key: "first", label: t("overview.chartFirst"), type: "bar" },
          { key: "total", label: t("overview.chartTotal"), type: "line" },
        ]}
      />
    ) : (
      <>
        <h2 className="text-lg font-semibold">{t("overview.chartTitle")}</h2>
        <p className="mt-1 text-slate-700">{t("overview.chartEmpty")}</p>
      </>
    )}
  </Card>
  );
}

export function OverviewTeams({ teams }: { teams: Team[] }) {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("overview.teamsTitle")}</h2>
    {teams.length ? (
      <div role="region" aria-label={t("overview.teamsTitle")} tabIndex={0} className="mt-3 max-w-full overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("overview.teamsTitle")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">{t("overview.team")}</th>
              <th scope="col" className="px-3 py-2">{t("overview.category")}</th>
              <th scope="col" className="px-3 py-2">{t("overview.school")}</th>
              <th scope="col" className="px-3 py-2">{t("overview.submission")}</th>
              <th scope="col" className="px-3 py-2">{t("overview.exception")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {teams.map((team) => (
              <tr key={team.id}>
                <th scope="row" className="px-3 py-2 font-semibold">
                  <Link to={`/teams/${team.id}/inzending`}>{team.name}</Link>
                  {team.status === "WITHDRAWN" ? (
                    <Badge tone="neutral" className="ml-2">
                      {t("status.WITHDRAWN")}
                    </Badge>
                  ) : null}
                </th>
                <td className="px-3 py-2">{team.category}</td>
                <td className="px-3 py-2">{team.school}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {team.lastVersionAt ? (
                    <>
                      <Badge tone="success">{t("overview.received")}</Badge>{" "}
                      <time dateTime={team.lastVersionAt}>{formatDateTime(team.lastVersionAt, lang, "short")}</time>
                    </>
                  ) : (
                    <Badge tone="warning">{t("overview.missing")}</Badge>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{team.lateAllowedUntil ? formatDateTime(team.lateAllowedUntil, lang, "short") : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : (
      <div className="mt-3">
        <EmptyState title={t("overview.noTeamsTitle")} text={t("overview.noTeamsText")} headingLevel={3} />
      </div>
    )}
  </Card>
  );
}

export function OverviewFigures({ byCategory, bySchool, missing }: { byCategory: CountRow[]; bySchool: CountRow[]; missing: Team[] }) {
  const { t } = useTranslation("submissions");
  return (
    <>
    <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
      <Card>
        <FigureTable caption={t("overview.byCategory")} headers={[t("overview.category"), t("overview.teams"), t("overview.submitted")]} rows={byCategory.map((r) => ({ key: r.key, label: r.key, counts: [r.teams, r.submitted] }))} />
      </Card>
      <Card>
        <FigureTable caption={t("overview.bySchool")} headers={[t("overview.school"), t("overview.teams"), t("overview.submitted")]} rows={bySchool.map((r) => ({ key: r.key, label: r.key, counts: [r.teams, r.submitted] }))} />
      </Card>
    </div>
    <Card>
      <h2 className="text-lg font-semibold">{t("overview.missingTitle")}</h2>
      {missing.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {missing.map((team) => (
            <li key={team.id}>
              {team.name} <span className="text-slate-700">· {team.school}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-700">{t("overview.noneMissing")}</p>
      )}
    </Card>
    </>
  );
}

export function OverviewConsent({ consent }: { consent: ConsentCounts }) {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("overview.consentTitle")}</h2>
    <p className="mt-1 max-w-prose text-slate-700">{t("overview.consentText")}</p>
    <StatGroup className="mt-3">
      <Stat label={t("consent.name")} value={formatNumber(consent.name, lang)} />
      <Stat label={t("consent.photosOnly")} value={formatNumber(consent.photosOnly, lang)} />
      <Stat label={t("consent.none")} value={formatNumber(consent.none, lang)} />
      <Stat label={t("consent.withdrawn")} value={formatNumber(consent.withdrawn, lang)} />
    </StatGroup>
  </Card>
  );
}

type Monitoring = { pupils: number; girls: number; byLeerjaar: ValueCount[]; byLeerweg: ValueCount[]; byProfiel: ValueCount[] };

export function OverviewMonitoring({ monitoring }: { monitoring: Monitoring }) {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  const valueHeaders = [t("monitoring.value"), t("monitoring.pupils")];
  const valueRow = (r: ValueCount) => ({ key: r.value ?? "", label: r.value ?? t("monitoring.unknown"), counts: [r.count] });
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("monitoring.title")}</h2>
    <p className="mt-1 max-w-prose text-slate-700">{t("monitoring.text")}</p>
    <StatGroup className="mt-3">
      <Stat label={t("monitoring.pupilsTotal")} value={formatNumber(monitoring.pupils, lang)} />
      <Stat label={t("monitoring.girls")} value={formatNumber(monitoring.girls, lang)} hint={t("monitoring.girlsHint")} />
    </StatGroup>
    <div className="mt-4 grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
      <FigureTable caption={t("monitoring.byLeerjaar")} headers={valueHeaders} rows={monitoring.byLeerjaar.map(valueRow)} />
      <FigureTable caption={t("monitoring.byLeerweg")} headers={valueHeaders} rows={monitoring.byLeerweg.map(valueRow)} />
      <FigureTable caption={t("monitoring.byProfiel")} headers={valueHeaders} rows={monitoring.byProfiel.map(valueRow)} />
    </div>
  </Card>
  );
}
