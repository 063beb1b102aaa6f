// /ontwerp — every building block of the portal on one page, with working examples: for the
// board's designer and for us. Public; static sample data, no database (queryBudget 0). The upload
// example is for the board (it really stores the file, readable only by its uploader; a daily quota).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AlertsSection, ButtonsSection, ChartSection, ColoursSection, DialogsSection, EmptySection, FiguresSection, FormatsSection, LoadingSection, Section, StatusesSection, ToastsSection } from "~/components/design/sections";
import { ROLES, RSVP, SAMPLE_COMPANIES, SECTIONS, STATUS_TONE, STATUSES, TOPICS } from "~/components/design/samples";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { CheckboxField, CheckboxGroup, RadioGroup } from "~/components/ui/checkbox";
import { DateField } from "~/components/ui/date-field";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { DataTable, type Column } from "~/components/ui/table";
import { TextareaField } from "~/components/ui/textarea";
import { TOAST_TONES } from "~/components/ui/toast";
import { UploadForm } from "~/components/ui/upload-field";
import { forbidden, requireUser } from "~/modules/auth/session.server";
import { mayUploadDesignDemo, storeDesignDemoUpload } from "~/modules/files/design-demo.server";
import { allowedLabels, FILE_POLICIES } from "~/modules/files/policy";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { formatDate, formatMoney, parseDateInput } from "~/utils/format";
import { invalid } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { defineTable, pageOfRows } from "~/utils/table.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make (tests/guards/query-budget.test.ts): none, the data is static.
export const queryBudget = 0;

// ---------------------------------------------------------------------------------------------
// The sample table (its rows are app/components/design/samples.ts, fictional)

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

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = await getT(request);
  // A slow page on request, to see the loading bar (bounded: a fixed 1.5 s, nothing else).
  if (url.searchParams.get("traag") === "1") await new Promise((resolve) => setTimeout(resolve, 1500));
  const status = StatusFilter.parse(url.searchParams.get("status") ?? undefined);
  const params = companiesTable.parse(url);
  const { rows, state } = pageOfRows(status ? SAMPLE_COMPANIES.filter((c) => c.status === status) : SAMPLE_COMPANIES, companiesTable, params, {
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
  return withUploadForm(request, "DOCUMENT", async (form) => {
    const submission = parseWithZod(form, { schema: actionSchema });
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
  });
}

// ---------------------------------------------------------------------------------------------
// Page

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

      <ColoursSection />

      <ButtonsSection />

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

      <FormatsSection />

      <StatusesSection />

      <FiguresSection />

      <ChartSection />

      <AlertsSection />

      <EmptySection />

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

      <DialogsSection />

      <ToastsSection />

      <LoadingSection />
    </div>
  );
}
