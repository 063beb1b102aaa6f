import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

// Dark text on a light tint (≥ 7:1) plus a border, so the badge reads in greyscale too.
// The word carries the meaning ("Betaald", "Te laat"); the colour only helps.
const TONES: Record<BadgeTone, string> = {
  neutral: "border-slate-400 bg-slate-100 text-slate-800",
  info: "border-brand-600 bg-brand-50 text-brand-800",
  success: "border-green-700 bg-green-50 text-green-900",
  warning: "border-amber-600 bg-amber-50 text-amber-900",
  danger: "border-red-700 bg-red-50 text-red-900",
};

/** A status word. Never only a colour: the text is the status. */
export function Badge({ tone = "neutral", children, className = "" }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-medium ${TONES[tone]} ${className}`}
    >
      {children}
    </span>
  );
}
