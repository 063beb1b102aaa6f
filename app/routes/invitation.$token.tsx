import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { acceptInvitation, findOpenInvitation } from "~/modules/auth/invitations.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts):
// the invitation and the name of its company, school or (a juror's) edition.
export const queryBudget = 4;

// The link in the invitation mail opens this page; only its button (a POST) accepts.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? "");
  const t = await getT(request);
  return json({
    title: t("auth:invitation.title"),
    invitation: invitation
      ? { email: invitation.email, role: invitation.role, organisation: invitation.company?.name ?? invitation.school?.name ?? invitation.edition?.name ?? null }
      : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action reads no fields: the token in the URL is its input (tests/guards/hostile-input.test.ts).
export const actionSchema = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const accepted = await acceptInvitation(request, params.token ?? "");
  if (!accepted) return json({ failed: true }, { status: 400 });
  return redirect(accepted.home, { headers: { "Set-Cookie": accepted.setCookie } });
}

export default function Invitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  if (!invitation) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <PageHeader title={t("auth:invitation.invalidTitle")} />
        <Alert tone="warning">{t("auth:invitation.invalidText")}</Alert>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("auth:invitation.title")} />
      <Card>
        <p className="font-semibold break-all">{t("auth:invitation.for", { email: invitation.email })}</p>
        <p className="mt-2">
          {t("auth:invitation.text", {
            role: t(`auth:roles.${invitation.role}`),
            org: invitation.organisation ? ` (${invitation.organisation})` : "",
          })}
        </p>
        <Form method="post" className="mt-4">
          <Button className="w-full">{t("auth:invitation.accept")}</Button>
        </Form>
      </Card>
    </div>
  );
}
