import { lazy, Suspense, useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "./hydrated";

export type ChartRow = Record<string, string | number>;

export type ChartSeries = {
  /** The row field with the value. */
  key: string;
  label: string;
  /** Bars (default) or a line; two kinds of shape, so the series are told apart without colour. */
  type?: "bar" | "line";
  /** A second scale on the right for a series in other units (euros next to counts). */
  axis?: "left" | "right";
  /** How a value reads (axis, tooltip and table), e.g. money. */
  format?: (value: number) => string;
  /** Defaults to the chart palette (each ≥ 4.5:1 on white). */
  color?: string;
};

/** Colours for series, each with at least 4.5:1 contrast on white (WCAG 1.4.11 asks 3:1). */
export const CHART_COLOURS = ["#174c94", "#b45309", "#0f766e", "#7e22ce"] as const;

const ChartCanvas = lazy(() => import("./chart-canvas.client"));

/**
 * A chart with its text alternative. The figure has a caption; the drawing (recharts) comes in
 * the browser after hydration, in a box of fixed height so nothing jumps, and is hidden from
 * assistive technology. The same numbers are always in the HTML as a real table (under "Toon
 * als tabel"), so they are there without JavaScript, for screen readers, and to copy.
 */
export function Chart({
  caption,
  description,
  data,
  xKey,
  xLabel,
  series,
  height = 280,
  tableOpen = false,
}: {
  caption: string;
  /** One or two sentences on what the chart shows (shown under the caption). */
  description?: ReactNode;
  data: ChartRow[];
  /** The row field on the horizontal axis (also the table's first column). */
  xKey: string;
  xLabel: string;
  series: ChartSeries[];
  height?: number;
  /** Show the table opened (e.g. on a page that is mostly read by screen). */
  tableOpen?: boolean;
}) {
  const { t } = useTranslation("ui");
  const hydrated = useHydrated();
  const captionId = useId();
  const coloured = series.map((s, i) => ({ ...s, color: s.color ?? CHART_COLOURS[i % CHART_COLOURS.length] }));
  const cell = (s: ChartSeries, value: string | number | undefined) =>
    typeof value === "number" ? (s.format ? s.format(value) : String(value)) : (value ?? "");
  const placeholder = <div className="size-full animate-pulse rounded-lg bg-slate-100 motion-reduce:animate-none" />;
  return (
    <figure aria-labelledby={captionId} className="min-w-0">
      <figcaption id={captionId} className="text-lg font-semibold text-slate-900">
        {caption}
      </figcaption>
      {description ? <p className="mt-1 max-w-prose text-slate-700">{description}</p> : null}
      <div aria-hidden className="mt-4 w-full" style={{ height }} data-chart-canvas>
        {hydrated ? (
          <Suspense fallback={placeholder}>
            <ChartCanvas data={data} xKey={xKey} series={coloured} />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
      <details className="mt-3" open={tableOpen || undefined}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("chart.showTable")}</summary>
        <div role="region" aria-labelledby={`${captionId}-table`} tabIndex={0} className="mt-2 max-w-full overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full border-collapse text-left text-sm sm:text-base">
            <caption id={`${captionId}-table`} className="sr-only">
              {caption}
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold sm:px-4">
                  {xLabel}
                </th>
                {coloured.map((s) => (
                  <th key={s.key} scope="col" className="px-3 py-2 text-right font-semibold sm:px-4">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {data.map((row) => (
                <tr key={String(row[xKey])}>
                  <th scope="row" className="px-3 py-2 font-semibold whitespace-nowrap sm:px-4">
                    {row[xKey]}
                  </th>
                  {coloured.map((s) => (
                    <td key={s.key} className="px-3 py-2 text-right whitespace-nowrap tabular-nums sm:px-4">
                      {cell(s, row[s.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
