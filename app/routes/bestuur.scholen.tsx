import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SchoolFieldsUi, SchoolRow, type SchoolShape } from "~/components/challenges/board-schools";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { notFound, requireBoard } from "~/modules/auth/access.server";
import { BoardSchoolsActionSchema } from "~/modules/challenges/board-schools.schema";
import { listBoardSchools, recordAgreementWithDocument } from "~/modules/challenges/board-schools.server";
import { createSchool, updateSchool } from "~/modules/challenges/schools.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBoard(request);
  const lng = await getLanguage(request);
  const [t, page] = await Promise.all([i18next.getFixedT(lng, "challenges"), listBoardSchools(lng)]);
  return json({ title: t("schools.title"), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = BoardSchoolsActionSchema;

const answer = (form: string, result: SubmissionResult<string[]>) => json({ form, result }, { status: 400 });
const back = "/bestuur/scholen";

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  return withUploadForm(request, "DOCUMENT", async (form) => {
    const submission = parseWithZod(form, { schema: actionSchema });
    const intent = String(submission.payload.intent ?? "");
    const which = intent === "create-school" ? "create" : `${intent}-${String(submission.payload.schoolId ?? "")}`;
    if (submission.status !== "success") return answer(which, submission.reply());
    const value = submission.value;

    if (value.intent === "record-agreement") {
      const recorded = await recordAgreementWithDocument(value, board.id, await getLanguage(request));
      if (!recorded.ok) {
        if ("notFound" in recorded) notFound();
        return answer(which, submission.reply({ fieldErrors: { document: [recorded.documentError] } }));
      }
      return redirectWithToast(back, { key: "challenges:schools.agreementSaved" });
    }
    const { intent: _intent, ...input } = value;
    const result = value.intent === "create-school" ? await createSchool(input, board.id) : await updateSchool(value.schoolId, input, board.id);
    if (!result.ok) {
      if ("notFound" in result) notFound();
      return answer(which, submission.reply({ fieldErrors: { [result.field]: [result.error] } }));
    }
    return redirectWithToast(back, { key: value.intent === "create-school" ? "challenges:schools.created" : "challenges:schools.saved", values: { name: input.name } });
  });
}

export default function BoardSchools() {
  const { t } = useTranslation("challenges");
  const { schools, document } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm<SchoolShape>({ id: "create-school", lastResult: data?.form === "create" ? data.result : undefined, shouldValidate: "onBlur" });
  const busy = useSubmitting("create-school");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("schools.title")}
        intro={t("schools.intro")}
        actions={
          <Link to="/bestuur/challenges" className="inline-flex min-h-11 items-center underline">
            {t("board.listTitle")}
          </Link>
        }
      />
      <Card>
        <h2 className="text-lg font-semibold">{t("schools.listTitle")}</h2>
        {schools.length === 0 ? (
          <EmptyState className="mt-3" headingLevel={3} title={t("schools.none")} text={t("schools.noneText")} />
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {schools.map((school) => (
              <SchoolRow key={school.id} school={school} data={data} document={document} />
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("schools.createTitle")}</h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="create-school" />
          <SchoolFieldsUi fields={fields} />
          <div className="sm:col-span-2">
            <Button pending={busy} className="max-sm:w-full">
              {t("schools.create")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
