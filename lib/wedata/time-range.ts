// A time window in the URL is either relative ("1h": the last hour, it stays relative when shared) or absolute
// ("2026-11-23T02:00:00.000Z~2026-11-23T04:00:00.000Z": instants, so it means the same in every display zone).
// Either end of an absolute window may be empty for an open end.

export const RELATIVE_RANGES = ["15m", "1h", "6h", "24h", "7d", "30d"] as const;
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

export type TimeRange =
  | { kind: "relative"; last: RelativeRange }
  | { kind: "absolute"; from: Date | null; to: Date | null };

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export const RELATIVE_LABELS: Record<RelativeRange, string> = {
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "6h": "Last 6 hours",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

function relativeMs(last: RelativeRange): number {
  const unit = last.slice(-1) as keyof typeof UNIT_MS;
  return Number(last.slice(0, -1)) * UNIT_MS[unit];
}

function parseInstant(text: string): Date | null | undefined {
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Null when the text is not a valid window (the URL notice then names it). */
export function parseTimeRange(text: string): TimeRange | null {
  if ((RELATIVE_RANGES as readonly string[]).includes(text)) return { kind: "relative", last: text as RelativeRange };
  const parts = text.split("~");
  if (parts.length !== 2) return null;
  const from = parseInstant(parts[0]!);
  const to = parseInstant(parts[1]!);
  if (from === undefined || to === undefined || (from === null && to === null)) return null;
  if (from && to && from.getTime() > to.getTime()) return null;
  return { kind: "absolute", from, to };
}

export function serializeTimeRange(range: TimeRange): string {
  if (range.kind === "relative") return range.last;
  return `${range.from?.toISOString() ?? ""}~${range.to?.toISOString() ?? ""}`;
}

/** The instants a window covers at `now`. */
export function resolveTimeRange(range: TimeRange, now: Date): { from: Date | null; to: Date | null } {
  if (range.kind === "absolute") return { from: range.from, to: range.to };
  return { from: new Date(now.getTime() - relativeMs(range.last)), to: now };
}

/** The same window with absolute instants, for a pinned link. */
export function pinTimeRange(range: TimeRange, now: Date): TimeRange {
  const { from, to } = resolveTimeRange(range, now);
  return { kind: "absolute", from, to };
}

export function timeRangeEquals(a: TimeRange | null, b: TimeRange | null): boolean {
  if (!a || !b) return a === b;
  return serializeTimeRange(a) === serializeTimeRange(b);
}
