import { describe, expect, it } from "vitest";
import { emptySource, failAll, formatAge, freshness, mergeWallResponse, type WallState } from "./freshness";

const empty: WallState<string, string> = { mps: emptySource(), wedata: emptySource(), projects: [], notices: [] };
const err = { Code: "InternalError", Message: "boom", RequestId: "r-1" };

describe("mergeWallResponse", () => {
  it("keeps the last good data of a failing source and names the error", () => {
    const s1 = mergeWallResponse(empty, {
      projects: ["p"],
      notices: [],
      mps: { ok: true, data: "m1", fetchedAt: 1000 },
      wedata: { ok: true, data: "w1", fetchedAt: 1000 },
    });
    const s2 = mergeWallResponse(s1, {
      projects: ["p"],
      notices: [],
      mps: { ok: false, error: err, fetchedAt: 5000 },
      wedata: { ok: true, data: "w2", fetchedAt: 5000 },
    });
    expect(s2.mps).toEqual({ data: "m1", fetchedAt: 1000, error: err, errorAt: 5000 });
    expect(s2.wedata).toEqual({ data: "w2", fetchedAt: 5000, error: null, errorAt: null });
    const s3 = mergeWallResponse(s2, { projects: ["p"], notices: [], mps: { ok: true, data: "m3", fetchedAt: 9000 }, wedata: { ok: true, data: "w3", fetchedAt: 9000 } });
    expect(s3.mps).toEqual({ data: "m3", fetchedAt: 9000, error: null, errorAt: null });
  });

  it("failAll marks both sources failing without dropping data", () => {
    const s1 = mergeWallResponse(empty, { projects: [], notices: [], mps: { ok: true, data: "m", fetchedAt: 1 }, wedata: { ok: false, error: err, fetchedAt: 1 } });
    const s2 = failAll(s1, { Code: "NetworkError", Message: "offline" }, 7);
    expect(s2.mps.data).toBe("m");
    expect(s2.mps.error?.Code).toBe("NetworkError");
    expect(s2.wedata.errorAt).toBe(7);
  });
});

describe("freshness", () => {
  const good = { data: "x", fetchedAt: 10_000, error: null, errorAt: null };
  it("is fresh up to twice the interval, stale after", () => {
    expect(freshness(good, 10_000 + 20_000, 10, 0)).toEqual({ ageSeconds: 20, stale: false, failing: false });
    expect(freshness(good, 10_000 + 20_001, 10, 0)).toEqual({ ageSeconds: 20, stale: true, failing: false });
  });
  it("reports failing separately from stale", () => {
    expect(freshness({ ...good, error: err, errorAt: 12_000 }, 12_000, 10, 0)).toEqual({ ageSeconds: 2, stale: false, failing: true });
  });
  it("with no data yet, goes stale twice the interval after the start", () => {
    expect(freshness(emptySource(), 5_000, 2, 0).stale).toBe(true);
    expect(freshness(emptySource(), 3_000, 2, 0)).toEqual({ ageSeconds: null, stale: false, failing: false });
  });
});

describe("formatAge", () => {
  it.each([
    [0, "0 s"],
    [59, "59 s"],
    [60, "1 min"],
    [3599, "59 min"],
    [3600 + 5 * 60, "1 h 05 min"],
    [26 * 3600, "1 d 2 h"],
  ])("%i s → %s", (s, text) => expect(formatAge(s)).toBe(text));
});
