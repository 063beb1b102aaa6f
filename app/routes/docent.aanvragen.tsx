import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { forbidden, requireUser } from "~/modules/auth/session.server";
import { getTeacherRequestPage, mayRequestTeacherRole, requestTeacherRole } from "~/modules/challenges/schools.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { idSchema } from "~/utils/input";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!mayRequestTeacherRole(user)) forbidden();
  const [t, page] = await Promise.all([
    getLanguage(request).then((lng) => i18next.getFixedT(lng, "challenges")),
    getTeacherRequestPage(user),
  ]);
  return json({ title: t("request.title"), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.object({ intent: z.literal("request"), schoolId: idSchema("challenges:errors.schoolRequired") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!mayRequestTeacherRole(user)) forbidden();
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await requestTeacherRole(user.id, submission.value.schoolId);
  if (!result.ok) return json(submission.reply({ fieldErrors: { schoolId: [result.error] } }), { status: 400 });
  return redirectWithToast("/docent/aanvragen", { key: "challenges:request.sent" });
}

export default function TeacherRequests() {
  const { t, i18n } = useTranslation("challenges");
  const { schools, requests } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ intent: string; schoolId: string }>({ id: "request", lastResult, shouldValidate: "onBlur" });
  const busy = useSubmitting("request");
  return (
    <div className="space-y-6">
      <PageHeader title={t("request.title")} intro={t("request.intro")} />
      <Card>
        <h2 className="text-lg font-semibold">{t("request.formTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4">
          <input type="hidden" name="intent" value="request" />
          <SelectField
            label={t("request.school")}
            placeholder={t("schools.choose")}
            options={schools.map((s) => ({
              value: s.id,
              label: `${s.name}${s.city ? ` (${s.city})` : ""} · ${t(`schoolType.${s.type}`)}`,
              disabled: s.teacher,
            }))}
            {...getSelectProps(fields.schoolId)}
            key={fields.schoolId.key}
            errors={fields.schoolId.errors}
          />
          <div>
            <Button pending={busy} className="max-sm:w-full">
              {t("request.submit")}
            </Button>
          </div>
        </Form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("request.mine")}</h2>
        {requests.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("request.none")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-semibold">{r.school.name}</p>
                  <p className="text-sm text-slate-600">{t("school.requestedOn", { date: formatDate(r.createdAt, i18n.language) })}</p>
                </div>
                <Badge tone={r.status === "YES" ? "success" : r.status === "OPEN" ? "info" : "neutral"}>{t(`request.status.${r.status}`)}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
