"use client";

import clsx from "clsx";
import { formatAge } from "@/lib/wall/freshness";
import { isHighlighted, type FailureTracker } from "@/lib/wall/new-failures";
import type { MpsWall, WallFailure, WedataWall } from "@/lib/wall/types";
import { FittedList } from "./fitted-list";
import { Panel } from "./panel";
import { SourceBadge } from "./source-badge";
import { TONE } from "./tones";
import { shortProject } from "./wedata-counts-panel";

/** The latest failures of both services, newest first; the ones that appeared since the previous refresh stand out. */
export function FailuresPanel({ mps, wedata, tracker, now }: { mps: MpsWall | null; wedata: WedataWall | null; tracker: FailureTracker; now: number }) {
  const items: WallFailure[] = [...(mps?.failures ?? []), ...(wedata?.projects.flatMap((p) => p.failures) ?? [])].sort(
    (a, b) => (b.at ?? 0) - (a.at ?? 0),
  );
  const fresh = items.filter((f) => isHighlighted(tracker, f.id, now)).length;
  return (
    <Panel
      id="failures"
      title="Latest failures"
      aside={fresh > 0 ? <span className="rounded-[0.3rem] bg-red-700 px-[0.6rem] font-bold text-white">{fresh} new</span> : null}
    >
      <FittedList
        testId="failures-list"
        items={items}
        empty={<span className={clsx("text-[1.5rem] font-semibold", TONE.ok)}>{mps || wedata ? "No failures" : "Waiting for data…"}</span>}
        render={(f) => {
          const isNew = isHighlighted(tracker, f.id, now);
          return (
            <li
              key={f.id}
              data-failure-id={f.id}
              data-new={isNew || undefined}
              className={clsx(
                "flex h-[2.6rem] shrink-0 items-center gap-[0.8rem] rounded-[0.3rem] px-[0.4rem] text-[1.35rem]",
                isNew && "bg-red-700 text-white outline-[0.15rem] outline-red-300",
              )}
            >
              <SourceBadge source={f.source} />
              {isNew ? <span className="shrink-0 rounded-[0.2rem] bg-white px-[0.4rem] text-[1rem] font-black text-red-800">NEW</span> : null}
              <span className="min-w-0 flex-1 truncate font-semibold" title={f.title}>
                {f.title}
              </span>
              <span className={clsx("w-[30%] min-w-0 truncate text-[1.1rem]", isNew ? "text-white" : TONE.muted)} title={detailOf(f)}>
                {detailOf(f)}
              </span>
              <span className={clsx("w-[7.5rem] shrink-0 text-right font-bold tabular-nums", isNew ? "text-white" : TONE.failed)}>
                {f.at ? `${formatAge((now - f.at) / 1000)} ago` : "—"}
              </span>
            </li>
          );
        }}
      />
    </Panel>
  );
}

function detailOf(f: WallFailure): string {
  if (f.source === "wedata") {
    const project = f.id.split(":")[1] ?? "";
    return `${shortProject(project)} · ${f.detail}`;
  }
  return f.detail;
}
