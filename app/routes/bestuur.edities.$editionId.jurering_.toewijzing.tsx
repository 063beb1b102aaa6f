import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssignCard, ConflictsCard, CoverageCard, DistributeCard, RunningNotice, SettingsCard } from "~/components/judging/assignment";
import { Badge } from "~/components/ui/badge";
import { PageHeader } from "~/components/ui/page";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { AssignmentActionSchema, assignmentFormOf } from "~/modules/judging/assignment.schema";
import { getAssignmentPage, runAssignmentAction } from "~/modules/judging/assignment.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 7;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = idParam(params.editionId);
  const [t, page] = await Promise.all([i18next.getFixedT(await getLanguage(request), "assignment"), getAssignmentPage(id)]);
  if (!page) notFound();
  return json({ title: `${t("title")} · ${page.edition.name}`, ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = AssignmentActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const id = idParam(params.editionId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const form = assignmentFormOf(submission.payload);
  if (submission.status === undefined) return json({ form, result: submission.reply() });
  if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
  const result = await runAssignmentAction(id, submission.value, { id: board.id, name: board.name });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return json({ form, result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirectWithToast(`/bestuur/edities/${id}/jurering/toewijzing`, { key: result.toast });
}

export default function BoardAssignment() {
  const { t } = useTranslation("assignment");
  const { edition, phase, judgingStarted, settings, entries, jurors, conflicts, loadSpread, entriesUnderN } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-x-6">
        <Link to={`/bestuur/edities/${edition.id}/jurering`} className="inline-flex min-h-11 items-center underline">
          {t("backToJudging", { name: edition.name })}
        </Link>
        <Link to={`/bestuur/edities/${edition.id}/jurering/verdeling`} className="inline-flex min-h-11 items-center underline">
          {t("toDistribution")}
        </Link>
      </p>
      <PageHeader title={`${t("title")}: ${edition.name}`} intro={t("intro")} actions={<Badge tone="info">{t(`challenges:phase.${phase}`)}</Badge>} />
      {judgingStarted ? <RunningNotice /> : null}
      <SettingsCard settings={settings} data={data} />
      <DistributeCard mode={settings.mode} data={data} />
      <CoverageCard entries={entries} jurors={jurors} n={settings.minJurorsPerEntry} loadSpread={loadSpread} entriesUnderN={entriesUnderN} data={data} />
      <AssignCard entries={entries} jurors={jurors} conflicts={conflicts} data={data} />
      <ConflictsCard conflicts={conflicts} />
    </div>
  );
}
