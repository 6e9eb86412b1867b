import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  apiTimeInZone,
  apiTimeToInstant,
  instantToApiTime,
  instantToWallTime,
  isValidTimeZone,
  wallTimeToInstant,
  zoneLabel,
} from "./time-zone";

describe("API zone conversions", () => {
  it("reads API times as UTC and writes them back", () => {
    const instant = apiTimeToInstant("2026-11-23 02:05:09");
    expect(instant?.toISOString()).toBe("2026-11-23T02:05:09.000Z");
    expect(instantToApiTime(instant!)).toBe("2026-11-23 02:05:09");
    expect(apiTimeToInstant("")).toBeNull();
    expect(apiTimeToInstant("yesterday")).toBeNull();
  });

  it("shows an API time in the display zone", () => {
    expect(apiTimeInZone("2026-11-23 02:00:00", "Asia/Shanghai")).toBe("2026-11-23 10:00:00");
    expect(apiTimeInZone("2026-11-23 02:00:00", "America/New_York")).toBe("2026-11-22 21:00:00");
    expect(apiTimeInZone(null, "UTC")).toBe("—");
  });

  it("reads a wall time typed in one zone as the same instant as its twin in another", () => {
    const shanghai = wallTimeToInstant("2026-11-23T10:00", "Asia/Shanghai");
    const utc = wallTimeToInstant("2026-11-23T02:00", "UTC");
    expect(shanghai?.toISOString()).toBe("2026-11-23T02:00:00.000Z");
    expect(shanghai?.getTime()).toBe(utc?.getTime());
    expect(instantToApiTime(shanghai!)).toBe("2026-11-23 02:00:00");
  });

  it("round-trips any minute through any of several zones", () => {
    const zones = ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Asia/Kolkata", "Europe/Berlin"];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const instant = new Date(minute * 60_000);
          const wall = instantToWallTime(instant, zone);
          // A wall time in a daylight-saving fold names two instants; both must map back to the same wall text.
          const back = wallTimeToInstant(wall, zone)!;
          expect(instantToWallTime(back, zone)).toBe(wall);
        },
      ),
    );
  });

  it("validates zones and labels them with their offset", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(zoneLabel("Asia/Shanghai", new Date("2026-11-23T00:00:00Z"))).toBe("Asia/Shanghai (UTC+08:00)");
    expect(zoneLabel("UTC")).toBe("UTC");
  });
});
