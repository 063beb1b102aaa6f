import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { UploadForm, formatFileSize } from "~/components/ui/upload-field";
import type { Language } from "~/i18n/config";
import { forbidden, notFound, requireUser } from "~/modules/auth/session.server";
import { isSubmissionOpen } from "~/modules/challenges/phases";
import {
  closedError,
  EDITION_DATES,
  handIn,
  isTeamOpen,
  maySave,
  teamAccess,
  teamDeadline,
  type SaveRefusal,
} from "~/modules/challenges/submissions.server";
import { uploadLimits } from "~/modules/files/files.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

const ID = /^[a-z0-9]{8,40}$/i;
const DAY = 86_400_000;
const HOUR = 3_600_000;

type TeamRow = {
  id: string;
  name: string;
  schoolId: string;
  status: "REGISTERED" | "WITHDRAWN";
  schoolName: string;
  categoryName: string;
  editionName: string;
  marketingPlan: boolean;
  lateAllowedUntil: Date | null;
  isMember: boolean;
} & { [K in keyof typeof EDITION_DATES]: Date | null };

/** The team with its edition's dates and whether the viewer is one of its pupils: one query. */
async function loadTeam(teamId: string, userId: string): Promise<TeamRow | null> {
  const [team] = await db.$queryRaw<TeamRow[]>`
    SELECT t.id, t.name, t."schoolId", t.status::text AS status, s.name AS "schoolName", c.name AS "categoryName",
           e.name AS "editionName", e."marketingPlan",
           e."registrationOpensAt", e."registrationClosesAt", e."submissionDeadline", e."judgingOpensAt", e."judgingClosesAt",
           e."resultsPublishAt", e."registrationClosedEarlyAt", e."submissionsClosedEarlyAt", e."judgingClosedEarlyAt",
           e."resultsPublishedEarlyAt", sub."lateAllowedUntil",
           EXISTS (SELECT 1 FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId" WHERE m."teamId" = t.id AND p."userId" = ${userId}) AS "isMember"
    FROM "Team" t
    JOIN "Edition" e ON e.id = t."editionId"
    JOIN "EditionCategory" c ON c.id = t."categoryId"
    JOIN "School" s ON s.id = t."schoolId"
    LEFT JOIN "Submission" sub ON sub."teamId" = t.id
    WHERE t.id = ${teamId}`;
  return team ?? null;
}

const datesOf = (team: TeamRow) => ({
  registrationOpensAt: team.registrationOpensAt!,
  registrationClosesAt: team.registrationClosesAt!,
  submissionDeadline: team.submissionDeadline!,
  judgingOpensAt: team.judgingOpensAt!,
  judgingClosesAt: team.judgingClosesAt!,
  resultsPublishAt: team.resultsPublishAt!,
  registrationClosedEarlyAt: team.registrationClosedEarlyAt,
  submissionsClosedEarlyAt: team.submissionsClosedEarlyAt,
  judgingClosedEarlyAt: team.judgingClosedEarlyAt,
  resultsPublishedEarlyAt: team.resultsPublishedEarlyAt,
});

type VersionRow = {
  id: string;
  number: number;
  description: string;
  videoUrl: string | null;
  marketingPlan: string | null;
  fileIds: string[];
  at: Date;
  userName: string | null;
  pupilFirstName: string | null;
};

async function loadVersions(teamId: string) {
  return db.$queryRaw<VersionRow[]>`
    SELECT v.id, v.number, v.description, v."videoUrl", v."marketingPlan", v."fileIds", v.at,
           u.name AS "userName", p."firstName" AS "pupilFirstName"
    FROM "SubmissionVersion" v
    JOIN "Submission" s ON s.id = v."submissionId"
    LEFT JOIN "User" u ON u.id = v."submittedById"
    LEFT JOIN "Pupil" p ON p."userId" = u.id
    WHERE s."teamId" = ${teamId}
    ORDER BY v.number DESC`;
}

/** The team and how the signed-in person relates to it; everyone without access gets 404. */
async function requireTeam(request: Request, teamId: string | undefined) {
  const user = await requireUser(request);
  if (!teamId || !ID.test(teamId)) notFound();
  const team = await loadTeam(teamId, user.id);
  if (!team) notFound();
  const access = teamAccess(user, team, team.isMember);
  if (!access) notFound();
  return { user, team, access };
}

