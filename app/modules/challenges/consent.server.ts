// Consent to publish a pupil's name and photos (issue 8, point 5). The teacher records a paper
// consent or sends a request to a parent by e-mail; the parent answers through the link. The
// parent's address is kept only until the answer (or until the request expires, erasure.server.ts).
// Pure rules: consent.ts. Every write is audited in its transaction.
import { audit } from "~/modules/audit/audit.server";
import { queueMail, type MailLocale } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { hashSecret, randomToken } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { i18next } from "~/utils/i18n.server";
import { checkConsent, standingConsent, type ConsentGiver, type ConsentProblem, type ConsentRecord } from "./consent";

/** The consent texts in use, newest last; the texts are teams:consentText.<version>.* */
export const CONSENT_TEXT_VERSIONS = ["v2026"] as const;
export type ConsentTextVersion = (typeof CONSENT_TEXT_VERSIONS)[number];
export const CURRENT_CONSENT_TEXT: ConsentTextVersion = "v2026";
export const isConsentTextVersion = (v: unknown): v is ConsentTextVersion => CONSENT_TEXT_VERSIONS.includes(v as ConsentTextVersion);

/** A consent request's link works this long. */
export const CONSENT_REQUEST_DAYS = 30;

const tokenHash = (token: string) => hashSecret(`consent-request:${token}`);

export type ConsentStatus = "given" | "refused" | "withdrawn" | "none";

/** What the team pages show per pupil. */
export function consentStatus(records: readonly ConsentRecord[], at: Date): ConsentStatus {
  if (records.length === 0) return "none";
  const standing = standingConsent(records, at);
  if (standing) return standing.publishName || standing.publishPhotos ? "given" : "refused";
  return "withdrawn";
}

const PROBLEM_FIELD: Record<ConsentProblem, [string, string]> = {
  "pupil-too-young": ["pupilIs16OrOlder", "teams:errors.tooYoung"],
  "unknown-version": ["textVersion", "teams:errors.textVersion"],
  "nothing-consented": ["publishName", "teams:errors.nothingConsented"],
};

export type PaperConsentInput = {
  givenBy: ConsentGiver;
  giverName: string;
  publishName: boolean;
  publishPhotos: boolean;
  textVersion: string;
  pupilIs16OrOlder: boolean;
};

type Result = { ok: true } | { ok: false; reason: "not-found" } | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

/** Records a consent on paper, as the teacher saw it signed. `pupilId` must be checked by the caller to belong to the team. */
export async function recordPaperConsent(pupilId: string, input: PaperConsentInput, actorId: string): Promise<Result> {
  const problems = checkConsent(input, CONSENT_TEXT_VERSIONS);
  if (problems.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of problems) (fieldErrors[PROBLEM_FIELD[p][0]] ??= []).push(PROBLEM_FIELD[p][1]);
    return { ok: false, reason: "invalid", fieldErrors };
  }
  const pupil = await db.pupil.findUnique({ where: { id: pupilId }, select: { id: true, anonymisedAt: true } });
  if (!pupil || pupil.anonymisedAt) return { ok: false, reason: "not-found" };
  await db.$transaction(async (tx) => {
    const consent = await tx.consent.create({
      data: {
        pupilId,
        givenBy: input.givenBy,
        giverName: input.giverName,
        channel: "PAPER",
        publishName: input.publishName,
        publishPhotos: input.publishPhotos,
        textVersion: input.textVersion,
        at: now(),
        recordedById: actorId,
      },
    });
    await audit(
      { actorId, action: "consent.record", entityType: "Pupil", entityId: pupilId, after: { consentId: consent.id, givenBy: input.givenBy, channel: "PAPER", publishName: input.publishName, publishPhotos: input.publishPhotos, textVersion: input.textVersion } },
      tx,
    );
  });
  return { ok: true };
}

