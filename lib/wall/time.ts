import { MPS_ZERO_TIME } from "@/lib/mps/enums";

// Time conversions the wall needs at the boundary. WeData renders zone-less times in the request's
// TimeZone; the wall always asks in UTC+8 (the documented default) and converts here, so "how long ago"
// is right whatever zone the server or the TV runs in.

export const WEDATA_TIME_ZONE = "UTC+8";
const WEDATA_OFFSET_MS = 8 * 3600_000;

/** `yyyy-MM-dd HH:mm:ss` read in UTC+8 → epoch ms; null for empty or unparsable values. */
export function parseWedataTime(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - WEDATA_OFFSET_MS;
  return Number.isFinite(utc) && y > 1970 ? utc : null;
}

/** epoch ms → `yyyy-MM-dd HH:mm:ss` in UTC+8, for WeData's time filters. */
export function formatWedataTime(epochMs: number): string {
  return new Date(epochMs + WEDATA_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** MPS ISO time → epoch ms; `0000-00-00T00:00:00Z` (not started / not finished) → null. */
export function parseMpsTime(value: string | null | undefined): number | null {
  if (!value || value === MPS_ZERO_TIME) return null;
  const t = Date.parse(value);
  return Number.isFinite(t) && t > 0 ? t : null;
}

/** epoch ms → `2021-02-03T04:05:06Z` (MPS wants no milliseconds). */
export function formatMpsTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const TIMELINE_BUCKETS = 12;

/**
 * Bucket boundaries for the last `hours`, aligned to the bucket size so every wall (and every refresh in
 * the same bucket) asks the same questions: the shared cache then answers all of them with one call.
 */
export function timelineBuckets(now: number, hours: number, count = TIMELINE_BUCKETS): { start: number; end: number }[] {
  const size = (hours * 3600_000) / count;
  const lastStart = Math.floor(now / size) * size;
  return Array.from({ length: count }, (_, i) => {
    const start = lastStart - (count - 1 - i) * size;
    return { start, end: start + size };
  });
}

/** Rounds down so the "now" in upstream filters repeats across walls and refreshes (cache keys stay equal). */
export function roundDown(epochMs: number, stepMs: number): number {
  return Math.floor(epochMs / stepMs) * stepMs;
}
