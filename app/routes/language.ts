import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { supportedLanguages } from "~/i18n/config";
import { languageCookie } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { checkPublicPost } from "~/modules/auth/public-forms.server";
import { readForm } from "~/utils/forms.server";

const LanguageSchema = z.object({
  lang: z.enum(supportedLanguages),
  redirectTo: z.string().optional(),
});
// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = LanguageSchema;

// Remembers the chosen language in a cookie; a plain form post, so it works without JavaScript.
export async function action({ request }: ActionFunctionArgs) {
  const limit = await checkPublicPost(request, "language");
  if (!limit.allowed) {
    return new Response(
      `Te veel verzoeken. Probeer het over ${limit.minutes} minuten opnieuw.\nToo many requests. Try again in ${limit.minutes} minutes.\n`,
      { status: 429, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const form = Object.fromEntries(await readForm(request));
  const parsed = LanguageSchema.safeParse(form);
  const target = safeRedirectPath(typeof form.redirectTo === "string" ? form.redirectTo : "/");
  if (!parsed.success) return redirect(target);
  return redirect(target, { headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.lang) } });
}

export async function loader() {
  return redirect("/");
}
