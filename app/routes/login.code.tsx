import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { CodeSchema } from "~/modules/auth/auth.schema";
import { signInWithCode } from "~/modules/auth/login.server";
import { checkPublicPost, honeypotFilled } from "~/modules/auth/public-forms.server";
import { Honeypot } from "~/components/ui/honeypot";
import { invalid, minutesFrom, readForm, tooMany } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 0;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const t = await getT(request);
  return json({
    email: params.get("email")?.slice(0, 254) ?? null,
    redirectTo: safeRedirectPath(params.get("redirectTo"), "/dashboard"),
    title: t("auth:code.title"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const REASON_KEYS = {
  invalid: "auth:errors.codeInvalid",
  expired: "auth:errors.codeExpired",
  "too-many-tries": "auth:errors.codeTooManyTries",
  "rate-limited": "auth:errors.rateLimited",
  "account-locked": "auth:errors.codeAccountLocked",
} as const;

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = CodeSchema;

export async function action({ request }: ActionFunctionArgs) {
  const limit = await checkPublicPost(request, "login-code");
  if (!limit.allowed) return tooMany("code", `auth:errors.rateLimited?count=${limit.minutes}`);
  const form = await readForm(request);
  if (honeypotFilled(form)) return invalid({ status: "error", error: { code: ["common:errors.honeypot"] } });
  const submission = parseWithZod(form, { schema: CodeSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await signInWithCode(request, submission.value.code);
  if (!result.ok) {
    const key = REASON_KEYS[result.reason];
    const message = result.reason === "rate-limited" || result.reason === "account-locked" ? `${key}?count=${minutesFrom(result.retryAfterSeconds ?? 60)}` : key;
    return json(submission.reply({ fieldErrors: { code: [message] } }), { status: result.reason === "rate-limited" ? 429 : 400 });
  }
  return redirect(safeRedirectPath(submission.value.redirectTo, "/dashboard"), {
    headers: { "Set-Cookie": result.setCookie },
  });
}

export default function LoginCode() {
  const { t } = useTranslation();
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title={t("auth:code.title")}
        intro={email ? t("auth:code.intro", { email }) : t("auth:code.introNoEmail")}
      />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <Honeypot />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            label={t("auth:code.label")}
            hint={t("auth:code.hint")}
            autoComplete="one-time-code"
            inputMode="numeric"
            {...getInputProps(fields.code, { type: "text" })}
            key={fields.code.key}
            errors={fields.code.errors}
          />
          <Button className="w-full" disabled={busy}>
            {t("auth:code.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center">
        <Link to="/login">{t("auth:code.again")}</Link>
      </p>
    </div>
  );
}
