import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EditionFields, EditionFormFields, refineEdition, type EditionFormShape } from "~/components/challenges/edition-form";
import { ChallengeFormFields, ChallengeFields, type ChallengeFormShape } from "~/components/challenges/challenge-form";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { notFound, requireRole } from "~/modules/auth/session.server";
import { CHALLENGE_IMAGE_OWNER, createEdition, getEditionPhase, setChallengeImage, updateChallenge } from "~/modules/challenges/editions.server";
import { deleteStoredFile, storeUpload, uploadLimits } from "~/modules/files/files.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { ID_PATTERN } from "~/modules/challenges/input";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

function challengeIdOf(params: { challengeId?: string }) {
  const id = params.challengeId ?? "";
  if (!ID_PATTERN.test(id)) notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const id = challengeIdOf(params);
  const lng = await getLanguage(request);
  const challenge = await db.challenge.findUnique({
    where: { id },
    include: { editions: { orderBy: { year: "desc" }, include: { _count: { select: { teams: { where: { status: "REGISTERED" } }, categories: true } } } } },
  });
  if (!challenge) notFound();
  const t = await i18next.getFixedT(lng, "challenges");
  const { editions, ...rest } = challenge;
  return json({
    title: `${challenge.name} · ${t("board.listTitle")}`,
    challenge: rest,
    editions: editions.map((e) => ({ id: e.id, year: e.year, name: e.name, teams: e._count.teams, categories: e._count.categories, phase: getEditionPhase(e) })),
    nextYear: Math.max(now().getUTCFullYear(), ...editions.map((e) => e.year + 1)),
    image: uploadLimits("PHOTO", lng),
  });
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
  const board = await requireRole(request, "BOARD");
  const id = challengeIdOf(params);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  const which = submission.payload.intent === "update-challenge" ? "challenge" : "edition";
  // "Add a category" / "remove" buttons (conform intents, also without JavaScript): the form again, one row more or less.
  if (submission.status === undefined) return answer(which, submission.reply(), 200);
  if (submission.status !== "success") return answer(which, submission.reply());
  const value = submission.value;
  const exists = await db.challenge.findUnique({ where: { id }, select: { id: true } });
  if (!exists) notFound();

  if (value.intent === "create-edition") {
    const { intent: _intent, ...input } = value;
    const created = await createEdition(id, input, board.id);
    if (!created.ok) {
      if ("notFound" in created) notFound();
      return answer("edition", submission.reply({ fieldErrors: { [created.field]: [created.error] } }));
    }
    return redirectWithToast(`/bestuur/edities/${created.id}`, { key: "challenges:board.editionCreated", values: { year: String(input.year) } });
  }

  const { intent: _intent, image, ...input } = value;
  if (image) {
    const lng = await getLanguage(request);
    const stored = await storeUpload({ file: image, kind: "PHOTO", ownerType: CHALLENGE_IMAGE_OWNER, ownerId: id, uploadedById: board.id }, lng);
    if (!stored.ok) {
      return answer("challenge", submission.reply({ fieldErrors: { image: [stored.errorKey] } }));
    }
    const previous = await setChallengeImage(id, stored.file.id, board.id);
    if (previous) await deleteStoredFile({ fileId: previous, actorId: board.id }).catch(() => {});
  }
  if (!(await updateChallenge(id, input, board.id))) notFound();
  return redirectWithToast(`/bestuur/challenges/${id}`, { key: "challenges:board.saved" });
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
      <Card>
        <h2 className="text-lg font-semibold">{t("board.editions")}</h2>
        {editions.length === 0 ? (
          <EmptyState className="mt-3" headingLevel={3} title={t("board.noEditions")} text={t("board.noEditionsText")} />
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {editions.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <Link to={`/bestuur/edities/${e.id}`} className="font-semibold underline">
                  {e.name}
                </Link>
                <div className="flex flex-wrap gap-2">
                  <Badge tone="info">{t(`phase.${e.phase}`)}</Badge>
                  <Badge>{t("public.teamCount", { count: e.teams })}</Badge>
                  <Badge>{t("board.categoryCount", { count: e.categories })}</Badge>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
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
