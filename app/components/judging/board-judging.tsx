// Parts of the board's judging page of an edition: the scoring forms (criteria with levels, a
// weight and "shown but not counted"), the lock with its logged overrides, and the jury.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { TextareaField } from "~/components/ui/textarea";
import { DEFAULT_LEVEL_VALUES } from "~/modules/judging/board-judging.schema";
import { formatDateTime } from "~/utils/format";

/** What the page's action answers when it refuses a form: which form, and conform's reply. */
export type JudgingReply = { form: string; result: SubmissionResult<string[]> } | undefined;

export type Criterion = {
  id: string;
  name: string;
  description: string;
  weight: number;
  counted: boolean;
  levels: Array<{ value: number; text: string }>;
};
export type ScoringFormView = { id: string; categoryId: string | null; categoryName: string | null; criteria: Criterion[] };
type Override = { id: string; at: string; actorName: string; reason: string; summary: string };
type Juror = {
  id: string;
  name: string;
  email: string;
  invitedAt: string;
  status: "accepted" | "invited" | "expired";
  conflicts: Array<{ id: string; kind: string; note: string; team: string; declaredAt: string }>;
};

const typedOf = (data: JudgingReply, form: string) => (data?.form === form ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The lock: since when, and the board's overrides after it. */
export function LockCard({ locked, judgingOpensAt, overrides }: { locked: boolean; judgingOpensAt: string; overrides: Override[] }) {
  const { t, i18n } = useTranslation("judging");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("board.lockTitle")}</h2>
      {locked ? (
        <Alert tone="warning" title={t("board.lockedTitle")}>
          {t("board.lockedText", { at: formatDateTime(judgingOpensAt, i18n.language) })}
        </Alert>
      ) : (
        <p className="mt-1 text-slate-700">{t("board.openText", { at: formatDateTime(judgingOpensAt, i18n.language) })}</p>
      )}
      {overrides.length ? (
        <>
          <h3 className="mt-4 font-semibold">{t("board.overridesTitle")}</h3>
          <ul className="mt-2 divide-y divide-slate-200">
            {overrides.map((o) => (
              <li key={o.id} className="py-2">
                <p className="font-medium">{o.summary}</p>
                <p className="text-sm text-slate-700">
                  {t("board.overrideBy", { who: o.actorName, at: formatDateTime(o.at, i18n.language) })} · {t("board.overrideReason", { reason: o.reason })}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

/** One scoring form with its criteria, each editable, and a new criterion. */
export function ScoringFormCard({ form, locked, data }: { form: ScoringFormView; locked: boolean; data: JudgingReply }) {
  const { t } = useTranslation("judging");
  const title = form.categoryName ? t("board.formForCategory", { category: form.categoryName }) : t("board.formForEdition");
  const totalWeight = form.criteria.filter((c) => c.counted).reduce((sum, c) => sum + c.weight, 0);
  const formErrors = data?.form === "forms" ? data.result.error?.[""] : undefined;
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold">{title}</h3>
          <p className="text-sm text-slate-700">{t("board.criteriaCount", { count: form.criteria.length, weight: totalWeight })}</p>
        </div>
        {form.categoryId ? (
          <ConfirmDialog
            title={t("board.removeFormTitle")}
            triggerLabel={<>{t("board.removeForm")}<span className="sr-only"> ({title})</span></>}
            triggerVariant="secondary"
            confirmLabel={t("board.removeFormConfirm")}
            fields={{ intent: "remove-form", formId: form.id, ...(locked ? { overrideReason: t("board.removeFormReason") } : {}) }}
          >
            <p>{t("board.removeFormText", { form: title })}</p>
          </ConfirmDialog>
        ) : null}
      </div>
      <ErrorList errors={formErrors} />
      {form.criteria.length === 0 ? (
        <EmptyState className="mt-3" headingLevel={4} title={t("board.noCriteria")} text={t("board.noCriteriaText")} />
      ) : (
        <ol className="mt-3 space-y-3">
          {form.criteria.map((c, index) => (
            <li key={c.id} className="rounded-lg border border-slate-200 p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">
                  {index + 1}. {c.name}
                </p>
                <span className="flex flex-wrap gap-2">
                  <Badge tone="info">{t("board.weightBadge", { weight: c.weight })}</Badge>
                  {c.counted ? null : <Badge tone="warning">{t("board.notCounted")}</Badge>}
                </span>
              </div>
              {c.description ? <p className="mt-1 text-slate-700">{c.description}</p> : null}
              <ul className="mt-2 text-sm text-slate-700">
                {c.levels.map((l) => (
                  <li key={l.value}>
                    <span className="font-semibold">{l.value}</span> – {l.text}
                  </li>
                ))}
              </ul>
              <div className="mt-2 flex flex-wrap gap-2">
                <MoveButton criterion={c} direction="up" disabled={index === 0} locked={locked} />
                <MoveButton criterion={c} direction="down" disabled={index === form.criteria.length - 1} locked={locked} />
                <ConfirmDialog
                  title={t("board.removeCriterionTitle")}
                  triggerLabel={<>{t("board.removeCriterion")}<span className="sr-only"> ({c.name})</span></>}
                  triggerVariant="ghost"
                  confirmLabel={t("board.removeCriterionConfirm")}
                  fields={{ intent: "remove-criterion", criterionId: c.id, ...(locked ? { overrideReason: t("board.removeCriterionReason", { name: c.name }) } : {}) }}
                >
                  <p>{t("board.removeCriterionText", { name: c.name })}</p>
                </ConfirmDialog>
              </div>
              <details className="mt-2" open={data?.form === `criterion-${c.id}`}>
                <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">
                  {t("board.editCriterion")}
                  <span className="sr-only"> ({c.name})</span>
                </summary>
                <CriterionEditor formId={form.id} criterion={c} locked={locked} data={data} />
              </details>
            </li>
          ))}
        </ol>
      )}
      <details className="mt-4" open={data?.form === `criterion-new-${form.id}` || form.criteria.length === 0}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("board.addCriterion")}</summary>
        <CriterionEditor formId={form.id} locked={locked} data={data} />
      </details>
    </Card>
  );
}

function MoveButton({ criterion, direction, disabled, locked }: { criterion: Criterion; direction: "up" | "down"; disabled: boolean; locked: boolean }) {
  const { t } = useTranslation("judging");
  if (disabled) return null;
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="move-criterion" />
      <input type="hidden" name="criterionId" value={criterion.id} />
      <input type="hidden" name="direction" value={direction} />
      {locked ? <input type="hidden" name="overrideReason" value={t("board.moveReason")} /> : null}
      <Button variant="ghost">
        {t(`board.move.${direction}`)}
        <span className="sr-only"> ({criterion.name})</span>
      </Button>
    </Form>
  );
}

type CriterionShape = {
  intent: string;
  formId: string;
  criterionId: string;
  name: string;
  description: string;
  weight: string;
  counted: string;
  overrideReason: string;
  levels: Array<{ value: string; text: string }>;
};

/** Add or change a criterion: name, description, weight (1–10), counted, and its levels. */
export function CriterionEditor({ formId, criterion, locked, data }: { formId: string; criterion?: Criterion; locked: boolean; data: JudgingReply }) {
  const { t } = useTranslation("judging");
  const id = `criterion-${criterion?.id ?? `new-${formId}`}`;
  const [form, fields] = useForm<CriterionShape>({
    id,
    lastResult: data?.form === id ? data.result : undefined,
    defaultValue: {
      intent: "save-criterion",
      formId,
      criterionId: criterion?.id ?? "",
      name: criterion?.name ?? "",
      description: criterion?.description ?? "",
      weight: String(criterion?.weight ?? 1),
      counted: criterion ? (criterion.counted ? "on" : "") : "on",
      overrideReason: "",
      levels: criterion
        ? criterion.levels.map((l) => ({ value: String(l.value), text: l.text }))
        : DEFAULT_LEVEL_VALUES.map((value) => ({ value: String(value), text: t(`board.defaultLevel.${value}`) })),
    },
    // Validated on the server only, when saving: no round trip on blur that could overtake the save.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onSubmit",
  });
  const saving = useSubmitting("save-criterion");
  const levels = fields.levels.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} preventScrollReset className="mt-3 grid gap-4">
      <input type="hidden" name="intent" value="save-criterion" />
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="criterionId" value={criterion?.id ?? ""} />
      {/* Enter in a field saves, not the first "remove level" button. */}
      <button type="submit" tabIndex={-1} aria-hidden="true" className="sr-only">
        {t("board.saveCriterion")}
      </button>
      {form.errors?.length ? (
        <Alert tone="error">
          <ErrorList errors={form.errors} />
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField label={t("fields.criterionName")} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
        <TextField
          label={t("fields.weight")}
          hint={t("fields.weightHint")}
          inputMode="numeric"
          {...getInputProps(fields.weight, { type: "text" })}
          key={fields.weight.key}
          errors={fields.weight.errors}
        />
      </div>
      <TextareaField
        label={t("fields.description")}
        optional
        rows={2}
        name={fields.description.name}
        defaultValue={fields.description.initialValue}
        key={fields.description.key}
        errors={fields.description.errors}
      />
      <CheckboxField
        label={t("fields.counted")}
        hint={t("fields.countedHint")}
        {...getInputProps(fields.counted, { type: "checkbox" })}
        key={fields.counted.key}
        errors={fields.counted.errors}
      />
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("fields.levels")}</legend>
        <p className="text-sm text-slate-600">{t("fields.levelsHint")}</p>
        <ErrorList id={fields.levels.errorId} errors={fields.levels.errors} />
        {levels.map((row, index) => {
          const level = row.getFieldset();
          return (
            <div key={row.key} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[6rem_1fr_auto] sm:items-end">
              <TextField
                label={t("fields.levelValue", { n: index + 1 })}
                inputMode="numeric"
                {...getInputProps(level.value, { type: "text" })}
                key={level.value.key}
                errors={level.value.errors}
              />
              <TextField label={t("fields.levelText", { n: index + 1 })} {...getInputProps(level.text, { type: "text" })} key={level.text.key} errors={level.text.errors} />
              <Button variant="ghost" {...form.remove.getButtonProps({ name: fields.levels.name, index })}>
                {t("fields.removeLevel")}
                <span className="sr-only"> {index + 1}</span>
              </Button>
            </div>
          );
        })}
        <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.levels.name, defaultValue: { value: String(levels.length + 1), text: "" } })}>
          {t("fields.addLevel")}
        </Button>
      </fieldset>
      {locked ? (
        <TextField
          label={t("fields.overrideReason")}
          hint={t("fields.overrideReasonHint")}
          {...getInputProps(fields.overrideReason, { type: "text" })}
          key={fields.overrideReason.key}
          errors={fields.overrideReason.errors}
        />
      ) : null}
      <div>
        <Button pending={saving} className="max-sm:w-full">
          {criterion ? t("board.saveCriterion") : t("board.addCriterionSubmit")}
        </Button>
      </div>
    </Form>
  );
}

