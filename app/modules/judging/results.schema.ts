// Input of the board's results page of an edition (client-safe: the route exports it as
// actionSchema). Messages are keys of the "results" namespace; every field names its own problem.
import { z } from "zod";
import { cleanText, idSchema } from "~/utils/input";

const id = idSchema("results:errors.notFound");
const blankToUndefined = (v: unknown) => (cleanText(v) === "" ? undefined : cleanText(v));
const optionalId = z.preprocess(blankToUndefined, id.optional());

export const PRIZE_PLACES_MAX = 20;
export const AWARD_NAME_MAX = 120;
export const TIE_BREAK_SLOTS = 3;

const SettingsSchema = z.object({
  intent: z.literal("save-settings"),
  aggregation: z.enum(["MEAN", "MEDIAN"], { error: "results:errors.aggregation" }),
  normalize: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  prizePlaces: z.preprocess(
    (v) => (typeof v === "string" ? cleanText(v) : v),
    z
      .string({ error: "results:errors.prizePlaces" })
      .regex(/^\d{1,2}$/, "results:errors.prizePlaces")
      .transform(Number)
      .pipe(z.number().int().min(1, "results:errors.prizePlaces").max(PRIZE_PLACES_MAX, "results:errors.prizePlaces")),
  ),
  resultsScope: z.enum(["FULL_RANKING", "PRIZES_ONLY"], { error: "results:errors.scope" }),
});

/** One tie-break: "JURY_MAJORITY", "SHARED" or "CRITERION:<criterion id>"; empty slots are left out. */
const TieBreakValue = z.union([z.literal("JURY_MAJORITY"), z.literal("SHARED"), z.string().regex(/^CRITERION:[A-Za-z0-9_-]{1,64}$/)], { error: "results:errors.tieBreak" });
const TieBreaksSchema = z.object({
  intent: z.literal("save-tie-breaks"),
  tieBreaks: z
    .array(z.preprocess(blankToUndefined, TieBreakValue.optional()), { error: "results:errors.tieBreak" })
    .max(TIE_BREAK_SLOTS, "results:errors.tieBreak")
    .optional()
    .transform((list) => (list ?? []).filter((v): v is string => typeof v === "string")),
});
const PublishTieBreaksSchema = z.object({ intent: z.literal("publish-tie-breaks") });

const AddAwardSchema = z.object({
  intent: z.literal("add-award"),
  name: z.preprocess(cleanText, z.string({ error: "results:errors.awardName" }).min(1, "results:errors.awardName").max(AWARD_NAME_MAX, "results:errors.tooLong")),
  categoryId: optionalId,
});
const SetAwardSchema = z.object({ intent: z.literal("award-team"), awardId: id, teamId: optionalId });
const RemoveAwardSchema = z.object({ intent: z.literal("remove-award"), awardId: id });

const TipSchema = z.object({ intent: z.literal("tip"), sheetId: id, hidden: z.enum(["true", "false"], { error: "results:errors.notFound" }).transform((v) => v === "true") });
const ScreenedSchema = z.object({ intent: z.literal("tips-screened") });
const PublishSchema = z.object({ intent: z.literal("publish") });

/** Every form of the page, told apart by `intent`. */
export const ResultsActionSchema = z.discriminatedUnion("intent", [
  SettingsSchema,
  TieBreaksSchema,
  PublishTieBreaksSchema,
  AddAwardSchema,
  SetAwardSchema,
  RemoveAwardSchema,
  TipSchema,
  ScreenedSchema,
  PublishSchema,
]);
export type ResultsAction = z.infer<typeof ResultsActionSchema>;

/** Which form of the page a (refused) post belongs to, so the reply shows at that form. */
export function resultsFormOf(payload: Record<string, unknown>): string {
  const intent = String(payload.intent ?? "");
  if (intent === "save-settings") return "settings";
  if (intent === "save-tie-breaks" || intent === "publish-tie-breaks") return "tie-breaks";
  if (intent === "add-award" || intent === "remove-award") return "awards";
  if (intent === "award-team") return `award-${String(payload.awardId ?? "")}`;
  if (intent === "tip" || intent === "tips-screened") return "tips";
  return "publish";
}
