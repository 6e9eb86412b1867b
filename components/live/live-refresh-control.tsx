"use client";

/**
 * LiveRefreshControl: interval select, countdown, "updated 12 s ago", Refresh now, and a visible note when
 * refreshes are paused (hidden tab) or slowed (failing / slow upstream) (generic).
 * Props: `value` (interval key), `options: { value, label }[]`, `onChange(value)`, `state` (from
 * useLiveRefresh), `lastUpdatedAt: number | null` (ms).
 */

import { RefreshCw } from "lucide-react";
import { formatAgo } from "@/lib/time/duration";
import type { LiveRefreshState } from "./use-live-refresh";

export function LiveRefreshControl<V extends string>({
  value,
  options,
  onChange,
  state,
  lastUpdatedAt,
}: {
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (v: V) => void;
  state: LiveRefreshState;
  lastUpdatedAt: number | null;
}) {
  const seconds = state.nextInMs === null ? null : Math.ceil(state.nextInMs / 1000);
  return (
    <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400" data-testid="live-refresh">
      <label className="inline-flex h-8 items-center gap-1 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900">
        <span className="text-zinc-600 dark:text-zinc-400">Auto-refresh</span>
        <select
          aria-label="Auto-refresh interval"
          value={value}
          onChange={(e) => onChange(e.target.value as V)}
          className="bg-transparent text-sm text-zinc-800 outline-none dark:text-zinc-100 [&>*]:bg-white dark:[&>*]:bg-zinc-900"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={state.refreshNow}
        disabled={state.running}
        aria-label="Refresh now"
        title="Refresh now"
        className="inline-flex size-8 items-center justify-center rounded-md border border-zinc-300 bg-white hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <RefreshCw aria-hidden className={state.running ? "size-4 animate-spin" : "size-4"} />
      </button>
      <span className="tabular-nums" data-testid="live-status">
        {lastUpdatedAt ? <>updated {formatAgo(Math.max(0, state.now - lastUpdatedAt))}</> : "not loaded yet"}
        {state.paused ? " · paused while hidden" : seconds !== null ? ` · next in ${seconds} s` : ""}
        {state.failures > 0 ? ` · slowed after ${state.failures} failure${state.failures === 1 ? "" : "s"}` : state.slow ? " · slowed: upstream is slow" : ""}
      </span>
    </div>
  );
}
