import { getFormProps, getInputProps, getSelectProps, useForm, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox";
import { DateField } from "~/components/ui/date-field";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { notFound, requireRole } from "~/modules/auth/session.server";
import {
  allowedEarlyActions,
  closePhaseEarly,
  DATE_FIELDS,
  getEditionPhase,
  saveTeamLogistics,
  updateEdition,
} from "~/modules/challenges/editions.server";
import { checkEditionDates } from "~/modules/challenges/phases";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDateTime, formatMoney, fromAmsterdamTime, toDateTimeInputValue } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

function editionIdOf(params: { editionId?: string }) {
  const id = params.editionId ?? "";
  if (!ID_PATTERN.test(id)) notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const id = editionIdOf(params);
  const edition = await db.edition.findUnique({
    where: { id },
    include: {
      challenge: { select: { id: true, name: true, slug: true, national: true } },
      categories: { orderBy: [{ position: "asc" }, { name: "asc" }], include: { _count: { select: { teams: true } } } },
      teams: {
        where: { status: "REGISTERED" },
        orderBy: { name: "asc" },
        select: { id: true, name: true, kitBudgetCents: true, transport: true, logisticsNotes: true, school: { select: { name: true } }, _count: { select: { coaches: true } } },
      },
    },
  });
  if (!edition) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "challenges");
  const { challenge, categories, teams, ...rest } = edition;
  const at = now();
  return json({
    title: `${edition.name} · ${t("board.listTitle")}`,
    edition: { id: rest.id, name: rest.name, year: rest.year },
    challenge,
    phase: getEditionPhase(edition),
    allowed: allowedEarlyActions(edition, at),
    dates: Object.fromEntries(DATE_FIELDS.map((f) => [f, rest[f].toISOString()])) as Record<(typeof DATE_FIELDS)[number], string>,
    early: { registration: rest.registrationClosedEarlyAt, submissions: rest.submissionsClosedEarlyAt, results: rest.resultsPublishedEarlyAt },
    categories: categories.map((c) => ({ id: c.id, name: c.name, teams: c._count.teams })),
    teams: challenge.national ? teams.map((tm) => ({ ...tm, school: tm.school.name, coaches: tm._count.coaches })) : [],
    defaults: {
      minTeamSize: String(rest.minTeamSize),
      maxTeamSize: String(rest.maxTeamSize),
      marketingPlan: rest.marketingPlan ? "on" : "",
      helpersAllowed: rest.helpersAllowed ? "on" : "",
      categories: categories.map((c) => ({ id: c.id, name: c.name, schoolType: c.schoolType ?? "" })),
      ...Object.fromEntries(DATE_FIELDS.map((f) => [f, toDateTimeInputValue(rest[f])])),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too. NUL characters are removed (PostgreSQL refuses them) and text is trimmed.
const ID_PATTERN = /^[a-z0-9]{8,40}$/;
const cleanText = (value: unknown) => (typeof value === "string" ? value.replace(/\u0000/g, "").trim() : value);
const text = (max: number, required: string) =>
  z.preprocess(cleanText, z.string({ error: required }).min(1, required).max(max, "challenges:errors.tooLong"));
const optionalText = (max: number) =>
  z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(max, "challenges:errors.tooLong").optional());
const idField = z.string().regex(ID_PATTERN, "challenges:errors.notFound");
const flag = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A date and time as typed: "2027-02-01T09:00", "1-2-2027 09:00", or a date alone (midnight), Amsterdam time. */
function parseDateTime(value: string): Date | null {
  const typed = value.trim();
  if (!typed) return null;
  const [date, time] = typed.includes("T") ? typed.split("T", 2) : typed.split(/\s+/, 2);
  return fromAmsterdamTime(date ?? "", time || "00:00");
}
const dateTime = z.preprocess(
  cleanText,
  z
    .string({ error: "challenges:errors.dateRequired" })
    .min(1, "challenges:errors.dateRequired")
    .max(40, "challenges:errors.date")
    .transform((value, ctx) => {
      const at = parseDateTime(value);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "challenges:errors.date" });
        return z.NEVER;
      }
      return at;
    }),
);
const categoryRow = z.object({
  id: z.preprocess((v) => (v === "" ? undefined : v), idField.optional()),
  name: optionalText(80),
  schoolType: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["VMBO", "PRIMARY"], { error: "challenges:errors.schoolType" }).optional()),
});
const teamSize = z.coerce.number({ error: "challenges:errors.teamSize" }).int("challenges:errors.teamSize").min(1, "challenges:errors.teamSize").max(30, "challenges:errors.teamSize");
const EditionFields = {
  minTeamSize: teamSize,
  maxTeamSize: teamSize,
  marketingPlan: flag,
  helpersAllowed: flag,
  categories: z.array(categoryRow).max(12, "challenges:errors.tooManyCategories").optional(),
  registrationOpensAt: dateTime,
  registrationClosesAt: dateTime,
  submissionDeadline: dateTime,
  judgingOpensAt: dateTime,
  judgingClosesAt: dateTime,
  resultsPublishAt: dateTime,
};
type EditionValue = {
  minTeamSize: number;
  maxTeamSize: number;
  categories?: Array<{ name?: string }>;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  submissionDeadline: Date;
  judgingOpensAt: Date;
  judgingClosesAt: Date;
  resultsPublishAt: Date;
};
/** Rules across fields: the dates in order (checkEditionDates), sizes, at least one category, no duplicate names. */
function refineEdition(value: EditionValue, ctx: z.RefinementCtx) {
  for (const { field, problem } of checkEditionDates(value)) {
    ctx.addIssue({ code: "custom", path: [field], message: `challenges:errors.dateOrder.${problem.replace("after:", "")}` });
  }
  if (value.maxTeamSize < value.minTeamSize) ctx.addIssue({ code: "custom", path: ["maxTeamSize"], message: "challenges:errors.teamSizeOrder" });
  const rows = value.categories ?? [];
  if (!rows.some((c) => c.name)) ctx.addIssue({ code: "custom", path: ["categories"], message: "challenges:errors.categoryRequired" });
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.name) return;
    const key = row.name.toLocaleLowerCase("nl");
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["categories", i, "name"], message: "challenges:errors.categoryDuplicate" });
    seen.add(key);
  });
}
const EditionUpdateSchema = z.object({ intent: z.literal("update-edition"), ...EditionFields }).superRefine(refineEdition);
const EARLY_ACTIONS = ["close-registration", "close-submissions", "publish-results"] as const;

