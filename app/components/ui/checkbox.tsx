import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { ErrorList, FieldShell, useFieldIds, type FieldProps } from "./field";

// The whole row (box and text) is the click target, at least 44 px high.
const ROW = "flex min-h-11 cursor-pointer items-start gap-3 py-2.5 text-base text-slate-900";
const BOX = "mt-0.5 size-5 shrink-0 cursor-pointer accent-brand-700";

/** One checkbox: "Ik ga akkoord", "Stuur mij een herinnering". */
export function CheckboxField({
  label,
  hint,
  errors,
  className = "",
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> & FieldProps) {
  return (
    <FieldShell label={label} hint={hint} errors={errors} className={className} id={input.id} layout="inline">
      {(control) => (
        <label htmlFor={control.id} className={ROW}>
          <input {...input} type="checkbox" {...control} className={BOX} />
          <span className="font-medium">{label}</span>
        </label>
      )}
    </FieldShell>
  );
}

export type ChoiceOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };

type GroupProps = FieldProps & {
  /** The question, shown as the fieldset's legend. */
  label: ReactNode;
  name: string;
  options: ChoiceOption[];
  id?: string;
  disabled?: boolean;
  className?: string;
  /** Side by side when they fit (short answers such as Ja / Nee). */
  inline?: boolean;
};

function ChoiceGroup({
  type,
  label,
  hint,
  errors,
  name,
  options,
  id,
  disabled,
  className = "",
  inline,
  isChecked,
  required,
}: GroupProps & { type: "checkbox" | "radio"; isChecked: (value: string) => boolean; required?: boolean }) {
  const ids = useFieldIds(id, hint, errors);
  const optionBase = useId();
  return (
    <fieldset
      id={ids.id}
      className={`min-w-0 ${className}`}
      aria-describedby={ids.describedBy}
      aria-invalid={type === "radio" && ids.invalid ? true : undefined}
      disabled={disabled}
    >
      <legend className="text-sm font-semibold text-slate-900">{label}</legend>
      {hint ? (
        <p id={ids.hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className={inline ? "mt-1 flex flex-wrap gap-x-6" : "mt-1"}>
        {options.map((option, index) => {
          const optionId = `${optionBase}-${index}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div key={option.value}>
              <label htmlFor={optionId} className={ROW}>
                <input
                  type={type}
                  id={optionId}
                  name={name}
                  value={option.value}
                  defaultChecked={isChecked(option.value)}
                  disabled={option.disabled}
                  required={required}
                  aria-describedby={optionHintId}
                  className={BOX}
                />
                <span>{option.label}</span>
              </label>
              {option.hint ? (
                <p id={optionHintId} className="-mt-1.5 mb-1 pl-8 text-sm text-slate-600">
                  {option.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <ErrorList id={ids.errorId} errors={errors} />
    </fieldset>
  );
}

/** Several answers allowed: a fieldset whose legend asks the question. */
export function CheckboxGroup({ defaultValue, ...props }: GroupProps & { defaultValue?: string[] | string | null }) {
  const chosen = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return <ChoiceGroup type="checkbox" {...props} isChecked={(v) => chosen.has(v)} />;
}

/** Exactly one answer, e.g. "Ik kom · Ik kan niet · Weet ik nog niet". */
export function RadioGroup({
  defaultValue,
  required,
  ...props
}: GroupProps & { defaultValue?: string | null; required?: boolean }) {
  return <ChoiceGroup type="radio" {...props} required={required} isChecked={(v) => v === defaultValue} />;
}
