// Input of the board's edition overview (client-safe: the page validates with it too).
import { z } from "zod";
import { fromAmsterdamTime } from "~/utils/format";
import { cleanString, ID_PATTERN } from "~/utils/input";

/** The board's late exception for one team: until when (Amsterdam time) and why. */
export const LateExceptionSchema = z.object({
  intent: z.literal("late-exception"),
  teamId: z.string({ error: "submissions:errors.team" }).regex(ID_PATTERN, "submissions:errors.team"),
  until: z
    .string({ error: "submissions:errors.until" })
    .transform(cleanString)
    .pipe(z.string().max(40, "submissions:errors.until"))
    .refine((v) => fromAmsterdamTime(v) !== null, "submissions:errors.until"),
  reason: z
    .string({ error: "submissions:errors.reason" })
    .transform(cleanString)
    .pipe(z.string({ error: "submissions:errors.reason" }).min(1, "submissions:errors.reason").max(500, "submissions:errors.reasonLong")),
});