const EarlySchema = z.object({ intent: z.enum(EARLY_ACTIONS) });
const LogisticsSchema = z.object({
  intent: z.literal("logistics"),
  teamId: idField,
  kitBudget: z.preprocess(
    (v) => (cleanText(v) === "" ? undefined : cleanText(v)),
    z
      .string()
      .max(12, "challenges:errors.money")
      .regex(/^\d{1,7}([.,]\d{1,2})?$/, "challenges:errors.money")
      .transform((v) => Math.round(Number(v.replace(",", ".")) * 100))
      .optional(),
  ),
  transport: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(200, "challenges:errors.tooLong").optional()),
  logisticsNotes: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(1000, "challenges:errors.tooLong").optional()),
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [EditionUpdateSchema, EarlySchema, LogisticsSchema]);

const answer = (form: string, result: SubmissionResult<string[]>, status = 400) => json({ form, result }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const id = editionIdOf(params);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const intent = String(submission.payload.intent ?? "");
  const which = intent === "logistics" ? `logistics-${String(submission.payload.teamId ?? "")}` : (EARLY_ACTIONS as readonly string[]).includes(intent) ? "early" : "edition";
  if (submission.status === undefined) return answer(which, submission.reply(), 200);
  if (submission.status !== "success") return answer(which, submission.reply());
  const value = submission.value;
  const path = `/bestuur/edities/${id}`;

  if (value.intent === "update-edition") {
    const { intent: _intent, ...input } = value;
    const saved = await updateEdition(id, input, board.id);
    if (!saved.ok) {
      if ("notFound" in saved) notFound();
      return answer("edition", submission.reply({ formErrors: [saved.formError] }));
    }
    return redirectWithToast(path, { key: "challenges:board.editionSaved" });
  }
  if (value.intent === "logistics") {
    const saved = await saveTeamLogistics(
      id,
      value.teamId,
      { kitBudgetCents: value.kitBudget ?? null, transport: value.transport ?? null, logisticsNotes: value.logisticsNotes ?? null },
      board.id,
    );
    if (!saved) notFound();
    return redirectWithToast(path, { key: "challenges:board.logisticsSaved" });
  }
  const closed = await closePhaseEarly(id, value.intent, board.id);
  if (!closed.ok) {
    if ("notFound" in closed) notFound();
    return answer("early", submission.reply({ formErrors: [closed.formError] }));
  }
  return redirectWithToast(path, { key: `challenges:board.early.${value.intent}` });
}

