import type { ButtonHTMLAttributes, MouseEvent } from "react";
import { useTranslation } from "react-i18next";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";
type Variant = ButtonVariant;

// Every variant: at least 44 × 44 px, text contrast ≥ 4.5:1 on its own background.
const VARIANTS: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-500",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-slate-400",
  ghost: "text-brand-700 hover:bg-brand-50 disabled:text-slate-500",
};

/** The button look, also for links that act as buttons (`<Link className={buttonClass()}>`). */
export function buttonClass(variant: Variant = "primary", extra = "") {
  return `inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold no-underline hover:no-underline disabled:cursor-not-allowed aria-disabled:cursor-progress ${VARIANTS[variant]} ${extra}`;
}

/**
 * `pending`: the form is being sent. The button keeps focus and its label (a disabled button
 * would drop keyboard focus), shows a spinner and ignores further clicks.
 */
export function Button({
  variant = "primary",
  className = "",
  type = "submit",
  pending = false,
  onClick,
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pending?: boolean }) {
  const { t } = useTranslation("ui");
  const guard = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault();
    else onClick?.(event);
  };
  return (
    <button
      type={type}
      className={buttonClass(variant, className)}
      aria-disabled={pending || undefined}
      onClick={guard}
      {...props}
    >
      {pending ? (
        <>
          <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
          <span className="sr-only">{t("loading.busy")} </span>
        </>
      ) : null}
      {children}
    </button>
  );
}
