import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EditionFields, EditionFormFields, refineEdition, type EditionFormShape } from "~/components/challenges/edition-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { notFound, requireRole } from "~/modules/auth/session.server";
import { allowedEarlyActions, closePhaseEarly, DATE_FIELDS, getEditionPhase, saveTeamLogistics, updateEdition } from "~/modules/challenges/editions.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDateTime, formatMoney, toDateTimeInputValue } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { cleanText, ID_PATTERN, idField, optionalText } from "~/modules/challenges/input";
import { addEditionSponsor, removeEditionSponsor } from "~/modules/challenges/sponsors.server";
import { LISTED_STATUSES } from "~/modules/companies/company-state";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

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
  // In one go: the companies listed in the directory (who may become a sponsor) and the edition's
  // sponsors (also those no longer listed).
  const companies = await db.company.findMany({
    where: { OR: [{ status: { in: [...LISTED_STATUSES] } }, { sponsorships: { some: { editionId: id } } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true, status: true, sponsorships: { where: { editionId: id }, select: { id: true, label: true, createdAt: true } } },
  });
  const t = await i18next.getFixedT(await getLanguage(request), "challenges");
  const { challenge, categories, teams, ...rest } = edition;
  const isListed = (status: string) => (LISTED_STATUSES as readonly string[]).includes(status);
  const sponsors = companies
    .flatMap((c) => c.sponsorships.map((s) => ({ id: s.id, label: s.label, at: s.createdAt.getTime(), name: c.name, listed: isListed(c.status) })))
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...s }) => s);
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
    sponsors,
    candidates: companies.filter((c) => isListed(c.status) && c.sponsorships.length === 0).map((c) => ({ id: c.id, name: c.name })),
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
// the client build too (helpers: ~/modules/challenges/input).
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

const AddSponsorSchema = z.object({
  intent: z.literal("add-sponsor"),
  companyId: z.string({ error: "challenges:errors.sponsorRequired" }).regex(ID_PATTERN, "challenges:errors.sponsorRequired"),
  label: optionalText(80),
});
const RemoveSponsorSchema = z.object({ intent: z.literal("remove-sponsor"), sponsorId: idField });

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [EditionUpdateSchema, EarlySchema, LogisticsSchema, AddSponsorSchema, RemoveSponsorSchema]);

