// Toasts after a successful write: the action redirects (post/redirect/get) and puts the message
// in a short-lived signed cookie; the next page's root loader reads it once and clears it. The
// message is an i18n key, so it is shown in the reader's language, and it survives a page load
// without JavaScript. Signed, so nobody can plant text on our pages through a crafted cookie.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { TOAST_TONES, type ToastMessage, type ToastTone } from "~/components/ui/toast";
import { randomToken } from "./crypto.server";
import { getEnv } from "./env.server";

export type ToastInput = { key: string; values?: Record<string, string>; tone?: ToastTone };

const ToastSchema = z.object({
  id: z.string().min(1).max(64),
  // "namespace:key.path" — a key from our own locale files, never free text.
  key: z.string().max(200).regex(/^[a-z][\w-]*:[\w.-]+$/),
  values: z.record(z.string().max(40), z.string().max(300)).optional(),
  tone: z.enum(TOAST_TONES),
});

let cookie: ReturnType<typeof createCookie> | undefined;
function toastCookie() {
  const env = getEnv();
  cookie ??= createCookie("vv_toast", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https:"),
    secrets: [env.sessionSecret],
    // Read on the very next page; a toast nobody saw within a minute is stale.
    maxAge: 60,
  });
  return cookie;
}

/** The Set-Cookie value that makes the next page show this toast. */
export async function createToastCookie(input: ToastInput): Promise<string> {
  const toast: ToastMessage = ToastSchema.parse({ id: randomToken(9), tone: "success", ...input });
  return toastCookie().serialize(toast);
}

/** Redirect after a write, with a toast on the page redirected to. */
export async function redirectWithToast(url: string, input: ToastInput, init?: ResponseInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  headers.append("Set-Cookie", await createToastCookie(input));
  return redirect(url, { ...init, headers });
}

/**
 * For the root loader: the toast to show (or null) and the Set-Cookie that clears it. A cookie
 * that is tampered with, expired or malformed is cleared and shows nothing.
 */
export async function getToast(request: Request): Promise<{ toast: ToastMessage | null; setCookie: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header || !/(?:^|;\s*)vv_toast=/.test(header)) return { toast: null, setCookie: null };
  const parsed = ToastSchema.safeParse(await toastCookie().parse(header));
  const setCookie = await toastCookie().serialize("", { maxAge: 0 });
  return { toast: parsed.success ? parsed.data : null, setCookie };
}
