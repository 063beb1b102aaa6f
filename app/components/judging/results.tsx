// Parts of the results pages (issue 17, points 5–6): the board's settings, tie-breaks, awards,
// ranking preview, tip screening and publication; the method in words (board and public page);
// a team's feedback (team page and the pupil's own team).
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card } from "~/components/ui/page";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { SelectField } from "~/components/ui/select";
import { formatDateTime, formatNumber } from "~/utils/format";

/** What the page's action answers when it refuses a form: which form, and conform's reply. */
export type ResultsReply = { form: string; result: SubmissionResult<string[]> } | undefined;

const typedOf = (data: ResultsReply, form: string) => (data?.form === form ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined);
const errorsOf = (data: ResultsReply, form: string) => (data?.form === form ? data.result.error : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

type Method = { aggregation: "MEAN" | "MEDIAN"; normalize: boolean; tieBreaks: Array<{ kind: string; criterion: string | null }> };

/** The method in words: shown on every results page. */
export function MethodCard({ method, headingLevel = 2 }: { method: Method; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("results");
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <Card>
      <H className="text-lg font-semibold">{t("method.title")}</H>
      <p className="mt-2 text-slate-700">{t("method.entry")}</p>
      <p className="mt-2 text-slate-700">{t(`method.${method.aggregation}`)}</p>
      <p className="mt-2 text-slate-700">{method.normalize ? t("method.normalizeOn") : t("method.normalizeOff")}</p>
      {method.tieBreaks.length ? (
        <>
          <p className="mt-2 text-slate-700">{t("method.tieBreaks")}</p>
          <ol className="mt-1 list-decimal pl-6 text-slate-700">
            {method.tieBreaks.map((tb, i) => (
              <li key={i}>{tb.kind === "CRITERION" ? t("tieBreaks.CRITERION", { name: tb.criterion ?? "" }) : t(`tieBreaks.${tb.kind}`)}</li>
            ))}
          </ol>
        </>
      ) : (
        <p className="mt-2 text-slate-700">{t("method.noTieBreaks")}</p>
      )}
    </Card>
  );
}

type Settings = { aggregation: "MEAN" | "MEDIAN"; normalize: boolean; prizePlaces: number; resultsScope: "FULL_RANKING" | "PRIZES_ONLY"; publishedAt: string | null };

export function SettingsCard({ settings, methodLocked, data }: { settings: Settings; methodLocked: boolean; data: ResultsReply }) {
  const { t } = useTranslation("results");
  const typed = typedOf(data, "settings");
  const errors = errorsOf(data, "settings");
  const saving = useSubmitting("save-settings");
  const done = settings.publishedAt !== null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("settings.title")}</h2>
      {methodLocked && !done ? <p className="mt-1 text-slate-700">{t("settings.methodLocked")}</p> : null}
      <Form method="post" preventScrollReset className="mt-3 grid gap-3" key={typed ? JSON.stringify(typed) : "settings"}>
        <input type="hidden" name="intent" value="save-settings" />
        <ErrorList errors={errors?.[""]} />
        <SelectField
          label={t("settings.aggregation")}
          hint={t("settings.aggregationHint")}
          name="aggregation"
          defaultValue={str(typed?.aggregation) ?? settings.aggregation}
          errors={errors?.aggregation}
          options={[{ value: "MEAN", label: t("settings.MEAN") }, { value: "MEDIAN", label: t("settings.MEDIAN") }]}
          disabled={done}
        />
        <CheckboxField label={t("settings.normalize")} hint={t("settings.normalizeHint")} name="normalize" defaultChecked={typed ? typed.normalize === "on" : settings.normalize} disabled={done} />
        <TextField label={t("settings.prizePlaces")} name="prizePlaces" inputMode="numeric" defaultValue={str(typed?.prizePlaces) ?? String(settings.prizePlaces)} errors={errors?.prizePlaces} disabled={done} />
        <SelectField
          label={t("settings.scope")}
          name="resultsScope"
          defaultValue={str(typed?.resultsScope) ?? settings.resultsScope}
          errors={errors?.resultsScope}
          options={[{ value: "FULL_RANKING", label: t("settings.FULL_RANKING") }, { value: "PRIZES_ONLY", label: t("settings.PRIZES_ONLY") }]}
          disabled={done}
        />
        {done ? null : (
          <div>
            <Button pending={saving} className="max-sm:w-full">
              {t("settings.save")}
            </Button>
          </div>
        )}
      </Form>
    </Card>
  );
}

