"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { parseWallConfig, type WallPanel } from "@/lib/wall/config";
import { FailuresPanel } from "./failures-panel";
import { MpsCountsPanel } from "./mps-counts-panel";
import { StaleBanner } from "./stale-banner";
import { StuckPanel } from "./stuck-panel";
import { TimelinePanel } from "./timeline-panel";
import { useBuildReload } from "./use-build-reload";
import { useIdleCursor } from "./use-idle-cursor";
import { useNow } from "./use-now";
import { useWallData, type InitialWallData } from "./use-wall-data";
import { WallHeader } from "./wall-header";
import { WedataCountsPanel } from "./wedata-counts-panel";

// Summary panels sit on top, lists below; a layout with only one kind fills the height with it.
const TOP: WallPanel[] = ["mps", "wedata", "timeline"];
const WEIGHT: Record<WallPanel, number> = { mps: 1.2, wedata: 1.1, timeline: 1.3, failures: 1.45, stuck: 1 };

/**
 * `initial`: the first /api/wall answer, gathered by the server for this URL, so the first paint is filled;
 * `renderedAt`: the server's clock then, the "now" of the server render and of the hydration.
 */
export function WallScreen({ initial, renderedAt }: { initial: InitialWallData | null; renderedAt: number }) {
  const params = useSearchParams();
  const { config, notices } = useMemo(() => parseWallConfig(new URLSearchParams(params.toString())), [params]);
  const now = useNow(1000, renderedAt);
  const { view, startedAt } = useWallData(config, initial, renderedAt);
  useIdleCursor(3000);
  // A deploy is noticed within a minute (sooner on fast-refreshing walls); /api/health costs no upstream call.
  useBuildReload(Math.min(60_000, Math.max(5_000, config.interval * 1000)));

  if (now === null) return <div className="wall-root h-screen w-screen bg-white dark:bg-zinc-950" />;

  const layoutIndex = config.layouts.length > 1 ? Math.floor(now / (config.rotate * 1000)) % config.layouts.length : 0;
  const panels = config.layouts[layoutIndex] ?? config.layouts[0] ?? [];
  const render = (panel: WallPanel): ReactNode => {
    switch (panel) {
      case "mps":
        return <MpsCountsPanel key={panel} data={view.mps.data} />;
      case "wedata":
        return <WedataCountsPanel key={panel} data={view.wedata.data} />;
      case "timeline":
        return <TimelinePanel key={panel} buckets={view.mps.data?.timeline ?? null} hours={config.hours} />;
      case "failures":
        return <FailuresPanel key={panel} mps={view.mps.data} wedata={view.wedata.data} tracker={view.tracker} now={now} />;
      case "stuck":
        return <StuckPanel key={panel} mps={view.mps.data} wedata={view.wedata.data} now={now} stuckWait={config.stuckWait} stuckRun={config.stuckRun} />;
    }
  };
  const rows = [panels.filter((p) => TOP.includes(p)), panels.filter((p) => !TOP.includes(p))].filter((r) => r.length > 0);

  return (
    <div
      className="wall-root flex h-screen w-screen flex-col gap-[0.7rem] overflow-hidden bg-white px-[1rem] pt-[0.3rem] pb-[1rem] text-zinc-950 dark:bg-zinc-950 dark:text-white"
      data-theme={config.theme}
      data-layout={panels.join(",")}
    >
      <WallHeader
        view={view}
        now={now}
        interval={config.interval}
        startedAt={startedAt}
        notices={[...notices, ...view.notices]}
        layout={{ index: layoutIndex, count: config.layouts.length }}
      />
      <StaleBanner view={view} now={now} interval={config.interval} startedAt={startedAt} />
      {rows.map((row, i) => (
        <div key={i} className="flex min-h-0 flex-1 gap-[0.7rem]">
          {row.map((panel) => (
            <div key={panel} className="flex min-h-0 min-w-0" style={{ flex: `${WEIGHT[panel]} 1 0` }}>
              {render(panel)}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
