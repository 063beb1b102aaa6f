// /taken — the long actions this person started (bulk invitations, exports), newest first, each
// linking to its status page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page";
import { DataTable, type Column } from "~/components/ui/table";
import { TaskProgress, taskTone } from "~/components/ui/task-progress";
import { isBoard } from "~/modules/auth/permissions";
import { requireUser } from "~/modules/auth/session.server";
import { listRecentTasks } from "~/modules/tasks/tasks.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make (tests/guards/query-budget.test.ts): the session and one list.
export const queryBudget = 2;

const SHOWN = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, tasks] = await Promise.all([getT(request), listRecentTasks(user.id, SHOWN)]);
  return json({
    title: t("tasks:list.title"),
    board: isBoard(user.roles),
    tasks: tasks.map((task) => ({ ...task, createdAt: task.createdAt.toISOString(), finishedAt: task.finishedAt?.toISOString() ?? null })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Tasks() {
  const { t, i18n } = useTranslation("tasks");
  const { tasks, board } = useLoaderData<typeof loader>();
  type Row = (typeof tasks)[number];
  const columns: Column<Row>[] = [
    {
      key: "kind",
      header: t("list.kind"),
      rowHeader: true,
      cell: (task) => (
        <Link to={`/taken/${task.id}`} className="inline-flex min-h-11 items-center underline">
          {t(`kinds.${task.kind}`, { defaultValue: t("kinds.other") })}
        </Link>
      ),
    },
    { key: "started", header: t("list.started"), cell: (task) => <time dateTime={task.createdAt}>{formatDateTime(task.createdAt, i18n.language, "short")}</time> },
    { key: "status", header: t("list.status"), cell: (task) => <Badge tone={taskTone(task.status)}>{t(`status.${task.status}`)}</Badge> },
    {
      key: "progress",
      header: t("list.progress"),
      hideOnPhone: true,
      cell: (task) => <TaskProgress compact status={task.status} total={task.total} done={task.done} failed={task.failed} />,
    },
  ];
  return (
    <div className="space-y-6">
      <PageHeader title={t("list.title")} intro={t("list.intro")} />
      <DataTable
        caption={t("list.caption")}
        columns={columns}
        rows={tasks}
        rowKey={(task) => task.id}
        search={false}
        state={{ sort: "", dir: "desc", q: "", page: 1, pages: 1, total: tasks.length, pageSize: Math.max(tasks.length, 1) }}
        empty={
          <EmptyState
            title={t("list.emptyTitle")}
            text={t("list.emptyText")}
            action={board ? { to: "/bestuur/mensen", label: t("list.emptyAction") } : undefined}
          />
        }
      />
    </div>
  );
}
