import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DateField } from "~/components/ui/date-field";
import { EmptyState } from "~/components/ui/empty-state";
import { controlClass, FieldShell, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { notFound, requireRole } from "~/modules/auth/session.server";
import { AGREEMENT_OWNER, createSchool, recordAgreement, updateSchool } from "~/modules/challenges/schools.server";
import { storeUpload, uploadLimits } from "~/modules/files/files.server";
import { db } from "~/utils/db.server";
import { formatDate, fromAmsterdamTime, parseDateInput } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { cleanText, idField, optionalText, text } from "~/modules/challenges/input";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const lng = await getLanguage(request);
  const [t, schools] = await Promise.all([
    i18next.getFixedT(lng, "challenges"),
    db.school.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        brin: true,
        vestiging: true,
        city: true,
        type: true,
        agreementSignedOn: true,
        agreementFileId: true,
        agreementRecordedAt: true,
        _count: { select: { roles: { where: { role: "TEACHER" } }, teacherRequests: { where: { status: "OPEN" } } } },
      },
    }),
  ]);
  return json({
    title: t("schools.title"),
    schools,
    document: uploadLimits("DOCUMENT", lng),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).
const SchoolFields = {
  name: text(120, "challenges:errors.schoolName"),
  brin: z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/\u0000/g, "").trim().toUpperCase() : v),
    z.string({ error: "challenges:errors.brin" }).regex(/^\d{2}[A-Z]{2}$/, "challenges:errors.brin"),
  ),
  vestiging: z.preprocess(cleanText, z.string({ error: "challenges:errors.vestiging" }).regex(/^\d{2}$/, "challenges:errors.vestiging")),
  city: optionalText(80),
  type: z.enum(["VMBO", "PRIMARY"], { error: "challenges:errors.schoolType" }),
};

const optionalFile = z.preprocess((v) => (v instanceof File && v.size === 0 && !v.name ? undefined : v), z.instanceof(File, { message: "challenges:errors.document" }).optional());
const CreateSchoolSchema = z.object({ intent: z.literal("create-school"), ...SchoolFields });
const UpdateSchoolSchema = z.object({ intent: z.literal("update-school"), schoolId: idField, ...SchoolFields });
const AgreementSchema = z.object({
  intent: z.literal("record-agreement"),
  schoolId: idField,
  signedOn: z.preprocess(
    cleanText,
    z
      .string({ error: "challenges:errors.dateRequired" })
      .min(1, "challenges:errors.dateRequired")
      .max(20, "challenges:errors.date")
      .transform((v, ctx) => {
        const day = parseDateInput(v);
        const at = day ? fromAmsterdamTime(day) : null;
        if (!at) {
          ctx.addIssue({ code: "custom", message: "challenges:errors.date" });
          return z.NEVER;
        }
        return at;
      }),
  ),
  document: optionalFile,
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [CreateSchoolSchema, UpdateSchoolSchema, AgreementSchema]);

const answer = (form: string, result: SubmissionResult<string[]>) => json({ form, result }, { status: 400 });
const back = "/bestuur/scholen";

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const intent = String(submission.payload.intent ?? "");
  const which = intent === "create-school" ? "create" : `${intent}-${String(submission.payload.schoolId ?? "")}`;
  if (submission.status !== "success") return answer(which, submission.reply());
  const value = submission.value;

  if (value.intent === "record-agreement") {
    const exists = await db.school.findUnique({ where: { id: value.schoolId }, select: { id: true } });
    if (!exists) notFound();
    let fileId: string | null = null;
    if (value.document) {
      const lng = await getLanguage(request);
      const stored = await storeUpload({ file: value.document, kind: "DOCUMENT", ownerType: AGREEMENT_OWNER, ownerId: value.schoolId, uploadedById: board.id }, lng);
      if (!stored.ok) {
        return answer(which, submission.reply({ fieldErrors: { document: [stored.errorKey] } }));
      }
      fileId = stored.file.id;
    }
    if (!(await recordAgreement(value.schoolId, { signedOn: value.signedOn, fileId }, board.id))) notFound();
    return redirectWithToast(back, { key: "challenges:schools.agreementSaved" });
  }
  const { intent: _intent, ...input } = value;
  const result = value.intent === "create-school" ? await createSchool(input, board.id) : await updateSchool(value.schoolId, input, board.id);
  if (!result.ok) {
    if ("notFound" in result) notFound();
    return answer(which, submission.reply({ fieldErrors: { [result.field]: [result.error] } }));
  }
  return redirectWithToast(back, { key: value.intent === "create-school" ? "challenges:schools.created" : "challenges:schools.saved", values: { name: input.name } });
}

type SchoolShape = { intent: string; schoolId: string; name: string; brin: string; vestiging: string; city: string; type: string };

