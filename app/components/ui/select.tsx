import type { ReactNode, SelectHTMLAttributes } from "react";
import { controlClass, ErrorList, FieldHint, FieldLabel, useFieldIds, type FieldProps } from "./field";

export type SelectOption = { value: string; label: string; disabled?: boolean };

/**
 * A native <select>: the phone's own picker, works without JavaScript, and screen readers know it.
 * Give `options`, or `<option>`/`<optgroup>` children for anything special.
 * `placeholder` adds an empty first choice ("Kies …") so nothing is chosen by accident.
 */
export function SelectField({
  label,
  hint,
  errors,
  optional,
  options,
  placeholder,
  children,
  className = "",
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> &
  FieldProps & { optional?: boolean; options?: SelectOption[]; placeholder?: string; children?: ReactNode }) {
  const ids = useFieldIds(select.id, hint, errors);
  return (
    <div className={className}>
      <FieldLabel htmlFor={ids.id} optional={optional}>
        {label}
      </FieldLabel>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <select
        {...select}
        id={ids.id}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={controlClass(ids.invalid, "pr-8")}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}
