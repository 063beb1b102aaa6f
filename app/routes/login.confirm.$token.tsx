import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { describeLoginLink, signInWithLink } from "~/modules/auth/login.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

// Opening the link (GET) only shows a button: mail scanners open links, people press buttons.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await describeLoginLink(params.token ?? "");
  const t = await getT(request);
  return json({ email: link?.email ?? null, title: t("auth:confirm.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action reads no fields: the token in the URL is its input (tests/guards/hostile-input.test.ts).
export const actionSchema = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const setCookie = await signInWithLink(request, params.token ?? "");
  if (!setCookie) return json({ failed: true }, { status: 400 });
  return redirect("/dashboard", { headers: { "Set-Cookie": setCookie } });
}

export default function ConfirmLogin() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  if (!email) {
    return (
      <div className="mx-auto max-w-md space-y-6">
        <PageHeader title={t("auth:confirm.invalidTitle")} />
        <Alert tone="warning">{t("auth:confirm.invalidText")}</Alert>
        <Link to="/login" className={buttonClass("primary")}>
          {t("auth:confirm.requestNew")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("auth:confirm.title")} />
      <Card>
        <p className="text-lg font-semibold">{t("auth:confirm.signInAs", { email })}</p>
        <p className="mt-2 text-slate-700">{t("auth:confirm.explain")}</p>
        <Form method="post" className="mt-4">
          <Button className="w-full">{t("auth:confirm.submit")}</Button>
        </Form>
      </Card>
    </div>
  );
}
