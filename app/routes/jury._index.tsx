import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { requireAnyRole } from "~/modules/auth/access.server";
import { listJurorEditions } from "~/modules/judging/juror-pages.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

// A juror's start: the editions they judge. Only their JUROR roles (each scoped to an edition)
// count; anyone else signed in gets 403.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAnyRole(request, ["JUROR"]);
  const editionIds = user.roles.flatMap((r) => (r.role === "JUROR" && r.editionId ? [r.editionId] : []));
  const [t, editions] = await Promise.all([getT(request), listJurorEditions(user.id, editionIds)]);
  return json({ title: t("judging:juror.title"), editions });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function JurorHome() {
  const { t, i18n } = useTranslation("judging");
  const { editions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("juror.title")} intro={t("juror.intro")} />
      {editions.length === 0 ? (
        <EmptyState title={t("juror.empty")} text={t("juror.emptyText")} />
      ) : (
        <ul className="grid gap-4">
          {editions.map((e) => (
            <li key={e.id}>
              <Card>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold">{e.name}</h2>
                  <Badge tone={e.phase === "judging" ? "success" : "neutral"}>{t(`challenges:phase.${e.phase}`)}</Badge>
                </div>
                <p className="mt-1 text-slate-700">
                  {t("juror.window", { opens: formatDateTime(e.judgingOpensAt, i18n.language), closes: formatDateTime(e.judgingClosesAt, i18n.language) })}
                </p>
                <p className="mt-1 text-slate-700">{e.assigned ? t("juror.assigned", { count: e.assigned }) : t("juror.notAssigned")}</p>
                {e.conflicts ? <p className="mt-1 text-sm text-slate-700">{t("juror.conflicts", { count: e.conflicts })}</p> : null}
                <div className="mt-3 flex flex-wrap items-center gap-3">
                  <Link to={`/jury/${e.id}`} className={buttonClass("primary")}>
                    {t("scoring:home.open")}
                    <span className="sr-only"> ({e.name})</span>
                  </Link>
                  <Link to={`/jury/${e.id}/conflicten`} className="inline-flex min-h-11 items-center underline">
                    {t("scoring:home.conflicts")}
                    <span className="sr-only"> ({e.name})</span>
                  </Link>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
