import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ChallengeFormFields, ChallengeFields, type ChallengeFormShape } from "~/components/challenges/challenge-form";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { useSubmitting } from "~/components/ui/loading";
import { Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/auth/session.server";
import { CHALLENGE_IMAGE_OWNER, createChallenge, getEditionPhase, newChallengeId } from "~/modules/challenges/editions.server";
import { deleteStoredFile, storeUpload, uploadLimits } from "~/modules/files/files.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 5;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const lng = await getLanguage(request);
  const [t, challenges] = await Promise.all([
    i18next.getFixedT(lng, "challenges"),
    db.challenge.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, national: true, editions: { orderBy: { year: "desc" }, take: 1 }, _count: { select: { editions: true } } },
    }),
  ]);
  return json({
    title: t("board.listTitle"),
    challenges: challenges.map(({ editions, ...c }) => ({
      ...c,
      latest: editions[0] ? { id: editions[0].id, year: editions[0].year, phase: getEditionPhase(editions[0]) } : null,
    })),
    image: uploadLimits("PHOTO", lng),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];


// --- Input. The schemas live here, not in a .server module: the exported actionSchema is part of
// the client build too (helpers: ~/modules/challenges/input).
// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.object({ intent: z.literal("create-challenge"), ...ChallengeFields });

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const submission = parseWithZod(await readForm(request), { schema: actionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { intent: _intent, image, ...input } = submission.value;
  const id = newChallengeId();
  let imageFileId: string | null = null;
  if (image) {
    const lng = await getLanguage(request);
    const stored = await storeUpload({ file: image, kind: "PHOTO", ownerType: CHALLENGE_IMAGE_OWNER, ownerId: id, uploadedById: board.id }, lng);
    if (!stored.ok) {
      return json(submission.reply({ fieldErrors: { image: [stored.errorKey] } }), { status: 400 });
    }
    imageFileId = stored.file.id;
  }
  try {
    const challenge = await createChallenge({ ...input, id, imageFileId }, board.id);
    return redirectWithToast(`/bestuur/challenges/${challenge.id}`, { key: "challenges:board.created", values: { name: challenge.name } });
  } catch (error) {
    if (imageFileId) await deleteStoredFile({ fileId: imageFileId, actorId: board.id }).catch(() => {});
    throw error;
  }
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
      <Card>
        <h2 className="text-lg font-semibold">{t("board.challenges")}</h2>
        {challenges.length === 0 ? (
          <EmptyState className="mt-3" headingLevel={3} title={t("board.noChallenges")} text={t("board.noChallengesText")} />
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {challenges.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link to={`/bestuur/challenges/${c.id}`} className="font-semibold underline">
                    {c.name}
                  </Link>
                  <p className="text-sm text-slate-600">{t("board.editionCount", { count: c._count.editions })}</p>
                </div>
                <div className="flex flex-wrap gap-2">
                  {c.national ? <Badge tone="info">{t("public.national")}</Badge> : null}
                  {c.latest ? (
                    <Link to={`/bestuur/edities/${c.latest.id}`} className="underline">
                      {`${c.latest.year} · ${t(`phase.${c.latest.phase}`)}`}
                    </Link>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
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
