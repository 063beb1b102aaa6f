// A juror's declared conflicts (issue 17, point 2): the juror names a team of the edition they
// judge (a child in the team, a former pupil, something else in their own words) and may withdraw
// their own declaration. The page also lists the conflicts detected from their affiliations
// (conflicts.server.ts), with the reason in words. A declaration for an entry already assigned to
// the juror leaves the assignment for the board to move; scoring it is refused from then on and a
// draft stays stored but does not count. Every write is audited in its transaction.
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { loadConflicts, type ConflictReason } from "./conflicts.server";
import type { ConflictAction } from "./scoring.schema";
import type { Actor } from "./scoring-forms.server";
import { describeReasons, type Juror, type ReasonView } from "./scoring.server";

type TeamRow = {
  id: string;
  name: string;
  school: string;
  assigned: boolean;
  conflictId: string | null;
  kind: string | null;
  note: string | null;
  declaredAt: Date | null;
};

/**
 * The conflicts page: the edition's teams to choose from, the juror's declarations and the
 * conflicts detected from their roles (with the names they are about). At most six queries.
 */
export async function getConflictsPage(juror: Juror) {
  const [teams, conflicts] = await Promise.all([
    db.$queryRaw<TeamRow[]>`
      SELECT t.id, t.name, s.name AS school,
             EXISTS (SELECT 1 FROM "JuryAssignment" a WHERE a."juryMemberId" = ${juror.id} AND a."teamId" = t.id) AS assigned,
             jc.id AS "conflictId", jc.kind::text AS kind, jc.note, jc."declaredAt"
      FROM "Team" t
      JOIN "School" s ON s.id = t."schoolId"
      LEFT JOIN "JurorConflict" jc ON jc."teamId" = t.id AND jc."juryMemberId" = ${juror.id}
      WHERE t."editionId" = ${juror.editionId} AND (t."withdrawnAt" IS NULL OR jc.id IS NOT NULL)
      ORDER BY t.name, t.id`,
    loadConflicts(juror.editionId, { juryMemberIds: [juror.id] }),
  ]);
  const byId = new Map(teams.map((t) => [t.id, t]));
  // Detected: every reason that is not a declaration, per team.
  const detectedPairs = [...(conflicts.get(juror.id) ?? new Map<string, ConflictReason[]>())].flatMap(([teamId, reasons]) => {
    const detected = reasons.filter((r) => r.code !== "DECLARED");
    return detected.length ? [{ teamId, reasons: detected }] : [];
  });
  const described = await describeReasons(detectedPairs.flatMap((p) => p.reasons));
  let cursor = 0;
  const detected = detectedPairs.map((p) => {
    const reasons: ReasonView[] = described.slice(cursor, cursor + p.reasons.length);
    cursor += p.reasons.length;
    const team = byId.get(p.teamId);
    return { teamId: p.teamId, team: team?.name ?? "", school: team?.school ?? "", assigned: !!team?.assigned, reasons };
  });
  const declared = teams
    .filter((t) => t.conflictId)
    .sort((a, b) => a.declaredAt!.getTime() - b.declaredAt!.getTime() || a.conflictId!.localeCompare(b.conflictId!))
    .map((t) => ({ id: t.conflictId!, teamId: t.id, team: t.name, school: t.school, kind: t.kind!, note: t.note ?? "", declaredAt: t.declaredAt!.toISOString(), assigned: t.assigned }));
  return {
    edition: { id: juror.edition.id, name: juror.edition.name },
    teams: teams.filter((t) => !t.conflictId).map((t) => ({ id: t.id, name: t.name, school: t.school })),
    declared,
    detected,
  };
}

export type DeclarationResult =
  | { ok: true; toast: string }
  | { ok: false; notFound: true }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/** Declares a conflict or withdraws the juror's own declaration. */
export async function runConflictAction(juror: Juror, value: ConflictAction, actor: Actor): Promise<DeclarationResult> {
  return db.$transaction(async (tx) => {
    if (value.intent === "withdraw") {
      const found = await tx.jurorConflict.findFirst({ where: { id: value.conflictId, juryMemberId: juror.id }, select: { id: true, teamId: true, kind: true, note: true } });
      if (!found) return { ok: false, notFound: true } as const;
      await tx.jurorConflict.delete({ where: { id: found.id } });
      await audit({ actorId: actor.id, action: "judging.conflict.withdraw", entityType: "JurorConflict", entityId: found.id, before: found, meta: { editionId: juror.editionId, juryMemberId: juror.id } }, tx);
      return { ok: true, toast: "scoring:toast.withdrawn" };
    }
    const team = await tx.team.findFirst({ where: { id: value.teamId, editionId: juror.editionId, withdrawnAt: null }, select: { id: true } });
    if (!team) return { ok: false, fieldErrors: { teamId: ["scoring:errors.team"] } };
    const exists = await tx.jurorConflict.findUnique({ where: { juryMemberId_teamId: { juryMemberId: juror.id, teamId: team.id } }, select: { id: true } });
    if (exists) return { ok: false, fieldErrors: { teamId: ["scoring:errors.alreadyDeclared"] } };
    const note = value.note;
    const created = await tx.jurorConflict.create({
      data: { juryMemberId: juror.id, teamId: team.id, kind: value.kind, note, declaredAt: now() },
      select: { id: true },
    });
    const assigned = await tx.juryAssignment.count({ where: { juryMemberId: juror.id, teamId: team.id } });
    await audit(
      {
        actorId: actor.id,
        action: "judging.conflict.declare",
        entityType: "JurorConflict",
        entityId: created.id,
        after: { teamId: team.id, kind: value.kind, note },
        meta: { editionId: juror.editionId, juryMemberId: juror.id, assigned: assigned > 0 },
      },
      tx,
    );
    return { ok: true, toast: assigned ? "scoring:toast.declaredAssigned" : "scoring:toast.declared" };
  });
}
