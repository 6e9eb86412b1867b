import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInZone, isValidTimeZone, wallTimeToInstant, zoneLabel, zoneOffsetLabel } from "./zone";

describe("time zones", () => {
  const instant = new Date("2026-11-23T02:03:04Z");
  it("formats an instant in the chosen zone", () => {
    expect(formatInZone(instant, "UTC")).toBe("2026-11-23 02:03:04");
    expect(formatInZone(instant, "Asia/Shanghai")).toBe("2026-11-23 10:03:04");
    expect(formatInZone(instant, "America/New_York")).toBe("2026-11-22 21:03:04");
  });
  it("writes every pattern the pages use exactly as date-fns' format does, in any zone", () => {
    // The pages' patterns (charts, columns, drawers, exports, file names, datetime-local inputs).
    const patterns = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "MM-dd HH:mm:ss", "MM-dd HH:mm", "MM-dd", "HH:mm:ss", "HH:mm", "yyyyMMdd-HHmm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ssxxx", "xxx"];
    const zones = ["UTC", "Asia/Shanghai", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), fc.constantFrom(...patterns), (ms, zone, pattern) => {
        expect(formatInZone(ms, zone, pattern)).toBe(format(new TZDate(ms, zone), pattern));
      }),
      { numRuns: 2_000 },
    );
  });
  it("reads wall-clock times as TZDate does; in a fold, always the earlier instant", () => {
    const zones = ["UTC", "Asia/Shanghai", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/Berlin", "America/Santiago", "Pacific/Apia"];
    // Daylight-saving changes of 2026 (instants), where readings get interesting: walls within 2 h of each.
    const changes: [string, number][] = [
      ["America/New_York", Date.UTC(2026, 2, 8, 7)],
      ["America/New_York", Date.UTC(2026, 10, 1, 6)],
      ["Europe/Berlin", Date.UTC(2026, 2, 29, 1)],
      ["Europe/Berlin", Date.UTC(2026, 9, 25, 1)],
      ["Australia/Lord_Howe", Date.UTC(2026, 3, 4, 15)],
      ["Australia/Lord_Howe", Date.UTC(2026, 9, 3, 15, 30)],
      ["America/St_Johns", Date.UTC(2026, 2, 8, 5, 30)],
      ["America/St_Johns", Date.UTC(2026, 10, 1, 4, 30)],
    ];
    const anyWall = fc.tuple(fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }), fc.constantFrom(...zones));
    const nearChange = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -120, max: 120 })).map(([[zone, t], m]) => [t / 60_000 + m, zone] as const);
    fc.assert(
      fc.property(fc.oneof(anyWall, nearChange), fc.boolean(), ([minute, zone], shifted) => {
        // The zone's own wall text of an instant, or (shifted) that text an hour on, which may fall in a gap.
        const own = formatInZone(minute * 60_000, zone, "yyyy-MM-dd'T'HH:mm");
        const wall = shifted ? new Date(Date.parse(`${own}Z`) + 3_600_000).toISOString().slice(0, 16) : own;
        const [y, mo, d, h, mi] = wall.split(/[-T:]/).map(Number) as [number, number, number, number, number];
        const ours = wallTimeToInstant(wall, zone)!.getTime();
        const theirs = new TZDate(y, mo - 1, d, h, mi, 0, zone).getTime();
        if (ours !== theirs) {
          // TZDate takes the later instant of some folds (Europe) and the earlier of others (America): this
          // module always takes the earlier, as Date and Temporal do. Both must name the same wall time.
          expect(formatInZone(theirs, zone, "yyyy-MM-dd'T'HH:mm")).toBe(wall);
          expect(formatInZone(ours, zone, "yyyy-MM-dd'T'HH:mm")).toBe(wall);
          expect(ours).toBeLessThan(theirs);
        }
      }),
      { numRuns: 3_000 },
    );
    // Gaps: a time that never happens is read with the offset before the change (it lands an hour later).
    expect(wallTimeToInstant("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(wallTimeToInstant("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Folds: the earlier of the two instants.
    expect(wallTimeToInstant("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(wallTimeToInstant("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(wallTimeToInstant("2026-11-23T10:03", "Mars/Olympus")).toBeNull();
  });
  it("keeps quoted text, and refuses tokens it does not know and invalid instants", () => {
    expect(formatInZone(instant, "UTC", "'at' HH:mm 'o''clock' ''")).toBe("at 02:03 o'clock '");
    expect(() => formatInZone(instant, "UTC", "EEEE")).toThrow(RangeError);
    expect(() => formatInZone(Number.NaN, "UTC")).toThrow(RangeError);
    // A zone's label is not a zone (TZDate used to read the offset out of it, fixed, blind to daylight saving).
    expect(() => formatInZone(instant, zoneLabel("Asia/Shanghai", instant))).toThrow(RangeError);
  });
  it("names the zone with its offset", () => {
    expect(zoneOffsetLabel("America/St_Johns", instant)).toBe("UTC-03:30");
    expect(zoneOffsetLabel("UTC", instant)).toBe("UTC+00:00");
    expect(zoneLabel("Asia/Shanghai", instant)).toBe("Asia/Shanghai, UTC+08:00");
    expect(zoneLabel("UTC", instant)).toBe("UTC");
  });
  it("validates zone names", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
  it("reads wall-clock input in the zone", () => {
    expect(wallTimeToInstant("2026-11-23T10:03", "Asia/Shanghai")?.toISOString()).toBe("2026-11-23T02:03:00.000Z");
    expect(wallTimeToInstant("nonsense", "UTC")).toBeNull();
  });
});
