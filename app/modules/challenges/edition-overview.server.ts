// The board's overview of an edition (issue 8, point 8): teams per category and school, who
// handed in (and when) or not, consent status, the CSV export and the monitoring figures for
// Sterk Techniekonderwijs. A fixed number of queries, whatever the number of teams and pupils.
//
// Pupils' names only leave the school with a standing consent (consent.ts displayName "public");
// girls are counted only as one total, never per team or per pupil.
import { stringify } from "csv-stringify/sync";
import { profielOf } from "./profielen";
import type { Language } from "~/i18n/config";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate, formatDateTime, fromAmsterdamTime, toDateInputValue } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { displayName, standingConsent, type ConsentRecord } from "./consent";
import { submissionsCloseAt } from "./phases";
import { EDITION_DATES, grantLateException, ID_PATTERN, type Actor } from "./submissions.server";

export type OverviewTeam = {
  id: string;
  name: string;
  category: string;
  school: string;
  status: "REGISTERED" | "WITHDRAWN";
  members: number;
  versions: number;
  lastVersionAt: Date | null;
  lateAllowedUntil: Date | null;
};

export type CountRow = { key: string; teams: number; submitted: number };
export type ValueCount = { value: string | null; count: number };
export type ConsentCounts = { name: number; photosOnly: number; none: number; withdrawn: number };

export type EditionOverview = {
  edition: { id: string; name: string; closesAt: Date; marketingPlan: boolean };
  teams: OverviewTeam[];
  stats: { registered: number; withdrawn: number; submitted: number; missing: number; pupils: number };
  byCategory: CountRow[];
  bySchool: CountRow[];
  consent: ConsentCounts;
  monitoring: { pupils: number; girls: number; byLeerjaar: ValueCount[]; byLeerweg: ValueCount[]; byProfiel: ValueCount[] };
  /** Per Amsterdam day (yyyy-mm-dd): teams that handed in their first version that day, and in all so far. */
  timeline: { day: string; first: number; total: number }[];
};

type MemberRow = {
  teamId: string;
  position: number;
  pupil: { id: string; firstName: string; leerjaar: number | null; leerweg: string | null; profiel: string | null; girl: boolean | null; consents: ConsentRecord[] };
};

type TeamRow = {
  id: string;
  name: string;
  status: "REGISTERED" | "WITHDRAWN";
  category: string;
  categoryPosition: number;
  school: string;
  lateAllowedUntil: Date | null;
  members: number;
  versions: number;
  lastVersionAt: Date | null;
  firstVersionAt: Date | null;
};

