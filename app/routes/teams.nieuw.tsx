import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { isBoard } from "~/modules/auth/permissions";
import { forbidden, notFound, requireUser } from "~/modules/auth/session.server";
import { isRegistrationOpen } from "~/modules/challenges/phases";
import { PROFIELEN } from "~/modules/challenges/profielen";
import { isId, teacherSchoolIds } from "~/modules/challenges/team-access.server";
import { registerTeam } from "~/modules/challenges/team-registration.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Shared with the other team pages' forms (client code: no .server import for these).
export const LEERWEGEN = ["BB", "KB", "GL", "TL"] as const;
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

const clean = (s: string) => s.replaceAll("\u0000", "").trim();
const text = (max: number, required: string) =>
  z.string({ error: required }).transform(clean).pipe(z.string({ error: required }).min(1, required).max(max, `teams:errors.tooLong?max=${max}`));
const optionalText = (max: number) =>
  z.string().transform((v) => clean(v) || undefined).pipe(z.string().max(max, `teams:errors.tooLong?max=${max}`).optional()).optional();
const id = (key: string) => z.string({ error: key }).regex(ID_PATTERN, key);

export const PupilRowSchema = z.object({
  firstName: text(60, "teams:errors.firstNameRequired"),
  className: text(20, "teams:errors.classRequired"),
  leerjaar: z.number({ error: "teams:errors.leerjaar" }).int("teams:errors.leerjaar").min(1, "teams:errors.leerjaar").max(8, "teams:errors.leerjaar").optional(),
  leerweg: z.enum(LEERWEGEN, { error: "teams:errors.leerweg" }).optional(),
  profiel: z.enum(PROFIELEN, { error: "teams:errors.profiel" }).optional(),
});

export const RegisterSchema = z.object({
  editionId: id("teams:errors.editionRequired"),
  schoolId: id("teams:errors.schoolRequired"),
  name: text(80, "teams:errors.nameRequired"),
  categoryId: id("teams:errors.categoryRequired"),
  pupils: z.array(PupilRowSchema).max(40, "teams:errors.tooMany?count=40").default([]),
  coachIds: z.array(z.string().regex(ID_PATTERN, "teams:errors.coachUnknown")).max(20).default([]),
  helperSchoolId: z.string().regex(ID_PATTERN, "teams:errors.helperSchool").optional(),
  helpers: z.array(PupilRowSchema).max(20).default([]),
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = RegisterSchema;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const board = isBoard(user.roles);
  const ownSchools = teacherSchoolIds(user);
  if (!board && ownSchools.length === 0) forbidden();
  const editionId = new URL(request.url).searchParams.get("editie");
  if (!isId(editionId)) notFound();
  const [t, edition, schools] = await Promise.all([
    getT(request),
    db.edition.findUnique({
      where: { id: editionId },
      select: {
        id: true, name: true, minTeamSize: true, maxTeamSize: true, helpersAllowed: true,
        registrationOpensAt: true, registrationClosesAt: true, submissionDeadline: true, judgingOpensAt: true, judgingClosesAt: true, resultsPublishAt: true, registrationClosedEarlyAt: true,
        categories: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      },
    }),
    db.school.findMany({ where: board ? {} : { id: { in: ownSchools } }, orderBy: { name: "asc" }, select: { id: true, name: true, type: true, agreementSignedOn: true } }),
  ]);
  if (!edition) notFound();
  const schoolIds = schools.map((s) => s.id);
  const [teachers, helperSchools] = await Promise.all([
    db.roleAssignment.findMany({ where: { role: "TEACHER", schoolId: { in: schoolIds } }, orderBy: { user: { name: "asc" } }, select: { schoolId: true, user: { select: { id: true, name: true } } } }),
    edition.helpersAllowed
      ? db.school.findMany({ where: { type: "VMBO", agreementSignedOn: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([] as { id: string; name: string }[]),
  ]);
  const open = isRegistrationOpen(edition, now());
  return json({
    title: t("teams:register.title", { edition: edition.name }),
    edition: { id: edition.id, name: edition.name, minTeamSize: edition.minTeamSize, maxTeamSize: edition.maxTeamSize, helpersAllowed: edition.helpersAllowed, categories: edition.categories },
    mayRegister: open || board,
    schools: schools.map((s) => ({ id: s.id, name: s.name, agreement: s.agreementSignedOn !== null, primary: s.type === "PRIMARY" })),
    coaches: teachers.filter((r) => r.user.id !== user.id).map((r) => ({ id: r.user.id, name: r.user.name, schoolId: r.schoolId })),
    helperSchools,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!isBoard(user.roles) && teacherSchoolIds(user).length === 0) forbidden();
  const submission = parseWithZod(await readForm(request), { schema: RegisterSchema });
  // "Add a pupil" and "remove" are form intents: the same form comes back with a row more or less.
  if (submission.status !== "success") return json(submission.reply(), { status: submission.status === "error" ? 400 : 200 });
  const value = submission.value;
  const result = await registerTeam(
    { ...value, pupils: value.pupils, helpers: value.helpers, helperSchoolId: value.helperSchoolId ?? null },
    user,
    await getLanguage(request),
  );
  if (result.ok) return redirectWithToast(`/teams/${result.teamId}`, { key: "teams:register.done", values: { team: value.name } });
  if (result.reason === "not-found") notFound();
  if (result.reason === "invalid") return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const key = result.reason === "closed" ? "teams:errors.closed" : result.reason === "no-agreement" ? "teams:errors.noAgreement" : "teams:errors.withdrawn";
  return json(submission.reply({ formErrors: [key] }), { status: result.reason === "closed" ? 403 : 400 });
}

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

export default function RegisterTeam() {
  const { t } = useTranslation("teams");
  const { edition, mayRegister, schools, coaches, helperSchools } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
