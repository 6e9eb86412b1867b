import { describe, expect, it } from "vitest";
import { formatMpsTime, formatWedataTime, parseMpsTime, parseWedataTime, timelineBuckets } from "./time";

describe("wall time helpers", () => {
  it("reads WeData times as UTC+8 and writes them back", () => {
    const t = parseWedataTime("2026-11-23 08:00:00");
    expect(t).toBe(Date.UTC(2026, 10, 23, 0, 0, 0));
    expect(formatWedataTime(t!)).toBe("2026-11-23 08:00:00");
    expect(parseWedataTime("")).toBeNull();
    expect(parseWedataTime(null)).toBeNull();
  });

  it("treats the MPS zero time as unknown", () => {
    expect(parseMpsTime("0000-00-00T00:00:00Z")).toBeNull();
    expect(parseMpsTime("2026-11-23T01:02:03Z")).toBe(Date.UTC(2026, 10, 23, 1, 2, 3));
    expect(formatMpsTime(Date.UTC(2026, 10, 23, 1, 2, 3, 456))).toBe("2026-11-23T01:02:03Z");
  });

  it("aligns timeline buckets so repeated refreshes ask the same windows", () => {
    const now = Date.UTC(2026, 10, 23, 14, 17, 0);
    const a = timelineBuckets(now, 6);
    const b = timelineBuckets(now + 60_000, 6);
    expect(a).toEqual(b);
    expect(a).toHaveLength(12);
    expect(a[11]).toEqual({ start: Date.UTC(2026, 10, 23, 14, 0), end: Date.UTC(2026, 10, 23, 14, 30) });
    expect(a[0]!.start).toBe(Date.UTC(2026, 10, 23, 8, 30));
    for (let i = 1; i < a.length; i++) expect(a[i]!.start).toBe(a[i - 1]!.end);
  });
});