function countdown(deadline: Date, at: Date): { unit: "days" | "hours" | "minutes"; count: number } | null {
  const left = deadline.getTime() - at.getTime();
  if (left <= 0) return null;
  if (left >= DAY) return { unit: "days", count: Math.floor(left / DAY) };
  if (left >= HOUR) return { unit: "hours", count: Math.floor(left / HOUR) };
  return { unit: "minutes", count: Math.max(1, Math.ceil(left / 60_000)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, access } = await requireTeam(request, params.teamId);
  const lang = await getLanguage(request);
  const t = await i18next.getFixedT(lang, "submissions");
  const at = now();
  const dates = datesOf(team);
  const versions = await loadVersions(team.id);
  const latest = versions[0] ?? null;
  const files = latest?.fileIds.length
    ? await db.storedFile.findMany({ where: { id: { in: latest.fileIds }, deletedAt: null }, select: { id: true, fileName: true, size: true } })
    : [];
  const deadline = teamDeadline(dates, team.lateAllowedUntil);
  const open = team.status === "REGISTERED" && isTeamOpen(dates, team.lateAllowedUntil, at);
  const late = open && !isSubmissionOpen(dates, at);
  // Inside the school a pupil is shown by first name; adults by their name.
  const by = (v: VersionRow) => v.pupilFirstName ?? v.userName ?? t("page.unknownPerson");
  return json({
    title: t("page.title", { team: team.name }),
    team: { id: team.id, name: team.name, school: team.schoolName, category: team.categoryName, edition: team.editionName, withdrawn: team.status !== "REGISTERED" },
    marketingPlan: team.marketingPlan,
    access,
    canSave: maySave(access) && open,
    open,
    late,
    deadline: deadline.toISOString(),
    countdown: countdown(deadline, at),
    closedMessage: open ? null : closedError(deadline, lang),
    current: latest
      ? {
          number: latest.number,
          at: latest.at.toISOString(),
          by: by(latest),
          description: latest.description,
          videoUrl: latest.videoUrl,
          marketingPlan: latest.marketingPlan,
          files: latest.fileIds.flatMap((id) => files.filter((f) => f.id === id)),
        }
      : null,
    history: versions.map((v) => ({ number: v.number, at: v.at.toISOString(), by: by(v), files: v.fileIds.length })),
    upload: uploadLimits("SUBMISSION", lang),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// --- Action ----------------------------------------------------------------------------------------

const clean = (value: string) => value.replace(/\u0000/g, "");

/** https only: YouTube, Vimeo or any other https address. */
function isHttpsLink(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

const SaveSchema = z.object({
  intent: z.literal("save"),
  description: z
    .string({ error: "submissions:errors.description" })
    .transform(clean)
    .pipe(z.string().trim().min(1, "submissions:errors.description").max(5000, "submissions:errors.descriptionLong")),
  videoUrl: z
    .string()
    .transform(clean)
    .pipe(z.string().trim().max(500, "submissions:errors.videoUrl").refine((v) => v === "" || isHttpsLink(v), "submissions:errors.videoUrl"))
    .optional(),
  marketingPlan: z.string().transform(clean).pipe(z.string().trim().max(10000, "submissions:errors.marketingPlanLong")).optional(),
});

const UploadSchema = z.object({
  intent: z.literal("upload"),
  file: z.instanceof(File, { error: "submissions:errors.file" }).refine((f) => f.size > 0, "submissions:errors.file"),
});

const RemoveSchema = z.object({
  intent: z.literal("remove-file"),
  fileId: z.string({ error: "submissions:errors.fileUnknown" }).regex(ID, "submissions:errors.fileUnknown"),
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [SaveSchema, UploadSchema, RemoveSchema]);

type FormName = "save" | "upload" | "remove-file";
// `error` also at the top: the upload form (sent with XMLHttpRequest) reads conform's reply shape there.
const reply = (form: FormName, result: SubmissionResult<string[]>) => json({ form, result, error: result.error }, { status: 400 });

function refusalErrors(refusal: SaveRefusal | { ok: false; reason: "file-refused"; error: string }, lang: Language) {
  switch (refusal.reason) {
    case "not-found":
      return notFound();
    case "forbidden":
      return forbidden();
    case "withdrawn":
      return { formErrors: ["submissions:errors.withdrawn"] };
    case "closed":
      return { formErrors: [closedError(refusal.deadline, lang)] };
    case "invalid":
      return { fieldErrors: refusal.fieldErrors };
    case "file-refused":
      return { fieldErrors: { file: [`submissions:errors.fileRefused?${new URLSearchParams({ message: refusal.error }).toString()}`] } };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team, access } = await requireTeam(request, params.teamId);
  if (!maySave(access)) forbidden();
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const intent: FormName = submission.payload.intent === "upload" ? "upload" : submission.payload.intent === "remove-file" ? "remove-file" : "save";
  if (submission.status !== "success") return reply(intent, submission.reply());
  const value = submission.value;
  const lang = await getLanguage(request);

  const [latest] = await db.submissionVersion.findMany({
    where: { submission: { teamId: team.id } },
    orderBy: { number: "desc" },
    take: 1,
    select: { description: true, videoUrl: true, marketingPlan: true, fileIds: true },
  });
  let result: Awaited<ReturnType<typeof handIn>>;
  if (value.intent === "save") {
    result = await handIn(
      team.id,
      { description: value.description, videoUrl: value.videoUrl || null, marketingPlan: value.marketingPlan || null, keepFileIds: latest?.fileIds ?? [] },
      user,
      lang,
    );
  } else {
    if (!latest) return reply(intent, submission.reply({ formErrors: ["submissions:errors.describeFirst"] }));
    if (value.intent === "remove-file" && !latest.fileIds.includes(value.fileId)) {
      return reply(intent, submission.reply({ formErrors: ["submissions:errors.fileUnknown"] }));
    }
    result = await handIn(
      team.id,
      {
        description: latest.description,
        videoUrl: latest.videoUrl,
        marketingPlan: latest.marketingPlan,
        keepFileIds: value.intent === "remove-file" ? latest.fileIds.filter((id) => id !== value.fileId) : latest.fileIds,
        uploads: value.intent === "upload" ? [value.file] : [],
      },
      user,
      lang,
    );
  }
  if (!result.ok) return reply(intent, submission.reply(refusalErrors(result, lang)));
  return redirectWithToast(`/teams/${team.id}/inzending`, { key: "submissions:page.saved", values: { number: String(result.number) } });
}

// --- Page ------------------------------------------------------------------------------------------

export default function SubmissionPage() {
  const { t, i18n } = useTranslation("submissions");
  const lang = i18n.language;
  const data = useLoaderData<typeof loader>();
  const { team, current, history, canSave, open, late, countdown: left, closedMessage, upload } = data;
  const actionData = useActionData<typeof action>();
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
