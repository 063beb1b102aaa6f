// Results: the board's settings, tip screening and publication (issue 17, points 5–6), and what
// each reader may see. The rule that keeps scores in: before `JudgingSettings.publishedAt` only
// the board's page and the board's CSV show a score or a place; every other reader
// (getPublicResults, getTeamResults, the certificate) answers null, so their routes answer 404.
// Every write is checked against the edition (the tenant is in each query) and audited in its
// transaction; publishing queues the teams' mails in the same transaction.
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import type { Language } from "~/i18n/config";
import { isLanguage } from "~/i18n/config";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { queueMail } from "~/modules/mail/outbox.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { i18next } from "~/utils/i18n.server";
import { computeResults, DEFAULT_SETTINGS, findResultsEdition, methodOf, publishedPlaces, roundScore, type ResultsEdition } from "./results.server";
import type { ResultsAction } from "./results.schema";
import type { Actor, JudgingWriteResult } from "./scoring-forms.server";

const NOT_FOUND = { ok: false, notFound: true } as const;
const refuse = (key: string): JudgingWriteResult => ({ ok: false, formErrors: [key] });

/** Judging has closed (its date, or earlier when the board closed it). */
export const judgingHasClosed = (found: ResultsEdition, at: Date) => at.getTime() >= found.edition.judgingClosesAt.getTime();
/** Aggregation, normalization and the tie-breaks are fixed once judging opens. */
export const methodLocked = (found: ResultsEdition, at: Date) => at.getTime() >= found.edition.judgingOpensAt.getTime();

// --- The board's page ------------------------------------------------------------------------------

/** Everything the board's results page shows; null: no such edition. Four queries, whatever the size. */
export async function getBoardResultsPage(editionId: string) {
  const found = await findResultsEdition({ editionId });
  if (!found) return null;
  const results = await computeResults(found);
  const teamNames = new Map(results.categories.flatMap((c) => [...c.ranked, ...c.unranked].map((t) => [t.teamId, { team: t.team, category: c.name }] as const)));
  const tips = results.sheets
    .filter((sh) => sh.status === "SUBMITTED" && sh.tip.trim() !== "" && teamNames.has(sh.teamId))
    .map((sh) => ({ id: sh.id, ...teamNames.get(sh.teamId)!, tip: sh.tip, tipHidden: sh.tipHidden }))
    .sort((x, y) => x.category.localeCompare(y.category, "nl") || x.team.localeCompare(y.team, "nl") || (x.id < y.id ? -1 : 1));
  const at = now();
  const { settings, edition } = found;
  return {
    edition: { id: edition.id, name: edition.name, publicPath: `/challenges/${edition.challengeSlug}/${edition.year}/uitslag` },
    settings: {
      aggregation: settings.aggregation,
      normalize: settings.normalize,
      prizePlaces: settings.prizePlaces,
      resultsScope: settings.resultsScope,
      tieBreaksPublishedAt: settings.tieBreaksPublishedAt?.toISOString() ?? null,
      tipsScreenedAt: settings.tipsScreenedAt?.toISOString() ?? null,
      publishedAt: settings.publishedAt?.toISOString() ?? null,
    },
    judgingOpensAt: edition.judgingOpensAt.toISOString(),
    judgingClosesAt: edition.judgingClosesAt.toISOString(),
    methodLocked: methodLocked(found, at),
    judgingClosed: judgingHasClosed(found, at),
    method: methodOf(settings, results.tieBreaks),
    tieBreaks: results.tieBreaks.map((tb) => (tb.kind === "CRITERION" ? `CRITERION:${tb.criterionId}` : tb.kind)),
    criteria: results.forms.flatMap((f) => f.criteria.map((c) => ({ id: c.id, name: c.name }))),
    categories: results.categories.map((c) => ({ ...c, ranked: c.ranked.map((r) => ({ ...r, score: roundScore(r.score) })) })),
    awards: results.awards,
    teams: results.categories.flatMap((c) => [...c.ranked, ...c.unranked].map((t) => ({ id: t.teamId, name: t.team, categoryId: c.id, category: c.name }))),
    categoryOptions: results.categories.map((c) => ({ id: c.id, name: c.name })),
    tips,
  };
}

