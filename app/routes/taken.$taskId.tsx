// /taken/<id> — the status of a long action (a background task): progress, counts, result and
// error. Its owner and the board may see it; anyone else gets 404. While it runs, the page
// refreshes itself every 2 seconds (with JavaScript: revalidation; without: a meta refresh).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { TaskProgress, taskTone } from "~/components/ui/task-progress";
import { isBoard } from "~/modules/auth/permissions";
import { notFound, requireUser } from "~/modules/auth/session.server";
import { isActive } from "~/modules/tasks/task-status";
import { findVisibleTask } from "~/modules/tasks/tasks.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make (tests/guards/query-budget.test.ts): the session and the task.
export const queryBudget = 2;

export const REFRESH_SECONDS = 2;

type Summary = { invited?: number; invalid?: string[]; duplicates?: string[] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const task = await findVisibleTask(params.taskId ?? "", { id: user.id, isBoard: isBoard(user.roles) });
  if (!task) notFound();
  const t = await getT(request);
  const result = (task.result && typeof task.result === "object" && !Array.isArray(task.result) ? task.result : {}) as Summary;
  return json({
    title: t(`tasks:kinds.${task.kind}`, { defaultValue: t("tasks:kinds.other") }),
    task: {
      id: task.id,
      kind: task.kind,
      status: task.status,
      total: task.total,
      done: task.done,
      failed: task.failed,
      error: task.error,
      createdAt: task.createdAt.toISOString(),
      finishedAt: task.finishedAt?.toISOString() ?? null,
      mine: task.ownerId === user.id,
    },
    result: {
      invited: typeof result.invited === "number" ? result.invited : null,
      invalid: Array.isArray(result.invalid) ? result.invalid.filter((l): l is string => typeof l === "string").slice(0, 500) : [],
      duplicates: Array.isArray(result.duplicates) ? result.duplicates.filter((l): l is string => typeof l === "string").slice(0, 500) : [],
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function TaskPage() {
  const { t, i18n } = useTranslation("tasks");
  const { title, task, result } = useLoaderData<typeof loader>();
  const active = isActive(task.status);
  const revalidator = useRevalidator();
  const revalidate = revalidator.revalidate;
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [active, revalidate]);

  return (
    <div className="space-y-6">
      {active ? (
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <PageHeader
        title={title}
        intro={t("page.started", { date: formatDateTime(task.createdAt, i18n.language) })}
        actions={
          <Link to="/taken" className={buttonClass("secondary")}>
            {t("page.all")}
          </Link>
        }
      />
      <Card>
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold">{t("page.status")}</h2>
          <Badge tone={taskTone(task.status)}>{t(`status.${task.status}`)}</Badge>
        </div>
        <div className="mt-4">
          <TaskProgress status={task.status} total={task.total} done={task.done} failed={task.failed} />
        </div>
        {task.finishedAt ? <p className="mt-3 text-slate-700">{t("page.finished", { date: formatDateTime(task.finishedAt, i18n.language) })}</p> : null}
        {active ? (
          <p className="mt-4 flex flex-wrap items-center gap-3 text-slate-700">
            <span>{t("page.refreshing", { count: REFRESH_SECONDS })}</span>
            <Link to={`/taken/${task.id}`} className={buttonClass("ghost")}>
              {t("page.refresh")}
            </Link>
          </p>
        ) : null}
      </Card>
      {task.status === "FAILED" ? (
        <Alert tone="error" title={t("page.failedTitle")}>
          <p>{t("page.failedText")}</p>
          {task.error ? <p className="mt-1 font-mono text-sm break-all">{task.error}</p> : null}
        </Alert>
      ) : null}
      {task.status === "DONE" && result.invited !== null ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("result.title")}</h2>
          <p className="mt-2">{t("result.invited", { count: result.invited })}</p>
          {result.invalid.length ? (
            <div className="mt-4">
              <h3 className="font-semibold">{t("result.invalidTitle", { count: result.invalid.length })}</h3>
              <p className="text-sm text-slate-700">{t("result.invalidHint")}</p>
              <ul className="mt-2 list-disc space-y-1 pl-6 break-all">
                {result.invalid.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.duplicates.length ? (
            <div className="mt-4">
              <h3 className="font-semibold">{t("result.duplicatesTitle", { count: result.duplicates.length })}</h3>
              <ul className="mt-2 list-disc space-y-1 pl-6 break-all">
                {result.duplicates.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {task.kind === "bulk-invite" ? (
            <p className="mt-4">
              <Link to="/bestuur/mensen" className="underline">
                {t("result.toPeople")}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
