// The ranking of an edition (issue 17, point 5): per category, the jury scores and places computed
// by the pure rules (rules/: computeJuryScores → rankByJury) from the submitted score sheets, under
// the edition's settings (mean or median, normalization, tie-breaks). Read by the board's results
// page (a preview before publication), the published results page, the team's feedback, the
// certificate and the CSV. Nothing here writes; nothing here checks publication — the callers do
// (see publication.server.ts for who may see what, and when).
import { Prisma } from "~/generated/prisma/client";
import type { JudgingAggregation, ResultsScope, TieBreakKind } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { computeJuryScores, rankByJury, type Criterion, type ScoreSheet, type TieBreak } from "./rules";
import { listScoringForms } from "./scoring-forms.server";

export type ResultsSettings = {
  aggregation: JudgingAggregation;
  normalize: boolean;
  prizePlaces: number;
  resultsScope: ResultsScope;
  tieBreaksPublishedAt: Date | null;
  tipsScreenedAt: Date | null;
  publishedAt: Date | null;
};

export const DEFAULT_SETTINGS: ResultsSettings = {
  aggregation: "MEAN",
  normalize: false,
  prizePlaces: 3,
  resultsScope: "FULL_RANKING",
  tieBreaksPublishedAt: null,
  tipsScreenedAt: null,
  publishedAt: null,
};

export type TieBreakRow = { kind: TieBreakKind; criterionId: string | null; criterionName: string | null };

export type RankedTeam = {
  teamId: string;
  team: string;
  school: string;
  place: number;
  score: number;
  shared: boolean;
  /** How many jurors' sheets count for this entry. */
  jurors: number;
  /** The tie-breaks that separated it from entries with the same score (kinds, in order). */
  decidedBy: TieBreakKind[];
};

export type CategoryResults = {
  id: string;
  name: string;
  ranked: RankedTeam[];
  /** Teams of the category without a counting sheet (no score, no place). */
  unranked: Array<{ teamId: string; team: string; school: string }>;
  /** Sheets that do not count (drafts, missing levels), per team. */
  excluded: number;
};

export type Award = { id: string; name: string; categoryId: string | null; category: string | null; teamId: string | null; team: string | null };

type EditionRow = {
  id: string;
  name: string;
  year: number;
  challengeSlug: string;
  challengeName: string;
  judgingOpensAt: Date;
  judgingClosesAt: Date;
  judgingClosedEarlyAt: Date | null;
  resultsPublishAt: Date;
  resultsPublishedEarlyAt: Date | null;
  aggregation: JudgingAggregation | null;
  normalize: boolean | null;
  prizePlaces: number | null;
  resultsScope: ResultsScope | null;
  tieBreaksPublishedAt: Date | null;
  tipsScreenedAt: Date | null;
  publishedAt: Date | null;
  tieBreaks: TieBreakRow[];
  awards: Award[];
};

/** Which edition: by id, by one of its teams, or by its public address (challenge slug and year). */
export type EditionKey = { editionId: string } | { teamId: string } | { slug: string; year: number };

/**
 * The edition with its settings (defaults when there is no row), tie-breaks and awards: one query.
 * Null: no such edition.
 */
