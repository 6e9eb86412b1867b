"use client";

import clsx from "clsx";
import { CalendarRange } from "lucide-react";
import { useState } from "react";
import { PopoverMenu } from "@/components/ui/popover-menu";
import { RANGE_LABELS, RANGE_PRESETS, type RangePreset } from "@/lib/time/window";
import { formatInZone, instantToWallTime, wallTimeToInstant } from "@/lib/time/zone";

/** Presets (relative, stay relative in the URL) and an absolute from/to typed in the display zone. */
export function TimeRangePicker({
  preset,
  from,
  to,
  zone,
  onPreset,
  onAbsolute,
}: {
  preset: RangePreset;
  from: Date | null;
  to: Date | null;
  zone: string;
  onPreset: (p: RangePreset) => void;
  onAbsolute: (from: Date, to: Date | null) => void;
}) {
  const absolute = from !== null || to !== null;
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Time range">
      <div className="flex overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
        {RANGE_PRESETS.map((p) => {
          const active = !absolute && p === preset;
          return (
            <button
              key={p}
              type="button"
              aria-pressed={active}
              aria-label={`Last ${RANGE_LABELS[p]}`}
              data-testid={`range-${p}`}
              onClick={() => onPreset(p)}
              className={clsx(
                "h-8 border-r border-zinc-300 px-2 text-sm last:border-r-0 dark:border-zinc-700",
                active
                  ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                  : "bg-white text-zinc-700 hover:bg-zinc-50 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
              )}
            >
              {RANGE_LABELS[p]}
            </button>
          );
        })}
      </div>
      <PopoverMenu
        align="left"
        testId="range-custom"
        label={
          <>
            <CalendarRange aria-hidden className="size-4" />
            {absolute ? (
              <span className="tabular-nums" data-testid="range-absolute-label">
                {from ? formatInZone(from, zone, "MM-dd HH:mm") : "…"} → {to ? formatInZone(to, zone, "MM-dd HH:mm") : "now"}
              </span>
            ) : (
              "Custom"
            )}
          </>
        }
      >
        {(close) => <AbsoluteForm from={from} to={to} zone={zone} onApply={(f, t) => { onAbsolute(f, t); close(); }} />}
      </PopoverMenu>
    </div>
  );
}

function AbsoluteForm({ from, to, zone, onApply }: { from: Date | null; to: Date | null; zone: string; onApply: (f: Date, t: Date | null) => void }) {
  const [fromText, setFromText] = useState(() => instantToWallTime(from ?? new Date(Date.now() - 86_400_000), zone));
  const [toText, setToText] = useState(() => (to ? instantToWallTime(to, zone) : ""));
  const f = wallTimeToInstant(fromText, zone);
  const t = toText ? wallTimeToInstant(toText, zone) : null;
  const valid = f !== null && (toText === "" || t !== null);
  const input = "mt-0.5 w-full rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-950 dark:[color-scheme:dark]";
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && f) onApply(f, t);
      }}
    >
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Times in {zone}. The API serves the last 7 days; older starts are clamped.</p>
      <label className="block text-xs">
        From
        <input type="datetime-local" name="from" value={fromText} onChange={(e) => setFromText(e.target.value)} className={input} />
      </label>
      <label className="block text-xs">
        To (empty = now)
        <input type="datetime-local" name="to" value={toText} onChange={(e) => setToText(e.target.value)} className={input} />
      </label>
      <button
        type="submit"
        disabled={!valid}
        className="w-full rounded-md bg-zinc-900 py-1 text-sm font-medium text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
      >
        Apply
      </button>
    </form>
  );
}
