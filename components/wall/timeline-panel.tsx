"use client";

import clsx from "clsx";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { TimelineBucket } from "@/lib/wall/types";
import { Panel, Waiting } from "./panel";
import { BAR, TONE } from "./tones";

const SERIES = [
  { key: "failed", label: "Failed", bar: BAR.failed, tone: TONE.failed },
  { key: "finished", label: "Finished", bar: BAR.ok, tone: TONE.ok },
  { key: "processing", label: "Processing", bar: BAR.running, tone: TONE.running },
  { key: "waiting", label: "Waiting", bar: BAR.waiting, tone: TONE.waiting },
] as const;

const hhmm = (t: number) => new Date(t).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/** MPS tasks created per time bucket over the last hours, stacked by their status now. Plain CSS bars: crisp at any size. */
export function TimelinePanel({ buckets, hours }: { buckets: TimelineBucket[] | null; hours: number }) {
  const total = (b: TimelineBucket) => b.failed + b.finished + b.processing + b.waiting;
  const max = Math.max(1, ...(buckets ?? []).map(total));
  // Times of day are in the screen's zone, known only in the browser: the server renders the bars without them.
  const hydrated = useHydrated();
  const span = (b: TimelineBucket) => (hydrated ? `${hhmm(b.start)}–${hhmm(b.end)}: ` : "");
  return (
    <Panel
      id="timeline"
      title={`MPS tasks · last ${hours} h`}
    >
      {buckets ? (
        <div className="flex h-full flex-col">
          <div className="flex min-h-0 flex-1 items-end gap-[0.4rem] border-b-[0.1rem] border-zinc-500" data-testid="timeline-bars">
            {buckets.map((b) => (
              <div
                key={b.start}
                className="flex h-full min-w-0 flex-1 flex-col justify-end"
                title={`${span(b)}${b.failed} failed, ${b.finished} finished, ${b.processing} processing, ${b.waiting} waiting`}
              >
                <span className="truncate text-center text-[1rem] leading-[1.4rem] font-semibold text-zinc-700 tabular-nums dark:text-zinc-300" title={String(total(b))}>
                  {total(b)}
                </span>
                <div className="flex w-full flex-col-reverse" style={{ height: `calc((100% - 1.4rem) * ${total(b) / max})` }}>
                  {SERIES.map((s) => (
                    <div key={s.key} className={s.bar} style={{ height: `${total(b) ? (b[s.key] / total(b)) * 100 : 0}%` }} />
                  ))}
                </div>
              </div>
            ))}
          </div>
          {/* One label per two bars: a label may use both bars' width. */}
          <div className="flex h-[1.7rem] shrink-0 gap-[0.4rem]">
            {buckets
              .filter((_, i) => i % 2 === 0)
              .map((b) => (
                <span key={b.start} className="min-w-0 flex-[2_1_0] text-left text-[1rem] leading-[1.7rem] whitespace-nowrap text-zinc-700 tabular-nums dark:text-zinc-300">
                  {hydrated ? hhmm(b.start) : "\u00a0"}
                </span>
              ))}
          </div>
          <div className="flex h-[1.8rem] shrink-0 items-center justify-center gap-[1.2rem] text-[1.1rem]">
            {SERIES.map((s) => (
              <span key={s.key} className={clsx("flex items-center gap-[0.35rem] font-semibold", s.tone)}>
                <span className={clsx("inline-block size-[0.9rem] rounded-[0.15rem]", s.bar)} />
                {s.label}
              </span>
            ))}
          </div>
        </div>
      ) : (
        <Waiting label="Waiting for MPS…" />
      )}
    </Panel>
  );
}
