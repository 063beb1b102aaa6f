import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { EmailLoginSchema } from "~/modules/auth/auth.schema";
import { requestEmailLogin } from "~/modules/auth/login.server";
import { getOptionalUser } from "~/modules/auth/session.server";
import { checkPublicPost, honeypotFilled } from "~/modules/auth/public-forms.server";
import { Honeypot } from "~/components/ui/honeypot";
import { invalid, minutesFrom, readForm, tooMany } from "~/utils/forms.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 0;

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/dashboard");
  if (await getOptionalUser(request)) throw redirect(redirectTo);
  const t = await getT(request);
  return json({ redirectTo, title: t("auth:login.metaTitle") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = EmailLoginSchema;

export async function action({ request }: ActionFunctionArgs) {
  const limit = await checkPublicPost(request, "login");
  if (!limit.allowed) return tooMany("email", `auth:errors.rateLimited?count=${limit.minutes}`);
  const form = await readForm(request);
  if (honeypotFilled(form)) return invalid({ status: "error", error: { email: ["common:errors.honeypot"] } });
  const submission = parseWithZod(form, { schema: EmailLoginSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { email, redirectTo } = submission.value;
  const result = await requestEmailLogin(request, email, await getLanguage(request));
  if (!result.ok) {
    return json(submission.reply({ fieldErrors: { email: [`auth:errors.rateLimited?count=${minutesFrom(result.retryAfterSeconds)}`] } }), { status: 429 });
  }
  const next = new URLSearchParams({ email, redirectTo: safeRedirectPath(redirectTo, "/dashboard") });
  return redirect(`/login/code?${next}`, { headers: { "Set-Cookie": result.setCookie } });
}

export default function Login() {
  const { t } = useTranslation();
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailLoginSchema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("auth:login.title")} intro={t("auth:login.intro")} />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <Honeypot />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            label={t("auth:login.email")}
            hint={t("auth:login.emailHint")}
            autoComplete="email"
            {...getInputProps(fields.email, { type: "email" })}
            key={fields.email.key}
            errors={fields.email.errors}
          />
          <Button className="w-full" disabled={busy}>
            {t("auth:login.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center">
        <Link to="/login/leerling">{t("auth:login.pupilLink")}</Link>
      </p>
    </div>
  );
}
