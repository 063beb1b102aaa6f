import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EditionFields, EditionFormFields, refineEdition, type EditionFormShape } from "~/components/challenges/edition-form";
import { ChallengeFormFields, ChallengeFields, type ChallengeFormShape } from "~/components/challenges/challenge-form";
import { EditionList } from "~/components/challenges/board-lists";
import { Button } from "~/components/ui/button";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { idParam, notFound, requireBoard } from "~/modules/auth/access.server";
import { addEdition, getBoardChallengePage, saveChallenge } from "~/modules/challenges/board-challenges.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = idParam(params.challengeId);
  const lng = await getLanguage(request);
  const [t, page] = await Promise.all([i18next.getFixedT(lng, "challenges"), getBoardChallengePage(id, lng)]);
  if (!page) notFound();
  return json({ title: `${page.challenge.name} · ${t("board.listTitle")}`, ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).
const EditionCreateSchema = z
  .object({
    intent: z.literal("create-edition"),
    year: z.coerce.number({ error: "challenges:errors.year" }).int("challenges:errors.year").min(2000, "challenges:errors.year").max(2200, "challenges:errors.year"),
    ...EditionFields,
  })
  .superRefine(refineEdition);

const UpdateChallengeSchema = z.object({ intent: z.literal("update-challenge"), ...ChallengeFields });

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [UpdateChallengeSchema, EditionCreateSchema]);

const answer = (form: "challenge" | "edition", result: SubmissionResult<string[]>, status = 400) => json({ form, result }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const id = idParam(params.challengeId);
  return withUploadForm(request, "PHOTO", async (form) => {
    const submission = parseWithZod(form, { schema: actionSchema });
    const which = submission.payload.intent === "update-challenge" ? "challenge" : "edition";
    // "Add a category" / "remove" buttons (conform intents, also without JavaScript): the form again, one row more or less.
    if (submission.status === undefined) return answer(which, submission.reply(), 200);
    if (submission.status !== "success") return answer(which, submission.reply());
    const value = submission.value;
    if (value.intent === "create-edition") {
      const { intent: _intent, ...input } = value;
      const created = await addEdition(id, input, board.id);
      if (!created.ok) {
        if ("notFound" in created) notFound();
        return answer("edition", submission.reply({ fieldErrors: { [created.field]: [created.error] } }));
      }
      return redirectWithToast(`/bestuur/edities/${created.id}`, { key: "challenges:board.editionCreated", values: { year: String(input.year) } });
    }
    const { intent: _intent, ...input } = value;
    const saved = await saveChallenge(id, input, board.id, await getLanguage(request));
    if (!saved.ok) {
      if ("notFound" in saved) notFound();
      return answer("challenge", submission.reply({ fieldErrors: { image: [saved.imageError] } }));
    }
    return redirectWithToast(`/bestuur/challenges/${id}`, { key: "challenges:board.saved" });
  });
}

export default function BoardChallenge() {
  const { t } = useTranslation("challenges");
  const { challenge, editions, nextYear, image } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [challengeForm, challengeFields] = useForm<ChallengeFormShape>({
    id: "update-challenge",
    lastResult: data?.form === "challenge" ? data.result : undefined,
    defaultValue: { name: challenge.name, description: challenge.description, national: challenge.national ? "on" : "" },
    shouldValidate: "onBlur",
  });
  const [editionForm, editionFields] = useForm<EditionFormShape>({
    id: "create-edition",
    lastResult: data?.form === "edition" ? data.result : undefined,
    defaultValue: { year: String(nextYear), minTeamSize: "2", maxTeamSize: "5", categories: [{ id: "", name: "", schoolType: "" }, { id: "", name: "", schoolType: "" }] },
    shouldValidate: "onBlur",
  });
  const saving = useSubmitting("update-challenge");
  const creating = useSubmitting("create-edition");
  return (
    <div className="space-y-6">
      <p>
        <Link to="/bestuur/challenges" className="inline-flex min-h-11 items-center underline">
          {t("board.backToList")}
        </Link>
      </p>
      <PageHeader
        title={challenge.name}
        intro={challenge.national ? t("public.nationalIntro") : undefined}
        actions={
          <Link to={`/challenges/${challenge.slug}`} className="inline-flex min-h-11 items-center underline">
            {t("board.publicPage")}
          </Link>
        }
      />
      <EditionList editions={editions} />
      <Card>
        <h2 className="text-lg font-semibold">{t("board.createEditionTitle")}</h2>
        <Form method="post" {...getFormProps(editionForm)} className="mt-4 grid gap-5">
          <input type="hidden" name="intent" value="create-edition" />
          {/* Enter in a field submits the form, not the first "remove category" button. */}
          <button type="submit" tabIndex={-1} aria-hidden="true" className="sr-only">
            {t("board.createEdition")}
          </button>
          <ErrorList errors={editionForm.errors} />
          <TextField
            label={t("fields.year")}
            inputMode="numeric"
            className="sm:max-w-48"
            {...getInputProps(editionFields.year, { type: "text" })}
            key={editionFields.year.key}
            errors={editionFields.year.errors}
          />
          <EditionFormFields form={editionForm} fields={editionFields} />
          <div>
            <Button pending={creating} className="max-sm:w-full">
              {t("board.createEdition")}
            </Button>
          </div>
        </Form>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("board.editTitle")}</h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(challengeForm)} className="mt-4 grid gap-4">
          <input type="hidden" name="intent" value="update-challenge" />
          <ChallengeFormFields fields={challengeFields} image={image} currentImageId={challenge.imageFileId} />
          <div>
            <Button pending={saving} className="max-sm:w-full">
              {t("board.save")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
