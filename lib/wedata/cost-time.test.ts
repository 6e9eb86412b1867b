import { describe, expect, it } from "vitest";
import { formatCostTime } from "./cost-time";

describe("formatCostTime", () => {
  it.each([
    [null, "—"],
    [-5, "—"],
    [0, "0 ms"],
    [350, "350 ms"],
    [8_400, "8.4 s"],
    [9_999, "9.9 s"],
    [42_000, "42 s"],
    [12 * 60_000 + 5_000, "12 m 05 s"],
    [3_600_000 + 2 * 60_000 + 59_000, "1 h 02 m"],
    [2 * 86_400_000 + 3 * 3_600_000, "2 d 03 h"],
  ])("%s ms reads %s", (ms, text) => {
    expect(formatCostTime(ms)).toBe(text);
  });
});