/** Four queries, whatever the size of the edition. */
async function load(editionId: string) {
  if (!ID_PATTERN.test(editionId)) return null;
  const edition = await db.edition.findUnique({ where: { id: editionId }, select: { id: true, name: true, marketingPlan: true, ...EDITION_DATES } });
  if (!edition) return null;
  const [teams, memberRows, consentRows] = await Promise.all([
    db.$queryRaw<TeamRow[]>`
      SELECT t.id, t.name, t.status::text AS status, c.name AS category, c.position AS "categoryPosition", s.name AS school,
             sub."lateAllowedUntil",
             (SELECT count(*)::int FROM "TeamMember" m WHERE m."teamId" = t.id) AS members,
             COALESCE(vs.versions, 0)::int AS versions, vs.last AS "lastVersionAt", vs.first AS "firstVersionAt"
      FROM "Team" t
      JOIN "EditionCategory" c ON c.id = t."categoryId"
      JOIN "School" s ON s.id = t."schoolId"
      LEFT JOIN "Submission" sub ON sub."teamId" = t.id
      LEFT JOIN LATERAL (
        SELECT count(*) AS versions, max(v.at) AS last, min(v.at) AS first FROM "SubmissionVersion" v WHERE v."submissionId" = sub.id
      ) vs ON true
      WHERE t."editionId" = ${editionId}
      ORDER BY t.name, t.id`,
    db.$queryRaw<(Omit<MemberRow["pupil"], "consents"> & { teamId: string; position: number })[]>`
      SELECT m."teamId", m.position, p.id, p."firstName", p.leerjaar, p.leerweg, p.profiel, p.girl
      FROM "TeamMember" m
      JOIN "Team" t ON t.id = m."teamId"
      JOIN "Pupil" p ON p.id = m."pupilId"
      WHERE t."editionId" = ${editionId}
      ORDER BY m."teamId", m.position, m.id`,
    db.$queryRaw<(ConsentRecord & { pupilId: string })[]>`
      SELECT c."pupilId", c."givenBy"::text AS "givenBy", c."publishName", c."publishPhotos", c."textVersion", c.at, c."withdrawnAt"
      FROM "Consent" c
      WHERE c."pupilId" IN (SELECT m."pupilId" FROM "TeamMember" m JOIN "Team" t ON t.id = m."teamId" WHERE t."editionId" = ${editionId})`,
  ]);
  const consents = new Map<string, ConsentRecord[]>();
  for (const { pupilId, ...c } of consentRows) consents.set(pupilId, [...(consents.get(pupilId) ?? []), c]);
  const members: MemberRow[] = memberRows.map(({ teamId, position, ...pupil }) => ({ teamId, position, pupil: { ...pupil, consents: consents.get(pupil.id) ?? [] } }));
  return { edition, teams, members };
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): ValueCount[] {
  const map = new Map<string | null, number>();
  for (const item of items) map.set(key(item), (map.get(key(item)) ?? 0) + 1);
  return [...map]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value, "nl", { numeric: true })));
}

export async function getEditionOverview(editionId: string, at: Date): Promise<EditionOverview | null> {
  const data = await load(editionId);
  if (!data) return null;
  const { edition, members } = data;
  const teams = data.teams;
  const registered = teams.filter((t) => t.status === "REGISTERED");
  const group = (key: (t: (typeof teams)[number]) => string, order: (a: (typeof teams)[number]) => number | string) => {
    const map = new Map<string, CountRow & { order: number | string }>();
    for (const t of registered) {
      const row = map.get(key(t)) ?? { key: key(t), teams: 0, submitted: 0, order: order(t) };
      row.teams++;
      if (t.versions > 0) row.submitted++;
      map.set(key(t), row);
    }
    return [...map.values()]
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.key.localeCompare(b.key, "nl")))
      .map(({ order: _order, ...row }) => row);
  };

  // Pupils reached: each pupil once, in the teams that are still registered.
  const registeredIds = new Set(registered.map((t) => t.id));
  const pupils = new Map<string, MemberRow["pupil"]>();
  for (const m of members) if (registeredIds.has(m.teamId)) pupils.set(m.pupil.id, m.pupil);
  const reached = [...pupils.values()];
  const consent: ConsentCounts = { name: 0, photosOnly: 0, none: 0, withdrawn: 0 };
  for (const p of reached) {
    const standing = standingConsent(p.consents, at);
    if (standing?.publishName) consent.name++;
    else if (standing?.publishPhotos) consent.photosOnly++;
    else if (p.consents.some((c) => c.withdrawnAt && c.withdrawnAt <= at)) consent.withdrawn++;
    else consent.none++;
  }

  const perDay = new Map<string, number>();
  for (const f of registered) {
    if (!f.firstVersionAt) continue;
    const day = toDateInputValue(f.firstVersionAt);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  let total = 0;
  const timeline = [...perDay.keys()].sort().map((day) => ({ day, first: perDay.get(day)!, total: (total += perDay.get(day)!) }));

  const submitted = registered.filter((t) => t.versions > 0).length;
  return {
    edition: { id: edition.id, name: edition.name, closesAt: submissionsCloseAt(edition), marketingPlan: edition.marketingPlan },
    teams: teams.map(({ categoryPosition: _p, firstVersionAt: _f, ...t }) => t),
    stats: { registered: registered.length, withdrawn: teams.length - registered.length, submitted, missing: registered.length - submitted, pupils: reached.length },
    byCategory: group((t) => t.category, (t) => t.categoryPosition),
    bySchool: group((t) => t.school, (t) => t.school),
    consent,
    monitoring: {
      pupils: reached.length,
      girls: reached.filter((p) => p.girl === true).length,
      byLeerjaar: countBy(reached, (p) => (p.leerjaar == null ? null : String(p.leerjaar))),
      byLeerweg: countBy(reached, (p) => p.leerweg),
      // Values typed before the fixed list count with their profiel when they name one.
      byProfiel: countBy(reached, (p) => profielOf(p.profiel) ?? p.profiel),
    },
    timeline,
  };
}

