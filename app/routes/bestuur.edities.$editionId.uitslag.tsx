// The board's results page of an edition (issue 17, points 5–6): how the ranking is computed, the
// awards, the ranking itself (a preview only the board sees), tip screening and publication.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AwardsCard, MethodCard, PublishCard, RankingCard, SettingsCard, TieBreaksCard, TipsCard } from "~/components/judging/results";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { getBoardResultsPage, runResultsAction } from "~/modules/judging/publication.server";
import { ResultsActionSchema, resultsFormOf } from "~/modules/judging/results.schema";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = idParam(params.editionId);
  const [t, page] = await Promise.all([i18next.getFixedT(await getLanguage(request), "results"), getBoardResultsPage(id)]);
  if (!page) notFound();
  return json({ title: `${t("board.title")} · ${page.edition.name}`, ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ResultsActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const id = idParam(params.editionId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const form = resultsFormOf(submission.payload);
  if (submission.status === undefined) return json({ form, result: submission.reply() });
  if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
  const result = await runResultsAction(id, submission.value, { id: board.id, name: board.name });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return json({ form, result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirectWithToast(`/bestuur/edities/${id}/uitslag`, { key: result.toast });
}

export default function BoardResults() {
  const { t } = useTranslation("results");
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { edition, settings } = page;
  const published = settings.publishedAt !== null;
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/bestuur/edities/${edition.id}`} className="inline-flex min-h-11 items-center underline">
          {t("board.backToEdition", { name: edition.name })}
        </Link>
      </p>
      <PageHeader
        title={`${t("board.title")}: ${edition.name}`}
        intro={t("board.intro")}
        actions={<Badge tone={published ? "success" : "neutral"}>{published ? t("board.published") : t("board.notPublished")}</Badge>}
      />
      <p>
        <a href={`/bestuur/edities/${edition.id}/uitslag.csv`} className="inline-flex min-h-11 items-center underline" download>
          {t("board.csv")}
        </a>
      </p>
      <PublishCard
        publishedAt={settings.publishedAt}
        judgingClosed={page.judgingClosed}
        judgingClosesAt={page.judgingClosesAt}
        screened={settings.tipsScreenedAt !== null}
        publicPath={edition.publicPath}
        data={data}
      />
      <RankingCard categories={page.categories} />
      <MethodCard method={page.method} />
      <TipsCard tips={page.tips} screenedAt={settings.tipsScreenedAt} judgingClosed={page.judgingClosed} published={published} data={data} />
      <SettingsCard settings={settings} methodLocked={page.methodLocked} data={data} />
      <TieBreaksCard tieBreaks={page.tieBreaks} criteria={page.criteria} publishedAt={settings.tieBreaksPublishedAt} locked={page.methodLocked || published} data={data} />
      <AwardsCard awards={page.awards} teams={page.teams} categories={page.categoryOptions} published={published} data={data} />
    </div>
  );
}
