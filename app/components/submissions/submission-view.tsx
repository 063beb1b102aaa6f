// The submission page's view (/teams/<id>/inzending). Data: getSubmissionPage; forms answer to the route's action.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { UploadForm } from "~/components/ui/upload-field";
import type { getSubmissionPage } from "~/modules/challenges/submission-page.server";
import { SaveSchema } from "~/modules/challenges/submission.schema";
import { formatDateTime, formatFileSize } from "~/utils/format";

export type SubmissionPageData = SerializeFrom<typeof getSubmissionPage>;
export type SubmissionActionData = { form: "save" | "upload" | "remove-file"; result: SerializeFrom<SubmissionResult<string[]>> };

/** The submission page: the deadline, the current version, the forms to save, the history. */
export function SubmissionView({ data, actionData }: { data: SubmissionPageData; actionData: SubmissionActionData | undefined }) {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  const { team, current, history, canSave, open, late, countdown: left, closedMessage, upload } = data;
  const lastResult = actionData?.form === "save" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: `submission-${current?.number ?? 0}`,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { description: current?.description ?? "", videoUrl: current?.videoUrl ?? "", marketingPlan: current?.marketingPlan ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveSchema }),
  });
  const saving = useSubmitting("save");
  const removing = useSubmitting("remove-file");
  // A refusal the deadline card already shows (the page reloads closed) is not shown twice.
  const formErrors = (actionData?.result.error?.[""] ?? []).filter((e: string) => open || (e !== closedMessage && e !== "submissions:errors.withdrawn"));
  const uploadErrors = actionData?.form === "upload" ? (actionData.result.error?.file ?? undefined) : undefined;
  const deadline = formatDateTime(data.deadline, lang);
  // Refused because the deadline passed: what was typed stays readable (to copy, or to show the board).
  const typed = actionData?.form === "save" ? (actionData.result.initialValue as Record<string, unknown> | undefined) : undefined;
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);
  const unsaved = typed && (text(typed.description) || text(typed.videoUrl) || text(typed.marketingPlan))
    ? { description: text(typed.description), videoUrl: text(typed.videoUrl), marketingPlan: text(typed.marketingPlan) }
    : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title={t("page.title", { team: team.name })} intro={t("page.intro", { edition: team.edition, school: team.school, category: team.category })} />

      <Card>
        <h2 className="text-lg font-semibold">{t("page.deadlineTitle")}</h2>
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <time dateTime={data.deadline} className="font-semibold">
            {deadline}
          </time>
          {left ? <Badge tone={left.unit === "days" && left.count >= 3 ? "info" : "warning"}>{t(`countdown.${left.unit}`, { count: left.count })}</Badge> : null}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("page.timeZone")}</p>
        {late ? (
          <div className="mt-3">
            <Alert tone="warning">{t("page.lateException", { deadline })}</Alert>
          </div>
        ) : null}
        {!open && closedMessage ? (
          <div className="mt-3">
            <Alert tone="error" title={t("page.closedTitle")}>
              <ErrorList errors={team.withdrawn ? ["submissions:errors.withdrawn"] : [closedMessage]} />
            </Alert>
          </div>
        ) : null}
      </Card>

      {formErrors?.length ? (
        <Alert tone="error">
          <ErrorList errors={formErrors} />
        </Alert>
      ) : null}

      <Card>
        <h2 className="text-lg font-semibold">{t("page.currentTitle")}</h2>
        {current ? (
          <div className="mt-3 space-y-4">
            <p className="text-sm text-slate-700">
              {t("page.versionBy", { number: current.number, at: formatDateTime(current.at, lang), by: current.by })}
            </p>
            <div>
              <h3 className="font-semibold">{t("fields.description")}</h3>
              <p className="mt-1 whitespace-pre-wrap break-words">{current.description}</p>
            </div>
            {current.videoUrl ? (
              <div>
                <h3 className="font-semibold">{t("fields.videoUrl")}</h3>
                <a href={current.videoUrl} rel="noopener noreferrer nofollow" target="_blank" className="mt-1 inline-flex min-h-11 items-center break-all underline">
                  {current.videoUrl}
                </a>
              </div>
            ) : null}
            {current.marketingPlan ? (
              <div>
                <h3 className="font-semibold">{t("fields.marketingPlan")}</h3>
                <p className="mt-1 whitespace-pre-wrap break-words">{current.marketingPlan}</p>
              </div>
            ) : null}
            <div>
              <h3 className="font-semibold">{t("page.filesTitle")}</h3>
              {current.files.length ? (
                <ul className="mt-1 divide-y divide-slate-100">
                  {current.files.map((file) => (
                    <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <a href={`/files/${file.id}`} className="inline-flex min-h-11 items-center break-all underline">
                        {file.fileName} <span className="ml-2 text-sm text-slate-600">({formatFileSize(file.size, lang)})</span>
                      </a>
                      {canSave ? (
                        <Form method="post" preventScrollReset>
                          <input type="hidden" name="intent" value="remove-file" />
                          <input type="hidden" name="fileId" value={file.id} />
                          <Button variant="ghost" pending={removing}>
                            {t("page.removeFile")}
                            <span className="sr-only"> ({file.fileName})</span>
                          </Button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-slate-700">{t("page.noFiles")}</p>
              )}
            </div>
          </div>
        ) : (
          <div className="mt-3">
            <EmptyState title={t("page.emptyTitle")} text={canSave ? t("page.emptyText") : t("page.emptyTextReadOnly")} headingLevel={3} />
          </div>
        )}
      </Card>

      {canSave ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("page.saveTitle")}</h2>
          <p className="mt-1 max-w-prose text-slate-700">{t("page.saveIntro")}</p>
          <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4">
            <input type="hidden" name="intent" value="save" />
            <TextareaField
              label={t("fields.description")}
              hint={t("fields.descriptionHint")}
              rows={6}
              {...getTextareaProps(fields.description)}
              key={fields.description.key}
              errors={fields.description.errors}
            />
            <TextField
              label={t("fields.videoUrl")}
              hint={t("fields.videoUrlHint")}
              optional
              inputMode="url"
              {...getInputProps(fields.videoUrl, { type: "text" })}
              key={fields.videoUrl.key}
              errors={fields.videoUrl.errors}
            />
            {data.marketingPlan ? (
              <TextareaField
                label={t("fields.marketingPlan")}
                hint={t("fields.marketingPlanHint")}
                rows={6}
                {...getTextareaProps(fields.marketingPlan)}
                key={fields.marketingPlan.key}
                errors={fields.marketingPlan.errors}
              />
            ) : null}
            <div>
              <Button pending={saving} className="max-sm:w-full">
                {t("page.save")}
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}

      {!canSave && unsaved ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("page.unsavedTitle")}</h2>
          <p className="mt-1 max-w-prose text-slate-700">{t("page.unsavedIntro")}</p>
          <div className="mt-4 grid gap-4">
            {(["description", "videoUrl", "marketingPlan"] as const)
              .filter((field) => unsaved[field])
              .map((field) => (
                <TextareaField key={field} label={t(`fields.${field}`)} name={`unsaved-${field}`} rows={field === "videoUrl" ? 1 : 6} readOnly defaultValue={unsaved[field]} />
              ))}
          </div>
        </Card>
      ) : null}

      {canSave ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("page.uploadTitle")}</h2>
          {current ? (
            <div className="mt-3">
              <UploadForm
                intent="upload"
                name="file"
                label={t("fields.file")}
                hint={t("fields.fileHint", { allowed: upload.allowed, max: upload.max })}
                accept={upload.accept}
                errors={uploadErrors}
                submitLabel={t("page.upload")}
              />
            </div>
          ) : (
            <p className="mt-1 text-slate-700">{t("page.uploadAfterSave")}</p>
          )}
        </Card>
      ) : null}

      <Card>
        <h2 className="text-lg font-semibold">{t("page.historyTitle")}</h2>
        {history.length ? (
          <div role="region" aria-label={t("page.historyTitle")} tabIndex={0} className="mt-3 max-w-full overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("page.historyTitle")}</caption>
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("history.number")}</th>
                  <th scope="col" className="px-3 py-2">{t("history.at")}</th>
                  <th scope="col" className="px-3 py-2">{t("history.by")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("history.files")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {history.map((v) => (
                  <tr key={v.number}>
                    <th scope="row" className="px-3 py-2 font-semibold">{v.number}</th>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={v.at}>{formatDateTime(v.at, lang, "short")}</time>
                    </td>
                    <td className="px-3 py-2">{v.by}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{v.files}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="mt-1 text-slate-700">{t("page.noHistory")}</p>
        )}
      </Card>
    </div>
  );
}