/** The CSV export for outside the school: pupils by first name only with a standing consent, else "Leerling n". */
export async function editionCsvRows(editionId: string, at: Date, lang: Language): Promise<{ name: string; rows: string[][] } | null> {
  const data = await load(editionId);
  if (!data) return null;
  const t = await i18next.getFixedT(lang, "submissions");
  const byTeam = new Map<string, MemberRow[]>();
  for (const m of data.members) byTeam.set(m.teamId, [...(byTeam.get(m.teamId) ?? []), m]);
  const header = ["edition", "category", "school", "team", "status", "pupils", "members", "submitted", "lastVersionAt", "versions", "lateAllowedUntil"].map((k) =>
    t(`csv.${k}`),
  );
  const rows = data.teams.map((team) => {
    const names = (byTeam.get(team.id) ?? []).map((m, i) =>
      displayName({ firstName: m.pupil.firstName, position: i + 1, consents: m.pupil.consents }, "public", at, (n) => t("csv.pupil", { n })),
    );
    return [
      data.edition.name,
      team.category,
      team.school,
      team.name,
      t(`status.${team.status}`),
      names.join(", "),
      String(team.members),
      team.versions > 0 ? t("csv.yes") : t("csv.no"),
      team.lastVersionAt ? formatDateTime(team.lastVersionAt, lang, "short") : "",
      String(team.versions),
      team.lateAllowedUntil ? formatDateTime(team.lateAllowedUntil, lang, "short") : "",
    ];
  });
  return { name: `${data.edition.name} ${formatDate(at, lang, "short")}`, rows: [header, ...rows] };
}

/** The CSV file of `editionCsvRows` as a download; null: no such edition. */
export async function editionCsvResponse(editionId: string, lang: Language): Promise<Response | null> {
  const csv = await editionCsvRows(editionId, now(), lang);
  if (!csv) return null;
  // A leading = + - @ would be read as a formula by spreadsheets: quote it away.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const body = stringify(csv.rows.map((r) => r.map(safe)), { bom: true, delimiter: ";" });
  const fileName = `inzendingen-${csv.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "editie"}.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

export type EditionExceptionResult = { ok: true; team: string } | { ok: false; field: "teamId" | "until"; error: string };

/** The board's late exception for a team of this edition (`until` as typed, Amsterdam time). */
export async function grantEditionLateException(editionId: string, input: { teamId: string; until: string; reason: string }, board: Actor): Promise<EditionExceptionResult> {
  const team = await db.team.findFirst({ where: { id: input.teamId, editionId }, select: { id: true, name: true } });
  if (!team) return { ok: false, field: "teamId", error: "submissions:errors.team" };
  const result = await grantLateException(team.id, { until: fromAmsterdamTime(input.until)!, reason: input.reason }, board);
  if (!result.ok) {
    return result.reason === "past" ? { ok: false, field: "until", error: "submissions:errors.untilPast" } : { ok: false, field: "teamId", error: "submissions:errors.team" };
  }
  return { ok: true, team: team.name };
}
