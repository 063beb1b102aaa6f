import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { RadioGroup } from "~/components/ui/checkbox";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { requireRole } from "~/modules/auth/session.server";
import { schoolYearLabel, schoolYearOf } from "~/modules/companies/school-year";
import {
  addSchoolYear,
  archiveTier,
  createTier,
  getFoundationSettings,
  listSchoolYears,
  listTiers,
  moveTier,
  saveFoundationSettings,
  updateTier,
} from "~/modules/companies/settings.server";
import { SettingsActionSchema } from "~/modules/companies/settings.schema";
import { now } from "~/utils/clock.server";
import { formatDate, formatMoney } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const lang = await getLanguage(request);
  const [t, settings, tiers, years] = await Promise.all([i18next.getFixedT(lang, "companies"), getFoundationSettings(), listTiers(), listSchoolYears()]);
  return json({ title: t("settings.title"), settings, tiers, years, currentYear: schoolYearOf(now()) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// --- Input ----------------------------------------------------------------------------------------

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = SettingsActionSchema;

type Reply = { form: string; values: Record<string, unknown>; errors: Record<string, string[]> };
const refuse = (form: string, values: Record<string, unknown>, errors: Record<string, string[]>) => json<Reply>({ form, values, errors }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SettingsActionSchema });
  const raw = (submission.payload ?? {}) as Record<string, unknown>;
  const intent = typeof raw.intent === "string" ? raw.intent.slice(0, 20) : "";
  // Which form on the page answers: the settings, the new tier, one tier (by id) or the school year.
  const formKey = intent === "tier-update" && typeof raw.tierId === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(raw.tierId) ? `tier-${raw.tierId}` : intent;
  const values = JSON.parse(JSON.stringify(raw, (_k, v: unknown) => (typeof v === "string" ? v.replaceAll("\u0000", "").slice(0, 2000) : v))) as Record<string, unknown>;
  if (submission.status !== "success") return refuse(formKey, values, (submission.reply().error ?? {}) as Record<string, string[]>);
  const value = submission.value;
  switch (value.intent) {
    case "settings": {
      await saveFoundationSettings(
        {
          name: value.name,
          address: value.address,
          postcode: value.postcode.replace(/\s/g, "").toUpperCase().replace(/^(\d{4})/, "$1 "),
          city: value.city,
          kvkNumber: value.kvkNumber,
          vatNumber: value.vatNumber ?? null,
          vatExemptionReason: value.vatExemptionReason ?? null,
          iban: value.iban,
          email: value.email.toLowerCase(),
          contributionVatMode: value.contributionVatMode,
          contributionVatRateBp: value.contributionVatMode === "RATE" ? value.vatRate! : 0,
          graceMonths: value.graceMonths,
          paymentTermDays: value.paymentTermDays,
          invoiceMonth: value.invoiceMonth,
          invoiceDay: value.invoiceDay,
          reminderDays: value.reminderDays,
          pupilRetentionMonths: value.pupilRetentionMonths,
        },
        board.id,
      );
      return redirectWithToast("/bestuur/instellingen", { key: "companies:toast.settingsSaved" });
    }
    case "tier-create": {
      const result = await createTier({ name: value.name, amountCents: value.amount, benefits: value.benefits ?? "" }, board.id);
      if (!result.ok) return refuse(formKey, values, { name: ["companies:errors.tierNameTaken"] });
      return redirectWithToast("/bestuur/instellingen#tarieven", { key: "companies:toast.tierSaved" });
    }
    case "tier-update": {
      const result = await updateTier(value.tierId, { name: value.name, amountCents: value.amount, benefits: value.benefits ?? "" }, board.id);
      if (!result.ok && result.error === "not-found") throw new Response("Not Found", { status: 404 });
      if (!result.ok) return refuse(formKey, values, { name: ["companies:errors.tierNameTaken"] });
      return redirectWithToast("/bestuur/instellingen#tarieven", { key: "companies:toast.tierSaved" });
    }
    case "tier-archive": {
      if (!(await archiveTier(value.tierId, value.archived === "true", board.id))) throw new Response("Not Found", { status: 404 });
      return redirectWithToast("/bestuur/instellingen#tarieven", { key: value.archived === "true" ? "companies:toast.tierArchived" : "companies:toast.tierRestored" });
    }
    case "tier-move": {
      if (!(await moveTier(value.tierId, value.direction, board.id))) throw new Response("Not Found", { status: 404 });
      return redirectWithToast("/bestuur/instellingen#tarieven", { key: "companies:toast.tierMoved" });
    }
    case "year-add": {
      if ((await addSchoolYear(value.startYear, board.id)) === "exists") return refuse(formKey, values, { startYear: ["companies:errors.yearExists"] });
      return redirectWithToast("/bestuur/instellingen#schooljaren", { key: "companies:toast.yearAdded", values: { year: schoolYearLabel(value.startYear) } });
    }
  }
}

// --- Page -----------------------------------------------------------------------------------------

const centsText = (cents: number) => (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ","));

