"use client";

import { Globe } from "lucide-react";
import { useMemo } from "react";
import { supportedTimeZones } from "@/lib/time/zone";

/**
 * TimeZonePicker: the display zone (generic). `value` is the zone in use, `viewerZone` the browser's, and
 * `onChange(zone | null)` gets null for "the viewer's zone" (so the URL can leave it out).
 * Offers the viewer's zone, UTC, Asia/Shanghai, then every IANA zone the browser knows.
 */
export function TimeZonePicker({
  value,
  viewerZone,
  explicit,
  onChange,
}: {
  value: string;
  viewerZone: string;
  explicit: boolean;
  onChange: (zone: string | null) => void;
}) {
  const zones = useMemo(() => supportedTimeZones(), []);
  return (
    <label className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      <Globe aria-hidden className="size-4 text-zinc-500" />
      <span className="sr-only">Time zone</span>
      <select
        aria-label="Time zone"
        value={explicit ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? null : e.target.value)}
        className="max-w-44 bg-transparent text-zinc-800 outline-none dark:text-zinc-100 [&>*]:bg-white dark:[&>*]:bg-zinc-900"
      >
        <option value="">Mine ({viewerZone})</option>
        <option value="UTC">UTC</option>
        <option value="Asia/Shanghai">Asia/Shanghai</option>
        <optgroup label="All zones">
          {zones
            .filter((z) => z !== "UTC")
            .map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
        </optgroup>
      </select>
    </label>
  );
}
