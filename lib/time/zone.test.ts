import { describe, expect, it } from "vitest";
import { formatInZone, isValidTimeZone, wallTimeToInstant, zoneLabel } from "./zone";

describe("time zones", () => {
  const instant = new Date("2026-11-23T02:03:04Z");
  it("formats an instant in the chosen zone", () => {
    expect(formatInZone(instant, "UTC")).toBe("2026-11-23 02:03:04");
    expect(formatInZone(instant, "Asia/Shanghai")).toBe("2026-11-23 10:03:04");
    expect(formatInZone(instant, "America/New_York")).toBe("2026-11-22 21:03:04");
  });
  it("names the zone with its offset", () => {
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