export function TieBreaksCard({
  tieBreaks,
  criteria,
  publishedAt,
  locked,
  data,
}: {
  tieBreaks: string[];
  criteria: Array<{ id: string; name: string }>;
  publishedAt: string | null;
  locked: boolean;
  data: ResultsReply;
}) {
  const { t, i18n } = useTranslation("results");
  const typed = typedOf(data, "tie-breaks");
  const errors = errorsOf(data, "tie-breaks");
  const saving = useSubmitting("save-tie-breaks");
  const options = [
    { value: "JURY_MAJORITY", label: t("tieBreaks.JURY_MAJORITY") },
    ...criteria.map((c) => ({ value: `CRITERION:${c.id}`, label: t("tieBreaks.CRITERION", { name: c.name }) })),
    { value: "SHARED", label: t("tieBreaks.SHARED") },
  ];
  const label = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const fixed = locked || publishedAt !== null;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("tieBreaks.title")}</h2>
      <p className="mt-1 text-slate-700">{t("tieBreaks.intro")}</p>
      {publishedAt ? <p className="mt-1 font-medium">{t("tieBreaks.publishedAt", { at: formatDateTime(publishedAt, i18n.language) })}</p> : null}
      <ErrorList errors={errors?.[""]} />
      {fixed ? (
        <>
          <p className="mt-1 text-slate-700">{t("tieBreaks.locked")}</p>
          {tieBreaks.length ? (
            <ol className="mt-2 list-decimal pl-6">
              {tieBreaks.map((v) => (
                <li key={v}>{label(v)}</li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-slate-700">{t("tieBreaks.empty")}</p>
          )}
        </>
      ) : (
        <>
          <Form method="post" preventScrollReset className="mt-3 grid gap-3 sm:grid-cols-3 sm:items-end [&>*]:min-w-0" key={typed ? JSON.stringify(typed) : "tie-breaks"}>
            <input type="hidden" name="intent" value="save-tie-breaks" />
            {[0, 1, 2].map((i) => (
              <SelectField
                key={i}
                label={t("tieBreaks.slot", { n: i + 1 })}
                name={`tieBreaks[${i}]`}
                defaultValue={str(typed?.[`tieBreaks[${i}]`]) ?? (Array.isArray(typed?.tieBreaks) ? str(typed.tieBreaks[i]) : undefined) ?? tieBreaks[i] ?? ""}
                options={[{ value: "", label: t("tieBreaks.none") }, ...options]}
                errors={i === 0 ? errors?.tieBreaks : undefined}
              />
            ))}
            <div className="sm:col-span-3">
              <Button pending={saving} className="max-sm:w-full">
                {t("tieBreaks.save")}
              </Button>
            </div>
          </Form>
          <div className="mt-3">
            <ConfirmDialog title={t("tieBreaks.publishTitle")} triggerLabel={t("tieBreaks.publish")} triggerVariant="secondary" confirmLabel={t("tieBreaks.publish")} fields={{ intent: "publish-tie-breaks" }} preventScrollReset>
              <p>{t("tieBreaks.publishText")}</p>
            </ConfirmDialog>
          </div>
        </>
      )}
    </Card>
  );
}

type AwardView = { id: string; name: string; categoryId: string | null; category: string | null; teamId: string | null; team: string | null };
type TeamOption = { id: string; name: string; categoryId: string; category: string };

export function AwardsCard({
  awards,
  teams,
  categories,
  published,
  data,
}: {
  awards: AwardView[];
  teams: TeamOption[];
  categories: Array<{ id: string; name: string }>;
  published: boolean;
  data: ResultsReply;
}) {
  const { t } = useTranslation("results");
  const typed = typedOf(data, "awards");
  const errors = errorsOf(data, "awards");
  const adding = useSubmitting("add-award");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("awards.title")}</h2>
      <p className="mt-1 text-slate-700">{t("awards.intro")}</p>
      {awards.length === 0 ? <p className="mt-2 text-slate-700">{t("awards.none")}</p> : null}
      <ul className="mt-2 divide-y divide-slate-200">
        {awards.map((a) => {
          const form = `award-${a.id}`;
          const awardErrors = errorsOf(data, form);
          const choices = teams.filter((tm) => !a.categoryId || tm.categoryId === a.categoryId);
          return (
            <li key={a.id} className="py-3">
              <p className="font-medium">
                {a.name} <span className="text-sm font-normal text-slate-700">· {a.category ?? t("awards.wholeEdition")}</span>
              </p>
              {published ? (
                <p className="text-slate-700">{a.team ?? t("awards.noTeam")}</p>
              ) : (
                <div className="mt-2 flex flex-wrap items-end gap-3">
                  <Form method="post" preventScrollReset className="flex flex-wrap items-end gap-3 [&>*]:min-w-0">
                    <input type="hidden" name="intent" value="award-team" />
                    <input type="hidden" name="awardId" value={a.id} />
                    <ErrorList errors={awardErrors?.[""]} />
                    <SelectField
                      label={t("awards.team")}
                      id={`award-team-${a.id}`}
                      name="teamId"
                      defaultValue={a.teamId ?? ""}
                      options={[{ value: "", label: t("awards.noTeam") }, ...choices.map((tm) => ({ value: tm.id, label: a.categoryId ? tm.name : `${tm.name} (${tm.category})` }))]}
                      errors={awardErrors?.teamId}
                    />
                    <Button variant="secondary">
                      {t("awards.save")}
                      <span className="sr-only"> ({a.name})</span>
                    </Button>
                  </Form>
                  <ConfirmDialog
                    title={t("awards.removeTitle", { name: a.name })}
                    triggerLabel={
                      <>
                        {t("awards.remove")}
                        <span className="sr-only"> ({a.name})</span>
                      </>
                    }
                    triggerVariant="secondary"
                    confirmLabel={t("awards.remove")}
                    fields={{ intent: "remove-award", awardId: a.id }}
                    preventScrollReset
                  >
                    <p>{t("awards.removeText")}</p>
                  </ConfirmDialog>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {published ? null : (
        <Form method="post" preventScrollReset className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end [&>*]:min-w-0" key={typed ? JSON.stringify(typed) : "awards"}>
          <input type="hidden" name="intent" value="add-award" />
          <ErrorList errors={errors?.[""]} />
          <TextField label={t("awards.name")} name="name" autoComplete="off" defaultValue={str(typed?.name)} errors={errors?.name} />
          <SelectField
            label={t("awards.category")}
            name="categoryId"
            defaultValue={str(typed?.categoryId) ?? ""}
            options={[{ value: "", label: t("awards.wholeEdition") }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
            errors={errors?.categoryId}
          />
          <div>
            <Button pending={adding} className="max-sm:w-full">
              {t("awards.add")}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}

type RankedView = { teamId: string; team: string; school: string; place: number; score: number; shared: boolean; jurors: number };
type CategoryView = { id: string; name: string; ranked: RankedView[]; unranked: Array<{ teamId: string; team: string }>; excluded: number };

export function RankingCard({ categories }: { categories: CategoryView[] }) {
  const { t, i18n } = useTranslation("results");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("ranking.title")}</h2>
      {categories.map((c) => (
        <section key={c.id} className="mt-4" aria-labelledby={`ranking-${c.id}`}>
          <h3 id={`ranking-${c.id}`} className="font-semibold">
            {c.name}
          </h3>
          {c.ranked.length === 0 ? (
            <p className="mt-1 text-slate-700">{t("ranking.noScores")}</p>
          ) : (
            <ScrollRegion label={t("ranking.caption", { category: c.name })} className="mt-2">
              <table className="w-full text-left">
                <caption className="sr-only">{t("ranking.caption", { category: c.name })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-3">{t("ranking.place")}</th>
                    <th scope="col" className="py-2 pr-3">{t("ranking.team")}</th>
                    <th scope="col" className="py-2 pr-3">{t("ranking.school")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("ranking.score")}</th>
                    <th scope="col" className="py-2 text-right">{t("ranking.jurors")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.ranked.map((r) => (
                    <tr key={r.teamId} className="border-b border-slate-200">
                      <td className="py-2 pr-3 tabular-nums">
                        {r.place}
                        {r.shared ? <span className="text-sm text-slate-700"> ({t("ranking.shared")})</span> : null}
                      </td>
                      <th scope="row" className="py-2 pr-3 font-medium">{r.team}</th>
                      <td className="py-2 pr-3">{r.school}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(r.score, i18n.language)}</td>
                      <td className="py-2 text-right tabular-nums">{r.jurors}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {c.unranked.length ? <p className="mt-1 text-sm text-slate-700">{t("ranking.unranked", { teams: c.unranked.map((u) => u.team).join(", ") })}</p> : null}
          {c.excluded ? <p className="mt-1 text-sm text-slate-700">{t("ranking.excluded", { count: c.excluded })}</p> : null}
        </section>
      ))}
    </Card>
  );
}

type Tip = { id: string; team: string; category: string; tip: string; tipHidden: boolean };

export function TipsCard({ tips, screenedAt, judgingClosed, published, data }: { tips: Tip[]; screenedAt: string | null; judgingClosed: boolean; published: boolean; data: ResultsReply }) {
  const { t, i18n } = useTranslation("results");
  const errors = errorsOf(data, "tips");
  const screening = useSubmitting("tips-screened");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("tips.title")}</h2>
      <p className="mt-1 text-slate-700">{t("tips.intro")}</p>
      <ErrorList errors={errors?.[""]} />
      {tips.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("tips.none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200" aria-label={t("tips.caption")}>
          {tips.map((tip) => (
            <li key={tip.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="text-sm text-slate-700">
                  {tip.team} · {tip.category} · <Badge tone={tip.tipHidden ? "warning" : "success"}>{tip.tipHidden ? t("tips.hidden") : t("tips.shown")}</Badge>
                </p>
                <p className={`mt-1 break-words ${tip.tipHidden ? "text-slate-600 line-through" : ""}`}>{tip.tip}</p>
              </div>
              {published ? null : (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="tip" />
                  <input type="hidden" name="sheetId" value={tip.id} />
                  <input type="hidden" name="hidden" value={tip.tipHidden ? "false" : "true"} />
                  <Button variant="secondary">
                    {tip.tipHidden ? t("tips.show") : t("tips.hide")}
                    <span className="sr-only"> ({tip.team})</span>
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {screenedAt ? <p className="mt-3 font-medium">{t("tips.screenedAt", { at: formatDateTime(screenedAt, i18n.language) })}</p> : null}
      {published ? null : judgingClosed ? (
        <Form method="post" preventScrollReset className="mt-3">
          <input type="hidden" name="intent" value="tips-screened" />
          <Button variant="secondary" pending={screening} className="max-sm:w-full">
            {t("tips.markScreened")}
          </Button>
        </Form>
      ) : (
        <p className="mt-3 text-slate-700">{t("tips.notClosed")}</p>
      )}
    </Card>
  );
}

export function PublishCard({
  publishedAt,
  judgingClosed,
  judgingClosesAt,
  screened,
  publicPath,
  data,
}: {
  publishedAt: string | null;
  judgingClosed: boolean;
  judgingClosesAt: string;
  screened: boolean;
  publicPath: string;
  data: ResultsReply;
}) {
  const { t, i18n } = useTranslation("results");
  const errors = errorsOf(data, "publish");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("publish.title")}</h2>
      <ErrorList errors={errors?.[""]} />
      {publishedAt ? (
        <>
          <Alert tone="success" title={t("board.published")}>
            {t("publish.publishedAt", { at: formatDateTime(publishedAt, i18n.language) })}
          </Alert>
          <p className="mt-3">
            <Link to={publicPath} className="inline-flex min-h-11 items-center underline">
              {t("board.publicLink")}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="mt-1 text-slate-700">{t("publish.text")}</p>
          {!judgingClosed ? (
            <p className="mt-2 text-slate-700">
              {t("publish.needsClosed")} {t("board.judgingCloses", { at: formatDateTime(judgingClosesAt, i18n.language) })}
            </p>
          ) : !screened ? (
            <p className="mt-2 text-slate-700">{t("publish.needsScreening")}</p>
          ) : (
            <div className="mt-3">
              <ConfirmDialog title={t("publish.confirmTitle")} triggerLabel={t("publish.button")} triggerVariant="primary" confirmLabel={t("publish.confirm")} fields={{ intent: "publish" }}>
                <p>{t("publish.confirmText")}</p>
              </ConfirmDialog>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

// --- A team's own results ------------------------------------------------------------------------------

export type TeamResultsView = {
  teamId: string;
  edition: string;
  publicPath: string;
  category: string;
  place: { place: number; shared: boolean; of: number } | null;
  awards: Array<{ id: string; name: string }>;
  tops: string[];
  tips: string[];
  certificatePath: string;
};

export function TeamResultsCard({ results, headingLevel = 2 }: { results: TeamResultsView; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("results");
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <Card>
      <H className="text-lg font-semibold">
        {t("team.title")} · {results.edition}
      </H>
      {results.place ? (
        <p className="mt-2 text-lg font-medium">
          {t(results.place.shared ? "team.placeShared" : "team.place", { place: results.place.place, of: results.place.of, category: results.category })}
        </p>
      ) : (
        <p className="mt-2 text-slate-700">{t("team.noPlace")}</p>
      )}
      {results.awards.length ? (
        <>
          <Sub className="mt-3 font-semibold">{t("team.awards")}</Sub>
          <ul className="mt-1 flex flex-wrap gap-2">
            {results.awards.map((a) => (
              <li key={a.id}>
                <Badge tone="success">{a.name}</Badge>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Sub className="mt-3 font-semibold">{t("team.tops")}</Sub>
      {results.tops.length ? (
        <ul className="mt-1 list-disc space-y-1 pl-6" data-testid="team-tops">
          {results.tops.map((top, i) => (
            <li key={i}>{top}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-700">{t("team.noTops")}</p>
      )}
      <Sub className="mt-3 font-semibold">{t("team.tipsTitle")}</Sub>
      {results.tips.length ? (
        <ul className="mt-1 list-disc space-y-1 pl-6" data-testid="team-tips">
          {results.tips.map((tip, i) => (
            <li key={i}>{tip}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-slate-700">{t("team.noTips")}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <a href={results.certificatePath} className={buttonClass("primary", "max-sm:w-full")} download>
          {t("team.certificate")}
        </a>
        <Link to={results.publicPath} className="inline-flex min-h-11 items-center underline">
          {t("team.publicLink")}
        </Link>
      </div>
    </Card>
  );
}
