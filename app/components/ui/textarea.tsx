import type { TextareaHTMLAttributes } from "react";
import { controlClass, ErrorList, FieldHint, FieldLabel, useFieldIds, type FieldProps } from "./field";

export function TextareaField({
  label,
  hint,
  errors,
  optional,
  rows = 4,
  className = "",
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "children"> & FieldProps & { optional?: boolean }) {
  const ids = useFieldIds(textarea.id, hint, errors);
  return (
    <div className={className}>
      <FieldLabel htmlFor={ids.id} optional={optional}>
        {label}
      </FieldLabel>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <textarea
        {...textarea}
        rows={rows}
        id={ids.id}
        aria-invalid={ids.invalid || undefined}
        aria-describedby={ids.describedBy}
        className={controlClass(ids.invalid, "resize-y")}
      />
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}
