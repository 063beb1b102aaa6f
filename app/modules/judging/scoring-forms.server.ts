// The scoring forms of an edition: criteria with levels, a weight and "shown but not counted".
// Every write is checked against the edition (the tenant is part of each query), refused once
// the form is locked unless the board gives a reason (then logged as a JudgingOverride), and
// audited in the same transaction.
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { db } from "~/utils/db.server";
import type { BoardJudgingAction, SaveCriterionInput } from "./board-judging.schema";
import { isScoringFormLocked } from "./lock";

export const EDITION_FORM_SCOPE = "edition";

export type Actor = { id: string; name: string };

/** What a write came to: done, no such object (404), or refused with messages for the form. */
export type JudgingWriteResult =
  | { ok: true; toast: string }
  | { ok: false; notFound: true }
  | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> };

const NOT_FOUND = { ok: false, notFound: true } as const;

type CriterionRow = {
  formId: string;
  categoryId: string | null;
  id: string | null;
  name: string | null;
  description: string | null;
  weight: number | null;
  counted: boolean | null;
  levels: Array<{ value: number; text: string }>;
};

/**
 * The scoring forms of an edition with their criteria (in order) and levels, in one query
 * whatever the number of criteria. Category names are the caller's (it has the categories).
 */
export async function listScoringForms(editionId: string, client: Tx = db) {
  const rows = await client.$queryRaw<CriterionRow[]>`
    SELECT f.id AS "formId", f."categoryId", c.id, c.name, c.description, c.weight, c.counted,
           COALESCE((SELECT json_agg(json_build_object('value', l.value, 'text', l.text) ORDER BY l.value)
                     FROM "ScoringLevel" l WHERE l."criterionId" = c.id), '[]'::json) AS levels
    FROM "ScoringForm" f
    LEFT JOIN "ScoringCriterion" c ON c."formId" = f.id
    WHERE f."editionId" = ${editionId}
    ORDER BY f."createdAt", f.id, c.position, c.id`;
  const forms = new Map<string, { id: string; categoryId: string | null; criteria: Array<{ id: string; name: string; description: string; weight: number; counted: boolean; levels: Array<{ value: number; text: string }> }> }>();
  for (const row of rows) {
    const form = forms.get(row.formId) ?? { id: row.formId, categoryId: row.categoryId, criteria: [] };
    forms.set(row.formId, form);
    if (row.id) form.criteria.push({ id: row.id, name: row.name!, description: row.description ?? "", weight: row.weight!, counted: row.counted!, levels: row.levels });
  }
  return [...forms.values()];
}

type FormEditIntent = Extract<BoardJudgingAction, { intent: "save-criterion" | "remove-criterion" | "move-criterion" | "add-form" | "remove-form" }>;

/**
 * Carries out one edit of the edition's scoring forms. Locked (judging has opened): refused
 * without a reason; with one, done and logged as an override the page shows.
 */
export async function editScoringForms(editionId: string, value: FormEditIntent, actor: Actor): Promise<JudgingWriteResult> {
  return db.$transaction(async (tx) => {
    const edition = await tx.edition.findUnique({ where: { id: editionId }, select: { id: true, judgingOpensAt: true } });
    if (!edition) return NOT_FOUND;
    const locked = isScoringFormLocked(edition, now());
    const reason = "overrideReason" in value ? (value.overrideReason ?? "") : "";
    if (locked && !reason) {
      return value.intent === "save-criterion"
        ? { ok: false, fieldErrors: { overrideReason: ["judging:errors.lockedReason"] } }
        : { ok: false, formErrors: ["judging:errors.lockedReason"] };
    }
    const done = await applyEdit(tx, editionId, value, actor);
    if (!done.ok) return done;
    if (locked) {
      await tx.judgingOverride.create({
        data: { editionId, subject: "FORM", formId: done.formId, actorId: actor.id, actorName: actor.name, reason, summary: done.summary, at: now() },
      });
      await audit({ actorId: actor.id, action: "judging.form.override", entityType: "ScoringForm", entityId: done.formId, meta: { reason, summary: done.summary } }, tx);
    }
    return { ok: true, toast: `judging:toast.${value.intent}` };
  });
}

