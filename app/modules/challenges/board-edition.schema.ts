// Input of the board's edition page (client-safe: the route exports it as actionSchema).
import { z } from "zod";
import { EditionFields, refineEdition } from "./edition.schema";
import { cleanText, ID_PATTERN, idField, optionalText } from "./input";

const EditionUpdateSchema = z.object({ intent: z.literal("update-edition"), ...EditionFields }).superRefine(refineEdition);
export const EARLY_ACTIONS = ["close-registration", "close-submissions"] as const;

const EarlySchema = z.object({ intent: z.enum(EARLY_ACTIONS) });
const LogisticsSchema = z.object({
  intent: z.literal("logistics"),
  teamId: idField,
  kitBudget: z.preprocess(
    (v) => (cleanText(v) === "" ? undefined : cleanText(v)),
    z
      .string()
      .max(12, "challenges:errors.money")
      .regex(/^\d{1,7}([.,]\d{1,2})?$/, "challenges:errors.money")
      .transform((v) => Math.round(Number(v.replace(",", ".")) * 100))
      .optional(),
  ),
  transport: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(200, "challenges:errors.tooLong").optional()),
  logisticsNotes: z.preprocess((v) => (cleanText(v) === "" ? undefined : cleanText(v)), z.string().max(1000, "challenges:errors.tooLong").optional()),
});

const AddSponsorSchema = z.object({
  intent: z.literal("add-sponsor"),
  companyId: z.string({ error: "challenges:errors.sponsorRequired" }).regex(ID_PATTERN, "challenges:errors.sponsorRequired"),
  label: optionalText(80),
});
const RemoveSponsorSchema = z.object({ intent: z.literal("remove-sponsor"), sponsorId: idField });

/** Every form of the page, told apart by `intent`. */
export const BoardEditionActionSchema = z.discriminatedUnion("intent", [EditionUpdateSchema, EarlySchema, LogisticsSchema, AddSponsorSchema, RemoveSponsorSchema]);

export type BoardEditionAction = z.infer<typeof BoardEditionActionSchema>;

/** Which form of the page a (refused) post belongs to, so the page shows the reply at that form. */
export function editionFormOf(payload: Record<string, unknown>): string {
  const intent = String(payload.intent ?? "");
  if (intent === "logistics") return `logistics-${String(payload.teamId ?? "")}`;
  if ((EARLY_ACTIONS as readonly string[]).includes(intent)) return "early";
  if (intent === "add-sponsor" || intent === "remove-sponsor") return "sponsor";
  return "edition";
}
