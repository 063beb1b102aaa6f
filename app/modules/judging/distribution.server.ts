// Who scores hard or soft (issue 17, point 7), for the board only: each juror's distribution of
// entry scores beside the panel's. Entry scores come from the rules (computeJuryScores on the
// SUBMITTED sheets, raw: normalized scores would hide exactly the strictness the board looks
// for); the distribution is rules/distribution.ts.
//
// A panel here is one scoring form: the teams judged on the same form (the edition's, or a
// category's own) — scores on different forms are not comparable. A juror is called stricter or
// milder than the panel when their mean differs from the panel's by at least half the panel's
// standard deviation and they scored at least MIN_SCORES_FOR_VERDICT entries; otherwise "in line"
// or "too few scores to say".
import { db } from "~/utils/db.server";
import { listScoringForms } from "./scoring-forms.server";
import { computeJuryScores, scoreDistribution, type Criterion, type DistributionStats, type ScoreSheet } from "./rules";

export const MIN_SCORES_FOR_VERDICT = 3;

export type Verdict = "STRICTER" | "MILDER" | "IN_LINE" | "TOO_FEW";

type Stats = Omit<DistributionStats, "histogram">;
type SheetRow = { juryMemberId: string; teamId: string; categoryId: string; levels: Array<{ criterionId: string; value: number }> };
const summary = ({ histogram: _h, ...rest }: DistributionStats): Stats => rest;

/** Null: no such edition. */
export async function getDistributionPage(editionId: string) {
  const edition = await db.edition.findUnique({
    where: { id: editionId },
    select: { id: true, name: true, categories: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } } },
  });
  if (!edition) return null;
  const [forms, members, sheets] = await Promise.all([
    listScoringForms(editionId),
    db.juryMember.findMany({ where: { editionId, removedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    // One query whatever the number of sheets: each SUBMITTED sheet with its team's category and its levels.
    db.$queryRaw<SheetRow[]>`
      SELECT sh."juryMemberId", sh."teamId", t."categoryId",
             COALESCE((SELECT json_agg(json_build_object('criterionId', l."criterionId", 'value', l.value)) FROM "ScoreSheetLevel" l WHERE l."sheetId" = sh.id), '[]'::json) AS levels
      FROM "ScoreSheet" sh
      JOIN "JuryMember" m ON m.id = sh."juryMemberId" AND m."editionId" = ${editionId} AND m."removedAt" IS NULL
      JOIN "Team" t ON t.id = sh."teamId" AND t."editionId" = ${editionId} AND t."withdrawnAt" IS NULL
      WHERE sh.status = 'SUBMITTED'`,
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const editionForm = forms.find((f) => f.categoryId === null);
  const formOf = (categoryId: string) => forms.find((f) => f.categoryId === categoryId) ?? editionForm;

  const panels = forms.flatMap((form) => {
    const criteria: Criterion[] = form.criteria
      .filter((c) => c.levels.length > 0)
      .map((c) => ({ id: c.id, weight: c.weight, counted: c.counted, minLevel: Math.min(...c.levels.map((l) => l.value)), maxLevel: Math.max(...c.levels.map((l) => l.value)) }));
    const counted = criteria.filter((c) => c.counted && c.weight > 0);
    if (!counted.length) return [];
    const mine: ScoreSheet[] = sheets
      .filter((s) => formOf(s.categoryId)?.id === form.id && names.has(s.juryMemberId))
      .map((s) => ({ jurorId: s.juryMemberId, entryId: s.teamId, status: "SUBMITTED", levels: Object.fromEntries(s.levels.map((l) => [l.criterionId, l.value])) }));
    const scores = computeJuryScores(criteria, mine, { aggregation: "MEAN", normalize: false });
    const minLevel = Math.min(...counted.map((c) => c.minLevel));
    const maxLevel = Math.max(...counted.map((c) => c.maxLevel));
    const distribution = scoreDistribution(
      scores.jurorScores.map((s) => ({ jurorId: s.jurorId, entryId: s.entryId, score: s.raw })),
      { minLevel, maxLevel, binWidth: maxLevel - minLevel > 10 ? (maxLevel - minLevel) / 10 : 0.5 },
    );
    const panelSd = distribution.panel.sd ?? 0;
    const verdict = (count: number, diff: number | null): Verdict => {
      if (count < MIN_SCORES_FOR_VERDICT || diff === null) return "TOO_FEW";
      const threshold = Math.max(panelSd / 2, 1e-9);
      return diff <= -threshold ? "STRICTER" : diff >= threshold ? "MILDER" : "IN_LINE";
    };
    const percent = (count: number, total: number) => (total ? Math.round((count / total) * 1000) / 10 : 0);
    return [
      {
        formId: form.id,
        category: form.categoryId ? (edition.categories.find((c) => c.id === form.categoryId)?.name ?? null) : null,
        minLevel,
        maxLevel,
        panel: summary(distribution.panel),
        jurors: distribution.jurors
          .map((j) => ({
            id: j.jurorId,
            name: names.get(j.jurorId) ?? "",
            ...summary(j),
            meanDifference: j.meanDifference,
            verdict: verdict(j.count, j.meanDifference),
            /** Per bin: the share (%) of this juror's scores and of the panel's. */
            bins: j.histogram.map((b, i) => ({ from: b.from, to: b.to, juror: percent(b.count, j.count), panel: percent(distribution.panel.histogram[i]!.count, distribution.panel.count) })),
          }))
          .sort((a, b) => a.name.localeCompare(b.name, "nl")),
      },
    ];
  });
  return { edition: { id: edition.id, name: edition.name }, panels };
}
