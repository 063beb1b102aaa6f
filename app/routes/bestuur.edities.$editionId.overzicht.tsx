import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OverviewConsent, OverviewFigures, OverviewMonitoring, OverviewTeams, SubmissionsChart } from "~/components/challenges/edition-overview";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { DateField } from "~/components/ui/date-field";
import { ErrorList } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { Stat, StatGroup } from "~/components/ui/stat";
import { TextareaField } from "~/components/ui/textarea";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { LateExceptionSchema } from "~/modules/challenges/edition-overview.schema";
import { getEditionOverview, grantEditionLateException } from "~/modules/challenges/edition-overview.server";
import { now } from "~/utils/clock.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

// The CSV export is a resource route of its own: bestuur.edities.$editionId.overzicht[.]csv.ts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const editionId = idParam(params.editionId);
  const [t, overview] = await Promise.all([i18next.getFixedT(await getLanguage(request), "submissions"), getEditionOverview(editionId, now())]);
  if (!overview) notFound();
  return json({ title: t("overview.title", { edition: overview.edition.name }), ...overview });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// --- Action: the board's late exception for one team --------------------------------------------

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = LateExceptionSchema;

const reply = (result: SubmissionResult<string[]>) => json({ result }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const editionId = idParam(params.editionId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return reply(submission.reply());
  const result = await grantEditionLateException(editionId, submission.value, board);
  if (!result.ok) return reply(submission.reply({ fieldErrors: { [result.field]: [result.error] } }));
  return redirectWithToast(`/bestuur/edities/${editionId}/overzicht`, { key: "submissions:overview.exceptionSaved", values: { team: result.team.slice(0, 200) } });
}

// --- Page ------------------------------------------------------------------------------------------

export default function EditionOverviewPage() {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  const { edition, stats, teams, byCategory, bySchool, consent, monitoring, timeline } = useLoaderData<typeof loader>();
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

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("overview.title", { edition: edition.name })}
        intro={t("overview.intro", { deadline })}
        actions={
          <a href={`/bestuur/edities/${edition.id}/overzicht.csv`} className={buttonClass("secondary")} download>
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

      <SubmissionsChart timeline={timeline} deadline={deadline} />

      <OverviewTeams teams={teams} />

      <OverviewFigures byCategory={byCategory} bySchool={bySchool} missing={missing} />

      <OverviewConsent consent={consent} />

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

      <OverviewMonitoring monitoring={monitoring} />
    </div>
  );
}
