"use client";

import { useState } from "react";
import { RELATIVE_LABELS, RELATIVE_RANGES, type RelativeRange, type TimeRange } from "@/lib/wedata/time-range";
import { instantToWallTime, wallTimeToInstant } from "@/lib/wedata/time-zone";
import { Field, inputClass } from "./field";

// One time window filter: any time, a relative preset (stays relative in the URL) or a custom window typed in
// the display zone and stored as instants, so it selects the same instances whatever zone the reader uses.

export function TimeWindowField({
  id,
  label,
  zoneShort,
  zone,
  value,
  onChange,
}: {
  id: string;
  label: string;
  zoneShort: string;
  zone: string;
  value: TimeRange | null;
  onChange: (next: TimeRange | null) => void;
}) {
  const mode = value == null ? "" : value.kind === "relative" ? value.last : "custom";
  const [customOpen, setCustomOpen] = useState(false);
  const showCustom = mode === "custom" || customOpen;
  const from = value?.kind === "absolute" && value.from ? instantToWallTime(value.from, zone) : "";
  const to = value?.kind === "absolute" && value.to ? instantToWallTime(value.to, zone) : "";

  function commit(nextFrom: string, nextTo: string) {
    const f = nextFrom ? wallTimeToInstant(nextFrom, zone) : null;
    const t = nextTo ? wallTimeToInstant(nextTo, zone) : null;
    if (!f && !t) return onChange(null);
    if (f && t && f.getTime() > t.getTime()) return;
    onChange({ kind: "absolute", from: f, to: t });
  }

  return (
    <div className="flex flex-col gap-1">
      <Field label={label} htmlFor={id}>
        <select
          id={id}
          className={inputClass}
          value={showCustom ? "custom" : mode}
          onChange={(e) => {
            const v = e.target.value;
            if (v === "custom") return setCustomOpen(true);
            setCustomOpen(false);
            onChange(v ? { kind: "relative", last: v as RelativeRange } : null);
          }}
        >
          <option value="">Any time</option>
          {RELATIVE_RANGES.map((r) => (
            <option key={r} value={r}>
              {RELATIVE_LABELS[r]}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </Field>
      {showCustom ? (
        <div className="flex flex-col gap-1" data-testid={`${id}-custom`}>
          <input
            type="datetime-local"
            aria-label={`${label} from (${zoneShort})`}
            className={inputClass}
            defaultValue={from}
            key={`f-${from}-${zone}`}
            onBlur={(e) => commit(e.target.value, to)}
            onKeyDown={(e) => e.key === "Enter" && commit(e.currentTarget.value, to)}
          />
          <input
            type="datetime-local"
            aria-label={`${label} to (${zoneShort})`}
            className={inputClass}
            defaultValue={to}
            key={`t-${to}-${zone}`}
            onBlur={(e) => commit(from, e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && commit(from, e.currentTarget.value)}
          />
        </div>
      ) : null}
    </div>
  );
}
