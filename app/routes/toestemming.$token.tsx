import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { CheckboxField } from "~/components/ui/checkbox";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { answerConsentRequest, findConsentRequest } from "~/modules/challenges/consent.server";
import { ParentAnswerSchema } from "~/modules/challenges/team-forms";
import { formatDate } from "~/utils/format";
import { Honeypot } from "~/components/ui/honeypot";
import { checkPublicPost, honeypotFilled } from "~/modules/auth/public-forms.server";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

// The parent's page behind the link in the consent mail. The token is the key; a GET only reads.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [t, found] = await Promise.all([getT(request), findConsentRequest(params.token ?? "")]);
  const title = t("teams:parent.title");
  if (found.state !== "open") return json({ title, request: null, state: found.state });
  return json({
    title,
    state: found.state,
    request: { pupil: found.pupilFirstName, school: found.schoolName, team: found.teamName, version: found.textVersion, expiresAt: found.expiresAt },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }, { name: "robots", content: "noindex" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ParentAnswerSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const limit = await checkPublicPost(request, "consent");
  if (!limit.allowed) return json({ result: { status: "error" as const, error: { "": [`auth:errors.rateLimited?count=${limit.minutes}`] } }, state: null }, { status: 429 });
  const form = await readForm(request);
  if (honeypotFilled(form)) return json({ result: { status: "error" as const, error: { "": ["common:errors.honeypot"] } }, state: null }, { status: 400 });
  const submission = parseWithZod(form, { schema: ParentAnswerSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), state: null }, { status: 400 });
  const token = params.token ?? "";
  const answered = await answerConsentRequest(token, submission.value);
  if (!answered.ok) return json({ result: submission.reply({ formErrors: [`teams:parent.state.${answered.reason}`] }), state: answered.reason }, { status: 400 });
  return redirectWithToast(`/toestemming/${encodeURIComponent(token)}`, { key: "teams:parent.thanks" });
}

export default function ParentConsent() {
  const { t, i18n } = useTranslation("teams");
  const { request, state } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (!request)
    return (
      <>
        <PageHeader title={t("parent.title")} />
        <Alert tone={state === "answered" ? "success" : "warning"} title={t(`parent.state.${state === "answered" ? "answered" : state === "expired" ? "expired" : "unknown"}`)}>
          {state === "answered" ? t("parent.answeredText") : t("parent.goneText")}
        </Alert>
      </>
    );
  const typed = (data?.result?.initialValue ?? {}) as Record<string, unknown>;
  const errors = data?.result?.error ?? {};
  const v = request.version;
  return (
    <>
      <PageHeader title={t("parent.title")} intro={t("parent.intro", { pupil: request.pupil, school: request.school })} />
      {errors[""]?.length ? <div className="mb-4"><Alert tone="error"><ErrorList errors={errors[""]} /></Alert></div> : null}
      <Card className="mb-6 space-y-3">
        <h2 className="text-lg font-semibold">{t(`consentText.${v}.heading`)}</h2>
        <p>{t(`consentText.${v}.what`, { team: request.team ?? "" })}</p>
        <p>{t(`consentText.${v}.name`)}</p>
        <p>{t(`consentText.${v}.photos`)}</p>
        <p>{t(`consentText.${v}.without`)}</p>
        <p>{t(`consentText.${v}.withdraw`)}</p>
        <p>{t(`consentText.${v}.companies`)}</p>
        <p className="text-sm text-slate-700">{t("parent.version", { version: t(`consentText.${v}.label`), date: formatDate(request.expiresAt, i18n.language) })}</p>
      </Card>
      <Card>
        <Form method="post" className="space-y-4">
          <Honeypot />
          <h2 className="text-lg font-semibold">{t("parent.choiceHeading")}</h2>
          <CheckboxField label={t("parent.publishName", { pupil: request.pupil })} name="publishName" defaultChecked={typed.publishName === "on"} />
          <CheckboxField label={t("parent.publishPhotos", { pupil: request.pupil })} name="publishPhotos" defaultChecked={typed.publishPhotos === "on"} />
          <p className="text-slate-700">{t("parent.noneHint")}</p>
          <TextField label={t("parent.giverName")} hint={t("parent.giverHint")} name="giverName" autoComplete="name" defaultValue={typeof typed.giverName === "string" ? typed.giverName : undefined} errors={errors.giverName} />
          <Button>{t("parent.submit")}</Button>
        </Form>
      </Card>
    </>
  );
}
