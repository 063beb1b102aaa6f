// Input of the board's judging page of an edition (client-safe: the route exports it as
// actionSchema, and the criterion form validates with it in the browser too). Messages are keys
// of the "judging" namespace; every field names its own problem.
import { z } from "zod";
import { cleanText, idSchema } from "~/utils/input";

const required = (max: number, message: string) =>
  z.preprocess(cleanText, z.string({ error: message }).min(1, message).max(max, "judging:errors.tooLong"));
// Empty is absent (conform also turns "" into undefined), and absent reads as "".
const optional = (max: number) =>
  z
    .preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(max, "judging:errors.tooLong").optional())
    .transform((v) => v ?? "");
const id = idSchema("judging:errors.notFound");
const optionalId = z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), id.optional());
const integer = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? cleanText(v) : v),
    z
      .string({ error: message })
      .regex(/^-?\d{1,3}$/, message)
      .transform(Number)
      .pipe(z.number().int().min(min, message).max(max, message)),
  );

export const WEIGHT_MIN = 1;
export const WEIGHT_MAX = 10;
export const LEVEL_MIN = 0;
export const LEVEL_MAX = 100;
export const MAX_LEVELS = 11;

const LevelSchema = z.object({
  value: integer(LEVEL_MIN, LEVEL_MAX, "judging:errors.levelValue"),
  text: required(200, "judging:errors.levelText"),
});

const CriterionFields = {
  formId: id,
  /** Empty: a new criterion. */
  criterionId: optionalId,
  name: required(120, "judging:errors.criterionName"),
  description: optional(1000),
  weight: integer(WEIGHT_MIN, WEIGHT_MAX, "judging:errors.weight"),
  counted: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  levels: z
    .array(LevelSchema, { error: "judging:errors.levelsMin" })
    .min(2, "judging:errors.levelsMin")
    .max(MAX_LEVELS, "judging:errors.levelsMax"),
  /** Required once the form is locked (judging has opened): the board's reason, logged. */
  overrideReason: optional(500),
};

/** Level values must differ: each names one step of the scale. */
function uniqueLevels(value: { levels: Array<{ value: number }> }, ctx: z.RefinementCtx) {
  const seen = new Set<number>();
  value.levels.forEach((level, index) => {
    if (seen.has(level.value)) ctx.addIssue({ code: "custom", path: ["levels", index, "value"], message: "judging:errors.levelUnique" });
    seen.add(level.value);
  });
}

export const SaveCriterionSchema = z.object({ intent: z.literal("save-criterion"), ...CriterionFields }).superRefine(uniqueLevels);
export type SaveCriterionInput = z.infer<typeof SaveCriterionSchema>;

const RemoveCriterionSchema = z.object({ intent: z.literal("remove-criterion"), criterionId: id, overrideReason: optional(500) });
const MoveCriterionSchema = z.object({ intent: z.literal("move-criterion"), criterionId: id, direction: z.enum(["up", "down"], { error: "judging:errors.notFound" }), overrideReason: optional(500) });
const AddFormSchema = z.object({ intent: z.literal("add-form"), categoryId: optionalId });
const RemoveFormSchema = z.object({ intent: z.literal("remove-form"), formId: id, overrideReason: optional(500) });

const InviteJurorSchema = z.object({
  intent: z.literal("invite-juror"),
  name: required(120, "judging:errors.jurorName"),
  email: z.preprocess(
    cleanText,
    z
      .string({ error: "judging:errors.email" })
      .min(1, "judging:errors.email")
      .max(254, "judging:errors.email")
      .pipe(z.email({ error: "judging:errors.email" })),
  ),
});
const RemoveJurorSchema = z.object({ intent: z.literal("remove-juror"), memberId: id });

/** Every form of the page, told apart by `intent`. */
export const BoardJudgingActionSchema = z.discriminatedUnion("intent", [
  SaveCriterionSchema,
  RemoveCriterionSchema,
  MoveCriterionSchema,
  AddFormSchema,
  RemoveFormSchema,
  InviteJurorSchema,
  RemoveJurorSchema,
]);
export type BoardJudgingAction = z.infer<typeof BoardJudgingActionSchema>;

/** Which form of the page a (refused) post belongs to, so the reply shows at that form. */
export function judgingFormOf(payload: Record<string, unknown>): string {
  const intent = String(payload.intent ?? "");
  if (intent === "save-criterion") return `criterion-${String(payload.criterionId || `new-${String(payload.formId ?? "")}`)}`;
  if (intent === "invite-juror" || intent === "remove-juror") return "jury";
  return "forms";
}

/** The scale a new criterion starts with (the texts are the page's defaults, editable). */
export const DEFAULT_LEVEL_VALUES = [1, 2, 3, 4, 5] as const;
