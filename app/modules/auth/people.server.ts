// The board's people page: invitations one by one or in bulk (a background task), scoped to the
// company or school the role needs.
import { audit } from "~/modules/audit/audit.server";
import { startBulkInvite } from "~/modules/tasks/bulk-invite.server";
import { db } from "~/utils/db.server";
import { listOrganisations } from "./accounts.server";
import type { PeopleAction } from "./auth.schema";
import { createInvitation } from "./invitations.server";

type Inviter = { id: string; name: string };
type InviteAction = Extract<PeopleAction, { intent: "invite" | "bulk-invite" }>;

/** The company or school the role is scoped to, if it exists (null: the role needs none). */
async function scopeOf(value: { role: string; companyId?: string; schoolId?: string }) {
  const companyId = value.role === "COMPANY_CONTACT" ? value.companyId : undefined;
  const schoolId = value.role === "SCHOOL_CONTACT" || value.role === "TEACHER" ? value.schoolId : undefined;
  if (!companyId && !schoolId) return { companyId: undefined, schoolId: undefined, organisation: undefined, missing: null };
  const { companies, schools } = await listOrganisations();
  const organisation = companyId ? companies.find((c) => c.id === companyId) : schools.find((s) => s.id === schoolId);
  const missing: Record<string, string[]> | null = organisation
    ? null
    : companyId
      ? { companyId: ["auth:errors.companyRequired"] }
      : { schoolId: ["auth:errors.schoolRequired"] };
  return { companyId, schoolId, organisation, missing };
}

export type InviteResult =
  | { ok: true; taskId: string; count: number }
  | { ok: true; taskId: null; email: string }
  | { ok: false; missing: Record<string, string[]> };

/** One invitation, or many as a background task; refused when the company or school the role needs does not exist. */
export async function inviteFromBoard(value: InviteAction, board: Inviter, lang: "nl" | "en", roleLabel: string): Promise<InviteResult> {
  const scope = await scopeOf(value);
  if (scope.missing) return { ok: false, missing: scope.missing };
  if (value.intent === "bulk-invite") {
    const task = await db.$transaction(async (tx) => {
      const started = await startBulkInvite(tx, {
        lines: value.emails,
        role: value.role,
        companyId: scope.companyId ?? null,
        schoolId: scope.schoolId ?? null,
        locale: lang,
        inviter: { id: board.id, name: board.name },
        organisationName: scope.organisation?.name ?? null,
      });
      await audit(
        { actorId: board.id, action: "task.start", entityType: "BackgroundTask", entityId: started.id, after: { kind: started.kind, total: started.total, role: value.role } },
        tx,
      );
      return started;
    });
    return { ok: true, taskId: task.id, count: value.emails.length };
  }
  await createInvitation({ ...value, companyId: scope.companyId, schoolId: scope.schoolId }, board, lang, {
    roleLabel,
    organisationName: scope.organisation?.name,
  });
  return { ok: true, taskId: null, email: value.email };
}
