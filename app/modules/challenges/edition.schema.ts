// The input rules of the edition form (create and edit), client-safe: the routes export them in
// their actionSchema. The fields themselves are components/challenges/edition-form.tsx.
import { z } from "zod";
import { fromAmsterdamTime } from "~/utils/format";
import { checkEditionDates } from "./phases";
import { cleanText, flag, idField, optionalText } from "./input";

/** A date and time as typed: "2027-02-01T09:00", "1-2-2027 09:00", or a date alone (midnight), Amsterdam time. */
export function parseDateTime(value: string): Date | null {
  const typed = value.trim();
  if (!typed) return null;
  const [date, time] = typed.includes("T") ? typed.split("T", 2) : typed.split(/\s+/, 2);
  return fromAmsterdamTime(date ?? "", time || "00:00");
}
export const dateTime = z.preprocess(
  cleanText,
  z
    .string({ error: "challenges:errors.dateRequired" })
    .min(1, "challenges:errors.dateRequired")
    .max(40, "challenges:errors.date")
    .transform((value, ctx) => {
      const at = parseDateTime(value);
      if (!at) {
        ctx.addIssue({ code: "custom", message: "challenges:errors.date" });
        return z.NEVER;
      }
      return at;
    }),
);
export const categoryRow = z.object({
  id: z.preprocess((v) => (v === "" ? undefined : v), idField.optional()),
  name: optionalText(80),
  schoolType: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["VMBO", "PRIMARY"], { error: "challenges:errors.schoolType" }).optional()),
});
export const teamSize = z.coerce.number({ error: "challenges:errors.teamSize" }).int("challenges:errors.teamSize").min(1, "challenges:errors.teamSize").max(30, "challenges:errors.teamSize");
export const EditionFields = {
  minTeamSize: teamSize,
  maxTeamSize: teamSize,
  marketingPlan: flag,
  helpersAllowed: flag,
  categories: z.array(categoryRow).max(12, "challenges:errors.tooManyCategories").optional(),
  registrationOpensAt: dateTime,
  registrationClosesAt: dateTime,
  submissionDeadline: dateTime,
  judgingOpensAt: dateTime,
  judgingClosesAt: dateTime,
  resultsPublishAt: dateTime,
};
export type EditionValue = {
  minTeamSize: number;
  maxTeamSize: number;
  categories?: Array<{ name?: string }>;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  submissionDeadline: Date;
  judgingOpensAt: Date;
  judgingClosesAt: Date;
  resultsPublishAt: Date;
};
/** Rules across fields: the dates in order (checkEditionDates), sizes, at least one category, no duplicate names. */
// zod runs this also when a field already failed (a too-long date stays a string): rules across
// fields only compare values that parsed.
export function refineEdition(value: EditionValue, ctx: z.RefinementCtx) {
  const dates = [value.registrationOpensAt, value.registrationClosesAt, value.submissionDeadline, value.judgingOpensAt, value.judgingClosesAt, value.resultsPublishAt];
  if (dates.every((d) => d instanceof Date)) {
    for (const { field, problem } of checkEditionDates(value)) {
      ctx.addIssue({ code: "custom", path: [field], message: `challenges:errors.dateOrder.${problem.replace("after:", "")}` });
    }
  }
  if (typeof value.maxTeamSize === "number" && typeof value.minTeamSize === "number" && value.maxTeamSize < value.minTeamSize) ctx.addIssue({ code: "custom", path: ["maxTeamSize"], message: "challenges:errors.teamSizeOrder" });
  const rows = value.categories ?? [];
  if (!rows.some((c) => c.name)) ctx.addIssue({ code: "custom", path: ["categories"], message: "challenges:errors.categoryRequired" });
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.name) return;
    const key = row.name.toLocaleLowerCase("nl");
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["categories", i, "name"], message: "challenges:errors.categoryDuplicate" });
    seen.add(key);
  });
}
