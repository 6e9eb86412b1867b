"use client";

import clsx from "clsx";
import { formatCount } from "@/components/data-table/format-count";
import { STATUS_TAB_LABELS, STATUS_TABS, type StatusTab } from "@/lib/mps/status";
import type { MpsStatusCounts } from "@/lib/mps/stats-types";
import { STATUS_LOOK } from "./mps-status";

const TAB_STATUS = { waiting: "WAITING", processing: "PROCESSING", finished: "FINISH", failed: "FINISH_FAILED" } as const;

export function tabCount(tab: StatusTab, counts: MpsStatusCounts | undefined): number | null {
  if (!counts) return null;
  if (tab === "all") return counts.WAITING + counts.PROCESSING + counts.FINISH;
  return counts[TAB_STATUS[tab]];
}

/** The status tabs with live counts; each pairs its colour with an icon and its name. */
export function StatusTabs({ value, counts, onChange }: { value: StatusTab; counts: MpsStatusCounts | undefined; onChange: (t: StatusTab) => void }) {
  return (
    <div role="group" aria-label="Status" className="flex flex-wrap gap-1" id="mps-filters">
      {STATUS_TABS.map((tab) => {
        const active = tab === value;
        const look = tab === "all" ? null : STATUS_LOOK[TAB_STATUS[tab]];
        const Icon = look?.icon;
        const count = tabCount(tab, counts);
        return (
          <button
            key={tab}
            type="button"
            aria-pressed={active}
            data-testid={`tab-${tab}`}
            onClick={() => onChange(tab)}
            className={clsx(
              "inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm",
              active
                ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900"
                : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
            )}
          >
            {Icon ? <Icon aria-hidden className="size-3.5" style={{ color: active ? undefined : look.color }} /> : null}
            {STATUS_TAB_LABELS[tab]}
            <span
              data-testid={`tab-count-${tab}`}
              className={clsx(
                "min-w-6 rounded-full px-1.5 text-center text-xs tabular-nums",
                active ? "bg-white/20 dark:bg-zinc-900/15" : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
              )}
            >
              {count === null ? "…" : formatCount(count)}
            </span>
          </button>
        );
      })}
    </div>
  );
}
