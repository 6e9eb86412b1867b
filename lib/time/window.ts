// Time windows for APIs that only serve a recent span (MPS DescribeTasks: the last 7 days). A relative window
// ("6h") stays relative in the URL; an absolute one is two instants. Both resolve to a concrete [start, end]
// here, clamped to what the API serves, with a note for the viewer when clamping happened.

export const RANGE_PRESETS = ["1h", "6h", "24h", "3d", "7d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset, string> = {
  "1h": "1 h",
  "6h": "6 h",
  "24h": "24 h",
  "3d": "3 d",
  "7d": "7 d",
};

const UNIT_MS = { h: 3_600_000, d: 86_400_000 } as const;

export function presetMs(preset: RangePreset): number {
  const unit = preset.slice(-1) as keyof typeof UNIT_MS;
  return Number(preset.slice(0, -1)) * UNIT_MS[unit];
}

export type WindowInput = { preset: RangePreset | null; from: Date | null; to: Date | null };

export type ResolvedWindow = {
  start: Date;
  end: Date;
  relative: boolean;
  /** Why the window differs from what was asked for (shown to the viewer), or null. */
  clampNote: string | null;
};

/**
 * Resolves the window at `now`. `now` is rounded up to `quantumMs` so that viewers opening the same relative
 * window within one quantum send identical upstream parameters, which the proxy's shared cache can then serve
 * once for all of them.
 */
export function resolveWindow(
  input: WindowInput,
  now: number,
  { maxSpanMs = 7 * UNIT_MS.d, quantumMs = 10_000, defaultPreset = "24h" as RangePreset } = {},
): ResolvedWindow {
  const ceilNow = Math.ceil(now / quantumMs) * quantumMs;
  const oldest = ceilNow - maxSpanMs;
  if (!input.from && !input.to) {
    const preset = input.preset ?? defaultPreset;
    return { start: new Date(Math.max(oldest, ceilNow - presetMs(preset))), end: new Date(ceilNow), relative: true, clampNote: null };
  }
  let start = input.from?.getTime() ?? oldest;
  let end = input.to?.getTime() ?? ceilNow;
  const notes: string[] = [];
  if (start > end) [start, end] = [end, start];
  if (end > ceilNow) end = ceilNow;
  if (start < oldest) {
    start = oldest;
    notes.push("the API only serves the last 7 days, so the start was moved to 7 days ago");
  }
  if (end < oldest) {
    end = ceilNow;
    notes.push("the whole range was older than 7 days, so it now ends now");
  }
  return {
    start: new Date(start),
    end: new Date(end),
    relative: false,
    clampNote: notes.length ? `Time range clamped: ${notes.join("; ")}.` : null,
  };
}

/** ISO 8601 UTC without milliseconds, as Tencent writes times (`2021-02-03T04:05:06Z`). */
export function toApiTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
