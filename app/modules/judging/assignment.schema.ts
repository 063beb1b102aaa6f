// Input of the board's assignment page of an edition (client-safe: the route exports it as
// actionSchema). Messages are keys of the "assignment" namespace; every field names its problem.
import { z } from "zod";
import { cleanText, idSchema } from "~/utils/input";

export const ASSIGNMENT_MODES = ["MANUAL", "AUTOMATIC", "WHOLE_PANEL"] as const;
export type AssignmentModeValue = (typeof ASSIGNMENT_MODES)[number];

/** N: the least number of jurors per entry the board may ask for. */
export const MIN_JURORS_MIN = 1;
export const MIN_JURORS_MAX = 20;

const id = idSchema("assignment:errors.notFound");

const SaveSettingsSchema = z.object({
  intent: z.literal("save-settings"),
  mode: z.preprocess(cleanText, z.enum(ASSIGNMENT_MODES, { error: "assignment:errors.mode" })),
  minJurorsPerEntry: z.preprocess(
    cleanText,
    z
      .string({ error: "assignment:errors.minJurors" })
      .regex(/^\d{1,2}$/, "assignment:errors.minJurors")
      .transform(Number)
      .pipe(z.number().int().min(MIN_JURORS_MIN, "assignment:errors.minJurors").max(MIN_JURORS_MAX, "assignment:errors.minJurors")),
  ),
});
const DistributeSchema = z.object({ intent: z.literal("distribute") });
const AssignSchema = z.object({ intent: z.literal("assign"), memberId: id, teamId: id });
const UnassignSchema = z.object({
  intent: z.literal("unassign"),
  memberId: id,
  teamId: id,
  /** "yes": the board confirmed taking off a juror who already has a score sheet for the entry. */
  confirm: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.literal("yes", { error: "assignment:errors.confirm" }).optional()),
});

/** Every form of the page, told apart by `intent`. */
export const AssignmentActionSchema = z.discriminatedUnion("intent", [SaveSettingsSchema, DistributeSchema, AssignSchema, UnassignSchema]);
export type AssignmentAction = z.infer<typeof AssignmentActionSchema>;

/** Which form of the page a (refused) post belongs to, so the reply shows at that form. */
export function assignmentFormOf(payload: Record<string, unknown>): string {
  const intent = String(payload.intent ?? "");
  if (intent === "save-settings") return "settings";
  if (intent === "distribute") return "distribute";
  if (intent === "unassign") return `unassign-${String(payload.memberId ?? "")}-${String(payload.teamId ?? "")}`;
  return "assign";
}