const answer = (form: string, result: SubmissionResult<string[]>, status = 400) => json({ form, result }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const id = editionIdOf(params);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const intent = String(submission.payload.intent ?? "");
  const which =
    intent === "logistics"
      ? `logistics-${String(submission.payload.teamId ?? "")}`
      : (EARLY_ACTIONS as readonly string[]).includes(intent)
        ? "early"
        : intent === "add-sponsor" || intent === "remove-sponsor"
          ? "sponsor"
          : "edition";
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
  if (value.intent === "add-sponsor" || value.intent === "remove-sponsor") {
    const done =
      value.intent === "add-sponsor"
        ? await addEditionSponsor(id, { companyId: value.companyId, label: value.label }, board.id)
        : await removeEditionSponsor(id, value.sponsorId, board.id);
    if (!done.ok) {
      if ("notFound" in done) notFound();
      return answer("sponsor", submission.reply({ fieldErrors: done.fieldErrors }));
    }
    return redirectWithToast(path, { key: `challenges:board.sponsorDone.${value.intent}` });
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
  const { edition, challenge, phase, allowed, dates, categories, teams, sponsors, candidates, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<EditionFormShape>({
    id: "update-edition",
    lastResult: data?.form === "edition" ? data.result : undefined,
    defaultValue: defaults,
    shouldValidate: "onBlur",
  });
  const saving = useSubmitting("update-edition");
  const earlyErrors = data?.form === "early" ? data.result.error?.[""] : undefined;
  const sponsorErrors = data?.form === "sponsor" ? data.result.error : undefined;
  const sponsorTyped = data?.form === "sponsor" ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined;
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
      <Card>
        <h2 className="text-lg font-semibold">{t("board.sponsorsTitle")}</h2>
        <p className="mt-1 text-slate-700">{t("board.sponsorsIntro")}</p>
        {sponsors.length === 0 ? (
          <EmptyState className="mt-3" headingLevel={3} title={t("board.noSponsors")} text={t("board.noSponsorsText")} />
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {sponsors.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>
                  <span className="font-medium">{s.name}</span>
                  {s.label ? <span className="text-slate-700"> · {s.label}</span> : null}
                  {!s.listed ? <Badge tone="warning" className="ml-2">{t("board.sponsorHidden")}</Badge> : null}
                </span>
                <ConfirmDialog
                  title={t("board.removeSponsorTitle")}
                  triggerLabel={<>{t("board.removeSponsor")}<span className="sr-only"> ({s.name})</span></>}
                  triggerVariant="secondary"
                  confirmLabel={t("board.removeSponsorConfirm")}
                  fields={{ intent: "remove-sponsor", sponsorId: s.id }}
                >
                  <p>{t("board.removeSponsorText", { company: s.name, edition: edition.name })}</p>
                </ConfirmDialog>
              </li>
            ))}
          </ul>
        )}
        {candidates.length ? (
          <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-3 sm:items-end [&>*]:min-w-0" key={sponsorTyped ? JSON.stringify(sponsorTyped) : "add-sponsor"}>
            <input type="hidden" name="intent" value="add-sponsor" />
            <SelectField
              label={t("fields.sponsorCompany")}
              name="companyId"
              placeholder={t("fields.sponsorChoose")}
              defaultValue={typeof sponsorTyped?.companyId === "string" ? sponsorTyped.companyId : undefined}
              errors={sponsorErrors?.companyId}
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
            />
            <TextField
              label={t("fields.sponsorLabel")}
              hint={t("fields.sponsorLabelHint")}
              name="label"
              optional
              defaultValue={typeof sponsorTyped?.label === "string" ? sponsorTyped.label : undefined}
              errors={sponsorErrors?.label}
            />
            <div>
              <Button variant="secondary" className="max-sm:w-full">{t("board.addSponsor")}</Button>
            </div>
          </Form>
        ) : null}
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
                const typed = data?.form === `logistics-${team.id}` ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined;
                const typedOr = (field: string, fallback: string) => (typed && typeof typed[field] === "string" ? (typed[field] as string) : fallback);
                return (
                  <li key={team.id} className="rounded-lg border border-slate-200 p-4">
                    <h3 className="font-semibold">
                      {team.name} <span className="font-normal text-slate-600">· {team.school}</span>
                    </h3>
                    <p className="text-sm text-slate-600">
                      {t("board.coaches", { count: team.coaches })}
                      {team.kitBudgetCents != null ? ` · ${t("board.kitBudgetNow", { amount: formatMoney(team.kitBudgetCents, lang) })}` : ""}
                    </p>
                    <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3" key={typed ? JSON.stringify(typed) : "saved"}>
                      <input type="hidden" name="intent" value="logistics" />
                      <input type="hidden" name="teamId" value={team.id} />
                      <TextField
                        label={t("fields.kitBudget")}
                        name="kitBudget"
                        inputMode="decimal"
                        defaultValue={typedOr("kitBudget", team.kitBudgetCents != null ? (team.kitBudgetCents / 100).toFixed(2).replace(".", ",") : "")}
                        errors={errors?.kitBudget}
                        optional
                      />
                      <TextField label={t("fields.transport")} name="transport" defaultValue={typedOr("transport", team.transport ?? "")} errors={errors?.transport} optional />
                      <TextField label={t("fields.logisticsNotes")} name="logisticsNotes" defaultValue={typedOr("logisticsNotes", team.logisticsNotes ?? "")} errors={errors?.logisticsNotes} optional />
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
