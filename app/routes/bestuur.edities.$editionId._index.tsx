import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditionLogisticsCard, EditionPhaseCard, EditionSponsorsCard } from "~/components/challenges/board-edition";
import { EditionFormFields, type EditionFormShape } from "~/components/challenges/edition-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ErrorList } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { BoardEditionActionSchema, editionFormOf } from "~/modules/challenges/board-edition.schema";
import { getBoardEditionPage, runBoardEditionAction } from "~/modules/challenges/board-edition.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = idParam(params.editionId);
  const [t, page] = await Promise.all([i18next.getFixedT(await getLanguage(request), "challenges"), getBoardEditionPage(id)]);
  if (!page) notFound();
  return json({ title: `${page.edition.name} · ${t("board.listTitle")}`, ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = BoardEditionActionSchema;

const answer = (form: string, result: SubmissionResult<string[]>, status = 400) => json({ form, result }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const id = idParam(params.editionId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const which = editionFormOf(submission.payload);
  if (submission.status === undefined) return answer(which, submission.reply(), 200);
  if (submission.status !== "success") return answer(which, submission.reply());
  const result = await runBoardEditionAction(id, submission.value, board.id);
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return answer(result.form, submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }));
  }
  return redirectWithToast(`/bestuur/edities/${id}`, { key: result.toast });
}

export default function BoardEdition() {
  const { t } = useTranslation("challenges");
  const { edition, challenge, phase, allowed, dates, categories, teams, sponsors, candidates, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<EditionFormShape>({
    id: "update-edition",
    lastResult: data?.form === "edition" ? data.result : undefined,
    defaultValue: defaults,
    shouldValidate: "onBlur",
  });
  const saving = useSubmitting("update-edition");
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/bestuur/challenges/${challenge.id}`} className="inline-flex min-h-11 items-center underline">
          {t("board.backToChallenge", { name: challenge.name })}
        </Link>
      </p>
      <PageHeader
        title={edition.name}
        intro={t("board.editionIntro")}
        actions={
          <div className="flex flex-wrap gap-4">
            <Link to={`/bestuur/edities/${edition.id}/overzicht`} className="inline-flex min-h-11 items-center underline">
              {t("board.overview")}
            </Link>
            <Link to={`/bestuur/edities/${edition.id}/jurering`} className="inline-flex min-h-11 items-center underline">
              {t("judging:board.link")}
            </Link>
            <Link to={`/bestuur/edities/${edition.id}/uitslag`} className="inline-flex min-h-11 items-center underline">
              {t("results:board.link")}
            </Link>
            <Link to={`/challenges/${challenge.slug}/${edition.year}`} className="inline-flex min-h-11 items-center underline">
              {t("board.publicPage")}
            </Link>
          </div>
        }
      />
      <EditionPhaseCard phase={phase} allowed={allowed} dates={dates} data={data} />
      <Card>
        <h2 className="text-lg font-semibold">{t("board.editEditionTitle")}</h2>
        {categories.some((c) => c.teams > 0) ? <p className="mt-1 text-sm text-slate-600">{t("board.categoriesWithTeams")}</p> : null}
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-5">
          <input type="hidden" name="intent" value="update-edition" />
          {/* Enter in a field submits the form, not the first "remove category" button. */}
          <button type="submit" tabIndex={-1} aria-hidden="true" className="sr-only">
            {t("board.save")}
          </button>
          {form.errors?.length ? (
            <Alert tone="error">
              <ErrorList errors={form.errors} />
            </Alert>
          ) : null}
          <EditionFormFields form={form} fields={fields} />
          <div>
            <Button pending={saving} className="max-sm:w-full">
              {t("board.save")}
            </Button>
          </div>
        </Form>
      </Card>
      <EditionSponsorsCard edition={edition} sponsors={sponsors} candidates={candidates} data={data} />
      {challenge.national ? <EditionLogisticsCard teams={teams} data={data} /> : null}
    </div>
  );
}
