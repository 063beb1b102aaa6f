// The board's challenge pages: the list of challenges, one challenge with its editions, and the
// writes behind their forms (a new challenge, its text and image, a new edition).
import { deleteStoredFile, storeUpload, uploadLimits } from "~/modules/files/files.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import {
  CHALLENGE_IMAGE_OWNER,
  createChallenge,
  createEdition,
  getEditionPhase,
  newChallengeId,
  setChallengeImage,
  updateChallenge,
  type ChallengeInput,
  type CreateEditionResult,
  type EditionInput,
} from "./editions.server";

/** Every challenge with its latest edition, and the image limits of the new-challenge form. */
export async function listBoardChallenges(lng: string) {
  const challenges = await db.challenge.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, national: true, editions: { orderBy: { year: "desc" }, take: 1 }, _count: { select: { editions: true } } },
  });
  return {
    challenges: challenges.map(({ editions, ...c }) => ({
      ...c,
      latest: editions[0] ? { id: editions[0].id, year: editions[0].year, phase: getEditionPhase(editions[0]) } : null,
    })),
    image: uploadLimits("PHOTO", lng),
  };
}

/** One challenge with its editions (phase and counts) and the year a new edition starts with; null: no such challenge. */
export async function getBoardChallengePage(challengeId: string, lng: string) {
  const challenge = await db.challenge.findUnique({
    where: { id: challengeId },
    include: { editions: { orderBy: { year: "desc" }, include: { _count: { select: { teams: { where: { status: "REGISTERED" } }, categories: true } } } } },
  });
  if (!challenge) return null;
  const { editions, ...rest } = challenge;
  return {
    challenge: rest,
    editions: editions.map((e) => ({ id: e.id, year: e.year, name: e.name, teams: e._count.teams, categories: e._count.categories, phase: getEditionPhase(e) })),
    nextYear: Math.max(now().getUTCFullYear(), ...editions.map((e) => e.year + 1)),
    image: uploadLimits("PHOTO", lng),
  };
}

export type ChallengeWriteResult = { ok: true; id: string; name: string } | { ok: false; imageError: string } | { ok: false; notFound: true };

/** A new challenge, with its image when one was sent (the stored image is removed again when the challenge fails). */
export async function createChallengeWithImage(input: ChallengeInput & { image?: File }, actorId: string, lng: string): Promise<ChallengeWriteResult> {
  const { image, ...fields } = input;
  const id = newChallengeId();
  let imageFileId: string | null = null;
  if (image) {
    const stored = await storeUpload({ file: image, kind: "PHOTO", ownerType: CHALLENGE_IMAGE_OWNER, ownerId: id, uploadedById: actorId }, lng);
    if (!stored.ok) return { ok: false, imageError: stored.errorKey };
    imageFileId = stored.file.id;
  }
  try {
    const challenge = await createChallenge({ ...fields, id, imageFileId }, actorId);
    return { ok: true, id: challenge.id, name: challenge.name };
  } catch (error) {
    if (imageFileId) await deleteStoredFile({ fileId: imageFileId, actorId }).catch(() => {});
    throw error;
  }
}

/** Saves a challenge's text, and its new image when one was sent (the previous image is removed). */
export async function saveChallenge(challengeId: string, input: ChallengeInput & { image?: File }, actorId: string, lng: string): Promise<ChallengeWriteResult> {
  if (!(await challengeExists(challengeId))) return { ok: false, notFound: true };
  const { image, ...fields } = input;
  if (image) {
    const stored = await storeUpload({ file: image, kind: "PHOTO", ownerType: CHALLENGE_IMAGE_OWNER, ownerId: challengeId, uploadedById: actorId }, lng);
    if (!stored.ok) return { ok: false, imageError: stored.errorKey };
    const previous = await setChallengeImage(challengeId, stored.file.id, actorId);
    if (previous) await deleteStoredFile({ fileId: previous, actorId }).catch(() => {});
  }
  if (!(await updateChallenge(challengeId, fields, actorId))) return { ok: false, notFound: true };
  return { ok: true, id: challengeId, name: fields.name };
}

/** A new edition of an existing challenge. */
export async function addEdition(challengeId: string, input: EditionInput & { year: number }, actorId: string): Promise<CreateEditionResult> {
  if (!(await challengeExists(challengeId))) return { ok: false, notFound: true };
  return createEdition(challengeId, input, actorId);
}

async function challengeExists(challengeId: string): Promise<boolean> {
  return (await db.challenge.findUnique({ where: { id: challengeId }, select: { id: true } })) !== null;
}
