// Erasing pupil data (issue 8, point 5): a pupil is anonymised a configurable time after their
// school year ends (FoundationSettings.pupilRetentionMonths, default 12) and on request. The team
// and its results stay, under the team name; the pupil becomes "Leerling <position>".
import { audit } from "~/modules/audit/audit.server";
import { revokePupilCodes } from "~/modules/auth/pupil-codes.server";
import { endAllSessions } from "~/modules/auth/session.server";
import { schoolYearBounds, schoolYearOf } from "~/modules/companies/school-year";
import { getFoundationSettings } from "~/modules/companies/settings.server";
import { defineRecurringJob } from "~/modules/jobs/jobs.server";
import { deleteConsentRequestMails } from "~/modules/mail/retention.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";

export const ERASE_EXPIRED_JOB = "pupils.erase-expired";

/** Anonymises one pupil; returns false when there is no such pupil (or it was done before). */
export async function anonymisePupil(pupilId: string, actorId: string | null, tx: Tx, reason: "request" | "retention" = "request"): Promise<boolean> {
  const pupil = await tx.pupil.findUnique({
    where: { id: pupilId },
    select: { id: true, userId: true, anonymisedAt: true, teams: { select: { position: true }, orderBy: { position: "asc" }, take: 1 } },
  });
  if (!pupil || pupil.anonymisedAt) return false;
  const at = now();
  const label = `Leerling ${pupil.teams[0]?.position ?? 1}`;
  // Every copy: the consent mails in the outbox hold the first name, school, team and the
  // parent's address; the consents hold the parent's name.
  const requests = await tx.consentRequest.findMany({ where: { pupilId }, select: { id: true } });
  await deleteConsentRequestMails(tx, requests.map((r) => r.id));
  await tx.consent.deleteMany({ where: { pupilId } });
  await tx.consentRequest.deleteMany({ where: { pupilId } });
  await tx.pupil.update({
    where: { id: pupilId },
    data: { firstName: label, className: "", leerjaar: null, leerweg: null, profiel: null, girl: null, anonymisedAt: at },
  });
  if (pupil.userId) {
    await revokePupilCodes(pupil.userId, actorId ?? pupil.userId, tx);
    await endAllSessions(pupil.userId, tx);
    // Sessions keep the pupil's IP address and browser: gone with the pupil.
    await tx.session.deleteMany({ where: { userId: pupil.userId } });
    await tx.user.update({ where: { id: pupil.userId }, data: { name: label, disabledAt: at } });
  }
  await audit({ actorId, action: "pupil.anonymise", entityType: "Pupil", entityId: pupilId, meta: { reason } }, tx);
  return true;
}

/** The latest school year whose retention has run out at `at` (its end + `months` ≤ at). */
export function lastExpiredSchoolYear(at: Date, months: number): number {
  let year = schoolYearOf(at);
  for (;;) {
    const end = schoolYearBounds(year).endsOn;
    const until = new Date(end.getTime());
    until.setUTCMonth(until.getUTCMonth() + months);
    if (until.getTime() <= at.getTime()) return year;
    year -= 1;
  }
}

/** Anonymises the pupils whose retention ran out and forgets the addresses of expired requests. */
export async function eraseExpiredPupilData(): Promise<{ anonymised: number; requestsExpired: number }> {
  const at = now();
  const settings = await getFoundationSettings();
  const lastYear = lastExpiredSchoolYear(at, settings.pupilRetentionMonths);
  const due = await db.pupil.findMany({ where: { anonymisedAt: null, schoolYear: { lte: lastYear } }, select: { id: true }, take: 500 });
  let anonymised = 0;
  for (const { id } of due) {
    if (await db.$transaction((tx) => anonymisePupil(id, null, tx, "retention"))) anonymised++;
  }
  const requestsExpired = await db.$transaction(async (tx) => {
    const result = await tx.consentRequest.updateMany({ where: { answeredAt: null, parentEmail: { not: null }, expiresAt: { lte: at } }, data: { parentEmail: null } });
    if (result.count) await audit({ actorId: null, action: "consent-request.expire", entityType: "ConsentRequest", meta: { count: result.count } }, tx);
    return result.count;
  });
  return { anonymised, requestsExpired };
}

// Daily at 03:30 (Europe/Amsterdam).
defineRecurringJob(ERASE_EXPIRED_JOB, "30 3 * * *", async () => {
  await eraseExpiredPupilData();
});
