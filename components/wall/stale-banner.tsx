"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { formatAge, freshness, WALL_SOURCES } from "@/lib/wall/freshness";
import { SOURCE_LABEL } from "@/lib/wall/types";
import type { WallView } from "./use-wall-data";

const clock = (t: number) => new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** Shown while any source's data is older than twice the interval: names the source, its error, and what is on screen. */
export function StaleBanner({ view, now, interval, startedAt }: { view: WallView; now: number; interval: number; startedAt: number }) {
  // Clock times are in the screen's zone, known only in the browser (see WallHeader).
  const hydrated = useHydrated();
  const lines = WALL_SOURCES.flatMap((source) => {
    const v = view[source];
    const f = freshness(v, now, interval, startedAt);
    if (!f.stale) return [];
    const what = f.ageSeconds === null ? "NO DATA" : `DATA ${formatAge(f.ageSeconds).toUpperCase()} OLD`;
    // Most important first: a truncated line still says which source, how old, and why.
    const why = v.error ? v.error.Code : "not refreshed";
    const kept = v.fetchedAt && hydrated ? ` · last good data from ${clock(v.fetchedAt)}` : "";
    const id = v.error?.RequestId ? ` · RequestId ${v.error.RequestId}` : "";
    return [{ source, text: `${SOURCE_LABEL[source]} ${what} — ${why}${kept}${id}` }];
  });
  if (lines.length === 0) return null;
  return (
    <div role="alert" data-testid="stale-banner" className="flex shrink-0 flex-col gap-[0.2rem] rounded-[0.5rem] bg-red-700 px-[1rem] py-[0.4rem] text-white">
      {lines.map((l) => (
        <p key={l.source} data-source={l.source} className="truncate text-[1.6rem] leading-[2.3rem] font-bold" title={l.text}>
          ⚠ {l.text}
        </p>
      ))}
    </div>
  );
}
