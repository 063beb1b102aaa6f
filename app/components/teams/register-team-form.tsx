// The team registration form (/teams/nieuw): the team, its pupils, helpers and begeleiders.
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { type PupilRowSchema, RegisterSchema } from "~/modules/challenges/team-forms";
import type { getRegistrationForm } from "~/modules/challenges/team-pages.server";
import { PROFIELEN } from "~/modules/challenges/profielen";
import { LEERWEGEN } from "~/modules/challenges/teams";

export type RegistrationFormData = NonNullable<SerializeFrom<typeof getRegistrationForm>>;

type RowFields = FieldMetadata<z.input<typeof PupilRowSchema>>;

function PupilRowInputs({ row, index, label, yearLabel, removeButton }: { row: RowFields; index: number; label: string; yearLabel: string; removeButton: React.ReactNode }) {
  const { t } = useTranslation("teams");
  const f = row.getFieldset();
  return (
    <fieldset className="rounded-lg border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{t("register.pupilLegend", { label, n: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField label={t("fields.firstName")} {...getInputProps(f.firstName, { type: "text" })} key={f.firstName.key} errors={f.firstName.errors} autoComplete="off" />
        <TextField label={t("fields.className")} {...getInputProps(f.className, { type: "text" })} key={f.className.key} errors={f.className.errors} autoComplete="off" />
        <TextField label={yearLabel} optional inputMode="numeric" {...getInputProps(f.leerjaar, { type: "text" })} key={f.leerjaar.key} errors={f.leerjaar.errors} />
        <SelectField label={t("fields.leerweg")} optional placeholder={t("fields.none")} options={LEERWEGEN.map((l) => ({ value: l, label: t(`leerweg.${l}`) }))} {...getSelectProps(f.leerweg)} key={f.leerweg.key} errors={f.leerweg.errors} />
        <SelectField label={t("fields.profiel")} optional placeholder={t("fields.none")} options={PROFIELEN.map((p) => ({ value: p, label: t(`profiel.${p}`) }))} {...getSelectProps(f.profiel)} key={f.profiel.key} errors={f.profiel.errors} />
      </div>
      <div className="mt-2">{removeButton}</div>
    </fieldset>
  );
}

