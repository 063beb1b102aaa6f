import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CompanyRequestsView } from "~/components/network/company-requests";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { getCompanyRequests } from "~/modules/network/company-pages.server";
import { AnswerSchema } from "~/modules/network/network.schema";
import { answerRequest } from "~/modules/network/requests.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 3;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyAccess(request, params.companyId);
  const page = await getCompanyRequests(companyId);
  if (!page) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({ title: `${t("companyRequests.title")} · ${page.name}`, requests: page.requests });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = AnswerSchema;

const reply = (result: SubmissionResult<string[]>, requestId: string | null) => json({ result, requestId }, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { companyId, user } = await requireCompanyAccess(request, params.companyId);
  const submission = parseWithZod(await readForm(request), { schema: AnswerSchema });
  const requestId = typeof submission.payload.requestId === "string" ? submission.payload.requestId : null;
  if (submission.status !== "success") return reply(submission.reply(), requestId);
  const { requestId: id, answer, text } = submission.value;
  const result = await answerRequest({ companyId, requestId: id, answer, text }, user);
  if (result === "not-found") notFound();
  if (result === "not-open") return reply(submission.reply({ formErrors: ["network:companyRequests.alreadyAnswered"] }), id);
  return redirectWithToast(`/bedrijf/${companyId}/verzoeken`, { key: "network:companyRequests.answered" });
}

export default function CompanyRequests() {
  return <CompanyRequestsView requests={useLoaderData<typeof loader>().requests} actionData={useActionData<typeof action>()} />;
}
