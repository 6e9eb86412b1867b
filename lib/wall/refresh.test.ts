import { describe, expect, it } from "vitest";
import { backoffMs, nextRefreshMs } from "./refresh";

const res = (generatedAt: number, mpsAt: number, wedataAt: number) => ({
  generatedAt,
  mps: { ok: true as const, data: null, fetchedAt: mpsAt },
  wedata: { ok: true as const, data: null, fetchedAt: wedataAt },
});

describe("nextRefreshMs", () => {
  it("asks again just after the server's cached answer expires", () => {
    // Fresh gathering that took 1.2 s: next ask 10 s after it started, plus a margin.
    expect(nextRefreshMs(10, res(101_200, 100_000, 100_000))).toBe(10_000 - 1_200 + 250);
    // An answer another screen caused 7 s ago: ask again in about 3 s, so both screens meet.
    expect(nextRefreshMs(10, res(107_000, 100_000, 100_500))).toBe(3_250);
  });
  it("stays between 1 s and the interval", () => {
    expect(nextRefreshMs(10, res(200_000, 100_000, 100_000))).toBe(1_000);
    expect(nextRefreshMs(10, res(100_000, 100_000, 100_000))).toBe(10_000);
  });
});

describe("backoffMs", () => {
  it("doubles up to four times the interval", () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffMs(5, n))).toEqual([5_000, 10_000, 20_000, 20_000, 20_000]);
  });
});