/** A new form: for the whole edition (when it has none) or for one category. */
export function AddFormCard({ hasEditionForm, categories, formCategoryIds, locked, data }: {
  hasEditionForm: boolean;
  categories: Array<{ id: string; name: string }>;
  formCategoryIds: string[];
  locked: boolean;
  data: JudgingReply;
}) {
  const { t } = useTranslation("judging");
  const free = categories.filter((c) => !formCategoryIds.includes(c.id));
  const errors = data?.form === "forms" ? data.result.error : undefined;
  if (hasEditionForm && free.length === 0) return null;
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end [&>*]:min-w-0">
      <input type="hidden" name="intent" value="add-form" />
      {locked ? <input type="hidden" name="overrideReason" value={t("board.addFormReason")} /> : null}
      <SelectField
        label={t("fields.formScope")}
        hint={t("fields.formScopeHint")}
        name="categoryId"
        placeholder={hasEditionForm ? undefined : t("fields.formScopeEdition")}
        defaultValue={hasEditionForm ? free[0]?.id : ""}
        errors={errors?.categoryId}
        options={free.map((c) => ({ value: c.id, label: t("board.formForCategory", { category: c.name }) }))}
      />
      <div>
        <Button variant="secondary" className="max-sm:w-full">
          {t("board.addForm")}
        </Button>
      </div>
    </Form>
  );
}

