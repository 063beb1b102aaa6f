// A juror's score sheet for one entry: per criterion a labelled radio group (fieldset + legend)
// whose levels are big tap targets with their texts, a top and a tip, and a save bar that stays
// at the bottom of a phone's screen ("Concept opslaan" · "Indienen"). Works without JavaScript:
// the radios are plain form fields, and a refused post comes back with what was chosen and typed.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ErrorList } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { ScoreSheetSchema, TOP_TIP_MAX } from "~/modules/judging/scoring.schema";

export type SheetCriterion = {
  id: string;
  name: string;
  description: string;
  weight: number;
  counted: boolean;
  levels: Array<{ value: number; text: string }>;
};
export type SavedSheet = { status: "draft" | "submitted"; top: string; tip: string; levels: Record<string, number> } | null;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** What to show checked and typed: the refused post's values, else the saved sheet. */
function startValues(criteria: SheetCriterion[], sheet: SavedSheet, result: SubmissionResult<string[]> | undefined) {
  const typed = result?.initialValue as { levels?: Array<{ criterionId?: unknown; value?: unknown }>; top?: unknown; tip?: unknown } | undefined;
  if (typed) {
    const levels: Record<string, string> = {};
    for (const l of typed.levels ?? []) {
      const id = str(l?.criterionId);
      const value = str(l?.value);
      if (id && value) levels[id] = value;
    }
    return { levels, top: str(typed.top) ?? "", tip: str(typed.tip) ?? "" };
  }
  return {
    levels: Object.fromEntries(criteria.flatMap((c) => (sheet?.levels[c.id] !== undefined ? [[c.id, String(sheet.levels[c.id])]] : []))),
    top: sheet?.top ?? "",
    tip: sheet?.tip ?? "",
  };
}

export function ScoreSheetForm({
  criteria,
  sheet,
  result,
  readOnly,
}: {
  criteria: SheetCriterion[];
  sheet: SavedSheet;
  result: SubmissionResult<string[]> | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation("scoring");
  const [form] = useForm({
    id: "score-sheet",
    lastResult: result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScoreSheetSchema }),
  });
  const start = startValues(criteria, sheet, result);
  const errors = result?.error ?? {};
  const drafting = useSubmitting("save-draft");
  const submitting = useSubmitting("submit");
  const formErrors = form.errors ?? errors[""] ?? undefined;
  return (
    // The key remounts the fields when a reply arrives, so they show what the server kept.
    <Form method="post" {...getFormProps(form)} key={JSON.stringify(result?.initialValue ?? null)} className="space-y-4">
      <ErrorList id={`${form.id}-form-error`} errors={formErrors} />
      <fieldset disabled={readOnly} className="space-y-4">
        <legend className="sr-only">{t("sheet.legend")}</legend>
        {criteria.map((c, index) => {
          const name = `levels[${index}].value`;
          const fieldErrors = errors[name] ?? undefined;
          const errorId = fieldErrors?.length ? `criterion-${c.id}-error` : undefined;
          const descriptionId = c.description ? `criterion-${c.id}-description` : undefined;
          return (
            <Card key={c.id}>
              <input type="hidden" name={`levels[${index}].criterionId`} value={c.id} />
              <fieldset aria-describedby={[descriptionId, errorId].filter(Boolean).join(" ") || undefined} aria-invalid={errorId ? true : undefined}>
                <legend className="text-lg font-semibold">
                  {index + 1}. {c.name}
                </legend>
                <p className="mt-1 flex flex-wrap gap-2">
                  {c.counted ? (
                    <Badge tone="info">{t("sheet.weight", { weight: c.weight })}</Badge>
                  ) : (
                    <Badge tone="warning">{t("sheet.notCounted")}</Badge>
                  )}
                </p>
                {c.description ? (
                  <p id={descriptionId} className="mt-1 text-slate-700">
                    {c.description}
                  </p>
                ) : null}
                <div className="mt-3 grid gap-2 sm:grid-cols-2">
                  {c.levels.map((level) => {
                    const optionId = `criterion-${c.id}-level-${level.value}`;
                    return (
                      <label
                        key={level.value}
                        htmlFor={optionId}
                        className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-400 bg-white px-3 py-2 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-800"
                      >
                        <input
                          type="radio"
                          id={optionId}
                          name={name}
                          value={String(level.value)}
                          defaultChecked={start.levels[c.id] === String(level.value)}
                          className="size-6 shrink-0 cursor-pointer accent-brand-700"
                        />
                        <span>
                          <span className="font-semibold">{level.value}</span> – {level.text}
                        </span>
                      </label>
                    );
                  })}
                </div>
                <ErrorList id={errorId} errors={fieldErrors} />
              </fieldset>
            </Card>
          );
        })}
        <Card className="space-y-4">
          <TextareaField
            label={t("sheet.top")}
            hint={t("sheet.topHint")}
            name="top"
            defaultValue={start.top}
            maxLength={TOP_TIP_MAX}
            errors={errors.top}
            optional
          />
          <TextareaField
            label={t("sheet.tip")}
            hint={t("sheet.tipHint")}
            name="tip"
            defaultValue={start.tip}
            maxLength={TOP_TIP_MAX}
            errors={errors.tip}
            optional
          />
        </Card>
      </fieldset>
      {readOnly ? null : (
        <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-300 bg-white/95 px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.08)] sm:mx-0 sm:rounded-lg sm:border">
          {sheet?.status === "submitted" ? <p className="mb-2 text-sm text-slate-700">{t("sheet.draftAfterSubmit")}</p> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="save-draft" variant="secondary" pending={drafting} className="flex-1 sm:flex-none">
              {t("sheet.saveDraft")}
            </Button>
            <Button type="submit" name="intent" value="submit" pending={submitting} className="flex-1 sm:flex-none">
              {sheet?.status === "submitted" ? t("sheet.resubmit") : t("sheet.submit")}
            </Button>
          </div>
        </div>
      )}
    </Form>
  );
}

export function SubmittedNote({ status }: { status: "draft" | "submitted" | null }) {
  const { t } = useTranslation("scoring");
  if (status === "submitted") return <Alert tone="success">{t("sheet.isSubmitted")}</Alert>;
  if (status === "draft") return <Alert tone="info">{t("sheet.isDraft")}</Alert>;
  return null;
}
