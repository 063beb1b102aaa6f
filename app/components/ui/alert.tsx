import type { ReactNode } from "react";

const TONES = {
  info: "border-brand-600 bg-brand-50 text-slate-900",
  success: "border-green-700 bg-green-50 text-slate-900",
  warning: "border-amber-600 bg-amber-50 text-slate-900",
  error: "border-red-700 bg-red-50 text-slate-900",
} as const;

export function Alert({ tone = "info", title, children }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border-l-4 p-4 ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