const STATUS_TONE: Record<Juror["status"], BadgeTone> = { accepted: "success", invited: "info", expired: "warning" };

/** The jury: invite by e-mail, the list with status and declared conflicts, remove. */
export function JuryCard({ edition, jury, data }: { edition: { name: string }; jury: Juror[]; data: JudgingReply }) {
  const { t, i18n } = useTranslation("judging");
  const typed = typedOf(data, "jury");
  const errors = data?.form === "jury" ? data.result.error : undefined;
  const inviting = useSubmitting("invite-juror");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("board.juryTitle")}</h2>
      <p className="mt-1 text-slate-700">{t("board.juryIntro")}</p>
      {jury.length === 0 ? (
        <EmptyState className="mt-3" headingLevel={3} title={t("board.noJurors")} text={t("board.noJurorsText")} />
      ) : (
        <ul className="mt-3 divide-y divide-slate-200">
          {jury.map((j) => (
            <li key={j.id} className="py-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <span className="min-w-0">
                  <span className="font-medium">{j.name}</span> <Badge tone={STATUS_TONE[j.status]}>{t(`status.${j.status}`)}</Badge>
                  <span className="block break-all text-sm text-slate-700">{j.email}</span>
                  <span className="block text-sm text-slate-700">{t("board.invitedAt", { at: formatDateTime(j.invitedAt, i18n.language) })}</span>
                </span>
                <ConfirmDialog
                  title={t("board.removeJurorTitle")}
                  triggerLabel={<>{t("board.removeJuror")}<span className="sr-only"> ({j.name})</span></>}
                  triggerVariant="secondary"
                  confirmLabel={t("board.removeJurorConfirm")}
                  fields={{ intent: "remove-juror", memberId: j.id }}
                  preventScrollReset
                >
                  <p>{t("board.removeJurorText", { name: j.name, edition: edition.name })}</p>
                </ConfirmDialog>
              </div>
              {j.conflicts.length ? (
                <div className="mt-2">
                  <p className="text-sm font-semibold">{t("board.conflictsTitle")}</p>
                  <ul className="list-disc pl-5 text-sm text-slate-700">
                    {j.conflicts.map((c) => (
                      <li key={c.id}>
                        {t("board.conflictLine", { team: c.team, kind: t(`conflict.${c.kind}`) })}
                        {c.note ? ` – ${c.note}` : ""}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="mt-1 text-sm text-slate-600">{t("board.noConflicts")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mt-4 font-semibold">{t("board.inviteTitle")}</h3>
      <Form method="post" preventScrollReset className="mt-2 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end [&>*]:min-w-0" key={typed ? JSON.stringify(typed) : "invite"}>
        <input type="hidden" name="intent" value="invite-juror" />
        <ErrorList errors={errors?.[""]} />
        <TextField label={t("fields.jurorName")} name="name" autoComplete="off" defaultValue={str(typed?.name)} errors={errors?.name} />
        <TextField label={t("fields.jurorEmail")} name="email" type="email" autoComplete="off" defaultValue={str(typed?.email)} errors={errors?.email} />
        <div>
          <Button pending={inviting} className="max-sm:w-full">
            {t("board.invite")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
