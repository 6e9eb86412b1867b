"use client";

import { useMemo, useState } from "react";
import { isValidTimeZone } from "@/lib/wedata/time-zone";
import { inputClass } from "./field";

const COMMON = ["UTC", "Asia/Shanghai", "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles"];

/** Display zone: the viewer's by default, UTC, Asia/Shanghai or any IANA zone typed in. */
export function TimeZonePicker({ zone, viewerZone, onChange }: { zone: string; viewerZone: string; onChange: (zone: string | null) => void }) {
  const all = useMemo(() => {
    try {
      return Intl.supportedValuesOf("timeZone");
    } catch {
      return COMMON;
    }
  }, []);
  const [draft, setDraft] = useState(zone);
  const [seen, setSeen] = useState(zone);
  if (seen !== zone) {
    setSeen(zone);
    setDraft(zone);
  }
  const commit = (v: string) => {
    if (!isValidTimeZone(v)) return setDraft(zone);
    onChange(v === viewerZone ? null : v);
  };
  return (
    <div className="flex items-center gap-2 text-xs">
      <label htmlFor="wd-tz" className="font-medium text-zinc-600 dark:text-zinc-300">
        Time zone
      </label>
      <input
        id="wd-tz"
        list="wd-tz-list"
        className={`${inputClass} w-44`}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          // Picking from the list applies at once; typing applies on Enter or leaving the field.
          if (all.includes(e.target.value) && e.target.value !== zone) commit(e.target.value);
        }}
        onBlur={() => draft !== zone && commit(draft)}
        onKeyDown={(e) => e.key === "Enter" && commit(draft)}
      />
      <datalist id="wd-tz-list">
        {[viewerZone, ...COMMON.filter((z) => z !== viewerZone), ...all.filter((z) => !COMMON.includes(z) && z !== viewerZone)].map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </div>
  );
}
