import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { BadgeTone } from "./badge";

import type { TaskStatusName } from "~/modules/tasks/task-status";

export function taskTone(status: TaskStatusName): BadgeTone {
  return status === "DONE" ? "success" : status === "FAILED" ? "danger" : status === "RUNNING" ? "info" : "neutral";
}

/**
 * How far a background task is: a native <progress> (named, with its value as text for screen
 * readers) and the counts in words. A task that does not know its total yet shows an
 * indeterminate bar.
 */
export function TaskProgress({
  status,
  total,
  done,
  failed,
  compact = false,
}: {
  status: TaskStatusName;
  total: number;
  done: number;
  failed: number;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation("tasks");
  const labelId = useId();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : status === "DONE" ? 100 : 0;
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const text =
    total > 0 ? t("progress.counts", { done: number(done), total: number(total), percent }) : t("progress.countsUnknown", { done: number(done) });
  return (
    <div className={compact ? "min-w-40" : ""}>
      <p id={labelId} className={compact ? "text-sm text-slate-800" : "font-medium text-slate-900"}>
        {text}
        {failed > 0 ? <span className="text-red-700"> · {t("progress.failed", { count: failed, formatted: number(failed) })}</span> : null}
      </p>
      <progress
        aria-labelledby={labelId}
        max={total > 0 ? total : 1}
        value={total > 0 ? Math.min(done, total) : status === "DONE" ? 1 : undefined}
        className="mt-1 block h-3 w-full overflow-hidden rounded-full accent-brand-700 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700"
      >
        {percent}%
      </progress>
    </div>
  );
}