export async function findResultsEdition(key: EditionKey) {
  const where =
    "editionId" in key
      ? Prisma.sql`e.id = ${key.editionId}`
      : "teamId" in key
        ? Prisma.sql`e.id = (SELECT t."editionId" FROM "Team" t WHERE t.id = ${key.teamId})`
        : Prisma.sql`c.slug = ${key.slug} AND e.year = ${key.year}`;
  const [row] = await db.$queryRaw<EditionRow[]>`
    SELECT e.id, e.name, e.year, c.slug AS "challengeSlug", c.name AS "challengeName",
           e."judgingOpensAt", e."judgingClosesAt", e."judgingClosedEarlyAt", e."resultsPublishAt", e."resultsPublishedEarlyAt",
           s.aggregation::text AS aggregation, s.normalize, s."prizePlaces", s."resultsScope"::text AS "resultsScope",
           s."tieBreaksPublishedAt", s."tipsScreenedAt", s."publishedAt",
           COALESCE((SELECT json_agg(json_build_object('kind', tb.kind, 'criterionId', tb."criterionId", 'criterionName', cr.name) ORDER BY tb.position)
                     FROM "JudgingTieBreak" tb LEFT JOIN "ScoringCriterion" cr ON cr.id = tb."criterionId" WHERE tb."editionId" = e.id), '[]'::json) AS "tieBreaks",
           COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'categoryId', a."categoryId", 'category', ac.name, 'teamId', a."teamId", 'team', at.name)
                            ORDER BY a.position, a.name, a.id)
                     FROM "JudgingAward" a LEFT JOIN "EditionCategory" ac ON ac.id = a."categoryId" LEFT JOIN "Team" at ON at.id = a."teamId"
                     WHERE a."editionId" = e.id), '[]'::json) AS awards
    FROM "Edition" e JOIN "Challenge" c ON c.id = e."challengeId"
    LEFT JOIN "JudgingSettings" s ON s."editionId" = e.id
    WHERE ${where}`;
  if (!row) return null;
  const settings: ResultsSettings = {
    aggregation: row.aggregation ?? DEFAULT_SETTINGS.aggregation,
    normalize: row.normalize ?? DEFAULT_SETTINGS.normalize,
    prizePlaces: row.prizePlaces ?? DEFAULT_SETTINGS.prizePlaces,
    resultsScope: row.resultsScope ?? DEFAULT_SETTINGS.resultsScope,
    tieBreaksPublishedAt: row.tieBreaksPublishedAt,
    tipsScreenedAt: row.tipsScreenedAt,
    publishedAt: row.publishedAt,
  };
  return {
    edition: {
      id: row.id,
      name: row.name,
      year: row.year,
      challengeSlug: row.challengeSlug,
      challengeName: row.challengeName,
      judgingOpensAt: row.judgingOpensAt,
      judgingClosesAt: row.judgingClosedEarlyAt && row.judgingClosedEarlyAt < row.judgingClosesAt ? row.judgingClosedEarlyAt : row.judgingClosesAt,
      resultsPublishAt: row.resultsPublishAt,
      resultsPublishedEarlyAt: row.resultsPublishedEarlyAt,
    },
    settings,
    tieBreaks: row.tieBreaks,
    awards: row.awards,
  };
}

export type ResultsEdition = NonNullable<Awaited<ReturnType<typeof findResultsEdition>>>;

type TeamRow = { id: string; name: string; school: string; categoryId: string; category: string; position: number };
type SheetRow = { id: string; memberId: string; teamId: string; status: "DRAFT" | "SUBMITTED"; top: string; tip: string; tipHidden: boolean; levels: Record<string, number> | null };

/**
 * The edition's ranking per category: three queries, whatever the number of teams, jurors or
 * sheets. Categories in their order; a category's scoring form is its own, else the edition's.
 * `sheets` (with tops and tips) is for the callers that show feedback; it never goes to a page as it is.
 */
