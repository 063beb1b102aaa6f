import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useParams, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictReasons } from "~/components/judging/conflict-reasons";
import { ScoreSheetForm, SubmittedNote } from "~/components/judging/score-sheet";
import { Alert } from "~/components/ui/alert";
import { Card, PageHeader } from "~/components/ui/page";
import { idParam, notFound } from "~/modules/auth/access.server";
import { requireJuror } from "~/modules/auth/ownership.server";
import { ScoreSheetSchema } from "~/modules/judging/scoring.schema";
import { getScoringPage, saveScoreSheet, type EntryRefusal } from "~/modules/judging/scoring.server";
import { formatDateTime, formatFileSize } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

/** Not assigned: 404 (the entry is not theirs to see). A conflict: 403 with the reasons in words. */
function refuse(refusal: EntryRefusal): never {
  if (refusal.reason === "not-found") notFound();
  throw json({ conflict: { team: refusal.team, reasons: refusal.reasons } }, { status: 403 });
}

// One entry for a juror: the submission and the scoring form. Only a juror of this edition to
// whom the entry is assigned and who has no conflict with it; their own sheet only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { juror } = await requireJuror(request, params.editionId);
  const teamId = idParam(params.teamId);
  const [t, page] = await Promise.all([getT(request), getScoringPage(juror, teamId)]);
  if (!page.ok) refuse(page);
  return json({ title: t("scoring:sheet.title", { team: page.team.name }), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ScoreSheetSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, juror } = await requireJuror(request, params.editionId);
  const teamId = idParam(params.teamId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const result = await saveScoreSheet(juror, teamId, submission.value, { id: user.id, name: user.name });
  if (!result.ok) {
    if (result.reason !== "invalid") refuse(result);
    return json({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirectWithToast(result.submitted ? `/jury/${juror.editionId}` : `/jury/${juror.editionId}/${teamId}`, {
    key: result.submitted ? "scoring:toast.submitted" : "scoring:toast.draftSaved",
  });
}

export default function ScoreEntry() {
  const { t, i18n } = useTranslation("scoring");
  const lang = i18n.language;
  const { edition, team, window, canScore, judgingOpensAt, judgingClosesAt, submission, criteria, sheet } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/jury/${edition.id}`} className="inline-flex min-h-11 items-center underline">
          {t("sheet.back", { edition: edition.name })}
        </Link>
      </p>
      <PageHeader title={t("sheet.title", { team: team.name })} intro={`${team.school} · ${team.category}`} />
      {window === "before" ? (
        <Alert tone="info" title={t("window.beforeTitle")}>
          {t("window.before", { at: formatDateTime(judgingOpensAt, lang) })}
        </Alert>
      ) : window === "closed" ? (
        <Alert tone="warning" title={t("window.closedTitle")}>
          {t("window.closed", { at: formatDateTime(judgingClosesAt, lang) })}
        </Alert>
      ) : (
        <p className="text-slate-700">{t("window.open", { at: formatDateTime(judgingClosesAt, lang) })}</p>
      )}
      {team.withdrawn ? <Alert tone="warning">{t("sheet.withdrawn")}</Alert> : null}

      <section aria-labelledby="submission-title">
        <Card>
          <h2 id="submission-title" className="text-lg font-semibold">
            {t("submission.title")}
          </h2>
          {submission ? (
            <div className="mt-3 space-y-4">
              <p className="text-sm text-slate-700">{t("submission.version", { number: submission.number, at: formatDateTime(submission.at, lang) })}</p>
              <div>
                <h3 className="font-semibold">{t("submission.description")}</h3>
                <p className="mt-1 whitespace-pre-wrap break-words">{submission.description}</p>
              </div>
              {submission.videoUrl ? (
                <div>
                  <h3 className="font-semibold">{t("submission.video")}</h3>
                  <a href={submission.videoUrl} rel="noopener noreferrer nofollow" target="_blank" className="mt-1 inline-flex min-h-11 items-center break-all underline">
                    {submission.videoUrl}
                  </a>
                </div>
              ) : null}
              {submission.marketingPlan ? (
                <div>
                  <h3 className="font-semibold">{t("submission.marketingPlan")}</h3>
                  <p className="mt-1 whitespace-pre-wrap break-words">{submission.marketingPlan}</p>
                </div>
              ) : null}
              <div>
                <h3 className="font-semibold">{t("submission.files")}</h3>
                {submission.files.length ? (
                  <ul className="mt-1 divide-y divide-slate-100">
                    {submission.files.map((file) => (
                      <li key={file.id} className="py-1">
                        <a href={`/files/${file.id}`} className="inline-flex min-h-11 items-center break-all underline">
                          {file.fileName} <span className="ml-2 text-sm text-slate-600">({formatFileSize(file.size, lang)})</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-slate-700">{t("submission.noFiles")}</p>
                )}
              </div>
            </div>
          ) : (
            <p className="mt-2 text-slate-700">{t("submission.none")}</p>
          )}
        </Card>
      </section>

      <section aria-labelledby="sheet-title" className="space-y-4">
        <h2 id="sheet-title" className="text-xl font-semibold">
          {t("sheet.formTitle")}
        </h2>
        <SubmittedNote status={sheet?.status ?? null} />
        {criteria.length === 0 ? (
          <Alert tone="warning">{t("sheet.noForm")}</Alert>
        ) : (
          <ScoreSheetForm criteria={criteria} sheet={sheet} result={data?.result} readOnly={!canScore || team.withdrawn} />
        )}
      </section>
    </div>
  );
}

type ConflictData = { conflict?: { team: string; reasons: Parameters<typeof ConflictReasons>[0]["reasons"] } };

// A refusal with its reason: a conflict says why (403); anything else the usual words.
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const params = useParams();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const conflict = isRouteErrorResponse(error) ? (error.data as ConflictData | undefined)?.conflict : undefined;
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [conflict ? t("scoring:conflictRefusal.title", { team: conflict.team }) : t("errors.forbiddenTitle"), conflict ? t("scoring:conflictRefusal.text") : t("errors.forbiddenText")]
        : [t("errors.errorTitle"), t("errors.errorText")];
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl space-y-4 py-12">
      <p className="text-sm font-semibold text-brand-700">{t("errors.statusCode", { status })}</p>
      <h1 id="error-title" className="text-3xl font-bold">
        {title}
      </h1>
      <p className="text-slate-700">{text}</p>
      {conflict ? <ConflictReasons reasons={conflict.reasons} /> : null}
      {params.editionId ? (
        <p>
          <Link to={`/jury/${params.editionId}`} className="inline-flex min-h-11 items-center underline">
            {t("scoring:list.backToList")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
