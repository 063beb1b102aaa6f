import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { stringify } from "csv-stringify/sync";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Chart } from "~/components/ui/chart";
import { DateField } from "~/components/ui/date-field";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { Stat, StatGroup } from "~/components/ui/stat";
import { TextareaField } from "~/components/ui/textarea";
import { notFound, requireRole } from "~/modules/auth/session.server";
import { editionCsvRows, getEditionOverview } from "~/modules/challenges/edition-overview.server";
import { grantLateException } from "~/modules/challenges/submissions.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate, formatDateTime, formatNumber, fromAmsterdamTime } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

const ID = /^[a-z0-9]{8,40}$/i;
const ROUTE_ID = "routes/bestuur.edities.$editionId.overzicht";
/**
 * The export is fetched as this route's data request (`_data`): Remix hands a loader's own Response
 * through only there; a page request would render the page with the file as its data.
 */
const csvHref = `?format=csv&_data=${encodeURIComponent(ROUTE_ID)}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const editionId = params.editionId ?? "";
  if (!ID.test(editionId)) notFound();
  const lang = await getLanguage(request);
  const at = now();
  if (new URL(request.url).searchParams.get("format") === "csv") {
    const csv = await editionCsvRows(editionId, at, lang);
    if (!csv) notFound();
    // A leading = + - @ would be read as a formula by spreadsheets: quote it away.
    const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const body = stringify(csv.rows.map((r) => r.map(safe)), { bom: true, delimiter: ";" });
    const fileName = `inzendingen-${csv.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "editie"}.csv`;
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  }
  return overviewPage(editionId, at, lang);
}

async function overviewPage(editionId: string, at: Date, lang: "nl" | "en") {
  const overview = await getEditionOverview(editionId, at);
  if (!overview) notFound();
  const t = await i18next.getFixedT(lang, "submissions");
  return json({ title: t("overview.title", { edition: overview.edition.name }), ...overview });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: (data as { title?: string } | undefined)?.title ?? "" }];

// --- Action: the board's late exception for one team --------------------------------------------

const clean = (value: string) => value.replace(/\u0000/g, "");

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.object({
  intent: z.literal("late-exception"),
  teamId: z.string({ error: "submissions:errors.team" }).regex(ID, "submissions:errors.team"),
  until: z
    .string({ error: "submissions:errors.until" })
    .transform(clean)
    .pipe(z.string().max(40, "submissions:errors.until"))
    .refine((v) => fromAmsterdamTime(v) !== null, "submissions:errors.until"),
  reason: z
    .string({ error: "submissions:errors.reason" })
    .transform(clean)
    .pipe(z.string({ error: "submissions:errors.reason" }).trim().min(1, "submissions:errors.reason").max(500, "submissions:errors.reasonLong")),
});

const reply = (result: SubmissionResult<string[]>) => json({ result }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const editionId = params.editionId ?? "";
  if (!ID.test(editionId)) notFound();
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return reply(submission.reply());
  const { teamId, until, reason } = submission.value;
  const team = await db.team.findFirst({ where: { id: teamId, editionId }, select: { id: true, name: true } });
  if (!team) return reply(submission.reply({ fieldErrors: { teamId: ["submissions:errors.team"] } }));
  const result = await grantLateException(team.id, { until: fromAmsterdamTime(until)!, reason }, board);
  if (!result.ok) {
    if (result.reason === "past") return reply(submission.reply({ fieldErrors: { until: ["submissions:errors.untilPast"] } }));
    return reply(submission.reply({ fieldErrors: { teamId: ["submissions:errors.team"] } }));
  }
  return redirectWithToast(`/bestuur/edities/${editionId}/overzicht`, { key: "submissions:overview.exceptionSaved", values: { team: team.name.slice(0, 200) } });
}

// --- Page ------------------------------------------------------------------------------------------

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

export default function EditionOverviewPage() {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  const loaded = useLoaderData<typeof overviewPage>() as ReturnType<typeof useLoaderData<typeof overviewPage>> | string;
  // `?format=csv` typed as a page address: the file came as the page's data; offer the download instead.
  if (typeof loaded === "string") {
    return (
      <a href={csvHref} className={buttonClass("secondary")} download>
        {t("overview.export")}
      </a>
    );
  }
  const data = loaded;
  const { edition, stats, teams, byCategory, bySchool, consent, monitoring, timeline } = data;
  const lastResult = useActionData<typeof action>()?.result;
  const [form, fields] = useForm({
    id: "late-exception",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionSchema }),
  });
  const granting = useSubmitting("late-exception");
  const { type: _type, ...untilProps } = getInputProps(fields.until, { type: "datetime-local" });
  const registered = teams.filter((team) => team.status === "REGISTERED");
  const missing = registered.filter((team) => team.versions === 0);
  const deadline = formatDateTime(edition.closesAt, lang);
  const valueHeaders = [t("monitoring.value"), t("monitoring.pupils")];
  const valueRow = (r: { value: string | null; count: number }) => ({ key: r.value ?? "", label: r.value ?? t("monitoring.unknown"), counts: [r.count] });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("overview.title", { edition: edition.name })}
        intro={t("overview.intro", { deadline })}
        actions={
          <a href={csvHref} className={buttonClass("secondary")} download>
            {t("overview.export")}
          </a>
        }
      />

      <StatGroup>
        <Stat label={t("overview.statTeams")} value={formatNumber(stats.registered, lang)} hint={stats.withdrawn ? t("overview.statWithdrawn", { count: stats.withdrawn }) : undefined} />
        <Stat label={t("overview.statSubmitted")} value={formatNumber(stats.submitted, lang)} />
        <Stat label={t("overview.statMissing")} value={formatNumber(stats.missing, lang)} />
        <Stat label={t("overview.statPupils")} value={formatNumber(stats.pupils, lang)} />
      </StatGroup>

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

      <Card>
        <h2 className="text-lg font-semibold">{t("overview.exceptionTitle")}</h2>
        <p className="mt-1 max-w-prose text-slate-700">{t("overview.exceptionText")}</p>
        {lastResult?.error?.[""]?.length ? (
          <div className="mt-3">
            <Alert tone="error">
              <ErrorList errors={lastResult.error[""]} />
            </Alert>
          </div>
        ) : null}
        {registered.length ? (
          <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="late-exception" />
            <SelectField
              label={t("overview.exceptionTeam")}
              placeholder={t("overview.choose")}
              options={registered.map((team) => ({ value: team.id, label: `${team.name} · ${team.school}` }))}
              {...getSelectProps(fields.teamId)}
              key={fields.teamId.key}
              errors={fields.teamId.errors}
            />
            <DateField type="datetime-local" label={t("overview.exceptionUntil")} {...untilProps} key={fields.until.key} errors={fields.until.errors} />
            <TextareaField
              label={t("overview.exceptionReason")}
              rows={3}
              className="sm:col-span-2"
              {...getTextareaProps(fields.reason)}
              key={fields.reason.key}
              errors={fields.reason.errors}
            />
            <div className="sm:col-span-2">
              <Button pending={granting} className="max-sm:w-full">
                {t("overview.exceptionSave")}
              </Button>
            </div>
          </Form>
        ) : (
          <p className="mt-2 text-slate-700">{t("overview.noTeamsText")}</p>
        )}
      </Card>

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
    </div>
  );
}
