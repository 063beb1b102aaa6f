// Race-day runs as the database holds them (issue 18): an official's entry stored exactly once
// per client id, the race's closing, the audit entry and the notification that the live
// leaderboard listens to, all in one transaction; and a category's race ranking from the stored
// runs through the pure rules in ./rules. See docs/decisions/0009-race-day.md.
import { audit } from "~/modules/audit/audit.server";
import type { NoValidRunRule, RunStatus } from "~/generated/prisma/enums";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { MAX_RACE_TIME_MS, raceRanking as rankRace, type Penalty, type RacePlace } from "./rules";

/**
 * The one channel every race write notifies, in the writing transaction (so only committed
 * writes are announced). The payload is JSON: { editionId, categoryId, heatId, runId, kind }.
 * One channel rather than one per edition: each app instance holds a single LISTEN connection
 * whatever the number of leaderboards open, and fans out to its own SSE clients by edition.
 */
export const RACE_CHANNEL = "race_day";
export type RaceNotification = { editionId: string; categoryId: string; heatId: string; runId: string; kind: "recorded" | "corrected" | "undone" };

/** Who writes: the route has checked `run:enter` on the edition (or board) before calling. */
export type RaceActor = { id: string; board: boolean };

export type RecordRunInput = {
  /** Made by the entering device for this entry; a retry sends the same one. */
  clientId: string;
  heatId: string;
  teamId: string;
  status: RunStatus;
  /** Whole ms; required when FINISHED (a DNF/DSQ may keep the time that was typed). */
  timeMs: number | null;
  /** The DSQ reason (required for DSQ) or a DNF note. */
  statusReason?: string;
  penalties?: Penalty[];
};

export type StoredRun = {
  id: string;
  editionId: string;
  heatId: string;
  teamId: string;
  status: RunStatus;
  timeMs: number | null;
  statusReason: string;
  clientId: string;
  enteredById: string | null;
  enteredAt: Date;
  penalties: Penalty[];
};

export type RecordRunResult =
  | { ok: true; run: StoredRun; replayed: boolean }
  | { ok: false; notFound: true }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const MAX_PENALTIES = 20;
export const MAX_PENALTY_SECONDS = 3600;
export const MAX_REASON_LENGTH = 200;

const RUN_SELECT = {
  id: true, editionId: true, heatId: true, teamId: true, status: true, timeMs: true, statusReason: true, clientId: true, enteredById: true, enteredAt: true,
  penalties: { select: { seconds: true, reason: true }, orderBy: { position: "asc" } },
} as const;

/** The field errors of an entry (message keys of the race namespace); empty when it can be stored. */
export function checkRunInput(input: RecordRunInput): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(`race:errors.${key}`);
  if (!CLIENT_ID_PATTERN.test(input.clientId)) add("clientId", "clientId");
  if (input.timeMs !== null && (!Number.isSafeInteger(input.timeMs) || input.timeMs <= 0 || input.timeMs > MAX_RACE_TIME_MS)) add("time", "time");
  if (input.status === "FINISHED" && input.timeMs === null) add("time", "timeRequired");
  const reason = (input.statusReason ?? "").trim();
  if (input.status === "DSQ" && reason === "") add("statusReason", "dsqReason");
  if (reason.length > MAX_REASON_LENGTH) add("statusReason", "reasonLength");
  const penalties = input.penalties ?? [];
  if (penalties.length > MAX_PENALTIES) add("penalties", "penaltyCount");
  penalties.forEach((p, i) => {
    if (!Number.isSafeInteger(p.seconds) || p.seconds < 1 || p.seconds > MAX_PENALTY_SECONDS) add(`penalties[${i}].seconds`, "penaltySeconds");
    const r = p.reason.trim();
    if (r === "" || r.length > MAX_REASON_LENGTH) add(`penalties[${i}].reason`, "penaltyReason");
  });
  return errors;
}

/**
 * Stores one run, exactly once per (edition, clientId): a retry — also one racing the first call
 * — gets the stored run back (`replayed: true`) and writes nothing, even after the race closed
 * (the entry was made before). A new entry is refused once the board closed the race unless the
 * actor is board; a team gets one run per heat (a second entry is a correction, not a new run).
 * The run, its penalties, the audit entry and the notification commit together.
 */
