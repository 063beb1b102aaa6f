// The edition form, shared by the board's challenge page (create an edition) and edition page
// (edit it): the input rules and the fields. Client-safe (no .server imports), because a route's
// exported actionSchema is part of the client build. Its input helpers are in
// ~/modules/challenges/input.
import { getInputProps, getSelectProps, type FormMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox";
import { DateField } from "~/components/ui/date-field";
import { ErrorList, TextField } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select";


export { categoryRow, dateTime, EditionFields, parseDateTime, refineEdition, teamSize, type EditionValue } from "~/modules/challenges/edition.schema";

export type EditionFormShape = {
  intent: string;
  year: string;
  minTeamSize: string;
  maxTeamSize: string;
  marketingPlan: string;
  helpersAllowed: string;
  categories: Array<{ id: string; name: string; schoolType: string }>;
  registrationOpensAt: string;
  registrationClosesAt: string;
  submissionDeadline: string;
  judgingOpensAt: string;
  judgingClosesAt: string;
  resultsPublishAt: string;
};
export const PHASE_DATE_FIELDS = ["registrationOpensAt", "registrationClosesAt", "submissionDeadline", "judgingOpensAt", "judgingClosesAt", "resultsPublishAt"] as const;

export function EditionFormFields({ form, fields }: { form: FormMetadata<EditionFormShape, string[]>; fields: ReturnType<FormMetadata<EditionFormShape, string[]>["getFieldset"]> }) {
  const { t } = useTranslation("challenges");
  const rows = fields.categories.getFieldList();
  return (
    <>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("fields.categories")}</legend>
        <p className="text-sm text-slate-600">{t("fields.categoriesHint")}</p>
        <ErrorList id={fields.categories.errorId} errors={fields.categories.errors} />
        {rows.map((row, index) => {
          const category = row.getFieldset();
          return (
            <div key={row.key} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end">
              <input {...getInputProps(category.id, { type: "hidden" })} key={category.id.key} />
              <TextField
                label={t("fields.categoryName", { n: index + 1 })}
                {...getInputProps(category.name, { type: "text" })}
                key={category.name.key}
                errors={category.name.errors}
              />
              <SelectField
                label={t("fields.schoolType")}
                placeholder={t("fields.schoolTypeAny")}
                options={[
                  { value: "VMBO", label: t("schoolType.VMBO") },
                  { value: "PRIMARY", label: t("schoolType.PRIMARY") },
                ]}
                {...getSelectProps(category.schoolType)}
                key={category.schoolType.key}
                errors={category.schoolType.errors}
              />
              <Button variant="ghost" {...form.remove.getButtonProps({ name: fields.categories.name, index })}>
                {t("fields.removeCategory")}
                <span className="sr-only"> {index + 1}</span>
              </Button>
            </div>
          );
        })}
        <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.categories.name, defaultValue: { id: "", name: "", schoolType: "" } })}>
          {t("fields.addCategory")}
        </Button>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("fields.minTeamSize")} inputMode="numeric" {...getInputProps(fields.minTeamSize, { type: "text" })} key={fields.minTeamSize.key} errors={fields.minTeamSize.errors} />
        <TextField label={t("fields.maxTeamSize")} inputMode="numeric" {...getInputProps(fields.maxTeamSize, { type: "text" })} key={fields.maxTeamSize.key} errors={fields.maxTeamSize.errors} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("fields.dates")}</legend>
        <p className="text-sm text-slate-600">{t("fields.datesHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {PHASE_DATE_FIELDS.map((name) => (
            <DateField
              label={t(`dates.${name}`)}
              {...getInputProps(fields[name], { type: "datetime-local" })}
              key={`${name}-${fields[name].key ?? ""}`}
              type="datetime-local"
              errors={fields[name].errors}
            />
          ))}
        </div>
      </fieldset>
      <CheckboxField
        label={t("fields.marketingPlan")}
        hint={t("fields.marketingPlanHint")}
        {...getInputProps(fields.marketingPlan, { type: "checkbox" })}
        key={fields.marketingPlan.key}
        errors={fields.marketingPlan.errors}
      />
      <CheckboxField
        label={t("fields.helpersAllowed")}
        hint={t("fields.helpersAllowedHint")}
        {...getInputProps(fields.helpersAllowed, { type: "checkbox" })}
        key={fields.helpersAllowed.key}
        errors={fields.helpersAllowed.errors}
      />
    </>
  );
}
