// The board's judging page of an edition: everything it shows (scoring forms, the lock and its
// overrides, the jury with declared conflicts) and the dispatch of its forms.
import type { Language } from "~/i18n/config";
import { getEditionPhase } from "~/modules/challenges/editions.server";
import { EDITION_DATES } from "~/modules/challenges/submissions.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import type { BoardJudgingAction } from "./board-judging.schema";
import { inviteJuror, listJury, removeJuror } from "./jury.server";
import { isScoringFormLocked } from "./lock";
import { editScoringForms, listScoringForms, type Actor, type JudgingWriteResult } from "./scoring-forms.server";

/** Null: no such edition. */
export async function getBoardJudgingPage(editionId: string) {
  const edition = await db.edition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      name: true,
      ...EDITION_DATES,
      categories: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      judgingOverrides: {
        where: { subject: "FORM" },
        orderBy: { at: "desc" },
        take: 50,
        select: { id: true, at: true, actorName: true, reason: true, summary: true },
      },
    },
  });
  if (!edition) return null;
  const [forms, jury] = await Promise.all([listScoringForms(editionId), listJury(editionId)]);
  const { categories, judgingOverrides, ...dates } = edition;
  return {
    edition: { id: edition.id, name: edition.name },
    phase: getEditionPhase(dates),
    judgingOpensAt: edition.judgingOpensAt.toISOString(),
    judgingClosesAt: edition.judgingClosesAt.toISOString(),
    locked: isScoringFormLocked(edition, now()),
    categories,
    forms: forms
      .map((f) => ({ ...f, categoryName: categories.find((c) => c.id === f.categoryId)?.name ?? null, order: f.categoryId ? categories.findIndex((c) => c.id === f.categoryId) : -1 }))
      .sort((a, b) => a.order - b.order)
      .map(({ order: _order, ...f }) => f),
    overrides: judgingOverrides.map((o) => ({ ...o, at: o.at.toISOString() })),
    jury,
  };
}

/** Carries out one of the page's forms on the edition. */
export async function runBoardJudgingAction(
  editionId: string,
  value: BoardJudgingAction,
  actor: Actor,
  locale: Language,
  labels: { roleLabel: string },
): Promise<JudgingWriteResult> {
  if (value.intent === "invite-juror") return inviteJuror(editionId, value, actor, locale, labels);
  if (value.intent === "remove-juror") return removeJuror(editionId, value.memberId, actor);
  return editScoringForms(editionId, value, actor);
}
