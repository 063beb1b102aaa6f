import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ChallengeFormFields, ChallengeFields, type ChallengeFormShape } from "~/components/challenges/challenge-form";
import { ChallengeList } from "~/components/challenges/board-lists";
import { Button } from "~/components/ui/button";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { requireBoard } from "~/modules/auth/access.server";
import { createChallengeWithImage, listBoardChallenges } from "~/modules/challenges/board-challenges.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBoard(request);
  const lng = await getLanguage(request);
  const [t, list] = await Promise.all([i18next.getFixedT(lng, "challenges"), listBoardChallenges(lng)]);
  return json({ title: t("board.listTitle"), ...list });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).
// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.object({ intent: z.literal("create-challenge"), ...ChallengeFields });

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  return withUploadForm(request, "PHOTO", async (form) => {
    const submission = parseWithZod(form, { schema: actionSchema });
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    const { intent: _intent, ...input } = submission.value;
    const created = await createChallengeWithImage(input, board.id, await getLanguage(request));
    if (!created.ok) return json(submission.reply({ fieldErrors: { image: ["imageError" in created ? created.imageError : "challenges:errors.notFound"] } }), { status: 400 });
    return redirectWithToast(`/bestuur/challenges/${created.id}`, { key: "challenges:board.created", values: { name: created.name } });
  });
}

export default function BoardChallenges() {
  const { t } = useTranslation("challenges");
  const { challenges, image } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ChallengeFormShape>({ id: "create-challenge", lastResult, shouldValidate: "onBlur" });
  const busy = useSubmitting("create-challenge");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("board.listTitle")}
        intro={t("board.listIntro")}
        actions={
          <Link to="/bestuur/scholen" className="inline-flex min-h-11 items-center underline">
            {t("board.schoolsLink")}
          </Link>
        }
      />
      <ChallengeList challenges={challenges} />
      <Card>
        <h2 className="text-lg font-semibold">{t("board.createTitle")}</h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 grid gap-4">
          <input type="hidden" name="intent" value="create-challenge" />
          <ChallengeFormFields fields={fields} image={image} />
          <div>
            <Button pending={busy} className="max-sm:w-full">
              {t("board.create")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
