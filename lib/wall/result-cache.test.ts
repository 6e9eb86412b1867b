import { describe, expect, it } from "vitest";
import { ResultCache } from "./result-cache";

describe("ResultCache", () => {
  it("coalesces concurrent loads and serves within the TTL", async () => {
    const cache = new ResultCache<number>();
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get("k", 1000, 0, load), cache.get("k", 1000, 10, load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get("k", 1000, 999, load)).toBe(1);
    expect(await cache.get("k", 1000, 1000, load)).toBe(2);
  });

  it("keys are independent and the size is bounded", async () => {
    const cache = new ResultCache<string>(3);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, 1000, 0, async () => `v${i}`);
    expect(cache.size).toBe(3);
    expect(await cache.get("k9", 1000, 1, async () => "new")).toBe("v9");
    expect(await cache.get("k0", 1000, 1, async () => "new")).toBe("new");
  });
});
