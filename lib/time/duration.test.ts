import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration } from "./duration";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [-5, "—"],
    [0, "0 ms"],
    [850, "850 ms"],
    [12_400, "12 s"],
    [245_000, "4 m 05 s"],
    [2 * 3600_000 + 13 * 60_000 + 59_000, "2 h 13 m"],
    [3 * 86_400_000 + 4 * 3600_000, "3 d 4 h"],
  ])("%s ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("formats freshness", () => {
    expect(formatAgo(400)).toBe("just now");
    expect(formatAgo(12_900)).toBe("12 s ago");
    expect(formatAgo(185_000)).toBe("3 m ago");
  });
});
