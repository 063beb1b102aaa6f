// Input of the board's schools page (client-safe: the route exports it as actionSchema).
import { z } from "zod";
import { fromAmsterdamTime, parseDateInput } from "~/utils/format";
import { cleanString } from "~/utils/input";
import { cleanText, idField, optionalText, text } from "./input";

const SchoolFields = {
  name: text(120, "challenges:errors.schoolName"),
  brin: z.preprocess(
    (v) => (typeof v === "string" ? cleanString(v).toUpperCase() : v),
    z.string({ error: "challenges:errors.brin" }).regex(/^\d{2}[A-Z]{2}$/, "challenges:errors.brin"),
  ),
  vestiging: z.preprocess(cleanText, z.string({ error: "challenges:errors.vestiging" }).regex(/^\d{2}$/, "challenges:errors.vestiging")),
  city: optionalText(80),
  type: z.enum(["VMBO", "PRIMARY"], { error: "challenges:errors.schoolType" }),
};

const optionalFile = z.preprocess((v) => (v instanceof File && v.size === 0 && !v.name ? undefined : v), z.instanceof(File, { message: "challenges:errors.document" }).optional());
const CreateSchoolSchema = z.object({ intent: z.literal("create-school"), ...SchoolFields });
const UpdateSchoolSchema = z.object({ intent: z.literal("update-school"), schoolId: idField, ...SchoolFields });
const AgreementSchema = z.object({
  intent: z.literal("record-agreement"),
  schoolId: idField,
  signedOn: z.preprocess(
    cleanText,
    z
      .string({ error: "challenges:errors.dateRequired" })
      .min(1, "challenges:errors.dateRequired")
      .max(20, "challenges:errors.date")
      .transform((v, ctx) => {
        const day = parseDateInput(v);
        const at = day ? fromAmsterdamTime(day) : null;
        if (!at) {
          ctx.addIssue({ code: "custom", message: "challenges:errors.date" });
          return z.NEVER;
        }
        return at;
      }),
  ),
  document: optionalFile,
});

/** Every form of the board's schools page. */
export const BoardSchoolsActionSchema = z.discriminatedUnion("intent", [CreateSchoolSchema, UpdateSchoolSchema, AgreementSchema]);
export type BoardSchoolsAction = z.infer<typeof BoardSchoolsActionSchema>;
