import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";

/** A refused submission: 400 with the field errors (i18n keys) and what the user typed. */
export function invalid(result: SubmissionResult<string[]>) {
  return json(result, { status: 400 });
}

export const minutesFrom = (seconds: number) => String(Math.max(1, Math.ceil(seconds / 60)));
