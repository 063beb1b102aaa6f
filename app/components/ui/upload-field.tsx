import { useFormAction, useMatches, useNavigate, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";
import { controlClass, ErrorList, FieldShell } from "./field";
import { useHydrated } from "./hydrated";
import { formatFileSize } from "~/utils/format";

type Phase = "idle" | "sending" | "done" | "cancelled" | "failed";

export type UploadFormProps = {
  /** Where to post; default: the current route (like <Form>). */
  action?: string;
  intent: string;
  /** The file input's name. */
  name: string;
  label: string;
  hint?: string;
  accept?: string;
  /** Field errors from the server (no-JavaScript post: the action data). */
  errors?: string[];
  submitLabel: string;
  hiddenFields?: Record<string, string>;
};

type Outcome =
  | { kind: "redirect"; to: string }
  | { kind: "errors"; fieldErrors: string[]; formErrors: string[] }
  | { kind: "ok" }
  | { kind: "failed"; status: number };

/**
 * What the server answered an upload sent with XMLHttpRequest. A Remix data request (`?_data=`)
 * answers a redirect with 204 and `X-Remix-Redirect`; a plain document post answers 302, which
 * XHR follows, so `responseURL` then differs from the URL posted to. Field errors come as JSON
 * (conform's reply: `{ error: { [field]: [...] } }`).
 */
export function readOutcome(
  xhr: Pick<XMLHttpRequest, "status" | "responseURL" | "responseText" | "getResponseHeader">,
  postedTo: string,
  field: string,
): Outcome {
  const redirect = xhr.getResponseHeader("X-Remix-Redirect");
  if (redirect) return { kind: "redirect", to: redirect };
  if (xhr.responseURL) {
    const final = new URL(xhr.responseURL);
    const posted = new URL(postedTo, final.origin);
    if (final.origin === posted.origin && final.pathname + final.search !== posted.pathname + posted.search && xhr.status < 400) {
      final.searchParams.delete("_data");
      return { kind: "redirect", to: final.pathname + final.search + final.hash };
    }
  }
  if (xhr.status >= 400 && xhr.status < 500 && (xhr.getResponseHeader("Content-Type") ?? "").includes("json")) {
    try {
      const body = JSON.parse(xhr.responseText) as { error?: Record<string, string[] | null> } | null;
      const errors = body?.error ?? {};
      const fieldErrors = errors[field] ?? [];
      const formErrors = Object.entries(errors)
        .filter(([key]) => key !== field)
        .flatMap(([, list]) => list ?? []);
      if (fieldErrors.length || formErrors.length) return { kind: "errors", fieldErrors, formErrors };
    } catch {
      // not our JSON: a plain failure below
    }
  }
  if (xhr.status >= 200 && xhr.status < 300) return { kind: "ok" };
  return { kind: "failed", status: xhr.status };
}

/**
 * A complete upload form: a labelled file input, hidden fields and a submit button. Without
 * JavaScript it is an ordinary multipart post. With JavaScript the same FormData goes with
 * XMLHttpRequest, which reports upload progress: a <progress> bar with percentage and bytes
 * (announced politely, in steps), a "Annuleren" button that aborts, and the outcome followed as
 * a form post would (redirect → navigate there; field errors → shown at the field).
 */
export function UploadForm({ action, intent, name, label, hint, accept, errors, submitLabel, hiddenFields }: UploadFormProps) {
  const { t, i18n } = useTranslation("ui");
  const hydrated = useHydrated();
  const formAction = useFormAction(action);
  const matches = useMatches();
  const navigate = useNavigate();
  const { revalidate } = useRevalidator();
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [loaded, setLoaded] = useState(0);
  const [total, setTotal] = useState(0);
  const [announced, setAnnounced] = useState(0);
  const [clientErrors, setClientErrors] = useState<string[] | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  // Leaving the page stops a running upload.
  useEffect(() => () => xhrRef.current?.abort(), []);

  // Our own route: post as a Remix data request, so a redirect comes back as X-Remix-Redirect
  // (not followed, the toast cookie stays for the next page) and errors as JSON.
  const leaf = matches.at(-1);
  const ownRoute = action === undefined && leaf ? leaf.id : null;

  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (phase === "sending") {
      event.preventDefault();
      return;
    }
    if (!ownRoute || typeof XMLHttpRequest === "undefined") return; // an ordinary post
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const url = new URL(formAction, window.location.href);
    url.searchParams.set("_data", ownRoute);
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    setPhase("sending");
    setLoaded(0);
    setAnnounced(0);
    setClientErrors(null);
    setFormErrors([]);
    const file = data.get(name);
    setTotal(file instanceof File ? file.size : 0);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      setLoaded(e.loaded);
      setTotal(e.total);
      // Screen readers hear the progress in steps of a quarter, not at every event.
      const step = Math.floor((e.loaded / e.total) * 4) * 25;
      setAnnounced((prev) => (step > prev ? step : prev));
    };
    xhr.onabort = () => {
      xhrRef.current = null;
      setPhase("cancelled");
      formRef.current?.querySelector<HTMLButtonElement>("button[type=submit]")?.focus();
    };
    xhr.onerror = () => {
      xhrRef.current = null;
      setPhase("failed");
    };
    xhr.onload = () => {
      xhrRef.current = null;
      const outcome = readOutcome(xhr, url.pathname + url.search, name);
      if (outcome.kind === "redirect") {
        setPhase("done");
        form.reset();
        navigate(outcome.to);
        return;
      }
      if (outcome.kind === "errors") {
        setPhase("idle");
        setClientErrors(outcome.fieldErrors);
        setFormErrors(outcome.formErrors);
      } else if (outcome.kind === "ok") {
        setPhase("done");
        form.reset();
      } else {
        setPhase("failed");
      }
      revalidate();
    };
    xhr.open("POST", url.toString());
    xhr.send(data);
  }

  const shownErrors = clientErrors ?? errors;
  const sending = phase === "sending";
  const lang = i18n.language;

  return (
    <form ref={formRef} method="post" encType="multipart/form-data" action={formAction} onSubmit={onSubmit} className="space-y-4" aria-busy={sending || undefined}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hiddenFields ?? {}).map(([field, value]) => (
        <input key={field} type="hidden" name={field} value={value} />
      ))}
      <FieldShell label={label} hint={hint} errors={shownErrors}>
        {(control, ids) => (
          <input
            type="file"
            name={name}
            accept={accept}
            disabled={sending}
            {...control}
            className={controlClass(ids.invalid, "file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:font-semibold file:text-brand-800")}
          />
        )}
      </FieldShell>
      <ErrorList errors={formErrors} />
      {hydrated && phase !== "idle" ? (
        <div className="space-y-2">
          {sending || phase === "done" ? (
            <>
              <progress
                max={100}
                value={phase === "done" ? 100 : percent}
                aria-label={t("upload.progressLabel")}
                className="block h-3 w-full overflow-hidden rounded-full accent-brand-700 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700"
              />
              <p className="text-sm text-slate-800 tabular-nums" data-upload-status>
                {phase === "done"
                  ? t("upload.done")
                  : t("upload.progress", { percent, loaded: formatFileSize(loaded, lang), total: formatFileSize(total, lang) })}
              </p>
            </>
          ) : null}
        </div>
      ) : null}
      {/* Always in the page, so screen readers announce what appears in it. */}
      <p role="status" className={phase === "cancelled" || phase === "failed" ? "text-sm font-medium text-slate-900" : "sr-only"}>
        {sending
          ? t("upload.announce", { percent: announced })
          : phase === "cancelled"
            ? t("upload.cancelled")
            : phase === "failed"
              ? t("upload.failed")
              : phase === "done"
                ? t("upload.done")
                : ""}
      </p>
      <div className="flex flex-wrap gap-3">
        <Button pending={sending} className="max-sm:w-full">
          {submitLabel}
        </Button>
        {hydrated && sending ? (
          <Button type="button" variant="secondary" onClick={() => xhrRef.current?.abort()} className="max-sm:w-full">
            {t("upload.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
