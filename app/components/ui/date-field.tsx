import type { InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { controlClass, FieldShell, type FieldProps } from "./field";

export { formatDate, formatDateTime, formatMoney, formatTime } from "~/utils/format";

export type DateFieldType = "date" | "time" | "datetime-local";

/**
 * A native date, time or date-and-time input: the phone's own picker, no JavaScript needed.
 * Its value is always "yyyy-mm-dd" / "hh:mm" / "yyyy-mm-ddThh:mm" (Amsterdam wall-clock time;
 * `fromAmsterdamTime` in ~/utils/format turns it into an instant). The hint names the Dutch
 * format (dd-mm-jjjj), which is what a browser without a picker asks the user to type; the
 * server accepts both (`parseDateInput`).
 */
export function DateField({
  label,
  hint,
  errors,
  optional,
  type = "date",
  showFormat = true,
  className = "",
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> &
  FieldProps & { optional?: boolean; type?: DateFieldType; showFormat?: boolean }) {
  const { t } = useTranslation("ui");
  const format = showFormat ? t(`date.format.${type}`) : null;
  const fullHint = hint || format ? [hint, format].filter(Boolean) : null;
  return (
    <FieldShell
      label={label}
      hint={fullHint?.map((part, i) => (
        <span key={i} className="block">
          {part}
        </span>
      ))}
      errors={errors}
      optional={optional}
      className={className}
      id={input.id}
    >
      {(control, ids) => (
        <input {...input} type={type} {...control} className={controlClass(ids.invalid, type === "time" ? "sm:max-w-40" : "sm:max-w-64")} />
      )}
    </FieldShell>
  );
}