/** Sends a consent request to a parent: a link to /toestemming/<token>. Returns the request id. */
export async function sendConsentRequest(pupilId: string, parentEmail: string, locale: MailLocale, actorId: string, client?: Tx): Promise<{ ok: true; requestId: string; token: string } | { ok: false; reason: "not-found" }> {
  const run = async (tx: Tx) => {
    const pupil = await tx.pupil.findUnique({
      where: { id: pupilId },
      select: { id: true, firstName: true, anonymisedAt: true, school: { select: { name: true } }, teams: { select: { team: { select: { name: true } } }, take: 1 } },
    });
    if (!pupil || pupil.anonymisedAt) return { ok: false as const, reason: "not-found" as const };
    const at = now();
    const token = randomToken();
    const request = await tx.consentRequest.create({
      data: {
        pupilId,
        parentEmail,
        tokenHash: tokenHash(token),
        textVersion: CURRENT_CONSENT_TEXT,
        sentAt: at,
        expiresAt: new Date(at.getTime() + CONSENT_REQUEST_DAYS * 86_400_000),
        sentById: actorId,
      },
    });
    const t = await i18next.getFixedT(locale, "teams");
    const values = { pupil: pupil.firstName, school: pupil.school.name, team: pupil.teams[0]?.team.name ?? "" };
    await queueMail(
      {
        to: parentEmail,
        template: "notice",
        props: {
          subject: t("mail.consent.subject", values),
          preview: t("mail.consent.preview", values),
          heading: t("mail.consent.heading", values),
          paragraphs: [t("mail.consent.body", values), t("mail.consent.choice"), t("mail.consent.expires", { count: CONSENT_REQUEST_DAYS })],
          button: { label: t("mail.consent.button"), url: `${getEnv().APP_URL}/toestemming/${token}` },
          closing: [t("mail.consent.closing")],
        },
        locale,
        idempotencyKey: `consent-request:${request.id}`,
      },
      tx,
    );
    // The address is personal data of the parent: the audit log does not keep it.
    await audit({ actorId, action: "consent.request", entityType: "Pupil", entityId: pupilId, after: { requestId: request.id, textVersion: CURRENT_CONSENT_TEXT } }, tx);
    return { ok: true as const, requestId: request.id, token };
  };
  return client ? run(client) : db.$transaction(run);
}

export type OpenRequest =
  | { state: "open"; id: string; pupilFirstName: string; schoolName: string; teamName: string | null; textVersion: string; expiresAt: Date }
  | { state: "answered" | "expired" | "unknown" };

/** The request behind a token, for the parent's page (reads only). */
export async function findConsentRequest(token: string): Promise<OpenRequest> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: "unknown" };
  const request = await db.consentRequest.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true, textVersion: true, expiresAt: true, answeredAt: true, parentEmail: true,
      pupil: { select: { firstName: true, anonymisedAt: true, school: { select: { name: true } }, teams: { select: { team: { select: { name: true } } }, take: 1 } } },
    },
  });
  if (!request || request.pupil.anonymisedAt) return { state: "unknown" };
  if (request.answeredAt) return { state: "answered" };
  if (request.expiresAt.getTime() <= now().getTime() || !request.parentEmail) return { state: "expired" };
  return {
    state: "open",
    id: request.id,
    pupilFirstName: request.pupil.firstName,
    schoolName: request.pupil.school.name,
    teamName: request.pupil.teams[0]?.team.name ?? null,
    textVersion: request.textVersion,
    expiresAt: request.expiresAt,
  };
}

/**
 * The parent's answer: a Consent (channel EMAIL, given by the parent; both "no" is recorded as a
 * refusal), the request answered and the parent's address cleared.
 */
export async function answerConsentRequest(
  token: string,
  answer: { giverName: string; publishName: boolean; publishPhotos: boolean },
): Promise<{ ok: true } | { ok: false; reason: "answered" | "expired" | "unknown" }> {
  const found = await findConsentRequest(token);
  if (found.state !== "open") return { ok: false, reason: found.state };
  const at = now();
  return db.$transaction(async (tx) => {
    // Only one answer counts, also when two arrive at once.
    const claimed = await tx.consentRequest.updateMany({ where: { id: found.id, answeredAt: null }, data: { answeredAt: at, parentEmail: null } });
    if (claimed.count === 0) return { ok: false as const, reason: "answered" as const };
    const request = await tx.consentRequest.findUniqueOrThrow({ where: { id: found.id }, select: { pupilId: true, textVersion: true } });
    const consent = await tx.consent.create({
      data: {
        pupilId: request.pupilId,
        givenBy: "PARENT",
        giverName: answer.giverName,
        channel: "EMAIL",
        publishName: answer.publishName,
        publishPhotos: answer.publishPhotos,
        textVersion: request.textVersion,
        at,
      },
    });
    await audit(
      { actorId: null, action: "consent.answer", entityType: "Pupil", entityId: request.pupilId, after: { consentId: consent.id, requestId: found.id, channel: "EMAIL", publishName: answer.publishName, publishPhotos: answer.publishPhotos } },
      tx,
    );
    return { ok: true as const };
  });
}

/** Withdraws a consent (from now on the pupil's name and photos are not published). */
export async function withdrawConsent(consentId: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const result = await tx.consent.updateMany({ where: { id: consentId, withdrawnAt: null }, data: { withdrawnAt: now(), withdrawnById: actorId } });
    if (!result.count) return false;
    const consent = await tx.consent.findUniqueOrThrow({ where: { id: consentId }, select: { pupilId: true } });
    await audit({ actorId, action: "consent.withdraw", entityType: "Pupil", entityId: consent.pupilId, after: { consentId } }, tx);
    return true;
  });
}
