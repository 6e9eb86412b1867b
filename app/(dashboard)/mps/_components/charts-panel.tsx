"use client";

import { CategoryBarChart, ChartFrame, HistogramChart, StackedTimeChart } from "@/components/charts";
import type { StatusTab } from "@/lib/mps/status";
import type { MpsStats } from "@/lib/mps/stats-types";
import { formatInZone } from "@/lib/time/zone";
import { ChartsSkeleton } from "./charts-skeleton";
import { STATUS_LOOK } from "./mps-status";

const BAR_TABS: { tab: StatusTab; status: keyof typeof STATUS_LOOK }[] = [
  { tab: "waiting", status: "WAITING" },
  { tab: "processing", status: "PROCESSING" },
  { tab: "finished", status: "FINISH" },
  { tab: "failed", status: "FINISH_FAILED" },
];

/**
 * The three charts of the MPS page, from server-computed stats (GET /api/mps/stats). `zone` (IANA) places the
 * buckets' times, `zoneName` names it in the title.
 */
export function ChartsPanel({
  stats,
  zone,
  zoneName,
  activeTab,
  onSelectTab,
}: {
  stats: MpsStats | undefined;
  zone: string;
  zoneName: string;
  activeTab: StatusTab;
  onSelectTab: (t: StatusTab) => void;
}) {
  if (!stats) return <ChartsSkeleton />;
  const c = stats.counts;
  const bars = BAR_TABS.map(({ tab, status }) => ({
    key: tab,
    label: status === "FINISH_FAILED" ? "Failures" : STATUS_LOOK[status].label,
    value: c[status as keyof typeof c],
    color: STATUS_LOOK[status].color,
  }));
  const spanMs = Date.parse(stats.window.endTime) - Date.parse(stats.window.startTime);
  const pattern = spanMs > 86_400_000 ? "MM-dd HH:mm" : "HH:mm";
  const series = stats.series.map((b) => ({ label: formatInZone(new Date(b.start), zone, pattern), WAITING: b.WAITING, PROCESSING: b.PROCESSING, FINISH: b.FINISH }));
  const created = stats.series.reduce((s, b) => s + b.WAITING + b.PROCESSING + b.FINISH, 0);
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-3" data-testid="charts">
      <ChartFrame
        title="Tasks per status (click a bar to filter)"
        summary={bars.map((b) => `${b.label}: ${b.value}`).join(", ")}
      >
        <CategoryBarChart data={bars} activeKey={activeTab === "all" ? null : activeTab} onSelect={(k) => onSelectTab(k as StatusTab)} />
      </ChartFrame>
      <ChartFrame title={`Tasks created over the range (${zoneName})`} summary={`${created} tasks created in ${series.length} intervals`}>
        <StackedTimeChart
          data={series}
          series={[
            { key: "WAITING", label: "Waiting", color: STATUS_LOOK.WAITING.color },
            { key: "PROCESSING", label: "Processing", color: STATUS_LOOK.PROCESSING.color },
            { key: "FINISH", label: "Finished", color: STATUS_LOOK.FINISH.color },
          ]}
        />
      </ChartFrame>
      <ChartFrame
        title={`Processing time of finished tasks (newest ${stats.durations.sample})`}
        summary={stats.durations.bins.map((b) => `${b.label}: ${b.count}`).join(", ")}
      >
        <HistogramChart bins={stats.durations.bins} valueLabel="Tasks" color="#0891b2" />
      </ChartFrame>
    </div>
  );
}
