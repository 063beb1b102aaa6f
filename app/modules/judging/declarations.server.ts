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

/** The conflicts page: the edition's teams to choose from, the juror's declarations and detected conflicts. */
export async function getConflictsPage(juror: Juror) {
  const [edition, teams, declared, assignments, conflicts] = await Promise.all([
    db.edition.findUniqueOrThrow({ where: { id: juror.editionId }, select: { id: true, name: true } }),
    db.team.findMany({
      where: { editionId: juror.editionId, withdrawnAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, school: { select: { name: true } } },
    }),
    db.jurorConflict.findMany({
      where: { juryMemberId: juror.id },
      orderBy: [{ declaredAt: "asc" }, { id: "asc" }],
      select: { id: true, teamId: true, kind: true, note: true, declaredAt: true, team: { select: { name: true, school: { select: { name: true } } } } },
    }),
    db.juryAssignment.findMany({ where: { juryMemberId: juror.id }, select: { teamId: true } }),
    loadConflicts(juror.editionId, { juryMemberIds: [juror.id] }),
  ]);
  const assigned = new Set(assignments.map((a) => a.teamId));
  const teamName = new Map(teams.map((t) => [t.id, { name: t.name, school: t.school.name }]));
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
    return { teamId: p.teamId, team: teamName.get(p.teamId)?.name ?? "", school: teamName.get(p.teamId)?.school ?? "", assigned: assigned.has(p.teamId), reasons };
  });
  const declaredTeams = new Set(declared.map((d) => d.teamId));
  return {
    edition,
    teams: teams.filter((t) => !declaredTeams.has(t.id)).map((t) => ({ id: t.id, name: t.name, school: t.school.name })),
    declared: declared.map((d) => ({
      id: d.id,
      teamId: d.teamId,
      team: d.team.name,
      school: d.team.school.name,
      kind: d.kind,
      note: d.note,
      declaredAt: d.declaredAt.toISOString(),
      assigned: assigned.has(d.teamId),
    })),
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
