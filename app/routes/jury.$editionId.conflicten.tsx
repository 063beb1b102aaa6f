import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictReasons } from "~/components/judging/conflict-reasons";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { RadioGroup } from "~/components/ui/checkbox";
import { SelectField } from "~/components/ui/select";
import { TextareaField } from "~/components/ui/textarea";
import { notFound } from "~/modules/auth/access.server";
import { requireJuror } from "~/modules/auth/ownership.server";
import { getConflictsPage, runConflictAction } from "~/modules/judging/declarations.server";
import { ConflictActionSchema, NOTE_MAX } from "~/modules/judging/scoring.schema";
import { formatDateTime } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 7;

// A juror's conflicts in one edition: declare one with a team, withdraw their own declaration,
// and see the conflicts detected from their affiliations. Only a juror of this edition.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { juror } = await requireJuror(request, params.editionId);
  const [t, page] = await Promise.all([getT(request), getConflictsPage(juror)]);
  return json({ title: t("scoring:conflicts.title", { edition: page.edition.name }), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ConflictActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, juror } = await requireJuror(request, params.editionId);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const result = await runConflictAction(juror, submission.value, { id: user.id, name: user.name });
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return json({ result: submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirectWithToast(`/jury/${juror.editionId}/conflicten`, { key: result.toast });
}

const KINDS = ["CHILD_IN_TEAM", "FORMER_PUPIL", "OTHER"] as const;

export default function JurorConflicts() {
  const { t, i18n } = useTranslation("scoring");
  const { edition, teams, declared, detected } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "declare",
    lastResult: data?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConflictActionSchema }),
  });
  const typed = (data?.result.initialValue ?? {}) as Record<string, unknown>;
  const declaring = useSubmitting("declare");
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/jury/${edition.id}`} className="inline-flex min-h-11 items-center underline">
          {t("list.backToList")}
        </Link>
      </p>
      <PageHeader title={t("conflicts.title", { edition: edition.name })} intro={t("conflicts.intro")} />

      <section aria-labelledby="declared-title" className="space-y-3">
        <h2 id="declared-title" className="text-xl font-semibold">
          {t("conflicts.declaredTitle")}
        </h2>
        {declared.length === 0 ? (
          <EmptyState headingLevel={3} title={t("conflicts.noneDeclared")} text={t("conflicts.noneDeclaredText")} />
        ) : (
          <ul className="space-y-3">
            {declared.map((d) => (
              <li key={d.id}>
                <Card>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 className="text-lg font-semibold">{d.team}</h3>
                    <Badge tone="warning">{t(`kind.${d.kind}`)}</Badge>
                  </div>
                  <p className="mt-1 text-slate-700">
                    {d.school} · {t("conflicts.declaredAt", { at: formatDateTime(d.declaredAt, i18n.language) })}
                  </p>
                  {d.note ? <p className="mt-1 whitespace-pre-wrap break-words">{d.note}</p> : null}
                  {d.assigned ? (
                    <div className="mt-2">
                      <Alert tone="info">{t("conflicts.assignedNote")}</Alert>
                    </div>
                  ) : null}
                  <div className="mt-2">
                    <ConfirmDialog
                      title={t("conflicts.withdrawTitle")}
                      triggerLabel={<>{t("conflicts.withdraw")}<span className="sr-only"> ({d.team})</span></>}
                      triggerVariant="secondary"
                      confirmLabel={t("conflicts.withdrawConfirm")}
                      fields={{ intent: "withdraw", conflictId: d.id }}
                    >
                      <p>{t("conflicts.withdrawText", { team: d.team })}</p>
                    </ConfirmDialog>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="declare-title">
        <Card>
          <h2 id="declare-title" className="text-lg font-semibold">
            {t("conflicts.declareTitle")}
          </h2>
          <p className="mt-1 text-slate-700">{t("conflicts.declareIntro")}</p>
          {teams.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("conflicts.noTeams")}</p>
          ) : (
            <Form method="post" {...getFormProps(form)} className="mt-3 space-y-4" key={JSON.stringify(data?.result.initialValue ?? null)}>
              <input type="hidden" name="intent" value="declare" />
              <ErrorList errors={form.errors} />
              <SelectField
                label={t("conflicts.team")}
                name="teamId"
                placeholder={t("conflicts.teamPlaceholder")}
                defaultValue={typeof typed.teamId === "string" ? typed.teamId : ""}
                errors={fields.teamId.errors}
                options={teams.map((team) => ({ value: team.id, label: `${team.name} (${team.school})` }))}
              />
              <RadioGroup
                label={t("conflicts.kind")}
                name="kind"
                defaultValue={typeof typed.kind === "string" ? typed.kind : undefined}
                errors={fields.kind.errors}
                options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
              <TextareaField
                label={t("conflicts.note")}
                hint={t("conflicts.noteHint")}
                name="note"
                maxLength={NOTE_MAX}
                defaultValue={typeof typed.note === "string" ? typed.note : ""}
                errors={fields.note.errors}
                optional
              />
              <Button pending={declaring}>
                {t("conflicts.declare")}
              </Button>
            </Form>
          )}
        </Card>
      </section>

      <section aria-labelledby="detected-title" className="space-y-3">
        <h2 id="detected-title" className="text-xl font-semibold">
          {t("conflicts.detectedTitle")}
        </h2>
        <p className="text-slate-700">{t("conflicts.detectedIntro")}</p>
        {detected.length === 0 ? (
          <EmptyState headingLevel={3} title={t("conflicts.noneDetected")} />
        ) : (
          <ul className="space-y-3">
            {detected.map((d) => (
              <li key={d.teamId}>
                <Card>
                  <h3 className="text-lg font-semibold">
                    {d.team} <span className="font-normal text-slate-700">({d.school})</span>
                  </h3>
                  <div className="mt-1">
                    <ConflictReasons reasons={d.reasons} />
                  </div>
                  {d.assigned ? <p className="mt-2 text-sm text-slate-700">{t("conflicts.assignedNote")}</p> : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
