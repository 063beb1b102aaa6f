// Input of a juror's pages (client-safe: the routes export these as actionSchema and the forms
// validate with them in the browser too). Messages are keys of the "scoring" namespace.
//
// The score sheet: a level per criterion, sent as `levels[i].criterionId` + `levels[i].value`
// (one radio group per criterion), a top and a tip. A draft may leave levels empty; whether a
// submit is complete depends on the form's criteria, which only the server knows, so the server
// answers missing levels at their fields.
import { z } from "zod";
import { cleanText, idSchema } from "~/utils/input";
import { DECLARATION_KINDS } from "./rules/conflicts";

const id = idSchema("scoring:errors.notFound");
// Empty is absent (conform also turns "" into undefined), and absent reads as "".
const optionalText = (max: number) =>
  z
    .preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(max, "scoring:errors.tooLong").optional())
    .transform((v) => v ?? "");

export const TOP_TIP_MAX = 2000;
export const MAX_CRITERIA = 50;

const LevelChoice = z.object({
  criterionId: id,
  /** Empty: not chosen yet (a draft). */
  value: z
    .preprocess(
      (v) => (cleanText(v) === "" ? undefined : cleanText(v)),
      z
        .string({ error: "scoring:errors.level" })
        .regex(/^-?\d{1,3}$/, "scoring:errors.level")
        .transform(Number)
        .optional(),
    ),
});

export const ScoreSheetSchema = z
  .object({
    intent: z.enum(["save-draft", "submit"], { error: "scoring:errors.intent" }),
    levels: z.array(LevelChoice).max(MAX_CRITERIA, "scoring:errors.notFound").optional().transform((v) => v ?? []),
    top: optionalText(TOP_TIP_MAX),
    tip: optionalText(TOP_TIP_MAX),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.levels.forEach((l, index) => {
      if (seen.has(l.criterionId)) ctx.addIssue({ code: "custom", path: ["levels", index, "criterionId"], message: "scoring:errors.notFound" });
      seen.add(l.criterionId);
    });
  });
export type ScoreSheetInput = z.infer<typeof ScoreSheetSchema>;

export const NOTE_MAX = 500;

const DeclareSchema = z
  .object({
    intent: z.literal("declare"),
    teamId: idSchema("scoring:errors.team"),
    kind: z.enum(DECLARATION_KINDS, { error: "scoring:errors.kind" }),
    note: optionalText(NOTE_MAX),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "OTHER" && !value.note) ctx.addIssue({ code: "custom", path: ["note"], message: "scoring:errors.noteRequired" });
  });
const WithdrawSchema = z.object({ intent: z.literal("withdraw"), conflictId: id });

/** The conflicts page: declare a conflict with a team, or withdraw one's own declaration. */
export const ConflictActionSchema = z.discriminatedUnion("intent", [DeclareSchema, WithdrawSchema]);
export type ConflictAction = z.infer<typeof ConflictActionSchema>;
