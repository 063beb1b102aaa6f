import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { TextareaField } from "~/components/ui/textarea";
import type { RequestStatus } from "~/generated/prisma/enums";
import { notFound, requireAnyRole } from "~/modules/auth/access.server";
import { RecordRequestSchema, REQUEST_KINDS } from "~/modules/network/network.schema";
import { getRequestableCompany, listRequestableCompanies } from "~/modules/network/register.server";
import { recordRequest, REGISTER_ROLES } from "~/modules/network/requests.server";
import { ID_PATTERN } from "~/utils/input";
import { formatDate } from "~/utils/format";
import { invalid, readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

const TONES: Record<RequestStatus, BadgeTone> = { OPEN: "info", YES: "success", NO: "neutral", WITHDRAWN: "neutral" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnyRole(request, REGISTER_ROLES);
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  const chosen = new URL(request.url).searchParams.get("bedrijf");
  if (!chosen) {
    // Step 1: which company?
    const companies = await listRequestableCompanies();
    return json({ title: t("newRequest.title"), step: 1 as const, companies, company: null, previous: [] });
  }
  if (!ID_PATTERN.test(chosen)) notFound();
  // Step 2: first what was already asked of this company, then the form.
  const found = await getRequestableCompany(chosen);
  if (!found) notFound();
  return json({ title: `${t("newRequest.title")} · ${found.company.name}`, step: 2 as const, companies: [], ...found });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = RecordRequestSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAnyRole(request, REGISTER_ROLES);
  const submission = parseWithZod(await readForm(request), { schema: RecordRequestSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { companyId, kind, subject, details } = submission.value;
  const recorded = await recordRequest({ companyId, kind, subject, details }, user);
  if (!recorded) notFound();
  return redirectWithToast(`/verzoeken?bedrijf=${companyId}`, { key: "network:newRequest.recorded" });
}

export default function NewRequest() {
  const { t } = useTranslation("network");
  const data = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={t("newRequest.title")} intro={t("newRequest.intro")} />
      {data.step === 1 ? <ChooseCompany companies={data.companies} /> : <RecordForm company={data.company} previous={data.previous} />}
    </div>
  );
}

function ChooseCompany({ companies }: { companies: { id: string; name: string }[] }) {
  const { t } = useTranslation("network");
  if (companies.length === 0) return <EmptyState title={t("newRequest.noCompaniesTitle")} text={t("newRequest.noCompaniesText")} />;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("newRequest.step1")}</h2>
      <Form method="get" className="mt-4 flex flex-wrap items-end gap-3">
        <SelectField
          label={t("newRequest.company")}
          name="bedrijf"
          required
          placeholder={t("newRequest.chooseCompany")}
          options={companies.map((c) => ({ value: c.id, label: c.name }))}
          className="min-w-0 flex-[1_1_16rem]"
        />
        <Button>{t("newRequest.next")}</Button>
      </Form>
    </Card>
  );
}

type Previous = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { step: 2 }>["previous"];

function RecordForm({ company, previous }: { company: { id: string; name: string }; previous: Previous }) {
  const { t, i18n } = useTranslation("network");
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "record-request",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecordRequestSchema }),
  });
  const open = previous.filter((r) => r.status === "OPEN");
  const recent = previous.filter((r) => r.status !== "OPEN");
  const item = (r: Previous[number]) => (
    <li key={r.id} className="rounded-lg border border-slate-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-semibold break-words">{r.subject}</p>
        <Badge tone={TONES[r.status]}>{t(`status.${r.status}`)}</Badge>
      </div>
      <p className="text-sm text-slate-700">
        {t(`kinds.${r.kind}`)} · {t("companyRequests.askedBy", { name: r.askedByName, date: formatDate(r.askedAt, i18n.language) })}
      </p>
      {r.answer ? <p className="mt-1 text-sm break-words">{r.answer}</p> : null}
    </li>
  );
  return (
    <>
      <Card>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("newRequest.alreadyAsked", { company: company.name })}</h2>
          <Link to="/verzoeken/nieuw" className="inline-flex min-h-11 items-center">
            {t("newRequest.otherCompany")}
          </Link>
        </div>
        {previous.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("newRequest.nothingAsked")}</p>
        ) : (
          <div className="mt-3 space-y-4">
            <div>
              <h3 className="font-semibold">{t("newRequest.openTitle", { count: open.length })}</h3>
              {open.length ? <ul className="mt-2 space-y-2">{open.map(item)}</ul> : <p className="text-slate-700">{t("newRequest.noOpen")}</p>}
            </div>
            {recent.length ? (
              <div>
                <h3 className="font-semibold">{t("newRequest.recentTitle")}</h3>
                <ul className="mt-2 space-y-2">{recent.map(item)}</ul>
              </div>
            ) : null}
            <p className="text-slate-800">{t("newRequest.checkFirst")}</p>
          </div>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("newRequest.step2", { company: company.name })}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="record" />
          <input type="hidden" name="companyId" value={company.id} />
          <SelectField
            label={t("requests.kind")}
            placeholder={t("newRequest.chooseKind")}
            {...getSelectProps(fields.kind)}
            key={fields.kind.key}
            errors={fields.kind.errors}
            options={REQUEST_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          <TextField
            label={t("requests.subject")}
            hint={t("newRequest.subjectHint")}
            autoComplete="off"
            {...getInputProps(fields.subject, { type: "text" })}
            key={fields.subject.key}
            errors={fields.subject.errors}
          />
          <TextareaField
            label={t("requests.details")}
            hint={t("newRequest.detailsHint")}
            optional
            {...getTextareaProps(fields.details)}
            key={fields.details.key}
            errors={fields.details.errors}
          />
          <Button pending={navigation.state === "submitting"}>{t("newRequest.submit")}</Button>
        </Form>
      </Card>
    </>
  );
}