// --- The board's writes --------------------------------------------------------------------------------

/** The edition's settings row, or the defaults when there is none yet (a refusal writes nothing). */
async function settingsRow(tx: Tx, editionId: string) {
  const row = await tx.judgingSettings.findUnique({ where: { editionId } });
  return row ?? { ...DEFAULT_SETTINGS, publishedById: null };
}

/** Writes settings, creating the row on the first write. */
function writeSettings(tx: Tx, editionId: string, data: Prisma.JudgingSettingsUncheckedUpdateInput & { updatedAt: Date }) {
  return tx.judgingSettings.upsert({ where: { editionId }, create: { ...(data as Prisma.JudgingSettingsUncheckedCreateInput), editionId }, update: data });
}

/** Carries out one of the board's results forms on the edition. */
export async function runResultsAction(editionId: string, value: ResultsAction, actor: Actor): Promise<JudgingWriteResult> {
  const found = await findResultsEdition({ editionId });
  if (!found) return NOT_FOUND;
  if (value.intent === "publish") return publishResults(editionId, actor);
  return db.$transaction(async (tx) => {
    const at = now();
    const settings = await settingsRow(tx, editionId);
    if (settings.publishedAt) return refuse("results:errors.published");
    const auditOf = (action: string, entityId: string, before: unknown, after: unknown, entityType = "JudgingSettings") =>
      audit({ actorId: actor.id, action: `judging.results.${action}`, entityType, entityId, before, after }, tx);

    switch (value.intent) {
      case "save-settings": {
        const methodChanged = value.aggregation !== settings.aggregation || value.normalize !== settings.normalize;
        if (methodChanged && methodLocked(found, at)) return refuse("results:errors.methodLocked");
        const before = { aggregation: settings.aggregation, normalize: settings.normalize, prizePlaces: settings.prizePlaces, resultsScope: settings.resultsScope };
        const after = { aggregation: value.aggregation, normalize: value.normalize, prizePlaces: value.prizePlaces, resultsScope: value.resultsScope };
        await writeSettings(tx, editionId, { ...after, updatedAt: at });
        await auditOf("settings", editionId, before, after);
        return { ok: true, toast: "results:toast.settings" };
      }
      case "save-tie-breaks": {
        if (settings.tieBreaksPublishedAt || methodLocked(found, at)) return refuse("results:errors.tieBreaksLocked");
        const list = value.tieBreaks;
        const criterionIds = list.filter((v) => v.startsWith("CRITERION:")).map((v) => v.slice("CRITERION:".length));
        const known = criterionIds.length
          ? await tx.scoringCriterion.count({ where: { id: { in: criterionIds }, form: { editionId } } })
          : 0;
        if (known !== new Set(criterionIds).size) return { ok: false, fieldErrors: { tieBreaks: ["results:errors.tieBreak"] } };
        if (new Set(list).size !== list.length) return { ok: false, fieldErrors: { tieBreaks: ["results:errors.tieBreakTwice"] } };
        if (list.includes("SHARED") && list.at(-1) !== "SHARED") return { ok: false, fieldErrors: { tieBreaks: ["results:errors.sharedLast"] } };
        const before = await tx.judgingTieBreak.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { kind: true, criterionId: true } });
        await tx.judgingTieBreak.deleteMany({ where: { editionId } });
        const rows = list.map((v, position) =>
          v.startsWith("CRITERION:") ? { editionId, position, kind: "CRITERION" as const, criterionId: v.slice("CRITERION:".length) } : { editionId, position, kind: v as "JURY_MAJORITY" | "SHARED", criterionId: null },
        );
        if (rows.length) await tx.judgingTieBreak.createMany({ data: rows });
        await auditOf("tie-breaks", editionId, before, rows.map(({ kind, criterionId }) => ({ kind, criterionId })));
        return { ok: true, toast: "results:toast.tieBreaks" };
      }
      case "publish-tie-breaks": {
        if (settings.tieBreaksPublishedAt || methodLocked(found, at)) return refuse("results:errors.tieBreaksLocked");
        await writeSettings(tx, editionId, { tieBreaksPublishedAt: at, updatedAt: at });
        await auditOf("tie-breaks.publish", editionId, null, { at });
        return { ok: true, toast: "results:toast.tieBreaksPublished" };
      }
      case "add-award": {
        if (value.categoryId && !(await tx.editionCategory.count({ where: { id: value.categoryId, editionId } }))) return { ok: false, fieldErrors: { categoryId: ["results:errors.notFound"] } };
        const taken = await tx.judgingAward.findFirst({ where: { editionId, name: { equals: value.name, mode: "insensitive" } }, select: { id: true } });
        if (taken) return { ok: false, fieldErrors: { name: ["results:errors.awardTaken"] } };
        const count = await tx.judgingAward.count({ where: { editionId } });
        const award = await tx.judgingAward.create({ data: { editionId, name: value.name, categoryId: value.categoryId ?? null, position: count, createdAt: at }, select: { id: true } });
        await auditOf("award.add", award.id, null, { name: value.name, categoryId: value.categoryId ?? null }, "JudgingAward");
        return { ok: true, toast: "results:toast.awardAdded" };
      }
      case "award-team": {
        const award = await tx.judgingAward.findFirst({ where: { id: value.awardId, editionId }, select: { id: true, teamId: true, categoryId: true } });
        if (!award) return NOT_FOUND;
        if (value.teamId) {
          const team = await tx.team.findFirst({
            where: { id: value.teamId, editionId, status: "REGISTERED", ...(award.categoryId ? { categoryId: award.categoryId } : {}) },
            select: { id: true },
          });
          if (!team) return { ok: false, fieldErrors: { teamId: ["results:errors.team"] } };
        }
        await tx.judgingAward.update({ where: { id: award.id }, data: { teamId: value.teamId ?? null } });
        await auditOf("award.team", award.id, { teamId: award.teamId }, { teamId: value.teamId ?? null }, "JudgingAward");
        return { ok: true, toast: "results:toast.awardTeam" };
      }
      case "remove-award": {
        const award = await tx.judgingAward.findFirst({ where: { id: value.awardId, editionId }, select: { id: true, name: true, teamId: true } });
        if (!award) return NOT_FOUND;
        await tx.judgingAward.delete({ where: { id: award.id } });
        await auditOf("award.remove", award.id, award, null, "JudgingAward");
        return { ok: true, toast: "results:toast.awardRemoved" };
      }
      case "tip": {
        const sheet = await tx.scoreSheet.findFirst({
          where: { id: value.sheetId, status: "SUBMITTED", team: { editionId }, juryMember: { editionId } },
          select: { id: true, tipHidden: true },
        });
        if (!sheet) return NOT_FOUND;
        await tx.scoreSheet.update({ where: { id: sheet.id }, data: { tipHidden: value.hidden } });
        await auditOf("tip", sheet.id, { tipHidden: sheet.tipHidden }, { tipHidden: value.hidden }, "ScoreSheet");
        return { ok: true, toast: value.hidden ? "results:toast.tipHidden" : "results:toast.tipShown" };
      }
      case "tips-screened": {
        if (!judgingHasClosed(found, at)) return refuse("results:errors.judgingNotClosed");
        await writeSettings(tx, editionId, { tipsScreenedAt: at, updatedAt: at });
        await auditOf("tips-screened", editionId, { tipsScreenedAt: settings.tipsScreenedAt }, { tipsScreenedAt: at });
        return { ok: true, toast: "results:toast.screened" };
      }
    }
  });
}

