import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { requireJuror } from "~/modules/auth/ownership.server";
import { getJurorEntries } from "~/modules/judging/scoring.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

// A juror's entries of one edition, in their own fixed order, with each one's status and the
// progress. Only a juror of this edition (requireJuror); nobody else's scores are loaded.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { juror } = await requireJuror(request, params.editionId);
  const [t, page] = await Promise.all([getT(request), getJurorEntries(juror)]);
  return json({ title: t("scoring:list.title", { edition: page.edition.name }), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const TONE: Record<string, BadgeTone> = { notStarted: "neutral", draft: "warning", submitted: "success" };

export default function JurorEntries() {
  const { t, i18n } = useTranslation("scoring");
  const { edition, window, judgingOpensAt, judgingClosesAt, entries, progress } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to="/jury" className="inline-flex min-h-11 items-center underline">
          {t("list.back")}
        </Link>
      </p>
      <PageHeader title={t("list.title", { edition: edition.name })} intro={t("list.intro")} />
      {window === "before" ? (
        <Alert tone="info" title={t("window.beforeTitle")}>
          {t("window.before", { at: formatDateTime(judgingOpensAt, i18n.language) })}
        </Alert>
      ) : window === "closed" ? (
        <Alert tone="warning" title={t("window.closedTitle")}>
          {t("window.closed", { at: formatDateTime(judgingClosesAt, i18n.language) })}
        </Alert>
      ) : (
        <p className="text-slate-700">{t("window.open", { at: formatDateTime(judgingClosesAt, i18n.language) })}</p>
      )}
      <Card>
        <p className="text-lg font-semibold" data-testid="progress">
          {t("list.progress", { count: progress.total, done: progress.submitted })}
        </p>
        <progress className="mt-2 h-3 w-full" max={Math.max(progress.total, 1)} value={progress.submitted} aria-label={t("list.progressLabel")} />
      </Card>
      <section aria-labelledby="entries-title" className="space-y-3">
        <h2 id="entries-title" className="text-xl font-semibold">
          {t("list.entriesTitle")}
        </h2>
        {entries.length === 0 ? (
          <EmptyState headingLevel={3} title={t("list.empty")} text={t("list.emptyText")} />
        ) : (
          <ol className="space-y-3">
            {entries.map((e, index) => (
              <li key={e.teamId}>
                <Card>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="text-lg font-semibold">
                      <span className="text-slate-600">{index + 1}. </span>
                      {e.name}
                    </h3>
                    <span className="flex flex-wrap gap-2">
                      {e.conflicted ? <Badge tone="danger">{t("status.conflict")}</Badge> : <Badge tone={TONE[e.status]}>{t(`status.${e.status}`)}</Badge>}
                      {e.withdrawn ? <Badge tone="neutral">{t("status.withdrawn")}</Badge> : null}
                    </span>
                  </div>
                  <p className="mt-1 text-slate-700">
                    {e.school} · {e.category}
                  </p>
                  {e.conflicted ? (
                    <p className="mt-2 text-sm text-slate-700">{t("list.conflictText")}</p>
                  ) : window === "before" ? null : (
                    <Link to={`/jury/${edition.id}/${e.teamId}`} className={buttonClass(e.status === "submitted" || window === "closed" ? "secondary" : "primary", "mt-3")}>
                      {window === "closed" ? t("list.view") : e.status === "notStarted" ? t("list.start") : e.status === "draft" ? t("list.continue") : t("list.change")}
                      <span className="sr-only"> ({e.name})</span>
                    </Link>
                  )}
                </Card>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p>
        <Link to={`/jury/${edition.id}/conflicten`} className="inline-flex min-h-11 items-center underline">
          {t("list.conflictsLink")}
        </Link>
      </p>
    </div>
  );
}
