// /ontwerp — every building block of the portal on one page, with working examples: for the
// board's designer and for us. Public; static sample data, no database (queryBudget 0). The upload
// example is for the board (it really stores the file, readable only by its uploader; a daily quota).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Chart } from "~/components/ui/chart";
import { CheckboxField, CheckboxGroup, RadioGroup } from "~/components/ui/checkbox";
import { DateField } from "~/components/ui/date-field";
import { ConfirmDialog, Dialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { LoadingText, useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { Stat, StatGroup } from "~/components/ui/stat";
import { DataTable, type Column } from "~/components/ui/table";
import { TextareaField } from "~/components/ui/textarea";
import { TOAST_TONES } from "~/components/ui/toast";
import { UploadForm } from "~/components/ui/upload-field";
import { forbidden, requireUser } from "~/modules/auth/session.server";
import { mayUploadDesignDemo, storeDesignDemoUpload } from "~/modules/files/design-demo.server";
import { allowedLabels, FILE_POLICIES } from "~/modules/files/policy";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatTime, parseDateInput } from "~/utils/format";
import { invalid, readForm } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { defineTable, pageOfRows } from "~/utils/table.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make (tests/guards/query-budget.test.ts): none, the data is static.
export const queryBudget = 0;

// ---------------------------------------------------------------------------------------------
// Sample data (fictional)

const STATUSES = ["paid", "open", "late"] as const;
type Status = (typeof STATUSES)[number];
type SampleCompany = { id: string; name: string; place: string; contributionCents: number; status: Status; joinedAt: string };

const SAMPLE: SampleCompany[] = [
  ["Van der Linden Installatietechniek", "Roermond", 50000, "paid", "2016-09-01T08:00:00Z"],
  ["Maasbouw Constructie", "Maasbracht", 100000, "paid", "2017-03-14T09:30:00Z"],
  ["Kurvers Elektrotechniek", "Echt", 25000, "open", "2018-10-27T23:30:00Z"],
  ["Gielen Metaal", "Roermond", 50000, "late", "2019-01-15T10:00:00Z"],
  ["Hermans Mechatronica", "Venlo", 75000, "paid", "2019-06-03T12:15:00Z"],
  ["Bakker Duurzame Energie", "Weert", 25000, "paid", "2020-02-20T07:45:00Z"],
  ["De Groot Zorgtechniek", "Sittard", 50000, "open", "2020-11-09T13:00:00Z"],
  ["Peeters Logistiek", "Venlo", 123456, "paid", "2021-03-28T00:30:00Z"],
  ["Jansen Houtbewerking", "Panningen", 25000, "late", "2021-05-17T15:20:00Z"],
  ["Smeets Klimaattechniek", "Stein", 50000, "paid", "2021-09-30T09:00:00Z"],
  ["Willems Automotive", "Roermond", 100000, "open", "2022-01-11T11:11:00Z"],
  ["Vos Laser & Plaatwerk", "Echt", 50000, "paid", "2022-04-04T06:00:00Z"],
  ["Claessens Robotica", "Sittard", 150000, "paid", "2022-08-22T14:30:00Z"],
  ["Maasdal Waterbeheer", "Maasbracht", 25000, "open", "2022-12-01T08:00:00Z"],
  ["Hendriks Bouwkunde", "Weert", 50000, "late", "2023-02-13T10:45:00Z"],
  ["Schreurs Voeding", "Panningen", 25000, "paid", "2023-05-08T12:00:00Z"],
  ["Coenen Drukwerk", "Roermond", 25000, "paid", "2023-10-29T01:30:00Z"],
  ["Lemmens Installaties", "Venlo", 75000, "open", "2024-01-24T09:15:00Z"],
  ["Vermeulen Agro", "Echt", 50000, "paid", "2024-03-31T01:00:00Z"],
  ["Driessen ICT", "Stein", 100000, "paid", "2024-06-18T16:40:00Z"],
  ["Frissen Elektro", "Sittard", 25000, "late", "2024-09-02T07:30:00Z"],
  ["Quaedvlieg Machinebouw", "Maasbracht", 150000, "paid", "2025-01-06T10:00:00Z"],
  ["Brouwers Schilderwerken", "Weert", 25000, "open", "2025-03-03T13:45:00Z"],
].map(([name, place, contributionCents, status, joinedAt], i) => ({
  id: `c${i + 1}`,
  name: name as string,
  place: place as string,
  contributionCents: contributionCents as number,
  status: status as Status,
  joinedAt: joinedAt as string,
}));

// The orderBy values are what a Prisma query would get; here the rows are sorted in memory.
const companiesTable = defineTable({
  sorts: {
    name: (dir) => ({ name: dir }),
    place: (dir) => ({ place: dir }),
    amount: (dir) => ({ contributionCents: dir }),
    status: (dir) => ({ status: dir }),
    joined: (dir) => ({ joinedAt: dir }),
  },
  defaultSort: "name",
  tiebreaker: { id: "asc" },
  pageSize: 5,
});

const StatusFilter = z.enum(STATUSES).optional().catch(undefined);

// The upload example's files belong to their uploader: only they can open them
// (the rule is registered at startup, app/modules/files/design-demo.server.ts).
const UploadedParam = z.string().regex(/^[a-z0-9]{1,64}$/i).optional().catch(undefined);

// Sample figures for the chart example (fictional).
const CHART_SAMPLE = [
  { year: "2021-2022", companies: 38, paidCents: 1_525_000 },
  { year: "2022-2023", companies: 44, paidCents: 1_980_000 },
  { year: "2023-2024", companies: 47, paidCents: 2_310_000 },
  { year: "2024-2025", companies: 51, paidCents: 2_487_500 },
  { year: "2025-2026", companies: 54, paidCents: 2_712_500 },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = await getT(request);
  // A slow page on request, to see the loading bar (bounded: a fixed 1.5 s, nothing else).
  if (url.searchParams.get("traag") === "1") await new Promise((resolve) => setTimeout(resolve, 1500));
  const status = StatusFilter.parse(url.searchParams.get("status") ?? undefined);
  const params = companiesTable.parse(url);
  const { rows, state } = pageOfRows(status ? SAMPLE.filter((c) => c.status === status) : SAMPLE, companiesTable, params, {
    value: {
      name: (c) => c.name,
      place: (c) => c.place,
      amount: (c) => c.contributionCents,
      status: (c) => STATUSES.indexOf(c.status),
      joined: (c) => c.joinedAt,
    },
    text: (c) => `${c.name} ${c.place}`,
  });
  const uploaded = UploadedParam.parse(url.searchParams.get("bestand") ?? undefined) ?? null;
  return json({
    title: t("design:metaTitle"),
    rows,
    state,
    status: status ?? "",
    uploaded,
    uploadHint: t("design:upload.hint", { allowed: allowedLabels("DOCUMENT"), max: `${FILE_POLICIES.DOCUMENT.maxBytes / (1024 * 1024)} MB` }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// ---------------------------------------------------------------------------------------------
// The action: a sample form (shows server-side field errors), a toast demo and a confirmed delete.

const TOPICS = ["cases", "challenges", "meetings"] as const;
const ROLES = ["company", "teacher", "board"] as const;
const RSVP = ["yes", "no", "maybe"] as const;

const ExampleSchema = z.object({
  intent: z.literal("example"),
  name: z.string({ error: "design:errors.nameRequired" }).trim().min(1, "design:errors.nameRequired").max(80, "design:errors.nameTooLong"),
  email: z
    .string({ error: "design:errors.emailRequired" })
    .trim()
    .min(1, "design:errors.emailRequired")
    .max(254, "design:errors.emailInvalid")
    .pipe(z.email({ error: "design:errors.emailInvalid" })),
  role: z.enum(ROLES, { error: "design:errors.roleRequired" }),
  date: z
    .string({ error: "design:errors.dateRequired" })
    .max(20, "design:errors.dateInvalid")
    .refine((v) => parseDateInput(v) !== null, "design:errors.dateInvalid"),
  message: z.string().trim().max(500, "design:errors.messageTooLong").optional(),
  topics: z.array(z.enum(TOPICS), { error: "design:errors.topicsRequired" }).min(1, "design:errors.topicsRequired"),
  rsvp: z.enum(RSVP, { error: "design:errors.rsvpRequired" }),
  agree: z.literal("on", { error: "design:errors.agreeRequired" }),
});
const ToastDemoSchema = z.object({ intent: z.literal("toast"), tone: z.enum(TOAST_TONES) });
const DeleteDemoSchema = z.object({ intent: z.literal("delete"), id: z.literal("demo") });
const UploadDemoSchema = z.object({
  intent: z.literal("upload"),
  file: z.instanceof(File, { error: "design:errors.fileRequired" }).refine((f) => f.size > 0 && f.name !== "", "design:errors.fileRequired"),
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [ExampleSchema, ToastDemoSchema, DeleteDemoSchema, UploadDemoSchema]);

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  // Nothing is stored: each branch only shows what a real write answers. The redirect has no
  // #section: without JavaScript the page then opens at the top, where the toast is; with it the
  // forms keep the scroll position (preventScrollReset).
  if (value.intent === "example") {
    return redirectWithToast("/ontwerp", { key: "design:toast.formSaved", values: { name: value.name } });
  }
  if (value.intent === "upload") {
    // Only this example writes: a signed-in person's document, checked by its content.
    // The board only (or anyone while developing), with a daily quota.
    const user = await requireUser(request);
    if (!mayUploadDesignDemo(user)) forbidden();
    const stored = await storeDesignDemoUpload(user.id, value.file, await getLanguage(request));
    if (!stored.ok) {
      // The reason as an i18n key with its values, so the field shows it in the reader's language.
      return invalid(submission.reply({ fieldErrors: { file: [stored.errorKey] } }));
    }
    return redirectWithToast(`/ontwerp?bestand=${stored.file.id}`, {
      key: "design:toast.uploaded",
      values: { name: stored.file.fileName.slice(0, 120) },
    });
  }
  if (value.intent === "toast") {
    return redirectWithToast("/ontwerp", { key: `design:toast.demo.${value.tone}`, tone: value.tone });
  }
  return redirectWithToast("/ontwerp", { key: "design:toast.deleted" });
}

// ---------------------------------------------------------------------------------------------
// Page

const SECTIONS = ["kleuren", "knoppen", "formulieren", "uploaden", "opmaak", "statussen", "cijfers", "grafiek", "meldingen", "leeg", "tabel", "dialogen", "toasts", "laden"] as const;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
      <Card>
        <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {intro ? <p className="mt-1 max-w-prose text-slate-700">{intro}</p> : null}
        <div className="mt-5">{children}</div>
      </Card>
    </section>
  );
}

/** WCAG contrast of a colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}

const COLOURS = [
  { name: "brand-50", hex: "#eef6ff", use: "tint" },
  { name: "brand-100", hex: "#d9eaff", use: "tint" },
  { name: "brand-600", hex: "#1d5fb8", use: "border" },
  { name: "brand-700", hex: "#174c94", use: "action" },
  { name: "brand-800", hex: "#143f7a", use: "focus" },
  { name: "accent-500", hex: "#f2a900", use: "accent" },
] as const;

const STATUS_TONE: Record<Status, BadgeTone> = { paid: "success", open: "info", late: "danger" };

function Swatch({ name, hex, use }: (typeof COLOURS)[number]) {
  const { t, i18n } = useTranslation("design");
  const ratio = contrastOnWhite(hex);
  const ratioText = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(ratio);
  return (
    <li className="flex items-center gap-3">
      <span aria-hidden className="size-12 shrink-0 rounded-lg border border-slate-300" style={{ backgroundColor: hex }} />
      <span className="min-w-0 text-sm">
        <span className="block font-semibold">
          {name} <code className="font-normal text-slate-700">{hex}</code>
        </span>
        <span className="block text-slate-700">{t(`colours.use.${use}`)}</span>
        <span className="block text-slate-700">{t("colours.contrast", { ratio: ratioText })}</span>
      </span>
    </li>
  );
}

export default function DesignSystem() {
  const { t, i18n } = useTranslation("design");
  const lang = i18n.language;
  const { rows, state, status, uploaded, uploadHint } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const sendingExample = useSubmitting("example");
  const [form, fields] = useForm({
    id: "example",
    lastResult: lastResult?.initialValue?.intent === "example" ? lastResult : undefined,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExampleSchema }),
  });
  // The summary appears after a submit, not while someone tabs through the fields.
  const formErrorCount = form.status === "error" ? Object.values(form.allErrors).flat().length : 0;

  const columns: Column<(typeof rows)[number]>[] = [
    { key: "name", header: t("table.name"), sortable: true, rowHeader: true, cell: (c) => c.name },
    { key: "place", header: t("table.place"), sortable: true, cell: (c) => c.place },
    { key: "amount", header: t("table.amount"), sortable: true, numeric: true, firstDir: "desc", cell: (c) => formatMoney(c.contributionCents, lang) },
    { key: "status", header: t("table.status"), sortable: true, cell: (c) => <Badge tone={STATUS_TONE[c.status]}>{t(`status.${c.status}`)}</Badge> },
    {
      key: "joined",
      header: t("table.joined"),
      sortable: true,
      firstDir: "desc",
      hideOnPhone: true,
      cell: (c) => <time dateTime={c.joinedAt}>{formatDate(c.joinedAt, lang, "short")}</time>,
    },
  ];

  // Around the switch to summer time (30 March 2025, 02:00 → 03:00 in Amsterdam).
  const beforeSwitch = "2025-03-30T00:30:00Z";
  const afterSwitch = "2025-03-30T01:30:00Z";

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />

      <nav aria-labelledby="toc-title" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="toc-title" className="text-base font-semibold">
          {t("toc")}
        </h2>
        <ul className="mt-2 grid gap-x-6 min-[360px]:grid-cols-2 sm:grid-cols-3">
          {SECTIONS.map((id) => (
            <li key={id}>
              <a href={`#${id}`} className="inline-flex min-h-11 items-center underline">
                {t(`sections.${id}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="kleuren" title={t("sections.kleuren.title")} intro={t("sections.kleuren.intro")}>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {COLOURS.map((c) => (
            <Swatch key={c.name} {...c} />
          ))}
        </ul>
        <p className="mt-5 text-slate-700">{t("colours.focus")}</p>
        <p className="mt-3">
          <a href="#kleuren" className={buttonClass("secondary")}>
            {t("colours.focusExample")}
          </a>
        </p>
      </Section>

      <Section id="knoppen" title={t("sections.knoppen.title")} intro={t("sections.knoppen.intro")}>
        <div className="flex flex-wrap gap-3">
          <Button type="button">{t("buttons.primary")}</Button>
          <Button type="button" variant="secondary">
            {t("buttons.secondary")}
          </Button>
          <Button type="button" variant="danger">
            {t("buttons.danger")}
          </Button>
          <Button type="button" variant="ghost">
            {t("buttons.ghost")}
          </Button>
          <Button type="button" disabled>
            {t("buttons.disabled")}
          </Button>
          <Button type="button" pending>
            {t("buttons.pending")}
          </Button>
          <Link to="#knoppen" className={buttonClass("secondary")}>
            {t("buttons.link")}
          </Link>
        </div>
        <p className="mt-4 text-sm text-slate-700">{t("buttons.note")}</p>
      </Section>

      <Section id="formulieren" title={t("sections.formulieren.title")} intro={t("sections.formulieren.intro")}>
        <h3 className="text-lg font-semibold">{t("form.errorStatesTitle")}</h3>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <TextField label={t("form.email")} name="static-email" defaultValue="jan@bedrijf" errors={["design:errors.emailInvalid"]} autoComplete="off" />
          <SelectField
            label={t("form.role")}
            name="static-role"
            placeholder={t("form.choose")}
            defaultValue=""
            options={ROLES.map((r) => ({ value: r, label: t(`form.roles.${r}`) }))}
            errors={["design:errors.roleRequired"]}
          />
          <TextField label={t("form.disabled")} name="static-disabled" defaultValue={t("form.disabledValue")} disabled />
          <TextField label={t("form.website")} name="static-website" hint={t("form.websiteHint")} optional type="url" inputMode="url" />
        </div>

        <h3 className="mt-8 text-lg font-semibold">{t("form.exampleTitle")}</h3>
        <p className="mt-1 max-w-prose text-slate-700">{t("form.exampleIntro")}</p>
        {formErrorCount > 0 ? (
          <div className="mt-4">
            <Alert tone="error" title={t("form.errorSummary", { count: formErrorCount })} />
          </div>
        ) : null}
        <Form method="post" preventScrollReset {...getFormProps(form)} className="mt-4 grid gap-5 sm:grid-cols-2">
          <input type="hidden" name="intent" value="example" />
          <TextField
            label={t("form.name")}
            autoComplete="name"
            {...getInputProps(fields.name, { type: "text" })}
            key={fields.name.key}
            errors={fields.name.errors}
          />
          <TextField
            label={t("form.email")}
            hint={t("form.emailHint")}
            autoComplete="email"
            {...getInputProps(fields.email, { type: "email" })}
            key={fields.email.key}
            errors={fields.email.errors}
          />
          <SelectField
            label={t("form.role")}
            placeholder={t("form.choose")}
            options={ROLES.map((r) => ({ value: r, label: t(`form.roles.${r}`) }))}
            {...getSelectProps(fields.role)}
            key={fields.role.key}
            errors={fields.role.errors}
          />
          <DateField
            label={t("form.date")}
            hint={t("form.dateHint")}
            {...getInputProps(fields.date, { type: "date" })}
            type="date"
            key={fields.date.key}
            errors={fields.date.errors}
          />
          <TextareaField
            label={t("form.message")}
            hint={t("form.messageHint")}
            optional
            className="sm:col-span-2"
            {...getTextareaProps(fields.message)}
            key={fields.message.key}
            errors={fields.message.errors}
          />
          <CheckboxGroup
            label={t("form.topics")}
            hint={t("form.topicsHint")}
            name={fields.topics.name}
            id={fields.topics.id}
            defaultValue={fields.topics.initialValue as string[] | string | undefined}
            options={TOPICS.map((topic) => ({ value: topic, label: t(`form.topicOptions.${topic}`) }))}
            key={fields.topics.key}
            errors={fields.topics.errors}
          />
          <RadioGroup
            label={t("form.rsvp")}
            name={fields.rsvp.name}
            id={fields.rsvp.id}
            defaultValue={fields.rsvp.initialValue as string | undefined}
            options={RSVP.map((r) => ({ value: r, label: t(`form.rsvpOptions.${r}`) }))}
            key={fields.rsvp.key}
            errors={fields.rsvp.errors}
          />
          <CheckboxField
            label={t("form.agree")}
            hint={t("form.agreeHint")}
            className="sm:col-span-2"
            {...getInputProps(fields.agree, { type: "checkbox" })}
            key={fields.agree.key}
            errors={fields.agree.errors}
          />
          <ErrorList errors={form.errors} />
          <div className="sm:col-span-2">
            <Button pending={sendingExample} className="max-sm:w-full">
              {t("form.submit")}
            </Button>
          </div>
        </Form>

        <h3 className="mt-8 text-lg font-semibold">{t("form.timesTitle")}</h3>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <DateField label={t("form.time")} type="time" name="static-time" defaultValue="09:30" />
          <DateField label={t("form.dateTime")} type="datetime-local" name="static-datetime" defaultValue="2025-03-14T09:30" />
        </div>
      </Section>

      <Section id="uploaden" title={t("sections.uploaden.title")} intro={t("sections.uploaden.intro")}>
        <UploadForm
          intent="upload"
          name="file"
          label={t("upload.label")}
          hint={uploadHint}
          accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.odt,.ods,.odp"
          errors={lastResult?.initialValue?.intent === "upload" ? (lastResult.error?.file ?? undefined) : undefined}
          submitLabel={t("upload.submit")}
        />
        {uploaded ? (
          <p className="mt-4">
            <a href={`/files/${uploaded}`} className="inline-flex min-h-11 items-center underline">
              {t("upload.open")}
            </a>
          </p>
        ) : null}
        <p className="mt-4 text-sm text-slate-700">{t("upload.note")}</p>
      </Section>

      <Section id="opmaak" title={t("sections.opmaak.title")} intro={t("sections.opmaak.intro")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          {[
            [t("format.dateLong"), formatDate(beforeSwitch, lang)],
            [t("format.dateShort"), formatDate(beforeSwitch, lang, "short")],
            [t("format.dateWeekday"), formatDate(beforeSwitch, lang, "weekday")],
            [t("format.beforeSwitch"), formatDateTime(beforeSwitch, lang)],
            [t("format.afterSwitch"), formatDateTime(afterSwitch, lang)],
            [t("format.time"), formatTime(afterSwitch, lang)],
            [t("format.money"), formatMoney(123456, lang)],
            [t("format.moneyNegative"), formatMoney(-2500, lang)],
            [t("format.number"), formatNumber(1234567, lang)],
          ].map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm font-semibold text-slate-700 sm:text-base sm:font-normal">{label}</dt>
              <dd className="-mt-2 tabular-nums sm:mt-0">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-sm text-slate-700">{t("format.note")}</p>
      </Section>

      <Section id="statussen" title={t("sections.statussen.title")} intro={t("sections.statussen.intro")}>
        <ul className="flex flex-wrap gap-2">
          <li>
            <Badge tone="success">{t("status.paid")}</Badge>
          </li>
          <li>
            <Badge tone="info">{t("status.open")}</Badge>
          </li>
          <li>
            <Badge tone="warning">{t("status.waiting")}</Badge>
          </li>
          <li>
            <Badge tone="danger">{t("status.late")}</Badge>
          </li>
          <li>
            <Badge>{t("status.draft")}</Badge>
          </li>
        </ul>
      </Section>

      <Section id="cijfers" title={t("sections.cijfers.title")} intro={t("sections.cijfers.intro")}>
        <StatGroup>
          <Stat label={t("stats.companies")} value={formatNumber(54, lang)} hint={t("stats.companiesHint")} />
          <Stat label={t("stats.teams")} value={formatNumber(37, lang)} />
          <Stat label={t("stats.contributions")} value={formatMoney(2_712_500, lang)} />
          <Stat label={t("stats.meetings")} value={formatNumber(2, lang)} hint={t("stats.meetingsHint")} />
        </StatGroup>
      </Section>

      <Section id="grafiek" title={t("sections.grafiek.title")} intro={t("sections.grafiek.intro")}>
        <Chart
          caption={t("chart.caption")}
          description={t("chart.description")}
          data={CHART_SAMPLE}
          xKey="year"
          xLabel={t("chart.year")}
          series={[
            { key: "companies", label: t("chart.companies"), format: (v) => formatNumber(v, lang) },
            { key: "paidCents", label: t("chart.paid"), type: "line", axis: "right", format: (v) => formatMoney(v, lang) },
          ]}
        />
      </Section>

      <Section id="meldingen" title={t("sections.meldingen.title")} intro={t("sections.meldingen.intro")}>
        <div className="space-y-3">
          <Alert tone="info" title={t("alerts.infoTitle")}>
            {t("alerts.info")}
          </Alert>
          <Alert tone="success">{t("alerts.success")}</Alert>
          <Alert tone="warning" title={t("alerts.warningTitle")}>
            {t("alerts.warning")}
          </Alert>
          {/* An error Alert is role="alert" and interrupts; on a showcase page that would shout on load. */}
          <div className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-slate-900">
            <p className="font-semibold">{t("alerts.errorTitle")}</p>
            <p className="mt-1">{t("alerts.error")}</p>
          </div>
        </div>
      </Section>

      <Section id="leeg" title={t("sections.leeg.title")} intro={t("sections.leeg.intro")}>
        <EmptyState headingLevel={3} title={t("empty.title")} text={t("empty.text")} action={{ to: "#formulieren", label: t("empty.action") }} />
      </Section>

      <Section id="tabel" title={t("sections.tabel.title")} intro={t("sections.tabel.intro")}>
        <DataTable
          caption={t("table.caption")}
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          state={state}
          filterActive={Boolean(status)}
          filters={
            <SelectField
              label={t("table.status")}
              name="status"
              defaultValue={status}
              key={status}
              className="min-w-0 flex-[1_1_10rem]"
              options={[{ value: "", label: t("table.allStatuses") }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
            />
          }
        />
      </Section>

      <Section id="dialogen" title={t("sections.dialogen.title")} intro={t("sections.dialogen.intro")}>
        <div className="flex flex-wrap items-start gap-3">
          <Dialog
            title={t("dialog.infoTitle")}
            triggerLabel={t("dialog.infoTrigger")}
            footer={(close, inline) =>
              inline ? null : (
                <Button type="button" onClick={close} data-autofocus>
                  {t("dialog.understood")}
                </Button>
              )
            }
          >
            <p>{t("dialog.infoText")}</p>
          </Dialog>
          <ConfirmDialog
            title={t("dialog.confirmTitle")}
            triggerLabel={t("dialog.confirmTrigger")}
            confirmLabel={t("dialog.confirmButton")}
            fields={{ intent: "delete", id: "demo" }}
            preventScrollReset
          >
            <p>{t("dialog.confirmText")}</p>
          </ConfirmDialog>
        </div>
        <p className="mt-4 text-sm text-slate-700">{t("dialog.note")}</p>
      </Section>

      <Section id="toasts" title={t("sections.toasts.title")} intro={t("sections.toasts.intro")}>
        <Form method="post" preventScrollReset className="flex flex-wrap gap-3">
          <input type="hidden" name="intent" value="toast" />
          <Button name="tone" value="success">
            {t("toast.showSuccess")}
          </Button>
          <Button name="tone" value="info" variant="secondary">
            {t("toast.showInfo")}
          </Button>
          <Button name="tone" value="error" variant="secondary">
            {t("toast.showError")}
          </Button>
        </Form>
      </Section>

      <Section id="laden" title={t("sections.laden.title")} intro={t("sections.laden.intro")}>
        <div className="space-y-4">
          <div aria-hidden className="h-1 w-full overflow-hidden rounded bg-slate-200">
            <div className="h-full w-2/3 bg-brand-700" />
          </div>
          <LoadingText>{t("loading.text")}</LoadingText>
          <p>
            <Link to="?traag=1#laden" preventScrollReset className={buttonClass("secondary")}>
              {t("loading.slowLink")}
            </Link>
          </p>
        </div>
      </Section>
    </div>
  );
}