function SchoolFieldsUi({ fields }: { fields: ReturnType<typeof useForm<SchoolShape>>[1] }) {
  const { t } = useTranslation("challenges");
  return (
    <>
      <TextField label={t("schools.name")} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} errors={fields.name.errors} />
      <TextField label={t("schools.city")} optional {...getInputProps(fields.city, { type: "text" })} key={fields.city.key} errors={fields.city.errors} />
      <TextField label={t("schools.brin")} hint={t("schools.brinHint")} {...getInputProps(fields.brin, { type: "text" })} key={fields.brin.key} errors={fields.brin.errors} />
      <TextField
        label={t("schools.vestiging")}
        hint={t("schools.vestigingHint")}
        inputMode="numeric"
        {...getInputProps(fields.vestiging, { type: "text" })}
        key={fields.vestiging.key}
        errors={fields.vestiging.errors}
      />
      <SelectField
        label={t("schools.type")}
        placeholder={t("schools.choose")}
        options={[
          { value: "VMBO", label: t("schoolType.VMBO") },
          { value: "PRIMARY", label: t("schoolType.PRIMARY") },
        ]}
        {...getSelectProps(fields.type)}
        key={fields.type.key}
        errors={fields.type.errors}
      />
    </>
  );
}

type School = ReturnType<typeof useLoaderData<typeof loader>>["schools"][number];

function SchoolRow({ school, data }: { school: School; data: ReturnType<typeof useActionData<typeof action>> }) {
  const { t, i18n } = useTranslation("challenges");
  const { document } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<SchoolShape>({
    id: `update-school-${school.id}`,
    lastResult: data?.form === `update-school-${school.id}` ? data.result : undefined,
    defaultValue: { name: school.name, brin: school.brin, vestiging: school.vestiging, city: school.city ?? "", type: school.type },
  });
  const agreementErrors = data?.form === `record-agreement-${school.id}` ? data.result.error : undefined;
  const open = Boolean(agreementErrors) || data?.form === `update-school-${school.id}`;
  return (
    <li className="py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">{school.name}</h3>
          <p className="text-sm text-slate-600">
            {`${school.brin}${school.vestiging}`} · {t(`schoolType.${school.type}`)}
            {school.city ? ` · ${school.city}` : ""} · {t("schools.teacherCount", { count: school._count.roles })}
            {school._count.teacherRequests ? ` · ${t("schools.openRequests", { count: school._count.teacherRequests })}` : ""}
          </p>
        </div>
        {school.agreementRecordedAt && school.agreementSignedOn ? (
          <Badge tone="success">{t("schools.agreementYes", { date: formatDate(school.agreementSignedOn, i18n.language) })}</Badge>
        ) : (
          <Badge tone="warning">{t("schools.agreementNo")}</Badge>
        )}
      </div>
      {school.agreementFileId ? (
        <p className="mt-1 text-sm">
          <a href={`/files/${school.agreementFileId}`} className="underline">
            {t("schools.agreementDocument")}
            <span className="sr-only"> ({school.name})</span>
          </a>
        </p>
      ) : null}
      <details className="mt-2" open={open}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center underline">
          {t("schools.manage")}
          <span className="sr-only"> ({school.name})</span>
        </summary>
        <div className="mt-3 grid gap-6 lg:grid-cols-2">
          <Form method="post" encType="multipart/form-data" className="grid gap-3">
            <h4 className="font-semibold">{t("schools.recordAgreement")}</h4>
            <input type="hidden" name="intent" value="record-agreement" />
            <input type="hidden" name="schoolId" value={school.id} />
            <DateField label={t("schools.signedOn")} name="signedOn" required errors={agreementErrors?.signedOn} />
            <FieldShell label={t("schools.document")} hint={t("schools.documentHint", { allowed: document.allowed, max: document.max })} errors={agreementErrors?.document} optional>
              {(control, ids) => <input type="file" name="document" accept={document.accept} {...control} className={controlClass(ids.invalid)} />}
            </FieldShell>
            <div>
              <Button variant="secondary">
                {t("schools.saveAgreement")}
                <span className="sr-only"> ({school.name})</span>
              </Button>
            </div>
          </Form>
          <Form method="post" {...getFormProps(form)} className="grid gap-3">
            <h4 className="font-semibold">{t("schools.editTitle")}</h4>
            <input type="hidden" name="intent" value="update-school" />
            <input type="hidden" name="schoolId" value={school.id} />
            <SchoolFieldsUi fields={fields} />
            <div>
              <Button variant="secondary">
                {t("schools.save")}
                <span className="sr-only"> ({school.name})</span>
              </Button>
            </div>
          </Form>
        </div>
      </details>
    </li>
  );
}

export default function BoardSchools() {
  const { t } = useTranslation("challenges");
  const { schools } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<SchoolShape>({ id: "create-school", lastResult: data?.form === "create" ? data.result : undefined, shouldValidate: "onBlur" });
  const busy = useSubmitting("create-school");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("schools.title")}
        intro={t("schools.intro")}
        actions={
          <Link to="/bestuur/challenges" className="inline-flex min-h-11 items-center underline">
            {t("board.listTitle")}
          </Link>
        }
      />
      <Card>
        <h2 className="text-lg font-semibold">{t("schools.listTitle")}</h2>
        {schools.length === 0 ? (
          <EmptyState className="mt-3" headingLevel={3} title={t("schools.none")} text={t("schools.noneText")} />
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {schools.map((school) => (
              <SchoolRow key={school.id} school={school} data={data} />
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("schools.createTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="create-school" />
          <SchoolFieldsUi fields={fields} />
          <div className="sm:col-span-2">
            <Button pending={busy} className="max-sm:w-full">
              {t("schools.create")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
