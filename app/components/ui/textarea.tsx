import type { TextareaHTMLAttributes } from "react";
import { controlClass, FieldShell, type FieldProps } from "./field";

export function TextareaField({
  label,
  hint,
  errors,
  optional,
  rows = 4,
  className = "",
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children"> & FieldProps & { optional?: boolean }) {
  return (
    <FieldShell label={label} hint={hint} errors={errors} optional={optional} className={className} id={textarea.id}>
      {(control, ids) => <textarea {...textarea} rows={rows} {...control} className={controlClass(ids.invalid, "resize-y")} />}
    </FieldShell>
  );
}