export async function computeResults(found: ResultsEdition) {
  const editionId = found.edition.id;
  const [forms, teams, sheets] = await Promise.all([
    listScoringForms(editionId),
    db.$queryRaw<TeamRow[]>`
      SELECT t.id, t.name, s.name AS school, t."categoryId", c.name AS category, c.position
      FROM "Team" t JOIN "School" s ON s.id = t."schoolId" JOIN "EditionCategory" c ON c.id = t."categoryId"
      WHERE t."editionId" = ${editionId} AND t.status = 'REGISTERED'
      ORDER BY c.position, c.name, t.name, t.id`,
    db.$queryRaw<SheetRow[]>`
      SELECT sh.id, sh."juryMemberId" AS "memberId", sh."teamId", sh.status::text AS status, sh.top, sh.tip, sh."tipHidden",
             (SELECT json_object_agg(l."criterionId", l.value) FROM "ScoreSheetLevel" l WHERE l."sheetId" = sh.id) AS levels
      FROM "ScoreSheet" sh JOIN "Team" t ON t.id = sh."teamId" JOIN "JuryMember" m ON m.id = sh."juryMemberId"
      WHERE t."editionId" = ${editionId} AND m."editionId" = ${editionId} AND t.status = 'REGISTERED'
      ORDER BY sh.id`,
  ]);
  const tieBreakList: TieBreakRow[] = found.tieBreaks;
  const awards: Award[] = found.awards;
  const editionForm = forms.find((f) => f.categoryId === null);

  const categories = new Map<string, { id: string; name: string; teams: TeamRow[] }>();
  for (const team of teams) {
    const c = categories.get(team.categoryId) ?? { id: team.categoryId, name: team.category, teams: [] };
    c.teams.push(team);
    categories.set(team.categoryId, c);
  }
  const results: CategoryResults[] = [];
  for (const category of categories.values()) {
    const form = forms.find((f) => f.categoryId === category.id) ?? editionForm;
    const teamIds = new Set(category.teams.map((t) => t.id));
    const byId = new Map(category.teams.map((t) => [t.id, t]));
    if (!form || form.criteria.length === 0) {
      results.push({ id: category.id, name: category.name, ranked: [], unranked: category.teams.map((t) => ({ teamId: t.id, team: t.name, school: t.school })), excluded: 0 });
      continue;
    }
    const criteria: Criterion[] = form.criteria.map((c) => ({
      id: c.id,
      weight: c.weight,
      counted: c.counted,
      minLevel: Math.min(...c.levels.map((l) => l.value)),
      maxLevel: Math.max(...c.levels.map((l) => l.value)),
    }));
    const criterionIds = new Set(criteria.map((c) => c.id));
    const panel: ScoreSheet[] = sheets
      .filter((s) => teamIds.has(s.teamId))
      .map((s) => ({ jurorId: s.memberId, entryId: s.teamId, status: s.status, levels: Object.fromEntries(Object.entries(s.levels ?? {}).filter(([id]) => criterionIds.has(id))) }));
    const jury = computeJuryScores(criteria, panel, { aggregation: found.settings.aggregation, normalize: found.settings.normalize });
    // A criterion tie-break names a criterion of one form; in a category judged on another form it cannot apply.
    const tieBreaks: TieBreak[] = tieBreakList.flatMap((tb): TieBreak[] =>
      tb.kind === "CRITERION" ? (tb.criterionId && criterionIds.has(tb.criterionId) ? [{ kind: "CRITERION", criterionId: tb.criterionId }] : []) : [{ kind: tb.kind }],
    );
    const ranking = rankByJury(
      category.teams.map((t) => t.id),
      jury,
      tieBreaks,
    );
    const jurorCount = new Map(jury.entries.map((e) => [e.entryId, e.jurorCount]));
    results.push({
      id: category.id,
      name: category.name,
      ranked: ranking.ranked.map((r) => {
        const team = byId.get(r.entryId)!;
        return {
          teamId: team.id,
          team: team.name,
          school: team.school,
          place: r.place,
          score: r.total,
          shared: r.shared,
          jurors: jurorCount.get(r.entryId) ?? 0,
          decidedBy: r.decidedBy.map((d) => d.kind),
        };
      }),
      unranked: ranking.unranked.map((u) => {
        const team = byId.get(u.entryId)!;
        return { teamId: team.id, team: team.name, school: team.school };
      }),
      excluded: jury.excluded.length,
    });
  }
  return { categories: results, tieBreaks: tieBreakList, awards, forms, sheets };
}

export type EditionResults = Awaited<ReturnType<typeof computeResults>>;

/** What the chosen scope publishes of a category's ranking: everything, or the prize places only. */
export function publishedPlaces(ranked: readonly RankedTeam[], settings: Pick<ResultsSettings, "resultsScope" | "prizePlaces">): RankedTeam[] {
  return settings.resultsScope === "FULL_RANKING" ? [...ranked] : ranked.filter((r) => r.place <= settings.prizePlaces);
}

/** The method in words' ingredients: what every results page shows. */
export function methodOf(settings: ResultsSettings, tieBreaks: readonly TieBreakRow[]) {
  return {
    aggregation: settings.aggregation,
    normalize: settings.normalize,
    tieBreaks: tieBreaks.map((tb) => ({ kind: tb.kind, criterion: tb.criterionName })),
  };
}

/** Scores are shown with two decimals; the ranking itself uses the exact values. */
export const roundScore = (score: number) => Math.round(score * 100) / 100;
