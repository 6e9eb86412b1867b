import { formatInZone, wallFieldsToInstant, zoneOffsetLabel } from "@/lib/time/zone";

// The zone helpers the whole app shares; WeData adds only what its zone-less API times need.
export { formatInZone, instantToWallTime, isValidTimeZone, viewerTimeZone, zoneOffsetLabel } from "@/lib/time/zone";

// WeData reads and writes zone-less "yyyy-MM-dd HH:mm:ss" in the request's TimeZone (default UTC+8). The page
// never lets that default leak in: it always asks in API_TIME_ZONE, so every time on the wire is UTC, converts
// the viewer's filter times to UTC before sending, and converts answers to the viewer's display zone.
// CurRunDate (the data time, also part of InstanceKey) does not move with TimeZone and is shown as given.

/** The zone every request names; Tencent spells zones "UTC+8", so UTC is "UTC+0". */
export const API_TIME_ZONE = "UTC+0";

const API_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Parses an API time (rendered in API_TIME_ZONE) into an instant; null for empty or malformed text. */
export function apiTimeToInstant(text: string | null | undefined): Date | null {
  const m = text ? API_TIME.exec(text.trim()) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** An instant as the API expects it in API_TIME_ZONE. */
export function instantToApiTime(instant: Date): string {
  return formatInZone(instant, "UTC", "yyyy-MM-dd HH:mm:ss");
}

/** An API time shown in the display zone; "—" when absent. */
export function apiTimeInZone(text: string | null | undefined, zone: string, pattern = "yyyy-MM-dd HH:mm:ss"): string {
  const instant = apiTimeToInstant(text);
  return instant ? formatInZone(instant, zone, pattern) : "—";
}

/** Reads a wall-clock time typed by the viewer ("yyyy-MM-ddTHH:mm[:ss]") in the display zone. */
export function wallTimeToInstant(wall: string, zone: string): Date | null {
  const m = API_TIME.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  return wallFieldsToInstant([Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0)], zone);
}

/** How headers name the display zone: "Asia/Shanghai (UTC+08:00)". */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  return zone === "UTC" ? "UTC" : `${zone} (${zoneOffsetLabel(zone, at)})`;
}