type Applied = { ok: true; formId: string; summary: string } | Exclude<JudgingWriteResult, { ok: true }>;

async function applyEdit(tx: Tx, editionId: string, value: FormEditIntent, actor: Actor): Promise<Applied> {
  switch (value.intent) {
    case "add-form":
      return addForm(tx, editionId, value.categoryId ?? null, actor);
    case "remove-form":
      return removeForm(tx, editionId, value.formId, actor);
    case "save-criterion":
      return saveCriterion(tx, editionId, value, actor);
    case "remove-criterion":
      return removeCriterion(tx, editionId, value.criterionId, actor);
    case "move-criterion":
      return moveCriterion(tx, editionId, value.criterionId, value.direction, actor);
  }
}

async function addForm(tx: Tx, editionId: string, categoryId: string | null, actor: Actor): Promise<Applied> {
  if (categoryId) {
    const category = await tx.editionCategory.findFirst({ where: { id: categoryId, editionId }, select: { id: true } });
    if (!category) return { ok: false, fieldErrors: { categoryId: ["judging:errors.categoryUnknown"] } };
  }
  const scopeKey = categoryId ?? EDITION_FORM_SCOPE;
  const exists = await tx.scoringForm.findUnique({ where: { editionId_scopeKey: { editionId, scopeKey } }, select: { id: true } });
  if (exists) return { ok: false, fieldErrors: { categoryId: ["judging:errors.formExists"] } };
  const at = now();
  const form = await tx.scoringForm.create({ data: { editionId, categoryId, scopeKey, createdAt: at, updatedAt: at }, select: { id: true } });
  await audit({ actorId: actor.id, action: "judging.form.create", entityType: "ScoringForm", entityId: form.id, after: { editionId, categoryId } }, tx);
  return { ok: true, formId: form.id, summary: categoryId ? "form added for a category" : "form added" };
}

/** Criteria that already have scores are kept: removing them would silently drop jurors' work. */
async function scoredCriteria(tx: Tx, where: Prisma.ScoringCriterionWhereInput): Promise<number> {
  return tx.scoreSheetLevel.count({ where: { criterion: where } });
}

async function removeForm(tx: Tx, editionId: string, formId: string, actor: Actor): Promise<Applied> {
  const form = await tx.scoringForm.findFirst({ where: { id: formId, editionId }, select: { id: true, categoryId: true, _count: { select: { criteria: true } } } });
  if (!form) return NOT_FOUND;
  if (await scoredCriteria(tx, { formId })) return { ok: false, formErrors: ["judging:errors.formScored"] };
  await tx.scoringForm.delete({ where: { id: formId } });
  await audit({ actorId: actor.id, action: "judging.form.delete", entityType: "ScoringForm", entityId: formId, before: { editionId, categoryId: form.categoryId, criteria: form._count.criteria } }, tx);
  return { ok: true, formId, summary: "form removed" };
}

