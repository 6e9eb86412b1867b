"use client";

/**
 * StackedTimeChart: counts over time, stacked by series (generic).
 * Props: `data: { label: string; [seriesKey]: number }[]` (one row per time bucket, label already formatted
 * in the display zone), `series: { key, label, color }[]`, `height?`.
 */

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, gridStroke, tooltipStyle } from "./chart-theme";

export type SeriesDef = { key: string; label: string; color: string };

export default function StackedTimeChart({
  data,
  series,
  height = 160,
}: {
  data: Record<string, string | number>[];
  series: SeriesDef[];
  height?: number;
}) {
  return (
    <div style={{ height }} className="text-zinc-500 dark:text-zinc-400">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={false} minTickGap={16} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
          <Tooltip cursor={{ fill: "rgba(120,120,120,0.12)" }} contentStyle={tooltipStyle} />
          <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