export default function BoardEdition() {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  const { edition, challenge, phase, allowed, dates, categories, teams, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<EditionFormShape>({
    id: "update-edition",
    lastResult: data?.form === "edition" ? data.result : undefined,
    defaultValue: defaults,
    shouldValidate: "onBlur",
  });
  const saving = useSubmitting("update-edition");
  const earlyErrors = data?.form === "early" ? data.result.error?.[""] : undefined;
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
            <Link to={`/challenges/${challenge.slug}/${edition.year}`} className="inline-flex min-h-11 items-center underline">
              {t("board.publicPage")}
            </Link>
          </div>
        }
      />
      <Card>
        <h2 className="text-lg font-semibold">{t("board.phaseTitle")}</h2>
        <p className="mt-2">
          {t("board.phaseNow")} <Badge tone="info">{t(`phase.${phase}`)}</Badge>
        </p>
        {earlyErrors?.length ? (
          <div className="mt-3">
            <Alert tone="error">
              <ErrorList errors={earlyErrors} />
            </Alert>
          </div>
        ) : null}
        {allowed.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("board.noEarlyActions")}</p>
        ) : (
          <div className="mt-4 flex flex-wrap gap-3">
            {allowed.map((what) => (
              <ConfirmDialog
                key={what}
                title={t(`board.earlyTitle.${what}`)}
                triggerLabel={t(`board.earlyButton.${what}`)}
                triggerVariant="secondary"
                confirmLabel={t(`board.earlyConfirm.${what}`)}
                fields={{ intent: what }}
              >
                <p>{t(`board.earlyText.${what}`, { date: formatDateTime(what === "close-registration" ? dates.registrationClosesAt : what === "close-submissions" ? dates.submissionDeadline : dates.resultsPublishAt, lang) })}</p>
              </ConfirmDialog>
            ))}
          </div>
        )}
      </Card>
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
      {challenge.national ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("board.logisticsTitle")}</h2>
          <p className="mt-1 text-slate-700">{t("board.logisticsIntro")}</p>
          {teams.length === 0 ? (
            <EmptyState className="mt-3" headingLevel={3} title={t("board.noTeams")} text={t("board.noTeamsText")} />
          ) : (
            <ul className="mt-3 space-y-4">
              {teams.map((team) => {
                const errors = data?.form === `logistics-${team.id}` ? data.result.error : undefined;
                return (
                  <li key={team.id} className="rounded-lg border border-slate-200 p-4">
                    <h3 className="font-semibold">
                      {team.name} <span className="font-normal text-slate-600">· {team.school}</span>
                    </h3>
                    <p className="text-sm text-slate-600">
                      {t("board.coaches", { count: team.coaches })}
                      {team.kitBudgetCents != null ? ` · ${t("board.kitBudgetNow", { amount: formatMoney(team.kitBudgetCents, lang) })}` : ""}
                    </p>
                    <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3">
                      <input type="hidden" name="intent" value="logistics" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <TextField
                        label={t("fields.kitBudget")}
                        name="kitBudget"
                        inputMode="decimal"
                        defaultValue={team.kitBudgetCents != null ? (team.kitBudgetCents / 100).toFixed(2).replace(".", ",") : ""}
                        errors={errors?.kitBudget}
                        optional
                      />
                      <TextField label={t("fields.transport")} name="transport" defaultValue={team.transport ?? ""} errors={errors?.transport} optional />
                      <TextField label={t("fields.logisticsNotes")} name="logisticsNotes" defaultValue={team.logisticsNotes ?? ""} errors={errors?.logisticsNotes} optional />
                      <div className="sm:col-span-3">
                        <Button variant="secondary">
                          {t("board.saveLogistics")}
                          <span className="sr-only"> ({team.name})</span>
                        </Button>
                      </div>
                    </Form>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      ) : null}
    </div>
  );
}
// --- The edition form's fields (the same on the challenge page and the edition page) -------------

type EditionFormShape = {
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
const PHASE_DATE_FIELDS = ["registrationOpensAt", "registrationClosesAt", "submissionDeadline", "judgingOpensAt", "judgingClosesAt", "resultsPublishAt"] as const;

function EditionFormFields({ form, fields }: { form: FormMetadata<EditionFormShape, string[]>; fields: ReturnType<FormMetadata<EditionFormShape, string[]>["getFieldset"]> }) {
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
              key={fields[name].key}
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
