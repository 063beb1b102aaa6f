import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddFormCard, JuryCard, LockCard, ScoringFormCard } from "~/components/judging/board-judging";
import { Badge } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { BoardJudgingActionSchema, judgingFormOf } from "~/modules/judging/board-judging.schema";
import { getBoardJudgingPage, runBoardJudgingAction } from "~/modules/judging/board-judging.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 7;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = idParam(params.editionId);
  const [t, page] = await Promise.all([i18next.getFixedT(await getLanguage(request), "judging"), getBoardJudgingPage(id)]);
  if (!page) notFound();
  return json({ title: `${t("board.title")} · ${page.edition.name}`, ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = BoardJudgingActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const id = idParam(params.editionId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const form = judgingFormOf(submission.payload);
  if (submission.status === undefined) return json({ form, result: submission.reply() });
  if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
  const lang = await getLanguage(request);
  const t = await i18next.getFixedT(lang, "judging");
  const result = await runBoardJudgingAction(id, submission.value, { id: board.id, name: board.name }, lang, { roleLabel: t("auth:roles.JUROR") });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return json({ form, result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirectWithToast(`/bestuur/edities/${id}/jurering`, { key: result.toast });
}

export default function BoardJudging() {
  const { t } = useTranslation("judging");
  const { edition, phase, locked, judgingOpensAt, categories, forms, overrides, jury } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const editionForm = forms.find((f) => f.categoryId === null);
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/bestuur/edities/${edition.id}`} className="inline-flex min-h-11 items-center underline">
          {t("board.backToEdition", { name: edition.name })}
        </Link>
      </p>
      <PageHeader title={`${t("board.title")}: ${edition.name}`} intro={t("board.intro")} actions={<Badge tone="info">{t(`challenges:phase.${phase}`)}</Badge>} />
      <p>
        <Link to={`/bestuur/edities/${edition.id}/uitslag`} className="inline-flex min-h-11 items-center underline">
          {t("results:board.link")}
        </Link>
      </p>
      <LockCard locked={locked} judgingOpensAt={judgingOpensAt} overrides={overrides} />
      <section aria-labelledby="forms-title" className="space-y-4">
        <h2 id="forms-title" className="text-xl font-semibold">
          {t("board.formsTitle")}
        </h2>
        {forms.length === 0 ? <EmptyState headingLevel={3} title={t("board.noForms")} text={t("board.noFormsText")} /> : null}
        {forms.map((f) => (
          <ScoringFormCard key={f.id} form={f} locked={locked} data={data} />
        ))}
        <AddFormCard
          hasEditionForm={!!editionForm}
          categories={categories}
          formCategoryIds={forms.flatMap((f) => (f.categoryId ? [f.categoryId] : []))}
          locked={locked}
          data={data}
        />
      </section>
      <JuryCard edition={edition} jury={jury} data={data} />
      <Card>
        <h2 className="text-lg font-semibold">
          <Link to={`/bestuur/edities/${edition.id}/jurering/toewijzing`} className="inline-flex min-h-11 items-center underline">
            {t("assignment:link")}
          </Link>
        </h2>
        <p className="mt-1 text-slate-700">{t("assignment:linkText")}</p>
      </Card>
    </div>
  );
}
