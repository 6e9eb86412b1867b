import { invalidValue } from "../api-error";

// WeData reads zone-less `yyyy-MM-dd HH:mm:ss` times in the request's TimeZone and renders them in it.
// Accepted: `UTC`, `UTC+8`, `UTC-3`, `UTC+08`, `UTC+5:30`, `UTC+05:30` (offsets -12:00..+14:00). Tencent's doc
// only shows whole hours; half-hour zones are accepted because real zones need them. No DST: offsets are fixed.

/** UTC+8: the default TimeZone and the zone of CurRunDate. */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function parseTimeZone(value: string | undefined): number {
  if (value === undefined) return BEIJING_OFFSET_MS;
  const m = /^UTC(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw invalidValue("TimeZone", "expected a zone such as UTC+8");
  if (!m[1]) return 0;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  const offset = (hours * 60 + minutes) * 60_000 * (m[1] === "-" ? -1 : 1);
  if (minutes >= 60 || offset < -12 * 3_600_000 || offset > 14 * 3_600_000) throw invalidValue("TimeZone", "offset out of range");
  return offset;
}

/** `yyyy-MM-dd HH:mm:ss` of instant `ms` in a zone `offsetMs` east of UTC. */
export function formatWall(ms: number, offsetMs: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 19).replace("T", " ");
}

/** Reads `yyyy-MM-dd HH:mm:ss` (seconds optional) in a zone; `null` when malformed. */
export function parseWall(value: string, offsetMs: number): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms - offsetMs;
}
