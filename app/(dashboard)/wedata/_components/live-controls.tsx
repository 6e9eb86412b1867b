"use client";

import { Pause, RotateCw } from "lucide-react";
import { REFRESH_INTERVALS, type RefreshInterval } from "../search-params";
import { inputClass } from "./field";
import { useNow } from "./use-now";

const LABELS: Record<RefreshInterval, string> = { off: "Off", "10s": "10 s", "30s": "30 s", "1m": "1 min", "5m": "5 min" };

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ago`;
}

/**
 * Refresh interval (in the URL), a countdown to the next refresh, "updated N s ago", and a refresh-now button.
 * `effectiveMs` is the interval after backoff (slower while the upstream is slow or failing).
 */
export function LiveControls({
  interval,
  onIntervalChange,
  updatedAt,
  effectiveMs,
  paused,
  fetching,
  onRefresh,
}: {
  interval: RefreshInterval;
  onIntervalChange: (next: RefreshInterval) => void;
  updatedAt: number;
  effectiveMs: number;
  paused: boolean;
  fetching: boolean;
  onRefresh: () => void;
}) {
  const now = useNow();
  const nextIn = updatedAt && effectiveMs ? Math.max(0, Math.ceil((updatedAt + effectiveMs - now) / 1000)) : null;
  return (
    <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-300">
      <label htmlFor="wd-refresh" className="font-medium">
        Auto-refresh
      </label>
      <select id="wd-refresh" className={inputClass} value={interval} onChange={(e) => onIntervalChange(e.target.value as RefreshInterval)}>
        {REFRESH_INTERVALS.map((r) => (
          <option key={r} value={r}>
            {LABELS[r]}
          </option>
        ))}
      </select>
      <span aria-live="off" className="min-w-40 tabular-nums" data-testid="live-status">
        {updatedAt ? <>Updated {ago(now - updatedAt)}</> : "Loading…"}
        {interval !== "off" ? (
          paused ? (
            <span className="ml-1 inline-flex items-center gap-0.5">
              · <Pause className="size-3" aria-hidden /> paused (tab hidden)
            </span>
          ) : nextIn != null ? (
            <span data-testid="countdown">
              {" "}
              · next in {nextIn} s{effectiveMs > 0 && fetching ? "" : ""}
            </span>
          ) : null
        ) : null}
      </span>
      <button
        type="button"
        onClick={onRefresh}
        disabled={fetching}
        aria-label="Refresh now"
        title="Refresh now"
        className="rounded-md p-1.5 hover:bg-zinc-100 disabled:opacity-50 dark:hover:bg-zinc-800"
      >
        <RotateCw className={`size-4 ${fetching ? "animate-spin" : ""}`} aria-hidden />
      </button>
    </div>
  );
}
