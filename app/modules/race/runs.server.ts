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
export type RaceNotification = { editionId: string; categoryId: string; heatId: string; runId: string; kind: "recorded" };

/** Who writes: the route has checked `race:enter` on the edition (or board) before calling. */
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

    const settings = await tx.raceSettings.findUnique({ where: { editionId }, select: { closedAt: true } });
    const closed = !!settings?.closedAt;
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
        after: { heatId: run.heatId, teamId: run.teamId, status: run.status, timeMs: run.timeMs, statusReason: run.statusReason, penalties: run.penalties },
        meta: { editionId, clientId: input.clientId, ...(closed ? { afterClose: true } : {}) },
      },
      tx,
    );
    await notify(tx, { editionId, categoryId: heat.categoryId, heatId: heat.id, runId: run.id, kind: "recorded" });
    return { ok: true, run, replayed: false } as const;
  });
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
