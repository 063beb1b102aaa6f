// The drawn chart (recharts), loaded in the browser only, after hydration: see chart.tsx.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow, ChartSeries } from "./chart";

export default function ChartCanvas({ data, xKey, series }: { data: ChartRow[]; xKey: string; series: ChartSeries[] }) {
  const hasRight = series.some((s) => s.axis === "right");
  const formatFor = (axis: "left" | "right") => series.find((s) => (s.axis ?? "left") === axis)?.format;
  const left = formatFor("left");
  const right = formatFor("right");
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* No accessibility layer: the svg is hidden from assistive technology; the table says the same. */}
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={xKey} tick={{ fill: "#334155", fontSize: 13 }} stroke="#64748b" />
        <YAxis
          yAxisId="left"
          allowDecimals={false}
          tick={{ fill: "#334155", fontSize: 13 }}
          stroke="#64748b"
          tickFormatter={left ? (v: number) => left(v) : undefined}
          width={hasRight ? 48 : 64}
        />
        {hasRight ? (
          <YAxis
            yAxisId="right"
            orientation="right"
            tick={{ fill: "#334155", fontSize: 13 }}
            stroke="#64748b"
            tickFormatter={right ? (v: number) => right(v) : undefined}
            width={88}
          />
        ) : null}
        <Tooltip
          formatter={(value, name) => {
            const s = series.find((x) => x.label === name);
            return typeof value === "number" && s?.format ? s.format(value) : String(value);
          }}
        />
        <Legend wrapperStyle={{ color: "#0f172a" }} />
        {series.map((s) =>
          s.type === "line" ? (
            <Line
              key={s.key}
              yAxisId={s.axis ?? "left"}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={3}
              dot={{ r: 5, fill: s.color }}
              isAnimationActive={false}
            />
          ) : (
            <Bar key={s.key} yAxisId={s.axis ?? "left"} dataKey={s.key} name={s.label} fill={s.color} radius={[4, 4, 0, 0]} isAnimationActive={false} />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
