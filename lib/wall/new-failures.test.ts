import { describe, expect, it } from "vitest";
import { emptyTracker, isHighlighted, trackFailures } from "./new-failures";

describe("trackFailures", () => {
  it("highlights nothing on first load", () => {
    const t = trackFailures(emptyTracker, ["a", "b"], 0, 60_000);
    expect(t.highlightUntil.size).toBe(0);
  });

  it("highlights ids that were not in the previous refresh, for holdMs", () => {
    const t1 = trackFailures(emptyTracker, ["a", "b"], 0, 60_000);
    const t2 = trackFailures(t1, ["c", "a", "b"], 1_000, 60_000);
    expect(isHighlighted(t2, "c", 1_000)).toBe(true);
    expect(isHighlighted(t2, "a", 1_000)).toBe(false);
    const t3 = trackFailures(t2, ["c", "a", "b"], 30_000, 60_000);
    expect(isHighlighted(t3, "c", 30_000)).toBe(true);
    const t4 = trackFailures(t3, ["c", "a", "b"], 61_000, 60_000);
    expect(isHighlighted(t4, "c", 61_000)).toBe(false);
    expect(t4.highlightUntil.size).toBe(0);
  });

  it("forgets ids no longer shown, so state stays bounded", () => {
    let t = trackFailures(emptyTracker, ["x"], 0, 60_000);
    for (let i = 0; i < 1000; i++) t = trackFailures(t, [`id${i}`, `id${i + 1}`], i, 60_000);
    expect(t.known?.size).toBe(2);
    expect(t.highlightUntil.size).toBeLessThanOrEqual(2);
  });
});
