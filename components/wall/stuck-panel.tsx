"use client";

import clsx from "clsx";
import { formatAge } from "@/lib/wall/freshness";
import type { MpsWall, WallStuck, WedataWall } from "@/lib/wall/types";
import { FittedList } from "./fitted-list";
import { Panel } from "./panel";
import { SourceBadge } from "./source-badge";
import { TONE } from "./tones";

/** Work waiting or running longer than the URL's thresholds, longest first. */
export function StuckPanel({
  mps,
  wedata,
  now,
  stuckWait,
  stuckRun,
}: {
  mps: MpsWall | null;
  wedata: WedataWall | null;
  now: number;
  stuckWait: number;
  stuckRun: number;
}) {
  const items: WallStuck[] = [...(mps?.stuck ?? []), ...(wedata?.projects.flatMap((p) => p.stuck) ?? [])].sort(
    (a, b) => (a.since ?? now) - (b.since ?? now),
  );
  const waiting = (mps?.stuckWaiting ?? 0) + (wedata?.projects.reduce((s, p) => s + p.stuckWaiting, 0) ?? 0);
  const running = (mps?.stuckRunning ?? 0) + (wedata?.projects.reduce((s, p) => s + p.stuckRunning, 0) ?? 0);
  return (
    <Panel
      id="stuck"
      title="Stuck"
      aside={
        <span className={TONE.muted} data-testid="stuck-summary">
          <b className={TONE.waiting}>{waiting}</b> waiting &gt; {stuckWait} min · <b className={TONE.running}>{running}</b> running &gt; {stuckRun} min
        </span>
      }
    >
      <FittedList
        testId="stuck-list"
        items={items}
        empty={<span className={clsx("text-[1.5rem] font-semibold", TONE.ok)}>{mps || wedata ? "Nothing stuck" : "Waiting for data…"}</span>}
        render={(s) => (
          <li key={s.id} data-stuck-id={s.id} className="flex h-[2.6rem] shrink-0 items-center gap-[0.8rem] px-[0.4rem] text-[1.35rem]">
            <SourceBadge source={s.source} />
            <span className="min-w-0 flex-1 truncate font-semibold" title={s.title}>
              {s.title}
            </span>
            <span className={clsx("w-[6.5rem] shrink-0 text-[1.1rem] font-semibold uppercase", s.kind === "waiting" ? TONE.waiting : TONE.running)}>{s.kind}</span>
            <span className="w-[8.5rem] shrink-0 text-right font-bold tabular-nums">{s.since ? formatAge((now - s.since) / 1000) : "—"}</span>
          </li>
        )}
      />
    </Panel>
  );
}