async function saveCriterion(tx: Tx, editionId: string, value: SaveCriterionInput, actor: Actor): Promise<Applied> {
  const form = await tx.scoringForm.findFirst({
    where: { id: value.formId, editionId },
    select: { id: true, criteria: { select: { id: true, name: true, position: true } } },
  });
  if (!form) return NOT_FOUND;
  const existing = value.criterionId ? form.criteria.find((c) => c.id === value.criterionId) : undefined;
  if (value.criterionId && !existing) return NOT_FOUND;
  const key = value.name.toLocaleLowerCase("nl");
  if (form.criteria.some((c) => c.id !== value.criterionId && c.name.toLocaleLowerCase("nl") === key)) {
    return { ok: false, fieldErrors: { name: ["judging:errors.criterionNameTaken"] } };
  }
  const fields = { name: value.name, description: value.description, weight: value.weight, counted: value.counted };
  const levels = value.levels.map((l) => ({ value: l.value, text: l.text }));
  const at = now();
  let criterionId: string;
  let before: unknown = null;
  if (existing) {
    const old = await tx.scoringCriterion.findUniqueOrThrow({
      where: { id: existing.id },
      select: { name: true, description: true, weight: true, counted: true, levels: { orderBy: { value: "asc" }, select: { value: true, text: true } } },
    });
    before = old;
    // A level that already has scores must keep its value: a juror's score would point nowhere.
    const removedValues = old.levels.map((l) => l.value).filter((v) => !levels.some((l) => l.value === v));
    if (removedValues.length && (await tx.scoreSheetLevel.count({ where: { criterionId: existing.id, value: { in: removedValues } } }))) {
      return { ok: false, fieldErrors: { levels: ["judging:errors.levelScored"] } };
    }
    await tx.scoringCriterion.update({ where: { id: existing.id }, data: fields });
    await tx.scoringLevel.deleteMany({ where: { criterionId: existing.id } });
    await tx.scoringLevel.createMany({ data: levels.map((l) => ({ ...l, criterionId: existing.id })) });
    criterionId = existing.id;
  } else {
    const position = Math.max(-1, ...form.criteria.map((c) => c.position)) + 1;
    const created = await tx.scoringCriterion.create({
      data: { ...fields, formId: form.id, position, createdAt: at, levels: { create: levels } },
      select: { id: true },
    });
    criterionId = created.id;
  }
  await tx.scoringForm.update({ where: { id: form.id }, data: { updatedAt: at } });
  await audit(
    { actorId: actor.id, action: existing ? "judging.criterion.update" : "judging.criterion.create", entityType: "ScoringCriterion", entityId: criterionId, before, after: { ...fields, levels } },
    tx,
  );
  return { ok: true, formId: form.id, summary: `${existing ? "criterion changed" : "criterion added"}: ${value.name}` };
}

async function criterionOf(tx: Tx, editionId: string, criterionId: string) {
  return tx.scoringCriterion.findFirst({
    where: { id: criterionId, form: { editionId } },
    select: { id: true, name: true, formId: true, position: true, weight: true, counted: true },
  });
}

async function removeCriterion(tx: Tx, editionId: string, criterionId: string, actor: Actor): Promise<Applied> {
  const criterion = await criterionOf(tx, editionId, criterionId);
  if (!criterion) return NOT_FOUND;
  if (await scoredCriteria(tx, { id: criterionId })) return { ok: false, formErrors: ["judging:errors.criterionScored"] };
  await tx.scoringCriterion.delete({ where: { id: criterionId } });
  await audit({ actorId: actor.id, action: "judging.criterion.delete", entityType: "ScoringCriterion", entityId: criterionId, before: criterion }, tx);
  return { ok: true, formId: criterion.formId, summary: `criterion removed: ${criterion.name}` };
}

async function moveCriterion(tx: Tx, editionId: string, criterionId: string, direction: "up" | "down", actor: Actor): Promise<Applied> {
  const criterion = await criterionOf(tx, editionId, criterionId);
  if (!criterion) return NOT_FOUND;
  const siblings = await tx.scoringCriterion.findMany({ where: { formId: criterion.formId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } });
  const index = siblings.findIndex((s) => s.id === criterionId);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= siblings.length) return { ok: true, formId: criterion.formId, summary: "" };
  const order = siblings.map((s) => s.id);
  [order[index], order[target]] = [order[target]!, order[index]!];
  for (const [position, id] of order.entries()) await tx.scoringCriterion.update({ where: { id }, data: { position } });
  await audit({ actorId: actor.id, action: "judging.criterion.move", entityType: "ScoringCriterion", entityId: criterionId, meta: { direction } }, tx);
  return { ok: true, formId: criterion.formId, summary: `criterion moved ${direction}: ${criterion.name}` };
}
