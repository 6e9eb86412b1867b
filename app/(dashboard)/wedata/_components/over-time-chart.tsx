"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { stateName } from "@/lib/wedata/names";
import { STATE_COLOR } from "@/lib/wedata/state-style";
import type { WedataStats } from "@/lib/wedata/stats-types";
import { formatInZone } from "@/lib/wedata/time-zone";
import { INSTANCE_STATES } from "@/lib/wedata/wire";

// Loaded lazily (next/dynamic) so Recharts stays out of the table's first paint.
export default function OverTimeChart({ data, zone }: { data: WedataStats["overTime"]; zone: string }) {
  const pattern = data.bucketMs >= 86_400_000 ? "MM-dd" : "MM-dd HH:mm";
  const rows = data.buckets.map((b) => ({ label: formatInZone(new Date(b.start), zone, pattern), ...b.counts }));
  const present = INSTANCE_STATES.filter((s) => data.buckets.some((b) => (b.counts[s] ?? 0) > 0));
  return (
    <ResponsiveContainer width="100%" height={180}>
      <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} minTickGap={16} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "currentColor" }} stroke="currentColor" strokeOpacity={0.3} />
        <Tooltip
          contentStyle={{ fontSize: 12, background: "var(--tooltip-bg, #fff)", color: "var(--tooltip-fg, #18181b)", borderRadius: 6 }}
          cursor={{ fill: "currentColor", fillOpacity: 0.06 }}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} iconSize={8} formatter={(v: string) => stateName(v)} />
        {present.map((s) => (
          <Bar key={s} dataKey={s} name={s} stackId="s" fill={STATE_COLOR[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
