// Deadline reminders (issue 8, point 7): every hour, the begeleiders of registered teams that have
// not handed in anything yet get a notice 7 days and 1 day before submissions close. Each step is
// sent once per team and begeleider (the mail's idempotency key), also with several workers.
import { isLanguage, type Language } from "~/i18n/config";
import { defineRecurringJob } from "~/modules/jobs/jobs.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { submissionsCloseAt } from "./phases";
import { EDITION_DATES } from "./submissions.server";

export const DEADLINE_REMINDERS_JOB = "submissions.deadline-reminders";
export const DEADLINE_REMINDERS_CRON = "5 * * * *";

const DAY = 24 * 60 * 60 * 1000;
/** The steps, latest first: within a day of the deadline only the last one is sent. */
export const REMINDER_STEPS = [
  { key: "1d", before: DAY },
  { key: "7d", before: 7 * DAY },
] as const;
export type ReminderStep = (typeof REMINDER_STEPS)[number]["key"];

/** The step due at `at` for a deadline, or null (not yet, or already closed). */
export function dueStep(closesAt: Date, at: Date): ReminderStep | null {
  const left = closesAt.getTime() - at.getTime();
  if (left <= 0) return null;
  return REMINDER_STEPS.find((s) => left <= s.before)?.key ?? null;
}

export type ReminderReport = { queued: number; teams: number };

export async function sendDeadlineReminders(): Promise<ReminderReport> {
  const at = now();
  const report: ReminderReport = { queued: 0, teams: 0 };
  // Editions open for submissions now (few); which step is due follows from when they close.
  const editions = await db.edition.findMany({
    where: { registrationOpensAt: { lte: at }, submissionDeadline: { gt: at } },
    select: { id: true, name: true, ...EDITION_DATES },
  });
  const due = editions.flatMap((e) => {
    const closesAt = submissionsCloseAt(e);
    const step = dueStep(closesAt, at);
    return step ? [{ edition: e, closesAt, step }] : [];
  });
  if (!due.length) return report;
  const teams = await db.team.findMany({
    where: {
      editionId: { in: due.map((d) => d.edition.id) },
      status: "REGISTERED",
      OR: [{ submission: { is: null } }, { submission: { versions: { none: {} } } }],
    },
    select: {
      id: true,
      name: true,
      editionId: true,
      createdById: true,
      coaches: { select: { user: { select: { id: true, email: true, locale: true, disabledAt: true } } } },
    },
    orderBy: { id: "asc" },
  });
  // Teams without a begeleider: the teacher who registered them.
  const creatorIds = teams.filter((t) => t.coaches.length === 0 && t.createdById).map((t) => t.createdById!);
  const creators = creatorIds.length
    ? await db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true, locale: true, disabledAt: true } })
    : [];
  for (const team of teams) {
    const { edition, closesAt, step } = due.find((d) => d.edition.id === team.editionId)!;
    const recipients = team.coaches.length ? team.coaches.map((c) => c.user) : creators.filter((c) => c.id === team.createdById);
    let sent = false;
    for (const user of recipients) {
      if (!user.email || user.disabledAt) continue;
      const lang: Language = isLanguage(user.locale) ? user.locale : "nl";
      const t = await i18next.getFixedT(lang, "submissions");
      const values = { team: team.name, edition: edition.name, deadline: formatDateTime(closesAt, lang) };
      const { created } = await queueMail({
        to: user.email,
        template: "notice",
        props: {
          subject: t(`mail.reminder.subject.${step}`, values),
          preview: t(`mail.reminder.subject.${step}`, values),
          heading: t("mail.reminder.heading", values),
          paragraphs: [t(`mail.reminder.body.${step}`, values), t("mail.reminder.what", values)],
          facts: [
            { label: t("mail.facts.team"), value: team.name },
            { label: t("mail.facts.deadline"), value: values.deadline },
          ],
          button: { label: t("mail.reminder.button"), url: `${getEnv().APP_URL}/teams/${team.id}/inzending` },
        },
        locale: lang,
        idempotencyKey: `deadline:${team.id}:${step}:${user.id}`,
      });
      if (created) {
        report.queued++;
        sent = true;
      }
    }
    if (sent) report.teams++;
  }
  return report;
}

defineRecurringJob(DEADLINE_REMINDERS_JOB, DEADLINE_REMINDERS_CRON, async () => {
  await sendDeadlineReminders();
});
