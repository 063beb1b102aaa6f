// Input schemas of the board's company pages (client-safe: the routes export them as actionSchema).
import { z } from "zod";
import { cleanString, ID_PATTERN } from "~/utils/input";

const reason = z
  .string({ error: "companies:errors.reasonRequired" })
  .transform(cleanString)
  .pipe(z.string({ error: "companies:errors.reasonRequired" }).min(1, "companies:errors.reasonRequired").max(1000, "companies:errors.tooLong"));

/** The board's decisions on a company: approve (with a tier), reject, end, reinstate. */
export const CompanyDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), tierId: z.string({ error: "companies:errors.tierRequired" }).regex(ID_PATTERN, "companies:errors.tierRequired") }),
  z.object({ intent: z.literal("reject"), reason }),
  z.object({ intent: z.literal("end"), reason }),
  z.object({ intent: z.literal("reinstate") }),
]);
export type CompanyDecision = z.infer<typeof CompanyDecisionSchema>;
