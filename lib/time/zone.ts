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

// Zone arithmetic on Intl alone. date-fns' `format` and @date-fns/tz's TZDate did this before; together
// they put ~7.5 KiB gzip (an English locale, a Date subclass) into each page's first-load JavaScript, for
// what is zero-padding and an offset lookup here. Their results are the oracle of this module's tests.

/** Wall-clock fields of an instant in a zone, and the zone's offset from UTC then (minutes east). */
type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number; offset: number };

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

function fieldFormat(zone: string): Intl.DateTimeFormat {
  let f = fieldFormats.get(zone);
  if (!f) {
    // A RangeError here for an unknown zone, as TZDate's Invalid Date made `format` throw one.
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    fieldFormats.set(zone, f);
  }
  return f;
}

/** Date.UTC for any year (Date.UTC reads years 0–99 as 1900–1999). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function wallClock(ms: number, zone: string): WallClock {
  if (!Number.isFinite(ms)) throw new RangeError("Invalid time value");
  const f: Record<string, number> = {};
  for (const part of fieldFormat(zone).formatToParts(ms)) if (part.type !== "literal") f[part.type] = Number(part.value);
  const w = { year: f.year ?? NaN, month: f.month ?? NaN, day: f.day ?? NaN, hour: f.hour ?? NaN, minute: f.minute ?? NaN, second: f.second ?? NaN };
  // The offset is what the wall clock reads minus the instant (whole minutes: Intl and the tz database
  // agree on minutes for every zone since 1972).
  const offset = Math.round((utc(w.year, w.month, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) / 60_000);
  return { ...w, offset };
}

const offsetAt = (ms: number, zone: string) => wallClock(ms, zone).offset;

/**
 * The instant a wall-clock time in `zone` names. In an autumn fold (the time happens twice) the earlier one;
 * in a spring gap (it never happens) it is read with the offset before the change, so it lands as far past
 * the change as it was past its start: JavaScript's Date and Temporal's "compatible" rule, as TZDate does.
 */
function zonedToInstant(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: string): number {
  const asUtc = utc(year, month, day, hour, minute, second);
  const before = offsetAt(asUtc - 86_400_000, zone);
  const after = offsetAt(asUtc + 86_400_000, zone);
  const fits = [before, after].map((o) => asUtc - o * 60_000).filter((t) => offsetAt(t, zone) * 60_000 === asUtc - t);
  return fits.length > 0 ? Math.min(...fits) : asUtc - before * 60_000;
}

// The date-fns `format` tokens the pages use, with date-fns' meanings: yyyy year, MM month, dd day, HH hour
// 00–23, mm minutes, ss seconds, xxx offset "+08:00", 'text' literal ('' an apostrophe). Any other letter
// throws, as date-fns does for tokens it does not know.
const TOKEN = /yyyy|MM|dd|HH|mm|ss|xxx|'(?:[^']|'')*'|''|[A-Za-z]/g;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatWallClock(w: WallClock, pattern: string): string {
  return pattern.replace(TOKEN, (token) => {
    switch (token) {
      case "yyyy":
        return pad(w.year, 4);
      case "MM":
        return pad(w.month);
      case "dd":
        return pad(w.day);
      case "HH":
        return pad(w.hour);
      case "mm":
        return pad(w.minute);
      case "ss":
        return pad(w.second);
      case "xxx": {
        const abs = Math.abs(w.offset);
        return `${w.offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
      }
      case "''":
        return "'";
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    throw new RangeError(`Format string contains an unsupported token: "${token}"`);
  });
}

/** An instant as wall-clock text in `zone`; `pattern` takes yyyy MM dd HH mm ss xxx and 'quoted' text. */
export function formatInZone(instant: Date | number, zone: string, pattern = "yyyy-MM-dd HH:mm:ss"): string {
  return formatWallClock(wallClock(typeof instant === "number" ? instant : instant.getTime(), zone), pattern);
}

/** "UTC+08:00" for a zone at an instant (offsets move with daylight saving). */
export function zoneOffsetLabel(zone: string, at: Date = new Date()): string {
  return `UTC${formatInZone(at, zone, "xxx")}`;
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
  return wallFieldsToInstant([y, mo, d, h, mi, s ?? "0"].map(Number) as WallFields, zone);
}

type WallFields = [year: number, month: number, day: number, hour: number, minute: number, second: number];

/** Wall-clock fields (month 1–12; out-of-range fields roll over, as Date's do) read in `zone`; null for a bad zone. */
export function wallFieldsToInstant([year, month, day, hour, minute, second]: WallFields, zone: string): Date | null {
  try {
    const ms = zonedToInstant(year, month, day, hour, minute, second, zone);
    return Number.isNaN(ms) ? null : new Date(ms);
  } catch {
    return null;
  }
}

/** The datetime-local text of an instant in `zone`. */
export function instantToWallTime(instant: Date, zone: string): string {
  return formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm");
}
