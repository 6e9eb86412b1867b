import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// Time-zone helpers shared by the pages: every instant is shown in one chosen display zone (the viewer's by
// default, or any IANA zone from the URL), and headers name that zone so a screenshot is never ambiguous.

/** True for any zone Intl knows (IANA names and "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The browser's zone, or UTC when it cannot be read (and on the server, where "the viewer" is unknown). */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Every IANA zone the browser knows, UTC first; a short fallback list for old engines. */
export function supportedTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.("timeZone") ?? ["Asia/Shanghai", "Europe/London", "America/New_York"];
  return ["UTC", ...zones.filter((z) => z !== "UTC")];
}

export function formatInZone(instant: Date | number, zone: string, pattern = "yyyy-MM-dd HH:mm:ss"): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return format(new TZDate(ms, zone), pattern);
}

/** "UTC+08:00" for a zone at an instant (offsets move with daylight saving). */
export function zoneOffsetLabel(zone: string, at: Date = new Date()): string {
  const xxx = format(new TZDate(at.getTime(), zone), "xxx");
  return `UTC${xxx === "Z" ? "+00:00" : xxx}`;
}

/** How headers name the display zone: "Asia/Shanghai, UTC+08:00" (just "UTC" for UTC). */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (zone === "UTC" || zone === "Etc/UTC") return "UTC";
  return `${zone}, ${zoneOffsetLabel(zone, at)}`;
}

/** Wall-clock text typed in a datetime-local input, read in `zone`; null when malformed. */
export function wallTimeToInstant(wall: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new TZDate(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), zone);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime());
}

/** The datetime-local text of an instant in `zone`. */
export function instantToWallTime(instant: Date, zone: string): string {
  return formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm");
}
