"use client";

/**
 * HistogramChart: counts per bin, bars touching (generic).
 * Props: `bins: { label, count }[]`, `color?`, `height?`, `valueLabel?` (tooltip name, e.g. "Tasks").
 */

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, gridStroke, tooltipStyle } from "./chart-theme";

export default function HistogramChart({
  bins,
  color = "#0284c7",
  height = 160,
  valueLabel = "Count",
}: {
  bins: { label: string; count: number }[];
  color?: string;
  height?: number;
  valueLabel?: string;
}) {
  return (
    <div style={{ height }} className="text-zinc-500 dark:text-zinc-400">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} barCategoryGap={1} margin={{ top: 4, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis dataKey="label" tick={{ ...axisTick, fontSize: 10 }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={2} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
          <Tooltip cursor={{ fill: "rgba(120,120,120,0.12)" }} contentStyle={tooltipStyle} />
          <Bar dataKey="count" name={valueLabel} fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
