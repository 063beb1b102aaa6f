import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "./button";
import { useHydrated } from "./hydrated";

export const TOAST_TONES = ["success", "info", "warning", "error"] as const;
export type ToastTone = (typeof TOAST_TONES)[number];

/** A message for the next page: an i18n key ("namespace:key") with its values. */
export type ToastMessage = { id: string; key: string; values?: Record<string, string>; tone: ToastTone };

const TONES: Record<ToastTone, string> = {
  success: "border-green-700",
  info: "border-brand-700",
  warning: "border-amber-600",
  error: "border-red-700",
};

/** Long enough to read twice; hovering or focusing the message stops the clock. */
const VISIBLE_MS = 8000;

/**
 * The one place toasts appear, rendered by the root layout. The server renders the message into
 * a polite live region (role="status"), so it shows without JavaScript too: then it sits at the
 * top of the page in the flow of the text (no fixed box covering content that nobody can close).
 * With JavaScript it floats (bottom on phones, top right on wider screens), hides itself after
 * 8 seconds and has a close button.
 */
export function Toaster({ toast }: { toast: ToastMessage | null | undefined }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [shown, setShown] = useState(toast ?? null);
  const [lastId, setLastId] = useState(toast?.id);
  const [paused, setPaused] = useState(false);
  // A new toast from the server (after a client-side navigation) replaces the current one.
  if (toast && toast.id !== lastId) {
    setLastId(toast.id);
    setShown(toast);
  }
  useEffect(() => {
    if (!shown || paused) return;
    const timer = window.setTimeout(() => setShown(null), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [shown, paused]);

  return (
    <div
      role="status"
      className={
        "pointer-events-none fixed inset-x-0 bottom-0 z-40 flex justify-center p-4 " +
        "sm:bottom-auto sm:left-auto sm:top-0 sm:justify-end " +
        "[@media(scripting:none)]:static [@media(scripting:none)]:p-0"
      }
    >
      {shown ? (
        <div
          key={shown.id}
          onMouseEnter={() => setPaused(true)}
          onMouseLeave={() => setPaused(false)}
          onFocus={() => setPaused(true)}
          onBlur={() => setPaused(false)}
          className={`pointer-events-auto flex w-full max-w-md items-start gap-3 rounded-lg border-l-4 bg-white p-4 text-slate-900 shadow-lg ring-1 ring-slate-300 [@media(scripting:none)]:mb-6 [@media(scripting:none)]:max-w-none [@media(scripting:none)]:shadow-none ${TONES[shown.tone]}`}
        >
          <p className="min-w-0 flex-1 break-words pt-2.5">
            <strong className="font-semibold">{t(`ui:toast.tone.${shown.tone}`)}</strong> {t(shown.key, shown.values)}
          </p>
          {hydrated ? (
            <button type="button" className={buttonClass("ghost", "-my-1 -mr-2 shrink-0")} onClick={() => setShown(null)}>
              {t("ui:toast.close")}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
