"use client";

import clsx from "clsx";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatAge, freshness, WALL_SOURCES } from "@/lib/wall/freshness";
import { SOURCE_LABEL } from "@/lib/wall/types";
import type { WallView } from "./use-wall-data";

const clock = (t: number) => new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });
const day = (t: number) => new Date(t).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });

/** Top bar: name, each source's freshness, URL notices, layout position and the clock. */
export function WallHeader({
  view,
  now,
  interval,
  startedAt,
  notices,
  layout,
}: {
  view: WallView;
  now: number;
  interval: number;
  startedAt: number;
  notices: string[];
  layout: { index: number; count: number };
}) {
  // Day and clock are in the screen's own time zone, which the server does not know: they appear once the
  // page runs in the browser, in boxes that keep their place meanwhile.
  const hydrated = useHydrated();
  return (
    <header className="flex h-[3.6rem] shrink-0 items-center gap-[1.2rem]">
      <h1 className="shrink-0 text-[1.8rem] font-black tracking-tight text-zinc-950 dark:text-white">Taskboard</h1>
      {WALL_SOURCES.map((source) => {
        const f = freshness(view[source], now, interval, startedAt);
        return (
          <span
            key={source}
            data-testid={`freshness-${source}`}
            data-stale={f.stale || undefined}
            data-failing={f.failing || undefined}
            className={clsx(
              "shrink-0 rounded-[0.4rem] px-[0.7rem] text-[1.3rem] leading-[2.3rem] font-semibold tabular-nums",
              f.stale
                ? "bg-red-700 text-white"
                : f.failing
                  ? "bg-amber-200 text-amber-950 dark:bg-amber-300"
                  : "bg-zinc-200 text-zinc-950 dark:bg-zinc-800 dark:text-white",
            )}
          >
            {SOURCE_LABEL[source]} {f.ageSeconds === null ? "no data yet" : `updated ${formatAge(f.ageSeconds)} ago`}
            {f.failing ? " · failing" : ""}
          </span>
        );
      })}
      <span className="min-w-0 flex-1 truncate text-right text-[1.1rem] text-amber-800 dark:text-amber-200" data-testid="wall-notices" title={notices.join("; ")}>
        {notices.join(" · ")}
      </span>
      {layout.count > 1 ? (
        <span className="shrink-0 text-[1.2rem] font-semibold text-zinc-700 tabular-nums dark:text-zinc-300" data-testid="wall-layout-position">
          {layout.index + 1}/{layout.count}
        </span>
      ) : null}
      <span className={clsx("shrink-0 text-[1.2rem] text-zinc-700 dark:text-zinc-300", !hydrated && "invisible")}>{hydrated ? day(now) : "Wed 30 Sept"}</span>
      <time data-testid="wall-clock" className={clsx("shrink-0 text-[2.4rem] font-bold text-zinc-950 tabular-nums dark:text-white", !hydrated && "invisible")}>
        {hydrated ? clock(now) : "00:00:00"}
      </time>
    </header>
  );
}
