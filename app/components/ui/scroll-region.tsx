import type { ReactNode } from "react";

// A box that scrolls sideways (a wide table, a long line of text) on a phone. A keyboard reaches
// it (tabIndex 0, so arrow keys scroll it) and a screen reader hears what it holds (a region with
// a name): axe's `scrollable-region-focusable` rule.

export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`max-w-full overflow-auto ${className}`}>
      {children}
    </div>
  );
}
