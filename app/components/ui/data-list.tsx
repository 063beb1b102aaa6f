import type { ReactNode } from "react";

// A list of facts (label and value) that fits a phone whatever the value: long unbroken values
// (e-mail addresses, web addresses, IBANs) wrap anywhere, so their width never widens the page.
// On a phone the label sits above its value; from `sm` up they stand side by side.

export function DataList({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <dl className={`min-w-0 divide-y divide-slate-100 ${className}`}>{children}</dl>;
}

/** One fact; an empty value shows as "—". */
export function DataItem({ label, children }: { label: ReactNode; children?: ReactNode }) {
  const empty = children === null || children === undefined || children === "" || children === false;
  return (
    <div className="min-w-0 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="min-w-0 font-semibold text-slate-900 [overflow-wrap:anywhere]">{label}</dt>
      <dd className="min-w-0 text-slate-800 [overflow-wrap:anywhere] sm:col-span-2">{empty ? "—" : children}</dd>
    </div>
  );
}