export default function Settings() {
  const { t, i18n } = useTranslation("companies");
  const { title, settings, tiers, years, currentYear } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const lang = i18n.language;
  const mine = (form: string) => (data?.form === form ? data : null);
  const s = mine("settings");
  const v = (name: string, fallback: string) => (s && typeof s.values[name] === "string" ? (s.values[name] as string) : fallback);
  const e = (form: string, name: string) => mine(form)?.errors[name];
  const activeTiers = tiers.filter((tier) => !tier.archivedAt);

  const settingsField = (name: string, fallback: string, opts: { optional?: boolean; hint?: string; inputMode?: "numeric" | "email"; type?: string } = {}) => (
    <TextField
      id={`settings-${name}`}
      name={name}
      label={t(`settings.fields.${name}`)}
      hint={opts.hint}
      optional={opts.optional}
      inputMode={opts.inputMode}
      type={opts.type ?? "text"}
      defaultValue={v(name, fallback)}
      errors={e("settings", name)}
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader title={title} intro={t("settings.intro")} />
      {data ? <Alert tone="error">{t("settings.fixErrors")}</Alert> : null}

      <Card>
        <h2 className="text-lg font-semibold">{t("settings.foundationTitle")}</h2>
        {!settings.saved ? <p className="mt-1 text-slate-700">{t("settings.notSaved")}</p> : null}
        <Form method="post" className="mt-4 space-y-6" noValidate>
          <input type="hidden" name="intent" value="settings" />
          <div className="grid gap-4 sm:grid-cols-2">
            {settingsField("name", settings.name)}
            {settingsField("address", settings.address)}
            {settingsField("postcode", settings.postcode)}
            {settingsField("city", settings.city)}
            {settingsField("kvkNumber", settings.kvkNumber, { inputMode: "numeric" })}
            {settingsField("vatNumber", settings.vatNumber ?? "", { optional: true, hint: t("settings.vatNumberHint") })}
            {settingsField("vatExemptionReason", settings.vatExemptionReason ?? "", { optional: true, hint: t("settings.exemptionHint") })}
            {settingsField("iban", settings.iban)}
            {settingsField("email", settings.email, { type: "email", inputMode: "email" })}
          </div>
          <fieldset className="space-y-4">
            <legend className="text-base font-semibold">{t("settings.vatTitle")}</legend>
            <RadioGroup
              label={t("settings.fields.contributionVatMode")}
              name="contributionVatMode"
              defaultValue={v("contributionVatMode", settings.contributionVatMode)}
              errors={e("settings", "contributionVatMode")}
              options={[
                { value: "EXEMPT", label: t("settings.vatExempt") },
                { value: "RATE", label: t("settings.vatRate") },
              ]}
            />
            {settingsField("vatRate", settings.contributionVatMode === "RATE" ? String(settings.contributionVatRateBp / 100).replace(".", ",") : "", {
              optional: true,
              hint: t("settings.vatRateHint"),
            })}
          </fieldset>
          <fieldset className="space-y-4">
            <legend className="text-base font-semibold">{t("settings.invoicingTitle")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {settingsField("graceMonths", String(settings.graceMonths), { inputMode: "numeric", hint: t("settings.graceHint") })}
              {settingsField("paymentTermDays", String(settings.paymentTermDays), { inputMode: "numeric" })}
              {settingsField("invoiceMonth", String(settings.invoiceMonth), { inputMode: "numeric", hint: t("settings.invoiceMonthHint") })}
              {settingsField("invoiceDay", String(settings.invoiceDay), { inputMode: "numeric", hint: t("settings.invoiceDayHint") })}
              {settingsField("reminderDays", settings.reminderDays.join(", "), { hint: t("settings.reminderHint") })}
            </div>
          </fieldset>
          <fieldset className="space-y-4">
            <legend className="text-base font-semibold">{t("settings.privacyTitle")}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {settingsField("pupilRetentionMonths", String(settings.pupilRetentionMonths), { inputMode: "numeric", hint: t("settings.retentionHint") })}
            </div>
          </fieldset>
          <Button>{t("settings.save")}</Button>
        </Form>
      </Card>

      <Card>
        <h2 id="tarieven" className="text-lg font-semibold">
          {t("settings.tiersTitle")}
        </h2>
        <p className="mt-1 text-slate-700">{t("settings.tiersIntro")}</p>
        {tiers.length === 0 ? <EmptyState className="mt-4" headingLevel={3} title={t("settings.noTiers")} text={t("settings.noTiersText")} /> : null}
        <ul className="mt-4 space-y-4">
          {tiers.map((tier) => {
            const key = `tier-${tier.id}`;
            const tv = (name: string, fallback: string) => {
              const m = mine(key);
              return m && typeof m.values[name] === "string" ? (m.values[name] as string) : fallback;
            };
            const index = activeTiers.findIndex((x) => x.id === tier.id);
            return (
              <li key={tier.id} className="rounded-lg border border-slate-300 p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold">
                    {tier.name} · {formatMoney(tier.amountCents, lang)}
                  </h3>
                  <span className="flex flex-wrap gap-2">
                    {tier.archivedAt ? <Badge>{t("settings.archived")}</Badge> : null}
                    <Badge tone="info">{t("settings.companiesCount", { count: tier._count.companies })}</Badge>
                  </span>
                </div>
                <Form method="post" className="mt-3 grid gap-4 sm:grid-cols-2" noValidate>
                  <input type="hidden" name="intent" value="tier-update" />
                  <input type="hidden" name="tierId" value={tier.id} />
                  <TextField id={`${key}-name`} name="name" label={t("settings.tierName")} defaultValue={tv("name", tier.name)} errors={e(key, "name")} />
                  <TextField id={`${key}-amount`} name="amount" label={t("settings.tierAmount")} inputMode="decimal" defaultValue={tv("amount", centsText(tier.amountCents))} errors={e(key, "amount")} />
                  <TextareaField id={`${key}-benefits`} name="benefits" label={t("settings.tierBenefits")} optional rows={2} className="sm:col-span-2" defaultValue={tv("benefits", tier.benefits)} errors={e(key, "benefits")} />
                  <div className="sm:col-span-2">
                    <Button variant="secondary">{t("settings.tierSave", { name: tier.name })}</Button>
                  </div>
                </Form>
                <div className="mt-3 flex flex-wrap gap-2">
                  {!tier.archivedAt && index > 0 ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="tier-move" />
                      <input type="hidden" name="tierId" value={tier.id} />
                      <input type="hidden" name="direction" value="up" />
                      <Button variant="ghost">{t("settings.moveUp", { name: tier.name })}</Button>
                    </Form>
                  ) : null}
                  {!tier.archivedAt && index >= 0 && index < activeTiers.length - 1 ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="tier-move" />
                      <input type="hidden" name="tierId" value={tier.id} />
                      <input type="hidden" name="direction" value="down" />
                      <Button variant="ghost">{t("settings.moveDown", { name: tier.name })}</Button>
                    </Form>
                  ) : null}
                  {tier.archivedAt ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="tier-archive" />
                      <input type="hidden" name="tierId" value={tier.id} />
                      <input type="hidden" name="archived" value="false" />
                      <Button variant="secondary">{t("settings.restore", { name: tier.name })}</Button>
                    </Form>
                  ) : (
                    <ConfirmDialog
                      title={t("settings.archiveTitle", { name: tier.name })}
                      triggerLabel={t("settings.archive", { name: tier.name })}
                      confirmLabel={t("settings.archiveConfirm")}
                      fields={{ intent: "tier-archive", tierId: tier.id, archived: "true" }}
                    >
                      <p>{t("settings.archiveText")}</p>
                    </ConfirmDialog>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        <h3 className="mt-6 font-semibold">{t("settings.newTier")}</h3>
        <Form method="post" className="mt-3 grid gap-4 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="tier-create" />
          <TextField id="new-tier-name" name="name" label={t("settings.tierName")} defaultValue={mine("tier-create") ? String(mine("tier-create")!.values.name ?? "") : ""} errors={e("tier-create", "name")} />
          <TextField
            id="new-tier-amount"
            name="amount"
            label={t("settings.tierAmount")}
            hint={t("settings.amountHint")}
            inputMode="decimal"
            defaultValue={mine("tier-create") ? String(mine("tier-create")!.values.amount ?? "") : ""}
            errors={e("tier-create", "amount")}
          />
          <TextareaField
            id="new-tier-benefits"
            name="benefits"
            label={t("settings.tierBenefits")}
            optional
            rows={2}
            className="sm:col-span-2"
            defaultValue={mine("tier-create") ? String(mine("tier-create")!.values.benefits ?? "") : ""}
            errors={e("tier-create", "benefits")}
          />
          <div className="sm:col-span-2">
            <Button>{t("settings.addTier")}</Button>
          </div>
        </Form>
      </Card>

      <Card>
        <h2 id="schooljaren" className="text-lg font-semibold">
          {t("settings.yearsTitle")}
        </h2>
        <p className="mt-1 text-slate-700">{t("settings.yearsIntro")}</p>
        {years.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("settings.noYears")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {years.map((y) => (
              <li key={y.id} className="flex flex-wrap items-center gap-2 py-2">
                <span className="font-semibold">{schoolYearLabel(y.startYear)}</span>
                <span className="text-slate-700">
                  {formatDate(y.startsOn, lang)} – {formatDate(y.endsOn, lang)}
                </span>
                {y.startYear === currentYear ? <Badge tone="success">{t("settings.currentYear")}</Badge> : null}
              </li>
            ))}
          </ul>
        )}
        <Form method="post" className="mt-4 flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="intent" value="year-add" />
          <TextField
            id="year-start"
            name="startYear"
            label={t("settings.startYear")}
            hint={t("settings.startYearHint")}
            inputMode="numeric"
            defaultValue={mine("year-add") ? String(mine("year-add")!.values.startYear ?? "") : String(years.some((y) => y.startYear === currentYear) ? currentYear + 1 : currentYear)}
            errors={e("year-add", "startYear")}
          />
          <Button>{t("settings.addYear")}</Button>
        </Form>
      </Card>
    </div>
  );
}
