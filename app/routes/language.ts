import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { supportedLanguages } from "~/i18n/config";
import { languageCookie } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

const LanguageSchema = z.object({
  lang: z.enum(supportedLanguages),
  redirectTo: z.string().optional(),
});

// Remembers the chosen language in a cookie; a plain form post, so it works without JavaScript.
export async function action({ request }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = LanguageSchema.safeParse(form);
  const target = safeRedirectPath(typeof form.redirectTo === "string" ? form.redirectTo : "/");
  if (!parsed.success) return redirect(target);
  return redirect(target, { headers: { "Set-Cookie": await languageCookie.serialize(parsed.data.lang) } });
}

export async function loader() {
  return redirect("/");
}
