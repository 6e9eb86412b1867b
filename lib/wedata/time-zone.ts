import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

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
  return format(new TZDate(instant.getTime(), "UTC"), "yyyy-MM-dd HH:mm:ss");
}

/** True for any zone Intl knows (IANA names, "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's zone, or UTC when it cannot be read. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Formats an instant in the display zone. */
export function formatInZone(instant: Date, zone: string, pattern = "yyyy-MM-dd HH:mm:ss"): string {
  return format(new TZDate(instant.getTime(), zone), pattern);
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
  const date = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), zone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime());
}

/** The wall-clock text of an instant in the display zone, for a datetime-local input. */
export function instantToWallTime(instant: Date, zone: string): string {
  return formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm");
}

/** "UTC+08:00" for a zone at an instant (offsets move with daylight saving). */
export function zoneOffsetLabel(zone: string, at: Date = new Date()): string {
  const xxx = format(new TZDate(at.getTime(), zone), "xxx");
  return `UTC${xxx === "Z" ? "+00:00" : xxx}`;
}

/** How headers name the display zone: "Asia/Shanghai (UTC+08:00)". */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  return zone === "UTC" ? "UTC" : `${zone} (${zoneOffsetLabel(zone, at)})`;
}
