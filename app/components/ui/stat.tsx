import type { ReactNode } from "react";

/** Key figures: a description list, so "42 — aangesloten bedrijven" stays one pair when read aloud. */
export function StatGroup({ children, className = "" }: { children: ReactNode; className?: string }) {
  // As many columns as fit at 14rem each: one on a phone, so amounts never break mid-number.
  return <dl className={`grid grid-cols-[repeat(auto-fit,minmax(14rem,1fr))] gap-4 ${className}`}>{children}</dl>;
}

/** One figure with its label and, optionally, a line of context ("3 meer dan vorig jaar"). */
export function Stat({ label, value, hint }: { label: ReactNode; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-700 hyphens-auto">{label}</dt>
      <dd className="order-first break-words text-2xl font-bold tabular-nums text-brand-800">{value}</dd>
      {hint ? <dd className="mt-1 text-sm text-slate-600">{hint}</dd> : null}
    </div>
  );
}
