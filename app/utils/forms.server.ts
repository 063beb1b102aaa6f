import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import "~/utils/zod-messages";

/** A refused submission: 400 with the field errors (i18n keys) and what the user typed. */
export function invalid(result: SubmissionResult<string[]>) {
  return json(result, { status: 400 });
}

/** The posted form. A body that is no form (JSON, plain text, a broken multipart) is the client's error: 400, not 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad Request: the body is not a form", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

/** Over a rate limit: 429 with the form's message on `field`, before the post was read. */
export function tooMany(field: string, message: string) {
  return json({ status: "error", error: { [field]: [message] } } satisfies SubmissionResult<string[]>, { status: 429 });
}

export const minutesFrom = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));
