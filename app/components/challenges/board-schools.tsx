// Parts of the board's schools page: a school's fields (new and edit) and one school in the list
// with its edit form and data agreement.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DateField } from "~/components/ui/date-field";
import { controlClass, FieldShell, TextField } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select";
import { formatDate } from "~/utils/format";

export type SchoolShape = { intent: string; schoolId: string; name: string; brin: string; vestiging: string; city: string; type: string };

export function SchoolFieldsUi({ fields }: { fields: ReturnType<typeof useForm<SchoolShape>>[1] }) {
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

type School = {
  id: string;
  name: string;
  brin: string;
  vestiging: string;
  city: string | null;
  type: "VMBO" | "PRIMARY";
  agreementSignedOn: string | null;
  agreementFileId: string | null;
  agreementRecordedAt: string | null;
  _count: { roles: number; teacherRequests: number };
};
/** A refused form of the page: which one, and conform's reply. */
export type SchoolsReply = { form: string; result: SubmissionResult<string[]> } | undefined;
type DocumentLimits = { accept: string; allowed: string; max: string };

export function SchoolRow({ school, data, document }: { school: School; data: SchoolsReply; document: DocumentLimits }) {
  const { t, i18n } = useTranslation("challenges");
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

