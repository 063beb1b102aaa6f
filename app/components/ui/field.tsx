import { useId, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/**
 * Error messages are i18n keys (from the zod schemas), optionally with values after a "?",
 * e.g. "auth:errors.rateLimited?minutes=5"; shown translated next to the field.
 */
export function translateError(t: (key: string, options?: Record<string, string>) => string, error: string): string {
  const [key, query] = error.split("?", 2);
  return t(key!, query ? Object.fromEntries(new URLSearchParams(query)) : undefined);
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>{translateError(t, e)}</li>
      ))}
    </ul>
  );
}

export function TextField({
  label,
  hint,
  errors,
  className = "",
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; errors?: string[] | null }) {
  const fallbackId = useId();
  const id = input.id ?? fallbackId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={
          "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-base text-slate-900 " +
          (errorId ? "border-red-700" : "border-slate-400")
        }
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
