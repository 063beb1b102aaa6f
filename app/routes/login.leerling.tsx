import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { PupilCodeSchema } from "~/modules/auth/auth.schema";
import { signInWithPupilCode } from "~/modules/auth/pupil-codes.server";
import { getOptionalUser } from "~/modules/auth/session.server";
import { checkPublicPost, honeypotFilled } from "~/modules/auth/public-forms.server";
import { Honeypot } from "~/components/ui/honeypot";
import { invalid, minutesFrom, readForm, tooMany } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 0;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect("/dashboard");
  const t = await getT(request);
  return json({ title: t("auth:pupil.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = PupilCodeSchema;

export async function action({ request }: ActionFunctionArgs) {
  const limit = await checkPublicPost(request, "pupil-login");
  if (!limit.allowed) return tooMany("code", `auth:errors.rateLimited?count=${limit.minutes}`);
  const form = await readForm(request);
  if (honeypotFilled(form)) return invalid({ status: "error", error: { code: ["common:errors.honeypot"] } });
  const submission = parseWithZod(form, { schema: PupilCodeSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const result = await signInWithPupilCode(request, submission.value.code);
  if (!result.ok) {
    const message =
      result.reason === "rate-limited"
        ? `auth:errors.rateLimited?count=${minutesFrom(result.retryAfterSeconds ?? 60)}`
        : "auth:errors.pupilCodeInvalid";
    return json(submission.reply({ fieldErrors: { code: [message] } }), { status: result.reason === "rate-limited" ? 429 : 400 });
  }
  return redirect("/dashboard", { headers: { "Set-Cookie": result.setCookie } });
}

export default function PupilLogin() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PupilCodeSchema }),
  });
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("auth:pupil.title")} intro={t("auth:pupil.intro")} />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <Honeypot />
          <TextField
            label={t("auth:pupil.label")}
            hint={t("auth:pupil.hint")}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="[&_input]:font-mono [&_input]:uppercase [&_input]:tracking-widest"
            {...getInputProps(fields.code, { type: "text" })}
            key={fields.code.key}
            errors={fields.code.errors}
          />
          <Button className="w-full" disabled={busy}>
            {t("auth:pupil.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-6 text-center">
        <Link to="/login">{t("auth:pupil.adultLink")}</Link>
      </p>
    </div>
  );
}
