import { useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** True while a page loads or a form is sent: for `aria-busy` on <main>. */
export function useNavigationBusy(): boolean {
  return useNavigation().state !== "idle";
}

/** The field conform reserves for its own requests (check a field, add or remove a row). */
const CONFORM_INTENT = "__intent__";

/**
 * True while this page posts a form, optionally only the one with `intent` — for `pending` on
 * its submit button (`<Button pending={useSubmitting("invite")}>`).
 *
 * Conform's own round trips do not count: a form the server checks field by field posts each
 * check, and pressing the button blurs the last field, which starts one. Counted, it made the
 * button busy between mouse down and mouse up, and the button swallowed the click that was
 * meant to send the form (tests/e2e/ux.spec.ts, "right after typing").
 */
export function useSubmitting(intent?: string): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting" || navigation.formData?.has(CONFORM_INTENT)) return false;
  return intent === undefined || navigation.formData?.get("intent") === intent;
}

type Phase = "idle" | "loading" | "done";

/**
 * A thin bar along the top of the window while the next page loads (client-side navigation).
 * It appears only after 150 ms, so quick pages do not flicker, and creeps towards 90 % until the
 * page is there. Screen readers hear "Bezig met laden" only when it takes more than a second.
 */
export function NavigationProgress() {
  const { t } = useTranslation("ui");
  const busy = useNavigationBusy();
  const [phase, setPhase] = useState<Phase>("idle");
  const [slow, setSlow] = useState(false);

  useEffect(() => {
    if (busy) {
      const show = window.setTimeout(() => setPhase("loading"), 150);
      const announce = window.setTimeout(() => setSlow(true), 1000);
      return () => {
        window.clearTimeout(show);
        window.clearTimeout(announce);
      };
    }
    setSlow(false);
    setPhase((current) => (current === "loading" ? "done" : "idle"));
    const hide = window.setTimeout(() => setPhase("idle"), 300);
    return () => window.clearTimeout(hide);
  }, [busy]);

  const bar =
    phase === "loading"
      ? "w-[90%] opacity-100 transition-[width] duration-[8000ms] ease-out"
      : phase === "done"
        ? "w-full opacity-0 transition-[width,opacity] duration-300"
        : "w-0 opacity-0";
  return (
    <>
      <div aria-hidden className="pointer-events-none fixed inset-x-0 top-0 z-50 h-1">
        <div className={`h-full bg-brand-700 motion-reduce:transition-none ${bar}`} />
      </div>
      <p role="status" className="sr-only">
        {slow ? t("loading.page") : ""}
      </p>
    </>
  );
}

/** A small spinner with a text, for a part of a page that loads on its own (a fetcher). */
export function LoadingText({ children }: { children?: string }) {
  const { t } = useTranslation("ui");
  return (
    <p className="flex items-center gap-2 text-slate-700" role="status">
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-brand-700 border-t-transparent motion-reduce:animate-none" />
      {children ?? t("loading.busy")}
    </p>
  );
}
