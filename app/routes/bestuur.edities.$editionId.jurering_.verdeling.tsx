import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DistributionPanel } from "~/components/judging/assignment";
import { EmptyState } from "~/components/ui/empty-state";
import { PageHeader } from "~/components/ui/page";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { getDistributionPage, MIN_SCORES_FOR_VERDICT } from "~/modules/judging/distribution.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = idParam(params.editionId);
  const [t, page] = await Promise.all([i18next.getFixedT(await getLanguage(request), "assignment"), getDistributionPage(id)]);
  if (!page) notFound();
  return json({ title: `${t("distribution.title")} · ${page.edition.name}`, minScores: MIN_SCORES_FOR_VERDICT, ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function BoardScoreDistribution() {
  const { t } = useTranslation("assignment");
  const { edition, panels, minScores } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/bestuur/edities/${edition.id}/jurering/toewijzing`} className="inline-flex min-h-11 items-center underline">
          {t("distribution.backToAssignment")}
        </Link>
      </p>
      <PageHeader title={`${t("distribution.title")}: ${edition.name}`} intro={t("distribution.intro")} />
      {panels.every((p) => p.jurors.length === 0) ? <EmptyState title={t("distribution.empty")} text={t("distribution.emptyText")} /> : null}
      {panels
        .filter((p) => p.jurors.length > 0)
        .map((p) => (
          <DistributionPanel key={p.formId} panel={p} minScores={minScores} />
        ))}
    </div>
  );
}