/** The registration form. `lastResult`: conform's reply (a refusal, or a row added or removed). */
export function RegisterTeamForm({ data, lastResult }: { data: RegistrationFormData; lastResult: SerializeFrom<SubmissionResult<string[]>> | undefined }) {
  const { t } = useTranslation("teams");
  const { edition, mayRegister, schools, coaches, helperSchools } = data;
  const [form, fields] = useForm({
    id: "register-team",
    lastResult,
    defaultValue: { editionId: edition.id, schoolId: schools.length === 1 ? schools[0]!.id : undefined, pupils: Array.from({ length: edition.minTeamSize }, () => ({})), helpers: [] },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
  });
  const busy = useSubmitting();
  const pupils = fields.pupils.getFieldList();
  const helpers = fields.helpers.getFieldList();
  const withoutAgreement = schools.filter((s) => !s.agreement);
  const showSchool = schools.length > 1;
  // Primary-school pupils are in a groep, vmbo pupils in a leerjaar (helpers are always vmbo).
  const pupilYearLabel = schools.every((s) => s.primary) ? t("fields.groep") : schools.some((s) => s.primary) ? t("fields.leerjaarOrGroep") : t("fields.leerjaar");
  const formErrors = form.errors;

  if (!mayRegister)
    return (
      <>
        <PageHeader title={t("register.title", { edition: edition.name })} />
        <Alert tone="warning" title={t("register.closedTitle")}>{t("register.closedText")}</Alert>
        <p className="mt-4"><Link to="/teams" className="underline">{t("nav.back")}</Link></p>
      </>
    );

  return (
    <>
      <PageHeader title={t("register.title", { edition: edition.name })} intro={t("register.intro", { min: edition.minTeamSize, count: edition.maxTeamSize })} />
      {withoutAgreement.length ? (
        <div className="mb-4">
          <Alert tone="warning" title={t("register.noAgreementTitle")}>
            {t("register.noAgreementText", { schools: withoutAgreement.map((s) => s.name).join(", ") })}
          </Alert>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        {formErrors?.length ? <Alert tone="error"><ErrorList errors={formErrors} /></Alert> : null}
        <input {...getInputProps(fields.editionId, { type: "hidden" })} key={fields.editionId.key} />
        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">{t("register.teamHeading")}</h2>
          {showSchool ? (
            <SelectField label={t("fields.school")} placeholder={t("fields.choose")} options={schools.map((s) => ({ value: s.id, label: s.name }))} {...getSelectProps(fields.schoolId)} key={fields.schoolId.key} errors={fields.schoolId.errors} />
          ) : (
            <input {...getInputProps(fields.schoolId, { type: "hidden" })} key={fields.schoolId.key} />
          )}
          <TextField label={t("fields.teamName")} hint={t("register.nameHint")} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} autoComplete="off" />
          <SelectField label={t("fields.category")} placeholder={t("fields.choose")} options={edition.categories.map((c) => ({ value: c.id, label: c.name }))} {...getSelectProps(fields.categoryId)} key={fields.categoryId.key} errors={fields.categoryId.errors} />
        </Card>

        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">{t("register.pupilsHeading")}</h2>
          <p className="text-slate-700">{t("register.pupilsHint", { min: edition.minTeamSize, count: edition.maxTeamSize })}</p>
          <ErrorList id={fields.pupils.errorId} errors={fields.pupils.errors} />
          {pupils.map((row, index) => (
            <PupilRowInputs
              key={row.key}
              row={row}
              index={index}
              label={t("register.pupil")}
              yearLabel={pupilYearLabel}
              removeButton={
                <Button variant="ghost" {...form.remove.getButtonProps({ name: fields.pupils.name, index })}>
                  {t("register.removePupil", { n: index + 1 })}
                </Button>
              }
            />
          ))}
          <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.pupils.name, defaultValue: {} })}>
            {t("register.addPupil")}
          </Button>
        </Card>

        {edition.helpersAllowed ? (
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold">{t("register.helpersHeading")}</h2>
            <p className="text-slate-700">{t("register.helpersHint")}</p>
            <SelectField label={t("fields.helperSchool")} optional placeholder={t("fields.choose")} options={helperSchools.map((s) => ({ value: s.id, label: s.name }))} {...getSelectProps(fields.helperSchoolId)} key={fields.helperSchoolId.key} errors={fields.helperSchoolId.errors} />
            {helpers.map((row, index) => (
              <PupilRowInputs
                key={row.key}
                row={row}
                index={index}
                label={t("register.helper")}
                yearLabel={t("fields.leerjaar")}
                removeButton={
                  <Button variant="ghost" {...form.remove.getButtonProps({ name: fields.helpers.name, index })}>
                    {t("register.removeHelper", { n: index + 1 })}
                  </Button>
                }
              />
            ))}
            <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.helpers.name, defaultValue: {} })}>
              {t("register.addHelper")}
            </Button>
          </Card>
        ) : null}

        <Card className="space-y-4">
          <h2 className="text-lg font-semibold">{t("register.coachesHeading")}</h2>
          <p className="text-slate-700">{t("register.coachesHint")}</p>
          {coaches.length ? (
            <CheckboxGroup
              label={t("fields.coaches")}
              name={fields.coachIds.name}
              defaultValue={(fields.coachIds.value as string[] | string | undefined) ?? []}
              errors={fields.coachIds.errors}
              options={coaches.map((c) => ({ value: c.id, label: showSchool ? `${c.name} (${schools.find((s) => s.id === c.schoolId)?.name ?? ""})` : c.name }))}
            />
          ) : (
            <>
              <p className="text-slate-700">{t("register.noOtherTeachers")}</p>
              <ErrorList errors={fields.coachIds.errors} />
            </>
          )}
        </Card>

        <div className="flex flex-wrap gap-3">
          <Button pending={busy}>{t("register.submit")}</Button>
          <Link to="/teams" className="inline-flex min-h-11 items-center underline">{t("nav.back")}</Link>
        </div>
      </Form>
    </>
  );
}
