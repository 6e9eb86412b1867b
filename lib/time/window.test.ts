import { describe, expect, it } from "vitest";
import { presetMs, resolveWindow, toApiTime } from "./window";

const NOW = Date.UTC(2026, 10, 23, 12, 0, 3); // 12:00:03Z
const DAY = 86_400_000;

describe("resolveWindow", () => {
  it("keeps a relative window relative, ending at now rounded up to the quantum", () => {
    const w = resolveWindow({ preset: "6h", from: null, to: null }, NOW);
    expect(w.relative).toBe(true);
    expect(toApiTime(w.end)).toBe("2026-11-23T12:00:10Z");
    expect(w.end.getTime() - w.start.getTime()).toBe(presetMs("6h"));
    expect(w.clampNote).toBeNull();
  });

  it("gives the same window to two viewers inside one quantum (shared cache keys)", () => {
    const a = resolveWindow({ preset: "24h", from: null, to: null }, NOW);
    const b = resolveWindow({ preset: "24h", from: null, to: null }, NOW + 5000);
    expect(toApiTime(a.start)).toBe(toApiTime(b.start));
  });

  it("clamps an absolute start older than 7 days and says so", () => {
    const w = resolveWindow({ preset: null, from: new Date(NOW - 10 * DAY), to: new Date(NOW - DAY) }, NOW);
    expect(w.start.getTime()).toBe(Date.UTC(2026, 10, 23, 12, 0, 10) - 7 * DAY);
    expect(w.end.getTime()).toBe(NOW - DAY);
    expect(w.clampNote).toMatch(/7 days/);
  });

  it("leaves an absolute window inside the 7 days untouched", () => {
    const from = new Date(NOW - 2 * DAY);
    const to = new Date(NOW - DAY);
    const w = resolveWindow({ preset: null, from, to }, NOW);
    expect(w.start).toEqual(from);
    expect(w.end).toEqual(to);
    expect(w.clampNote).toBeNull();
    expect(w.relative).toBe(false);
  });

  it("swaps reversed ends and caps the end at now", () => {
    const w = resolveWindow({ preset: null, from: new Date(NOW + DAY), to: new Date(NOW - DAY) }, NOW);
    expect(w.start.getTime()).toBe(NOW - DAY);
    expect(w.end.getTime()).toBe(Date.UTC(2026, 10, 23, 12, 0, 10));
  });

  it("a range entirely older than 7 days becomes the last 7 days with a note", () => {
    const w = resolveWindow({ preset: null, from: new Date(NOW - 20 * DAY), to: new Date(NOW - 10 * DAY) }, NOW);
    expect(w.end.getTime() - w.start.getTime()).toBe(7 * DAY);
    expect(w.clampNote).toMatch(/older than 7 days/);
  });
});
