// Bulk invitations (the board's people page): one invitation per e-mail address, sent in batches
// by a background task. Lines that are no e-mail address are listed in the result, not fatal.
import { z } from "zod";
import { isLanguage, type Language } from "~/i18n/config";
import type { Role } from "~/generated/prisma/enums";
import { createInvitation } from "~/modules/auth/invitations.server";
import { normalizeEmail } from "~/modules/auth/login.server";
import { db } from "~/utils/db.server";
import { i18next } from "~/utils/i18n.server";
import { defineTaskRunner, startTask } from "./tasks.server";
import type { Tx } from "~/utils/db.server";

import { BULK_INVITE_KIND } from "./bulk-invite";

export { BULK_INVITE_KIND, BULK_INVITE_MAX, emailLines } from "./bulk-invite";
export const BULK_INVITE_BATCH = 25;

export type BulkInviteInput = {
  lines: string[];
  role: Role;
  companyId: string | null;
  schoolId: string | null;
  locale: Language;
  inviter: { id: string; name: string };
  organisationName: string | null;
};

export type BulkInviteResult = { invited: number; invalid: string[]; duplicates: string[] };

const Address = z.string().max(254).pipe(z.email());

export function startBulkInvite(tx: Tx, input: BulkInviteInput) {
  return startTask(tx, { kind: BULK_INVITE_KIND, ownerId: input.inviter.id, input, total: input.lines.length });
}

defineTaskRunner<BulkInviteInput>(BULK_INVITE_KIND, async ({ task, input, progress }) => {
  const locale: Language = isLanguage(input.locale) ? input.locale : "nl";
  const t = await i18next.getFixedT(locale, "auth");
  const labels = { roleLabel: t(`roles.${input.role}`), organisationName: input.organisationName ?? undefined };
  const invalid: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  let done = 0;
  let invited = 0;
  // A resumed run (its first worker died) skips the batches that committed: `task.done` moves
  // with each batch's transaction. Their lines are classified again, without sending anything,
  // so the result still lists every invalid line and duplicate.
  const resumeAt = Math.min(task.done, input.lines.length);
  for (let start = 0; start < input.lines.length; start += BULK_INVITE_BATCH) {
    const batch = input.lines.slice(start, start + BULK_INVITE_BATCH);
    const addresses: string[] = [];
    for (const line of batch) {
      if (!Address.safeParse(line).success) invalid.push(line.slice(0, 254));
      else {
        const email = normalizeEmail(line);
        if (seen.has(email)) duplicates.push(email);
        else {
          seen.add(email);
          addresses.push(email);
        }
      }
    }
    invited += addresses.length;
    done += batch.length;
    if (done <= resumeAt) continue;
    // One transaction per batch: a batch's invitations, mails, audit rows and progress commit together.
    await db.$transaction(async (tx) => {
      for (const email of addresses) {
        await createInvitation(
          { email, role: input.role, companyId: input.companyId, schoolId: input.schoolId },
          input.inviter,
          locale,
          labels,
          tx,
        );
      }
      await progress(done, invalid.length, tx);
    });
  }
  const result: BulkInviteResult = { invited, invalid, duplicates };
  return result;
});
