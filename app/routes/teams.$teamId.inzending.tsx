import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SubmissionView } from "~/components/submissions/submission-view";
import type { Language } from "~/i18n/config";
import { requireTeamAccess } from "~/modules/auth/ownership.server";
import { forbidden, notFound } from "~/modules/auth/session.server";
import { getSubmissionPage, saveFromSubmissionPage } from "~/modules/challenges/submission-page.server";
import { SubmissionActionSchema } from "~/modules/challenges/submission.schema";
import { closedError, maySave, type SaveRefusal } from "~/modules/challenges/submissions.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { getLanguage } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, access } = await requireTeamAccess(request, params.teamId, "submission");
  return json(await getSubmissionPage(team, access, await getLanguage(request)));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = SubmissionActionSchema;

type FormName = "save" | "upload" | "remove-file";
// `error` also at the top: the upload form (sent with XMLHttpRequest) reads conform's reply shape there.
const reply = (form: FormName, result: SubmissionResult<string[]>) => json({ form, result, error: result.error }, { status: 400 });

type Refusal = SaveRefusal | { ok: false; reason: "file-refused"; error: string } | { ok: false; reason: "describe-first" | "file-unknown" };

function refusalErrors(refusal: Refusal, lang: Language) {
  switch (refusal.reason) {
    case "not-found":
      return notFound();
    case "forbidden":
      return forbidden();
    case "withdrawn":
      return { formErrors: ["submissions:errors.withdrawn"] };
    case "closed":
      return { formErrors: [closedError(refusal.deadline, lang)] };
    case "invalid":
      return { fieldErrors: refusal.fieldErrors };
    case "describe-first":
      return { formErrors: ["submissions:errors.describeFirst"] };
    case "file-unknown":
      return { formErrors: ["submissions:errors.fileUnknown"] };
    case "file-refused":
      return { fieldErrors: { file: [`submissions:errors.fileRefused?${new URLSearchParams({ message: refusal.error }).toString()}`] } };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team, access } = await requireTeamAccess(request, params.teamId, "submission");
  if (!maySave(access)) forbidden();
  // The file goes to disk while it arrives; what the action does not store is removed after it.
  return withUploadForm(request, "SUBMISSION", async (form) => {
    const submission = parseWithZod(form, { schema: actionSchema });
    const intent: FormName = submission.payload.intent === "upload" ? "upload" : submission.payload.intent === "remove-file" ? "remove-file" : "save";
    if (submission.status !== "success") return reply(intent, submission.reply());
    const lang = await getLanguage(request);
    const result = await saveFromSubmissionPage(team.id, submission.value, user, lang);
    if (!result.ok) return reply(intent, submission.reply(refusalErrors(result, lang)));
    return redirectWithToast(`/teams/${team.id}/inzending`, { key: "submissions:page.saved", values: { number: String(result.number) } });
  });
}

export default function SubmissionPage() {
  return <SubmissionView data={useLoaderData<typeof loader>()} actionData={useActionData<typeof action>()} />;
}
