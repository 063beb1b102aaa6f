import { type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SchoolContactView } from "~/components/challenges/school-contact-view";
import { z } from "zod";
import { requireSchoolContact } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { decideTeacherRequest, getSchoolContactPage, inviteTeacher } from "~/modules/challenges/schools.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { idField } from "~/modules/challenges/input";
import { cleanText } from "~/utils/input";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  const { schoolId } = await requireSchoolContact(request);
  const school = await getSchoolContactPage(schoolId);
  if (!school) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "challenges");
  return json({ title: `${t("school.title")} · ${school.name}`, school });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).

const DecideSchema = z.object({ intent: z.enum(["approve", "reject"]), requestId: idField });
const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.preprocess(cleanText, z.email({ error: "challenges:errors.email" }).max(254, "challenges:errors.email")),
  name: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(120, "challenges:errors.tooLong").optional()),
});

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [DecideSchema, InviteSchema]);

const answer = (form: string, result: SubmissionResult<string[]>) => json({ form, result }, { status: 400 });

export async function action({ request }: ActionFunctionArgs) {
  const { user, schoolId } = await requireSchoolContact(request);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const which = submission.payload.intent === "invite" ? "invite" : "decide";
  if (submission.status !== "success") return answer(which, submission.reply());
  const value = submission.value;
  if (value.intent === "invite") {
    const lng = await getLanguage(request);
    if (!(await inviteTeacher({ email: value.email, name: value.name }, { id: user.id, name: user.name, schoolId }, lng))) notFound();
    return redirectWithToast("/school", { key: "challenges:school.invited", values: { email: value.email } });
  }
  const result = await decideTeacherRequest(value.requestId, value.intent, { id: user.id, schoolId });
  // Another school's request (or none): 404, never a hint that it exists.
  if (result === "not-found") notFound();
  if (result === "already-decided") return answer("decide", submission.reply({ formErrors: ["challenges:errors.alreadyDecided"] }));
  return redirectWithToast("/school", { key: value.intent === "approve" ? "challenges:school.approved" : "challenges:school.rejected" });
}

export default function SchoolContactPage() {
  return <SchoolContactView school={useLoaderData<typeof loader>().school} data={useActionData<typeof action>()} />;
}