type RecipientRow = { teamId: string; team: string; userId: string; email: string; locale: string };

/**
 * Publishes the edition's results in one step: refused until judging has closed and the tips are
 * screened, and once published. Stores who and when, moves the edition's phase to "results" when
 * its date has not come yet, and queues one mail per team and begeleider (the team's coaches; a
 * team without coaches: its school's teachers) — all in one transaction.
 */
export async function publishResults(editionId: string, actor: Actor): Promise<JudgingWriteResult> {
  const found = await findResultsEdition({ editionId });
  if (!found) return NOT_FOUND;
  const at = now();
  if (!judgingHasClosed(found, at)) return refuse("results:errors.judgingNotClosed");
  return db.$transaction(async (tx) => {
    const settings = await settingsRow(tx, editionId);
    if (settings.publishedAt) return refuse("results:errors.published");
    if (!settings.tipsScreenedAt) return refuse("results:errors.notScreened");
    // Only one of two simultaneous publications wins.
    const claimed = await tx.judgingSettings.updateMany({ where: { editionId, publishedAt: null }, data: { publishedAt: at, publishedById: actor.id, updatedAt: at } });
    if (claimed.count !== 1) return refuse("results:errors.published");
    const edition = await tx.edition.findUniqueOrThrow({ where: { id: editionId }, select: { resultsPublishAt: true, resultsPublishedEarlyAt: true } });
    if (at < edition.resultsPublishAt && !edition.resultsPublishedEarlyAt) {
      await tx.edition.update({ where: { id: editionId }, data: { resultsPublishedEarlyAt: at, updatedAt: at } });
    }
    const recipients = await tx.$queryRaw<RecipientRow[]>`
      SELECT t.id AS "teamId", t.name AS team, u.id AS "userId", u.email, u.locale
      FROM "Team" t
      JOIN "User" u ON (
            u.id IN (SELECT tc."userId" FROM "TeamCoach" tc WHERE tc."teamId" = t.id)
         OR (NOT EXISTS (SELECT 1 FROM "TeamCoach" tc WHERE tc."teamId" = t.id)
             AND u.id IN (SELECT r."userId" FROM "RoleAssignment" r WHERE r.role = 'TEACHER' AND r."schoolId" = t."schoolId")))
      WHERE t."editionId" = ${editionId} AND t.status = 'REGISTERED' AND u.email IS NOT NULL AND u."disabledAt" IS NULL
        AND EXISTS (SELECT 1 FROM "ScoreSheet" sh WHERE sh."teamId" = t.id AND sh.status = 'SUBMITTED')
      ORDER BY t.name, u.id`;
    const base = getEnv().APP_URL;
    for (const r of recipients) {
      const locale: Language = isLanguage(r.locale) ? r.locale : "nl";
      const t = await i18next.getFixedT(locale, "results");
      const values = { team: r.team, edition: found.edition.name };
      await queueMail(
        {
          to: r.email,
          template: "notice",
          props: {
            subject: t("mail.subject", values),
            preview: t("mail.preview", values),
            heading: t("mail.heading", values),
            paragraphs: [t("mail.body", values)],
            button: { label: t("mail.button"), url: `${base}/teams/${r.teamId}` },
            closing: [t("mail.closing")],
          },
          locale,
          idempotencyKey: `results:${editionId}:${r.teamId}:${r.userId}`,
        },
        tx,
      );
    }
    await audit({ actorId: actor.id, action: "judging.results.publish", entityType: "JudgingSettings", entityId: editionId, after: { publishedAt: at, mails: recipients.length } }, tx);
    return { ok: true, toast: "results:toast.published" };
  });
}

