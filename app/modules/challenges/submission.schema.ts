// The submission page's form input (client-safe: the route's actionSchema is part of the client
// build, and the page validates the description form in the browser too).
import { z } from "zod";
import { cleanString, idSchema } from "~/utils/input";

/** https only: YouTube, Vimeo or any other https address. */
function isHttpsLink(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const SaveSchema = z.object({
  intent: z.literal("save"),
  description: z
    .string({ error: "submissions:errors.description" })
    .transform(cleanString)
    .pipe(z.string().min(1, "submissions:errors.description").max(5000, "submissions:errors.descriptionLong")),
  videoUrl: z
    .string()
    .transform(cleanString)
    .pipe(z.string().max(500, "submissions:errors.videoUrl").refine((v) => v === "" || isHttpsLink(v), "submissions:errors.videoUrl"))
    .optional(),
  marketingPlan: z.string().transform(cleanString).pipe(z.string().max(10000, "submissions:errors.marketingPlanLong")).optional(),
});

export const UploadSchema = z.object({
  intent: z.literal("upload"),
  file: z.instanceof(File, { error: "submissions:errors.file" }).refine((f) => f.size > 0, "submissions:errors.file"),
});

export const RemoveFileSchema = z.object({
  intent: z.literal("remove-file"),
  fileId: idSchema("submissions:errors.fileUnknown"),
});

export const SubmissionActionSchema = z.discriminatedUnion("intent", [SaveSchema, UploadSchema, RemoveFileSchema]);
