"use client";

/**
 * CategoryBarChart: one bar per category; clicking a bar calls `onSelect(key)` (generic).
 * Props: `data: { key, label, value, color }[]`, `activeKey?` (drawn solid, others faded), `onSelect?(key)`,
 * `height?`. Load it through components/charts (next/dynamic) so Recharts stays out of the first bundle.
 */

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, gridStroke, tooltipStyle } from "./chart-theme";

export type CategoryDatum = { key: string; label: string; value: number; color: string };

export default function CategoryBarChart({
  data,
  activeKey,
  onSelect,
  height = 160,
}: {
  data: CategoryDatum[];
  activeKey?: string | null;
  onSelect?: (key: string) => void;
  height?: number;
}) {
  return (
    <div style={{ height }} className="text-zinc-500 dark:text-zinc-400">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 16, right: 8, bottom: 0, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={gridStroke} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={false} interval={0} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={48} />
          <Tooltip cursor={{ fill: "rgba(120,120,120,0.12)" }} contentStyle={tooltipStyle} />
          <Bar
            dataKey="value"
            name="Tasks"
            radius={[3, 3, 0, 0]}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(entry) => {
              const key = (entry as { payload?: CategoryDatum }).payload?.key;
              if (key && onSelect) onSelect(key);
            }}
            isAnimationActive={false}
          >
            {/* Values on the bars: a count of 3 next to one of 5,000 would otherwise be an invisible sliver. */}
            <LabelList dataKey="value" position="top" fill="currentColor" fontSize={11} formatter={(v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US") : "")} />
            {data.map((d) => (
              <Cell key={d.key} fill={d.color} fillOpacity={activeKey && activeKey !== d.key ? 0.35 : 1} data-testid={`bar-${d.key}`} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