// --- Readers after publication ---------------------------------------------------------------------

const SLUG = /^[a-z0-9-]{1,80}$/;

/** The public results page of an edition; null (404) when there is no such edition or it is not published. */
export async function getPublicResults(slug: string, yearText: string) {
  if (!SLUG.test(slug) || !/^\d{4}$/.test(yearText)) return null;
  const found = await findResultsEdition({ slug, year: Number(yearText) });
  if (!found?.settings.publishedAt) return null;
  const results = await computeResults(found);
  const { settings } = found;
  return {
    edition: { name: found.edition.name, challenge: found.edition.challengeName, slug: found.edition.challengeSlug, year: found.edition.year },
    publishedAt: settings.publishedAt!.toISOString(),
    scope: settings.resultsScope,
    prizePlaces: settings.prizePlaces,
    method: methodOf(settings, results.tieBreaks),
    categories: results.categories.map((c) => ({
      id: c.id,
      name: c.name,
      // Team names only: never a pupil's name on a public page.
      places: publishedPlaces(c.ranked, settings).map((r) => ({ teamId: r.teamId, team: r.team, place: r.place, shared: r.shared, score: roundScore(r.score) })),
      awards: results.awards.filter((a) => a.categoryId === c.id && a.teamId).map((a) => ({ id: a.id, name: a.name, team: a.team })),
    })),
    awards: results.awards.filter((a) => a.categoryId === null && a.teamId).map((a) => ({ id: a.id, name: a.name, team: a.team })),
  };
}