export async function recordRun(editionId: string, input: RecordRunInput, actor: RaceActor): Promise<RecordRunResult> {
  const fieldErrors = checkRunInput(input);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  return db.$transaction(async (tx) => {
    // Entries of one heat take turns: the one-run-per-team check below cannot race.
    const heats = await tx.$queryRaw<{ id: string; categoryId: string }[]>`
      SELECT id, "categoryId" FROM "RaceHeat" WHERE id = ${input.heatId} AND "editionId" = ${editionId} FOR UPDATE`;
    const heat = heats[0];
    if (!heat) return { ok: false, notFound: true } as const;

    const earlier = await storedByClientId(tx, editionId, input.clientId);
    if (earlier) return { ok: true, run: earlier, replayed: true } as const;

    const closed = await isClosed(tx, editionId);
    if (closed && !actor.board) return { ok: false, formErrors: ["race:errors.closed"] } as const;

    const team = await tx.team.findFirst({ where: { id: input.teamId, editionId, categoryId: heat.categoryId, status: "REGISTERED" }, select: { id: true } });
    if (!team) return { ok: false, fieldErrors: { teamId: ["race:errors.teamUnknown"] } } as const;
    const twice = await tx.raceRun.findFirst({ where: { heatId: heat.id, teamId: team.id, undoneAt: null }, select: { id: true } });
    if (twice) return { ok: false, fieldErrors: { teamId: ["race:errors.alreadyEntered"] } } as const;

    const at = now();
    const reason = (input.statusReason ?? "").trim();
    // The unique (editionId, clientId) constraint decides: a twin that committed first (say from
    // another heat's page) makes this insert do nothing, and we return the twin's run.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "RaceRun" (id, "editionId", "heatId", "teamId", status, "timeMs", "statusReason", "clientId", "enteredById", "enteredAt")
      VALUES (${newId()}, ${editionId}, ${heat.id}, ${team.id}, ${input.status}::"RunStatus", ${input.timeMs}, ${reason}, ${input.clientId}, ${actor.id}, ${at})
      ON CONFLICT ("editionId", "clientId") DO NOTHING
      RETURNING id`;
    const runId = inserted[0]?.id;
    if (!runId) {
      const twin = await storedByClientId(tx, editionId, input.clientId);
      if (!twin) throw new Error(`run ${input.clientId} conflicted but is not stored`);
      return { ok: true, run: twin, replayed: true } as const;
    }
    const penalties = (input.penalties ?? []).map((p, position) => ({ runId, position, seconds: p.seconds, reason: p.reason.trim() }));
    if (penalties.length > 0) await tx.racePenalty.createMany({ data: penalties });

    const run = (await storedByClientId(tx, editionId, input.clientId))!;
    await audit(
      {
        actorId: actor.id,
        action: "race.run.record",
        entityType: "RaceRun",
        entityId: run.id,
        after: auditView(run),
        meta: { editionId, clientId: input.clientId, ...(closed ? { afterClose: true } : {}) },
      },
      tx,
    );
    await notify(tx, { editionId, categoryId: heat.categoryId, heatId: heat.id, runId: run.id, kind: "recorded" });
    return { ok: true, run, replayed: false } as const;
  });
}

export type CorrectRunInput = Omit<RecordRunInput, "clientId" | "heatId" | "teamId">;
export type RunWriteResult = { ok: true; run: StoredRun } | { ok: false; notFound: true } | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

/**
 * Corrects a stored run (status, time, reason, penalties replaced as a whole). Refused once the
 * race is closed unless the actor is board; an undone run cannot be corrected (404). The change is
 * audited with before and after, and notified, in the same transaction. Sending the same
 * correction twice stores the same values twice (a second audit row, nothing else differs).
 */
export async function correctRun(editionId: string, runId: string, input: CorrectRunInput, actor: RaceActor): Promise<RunWriteResult> {
  const fieldErrors = checkRunInput({ ...input, clientId: "correction", heatId: "", teamId: "" });
  delete fieldErrors.clientId;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return db.$transaction(async (tx) => {
    const locked = await lockRun(tx, editionId, runId);
    if (!locked) return { ok: false, notFound: true } as const;
    const closed = await isClosed(tx, editionId);
    if (closed && !actor.board) return { ok: false, formErrors: ["race:errors.closed"] } as const;
    const before = (await tx.raceRun.findUniqueOrThrow({ where: { id: runId }, select: RUN_SELECT })) as StoredRun;
    await tx.racePenalty.deleteMany({ where: { runId } });
    const penalties = (input.penalties ?? []).map((p, position) => ({ runId, position, seconds: p.seconds, reason: p.reason.trim() }));
    if (penalties.length > 0) await tx.racePenalty.createMany({ data: penalties });
    const run = (await tx.raceRun.update({
      where: { id: runId },
      data: { status: input.status, timeMs: input.timeMs, statusReason: (input.statusReason ?? "").trim(), correctedById: actor.id, correctedAt: now() },
      select: RUN_SELECT,
    })) as StoredRun;
    await audit(
      { actorId: actor.id, action: "race.run.correct", entityType: "RaceRun", entityId: runId, before: auditView(before), after: auditView(run), meta: { editionId, ...(closed ? { afterClose: true } : {}) } },
      tx,
    );
    await notify(tx, { editionId, categoryId: locked.categoryId, heatId: run.heatId, runId, kind: "corrected" });
    return { ok: true, run } as const;
  });
}

/**
 * Undoes a run (the official's "undo last entry"): the row stays with undoneAt/By, so its clientId
 * stays taken and a late retry cannot bring it back; rankings leave it out. Same closing rule,
 * audit and notification as a correction. Undoing an undone run is a 404.
 */
export async function undoRun(editionId: string, runId: string, actor: RaceActor): Promise<RunWriteResult> {
  return db.$transaction(async (tx) => {
    const locked = await lockRun(tx, editionId, runId);
    if (!locked) return { ok: false, notFound: true } as const;
    const closed = await isClosed(tx, editionId);
    if (closed && !actor.board) return { ok: false, formErrors: ["race:errors.closed"] } as const;
    const run = (await tx.raceRun.update({ where: { id: runId }, data: { undoneById: actor.id, undoneAt: now() }, select: RUN_SELECT })) as StoredRun;
    await audit({ actorId: actor.id, action: "race.run.undo", entityType: "RaceRun", entityId: runId, before: auditView(run), meta: { editionId, ...(closed ? { afterClose: true } : {}) } }, tx);
    await notify(tx, { editionId, categoryId: locked.categoryId, heatId: run.heatId, runId, kind: "undone" });
    return { ok: true, run } as const;
  });
}

/** Locks a live (not undone) run of the edition; null when there is none. */
async function lockRun(tx: Tx, editionId: string, runId: string): Promise<{ categoryId: string } | null> {
  const rows = await tx.$queryRaw<{ categoryId: string }[]>`
    SELECT h."categoryId" FROM "RaceRun" r JOIN "RaceHeat" h ON h.id = r."heatId"
    WHERE r.id = ${runId} AND r."editionId" = ${editionId} AND r."undoneAt" IS NULL
    FOR UPDATE OF r`;
  return rows[0] ?? null;
}

async function isClosed(tx: Tx, editionId: string): Promise<boolean> {
  const settings = await tx.raceSettings.findUnique({ where: { editionId }, select: { closedAt: true } });
  return !!settings?.closedAt;
}

function auditView(run: StoredRun) {
  return { heatId: run.heatId, teamId: run.teamId, status: run.status, timeMs: run.timeMs, statusReason: run.statusReason, penalties: run.penalties };
}

async function storedByClientId(tx: Tx, editionId: string, clientId: string): Promise<StoredRun | null> {
  return tx.raceRun.findUnique({ where: { editionId_clientId: { editionId, clientId } }, select: RUN_SELECT });
}

/** Sends the notification with the transaction: PostgreSQL delivers it on commit only. */
async function notify(tx: Tx, payload: RaceNotification): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${RACE_CHANNEL}, ${JSON.stringify(payload)})`;
}

/** A cuid-like id for the raw insert (Prisma's @default(cuid()) applies to its own creates only). */
function newId(): string {
  return `r${Date.now().toString(36)}${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
}

export type RaceRankingRow = RacePlace & { teamName: string; runCount: number };
export type CategoryRaceRanking = { editionId: string; categoryId: string; categoryName: string; noValidRun: NoValidRunRule; closedAt: Date | null; places: RaceRankingRow[] };

/**
 * The race ranking of one category of the edition from its stored runs (undone runs left out,
 * withdrawn teams left out), by the edition's published no-valid-run rule. Null when the category
 * is not the edition's. Three queries whatever the number of runs.
 */
export async function raceRanking(editionId: string, categoryId: string, client: Tx = db): Promise<CategoryRaceRanking | null> {
  const category = await client.editionCategory.findFirst({
    where: { id: categoryId, editionId },
    select: { id: true, name: true, edition: { select: { raceSettings: { select: { noValidRun: true, closedAt: true } } } } },
  });
  if (!category) return null;
  const [teams, runs] = await Promise.all([
    client.team.findMany({ where: { editionId, categoryId, status: "REGISTERED" }, select: { id: true, name: true }, orderBy: { id: "asc" } }),
    client.raceRun.findMany({
      where: { editionId, undoneAt: null, heat: { categoryId }, team: { status: "REGISTERED" } },
      select: { id: true, teamId: true, status: true, timeMs: true, heat: { select: { number: true } }, penalties: { select: { seconds: true, reason: true }, orderBy: { position: "asc" } } },
    }),
  ]);
  const settings = category.edition.raceSettings;
  const noValidRun = settings?.noValidRun ?? "LAST_PLACE";
  const places = rankRace({
    teamIds: teams.map((t) => t.id),
    runs: runs.map((r) => ({ id: r.id, teamId: r.teamId, heatNumber: r.heat.number, status: r.status, timeMs: r.timeMs, penalties: r.penalties })),
    noValidRun,
  });
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.teamId, (counts.get(r.teamId) ?? 0) + 1);
  return {
    editionId,
    categoryId,
    categoryName: category.name,
    noValidRun,
    closedAt: settings?.closedAt ?? null,
    places: places.map((p) => ({ ...p, teamName: names.get(p.teamId)!, runCount: counts.get(p.teamId) ?? 0 })),
  };
}
