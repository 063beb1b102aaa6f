import type { ReactNode } from "react";

// A box that scrolls sideways (a wide table, a long line of text) on a phone. A keyboard reaches
// it (tabIndex 0, so arrow keys scroll it) and a screen reader hears what it holds (a region with
// a name): axe's `scrollable-region-focusable` rule. It is positioned (`relative`) so that what is
// absolutely placed inside it — the `sr-only` text of a button in a table cell — is clipped by its
// scrolling too, instead of hanging out beside the page and making the whole page scroll sideways.

export function ScrollRegion({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative max-w-full overflow-auto ${className}`}>
      {children}
    </div>
  );
}
