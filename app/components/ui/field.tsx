import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { withNumericCount } from "~/utils/i18n-values";

/**
 * Error messages are i18n keys (from the zod schemas), optionally with values after a "?",
 * e.g. "auth:errors.rateLimited?count=5" (a count picks the plural form); shown translated next to
 * the field.
 */
export function translateError(t: (key: string, options?: Record<string, string | number>) => string, error: string): string {
  const [key, query] = error.split("?", 2);
  return t(key!, query ? withNumericCount(Object.fromEntries(new URLSearchParams(query))) : undefined);
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>
          {/* Red is not the only cue: screen readers hear "Error:", sighted readers see the thick border. */}
          <span className="sr-only">{t("ui:field.errorPrefix")} </span>
          {translateError(t, e)}
        </li>
      ))}
    </ul>
  );
}

// ---------------------------------------------------------------------------------------------
// Shared by every field component: ids that tie label, hint and errors to the control.

export type FieldProps = { label: ReactNode; hint?: ReactNode; errors?: string[] | null };

export function useFieldIds(id: string | undefined, hint: unknown, errors: string[] | null | undefined) {
  const fallbackId = useId();
  const controlId = id ?? fallbackId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = errors?.length ? `${controlId}-error` : undefined;
  return {
    id: controlId,
    hintId,
    errorId,
    invalid: Boolean(errorId),
    describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined,
  };
}

/**
 * 44 px high, a 3:1 border (slate-500 on white) and a thicker red one when invalid. The focus
 * ring is repeated for `:focus` because date and time inputs focus a part inside themselves,
 * which leaves `:focus-visible` off the input in Chromium.
 */
export function controlClass(invalid: boolean, extra = "") {
  return (
    "mt-1 block min-h-11 w-full max-w-full rounded-lg bg-white px-3 py-2 text-base text-slate-900 " +
    "focus:outline-3 focus:outline-offset-2 focus:outline-brand-800 focus:outline-solid focus:shadow-[0_0_0_2px_var(--color-accent-500)] " +
    "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 " +
    (invalid ? "border-2 border-red-700 " : "border border-slate-500 ") +
    extra
  );
}

export function FieldLabel({ htmlFor, children, optional }: { htmlFor: string; children: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor} className="block text-sm font-semibold text-slate-900">
      {children}
      {optional ? <span className="font-normal text-slate-600"> ({t("ui:field.optional")})</span> : null}
    </label>
  );
}

export function FieldHint({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children || !id) return null;
  return (
    <p id={id} className="mt-0.5 text-sm text-slate-600">
      {children}
    </p>
  );
}

type FieldIds = ReturnType<typeof useFieldIds>;

/**
 * Label, hint and inline errors around one control; every field component uses it, so they
 * all wire `aria-invalid`/`aria-describedby` the same way.
 */
export function FieldShell({
  label,
  hint,
  errors,
  optional,
  className = "",
  id,
  layout = "stacked",
  children,
}: FieldProps & {
  optional?: boolean;
  className?: string;
  id?: string;
  /**
   * "stacked": label, hint, control (text, select, date …). "inline": the control renders its own
   * <label> around itself and the label text (a checkbox row); the hint follows, indented.
   */
  layout?: "stacked" | "inline";
  children: (control: ControlProps, ids: FieldIds) => ReactNode;
}) {
  const ids = useFieldIds(id, hint, errors);
  const control = children({ id: ids.id, "aria-invalid": ids.invalid || undefined, "aria-describedby": ids.describedBy }, ids);
  if (layout === "inline") {
    return (
      <div className={className}>
        {control}
        {hint && ids.hintId ? (
          <p id={ids.hintId} className="-mt-1.5 pl-8 text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
        <ErrorList id={ids.errorId} errors={errors} />
      </div>
    );
  }
  return (
    <div className={className}>
      <FieldLabel htmlFor={ids.id} optional={optional}>
        {label}
      </FieldLabel>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      {control}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

export type ControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

export function TextField({
  label,
  hint,
  errors,
  optional,
  className = "",
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "children"> & FieldProps & { optional?: boolean }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors} optional={optional} className={className} id={input.id}>
      {(control, ids) => <input {...input} {...control} className={controlClass(ids.invalid)} />}
    </FieldShell>
  );
}
