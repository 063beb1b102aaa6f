import type { ReactNode, SelectHTMLAttributes } from "react";
import { controlClass, FieldShell, type FieldProps } from "./field";

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
  return (
    <FieldShell label={label} hint={hint} errors={errors} optional={optional} className={className} id={select.id}>
      {(control, ids) => (
        <select {...select} {...control} className={controlClass(ids.invalid, "pr-8")}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options?.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </FieldShell>
  );
}
