import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

type Action = { to: string; label: string };

/**
 * Nothing to show yet: say so plainly and say what to do next ("Nog geen teams. Schrijf een
 * team in."). The action is a link (a page to go to); pass `children` for a form instead.
 */
export function EmptyState({
  title,
  text,
  action,
  children,
  headingLevel = 2,
  className = "",
}: {
  title: string;
  text?: ReactNode;
  action?: Action;
  children?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  className?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={`rounded-xl border-2 border-dashed border-slate-300 bg-white px-5 py-8 text-center ${className}`}>
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      {text ? <p className="mx-auto mt-2 max-w-prose text-slate-700">{text}</p> : null}
      {action || children ? (
        <div className="mt-5 flex flex-wrap justify-center gap-3">
          {action ? (
            <Link to={action.to} className={buttonClass("primary")}>
              {action.label}
            </Link>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