/** A stable order that does not follow the jurors (so the team cannot tell who wrote what). */
const shuffleKey = (teamId: string, sheetId: string) => createHash("sha256").update(`${teamId}:${sheetId}`).digest("hex");

/**
 * A team's own results after publication: its place (when the scope shows it), its awards, and
 * the tops and the tips the board did not hide, without juror names, in a stable shuffled order.
 * Null before publication (or when the team is not a registered team of the edition). Four queries.
 */
export async function getTeamResults(teamId: string) {
  const found = await findResultsEdition({ teamId });
  if (!found?.settings.publishedAt) return null;
  const results = await computeResults(found);
  const category = results.categories.find((c) => c.ranked.some((r) => r.teamId === teamId) || c.unranked.some((u) => u.teamId === teamId));
  if (!category) return null;
  const mine = publishedPlaces(category.ranked, found.settings).find((r) => r.teamId === teamId) ?? null;
  const sheets = results.sheets.filter((s) => s.teamId === teamId && s.status === "SUBMITTED");
  const ordered = [...sheets].sort((a, b) => (shuffleKey(teamId, a.id) < shuffleKey(teamId, b.id) ? -1 : 1));
  return {
    teamId,
    edition: found.edition.name,
    publicPath: `/challenges/${found.edition.challengeSlug}/${found.edition.year}/uitslag`,
    category: category.name,
    place: mine ? { place: mine.place, shared: mine.shared, of: category.ranked.length } : null,
    awards: results.awards.filter((a) => a.teamId === teamId).map((a) => ({ id: a.id, name: a.name })),
    tops: ordered.map((s) => s.top.trim()).filter(Boolean),
    tips: ordered.filter((s) => !s.tipHidden).map((s) => s.tip.trim()).filter(Boolean),
    certificatePath: `/teams/${teamId}/oorkonde.pdf`,
  };
}

// --- The board's CSV ------------------------------------------------------------------------------------

/** The ranking as CSV rows (header first): the board's, also before publication. Null: no such edition. */
export async function resultsCsvRows(editionId: string, lang: Language) {
  const found = await findResultsEdition({ editionId });
  if (!found) return null;
  const results = await computeResults(found);
  const t = await i18next.getFixedT(lang, "results");
  const rows: string[][] = [[t("csv.place"), t("csv.team"), t("csv.school"), t("csv.category"), t("csv.score"), t("csv.jurors")]];
  for (const c of results.categories) {
    for (const r of c.ranked) rows.push([String(r.place), r.team, r.school, c.name, roundScore(r.score).toFixed(2), String(r.jurors)]);
    for (const u of c.unranked) rows.push(["", u.team, u.school, c.name, "", "0"]);
  }
  return { name: found.edition.name, rows };
}

/** The board's CSV as a download (semicolons and a BOM, like the other exports). Null: no such edition. */
export async function resultsCsvResponse(editionId: string, lang: Language): Promise<Response | null> {
  const csv = await resultsCsvRows(editionId, lang);
  if (!csv) return null;
  // A leading = + - @ would be read as a formula by spreadsheets: quote it away.
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const body = stringify(csv.rows.map((r) => r.map(safe)), { bom: true, delimiter: ";" });
  const fileName = `uitslag-${csv.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "editie"}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}
