import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "./rate-limiter";

// The pure limiter on a fake clock: the hard property is "never more than N sends in any window".

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describe("RateLimiter", () => {
  afterEach(() => vi.useRealTimers());

  it("never grants more than the limit in any 1 s window, for any arrival pattern", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 400 }),
        (limit, gaps) => {
          let now = 0;
          const rl = new RateLimiter({ limit, now: () => now, maxQueue: 100_000 });
          const sends: number[] = [];
          for (const gap of gaps) {
            now += gap;
            const r = rl.reserve();
            if (r.ok) sends.push(r.at as number);
          }
          expect(sends).toHaveLength(gaps.length); // no deadline, no queue cap: everyone gets a turn
          expect(maxInWindow(sends, 1000)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("serves a burst of 250 at 100/s in FIFO order over ~2 windows", () => {
    const now = 10_000;
    const rl = new RateLimiter({ limit: 100, now: () => now });
    const at = Array.from({ length: 250 }, () => rl.reserve().at as number);
    expect(at.slice(0, 100).every((t) => t === now)).toBe(true);
    expect(at.slice(100, 200).every((t) => t === now + 1000)).toBe(true);
    expect(at.slice(200).every((t) => t === now + 2000)).toBe(true);
    expect(maxInWindow(at, 1000)).toBe(100);
  });

  it("refuses at once with Retry-After when the turn would come after the deadline", () => {
    const now = 0;
    const rl = new RateLimiter({ limit: 20, now: () => now });
    for (let i = 0; i < 20; i++) expect(rl.reserve(500).ok).toBe(true);
    const refused = rl.reserve(500);
    expect(refused).toEqual({ ok: false, reason: "deadline", retryAfterMs: 1000 });
    // A caller with a longer deadline still queues.
    expect(rl.reserve(1000)).toMatchObject({ ok: true, waitMs: 1000 });
  });

  it("refuses with queue-full once maxQueue callers wait", () => {
    const now = 0;
    const rl = new RateLimiter({ limit: 1, maxQueue: 3, now: () => now });
    expect(rl.reserve().ok).toBe(true); // sends now, not queued
    for (let i = 0; i < 3; i++) expect(rl.reserve().ok).toBe(true);
    expect(rl.reserve()).toMatchObject({ ok: false, reason: "queue-full" });
  });

  it("the margin widens the window", () => {
    const now = 0;
    const rl = new RateLimiter({ limit: 2, marginMs: 50, now: () => now });
    rl.reserve();
    rl.reserve();
    expect(rl.reserve().at).toBe(1050);
  });

  it("acquire waits for the turn (fake timers) and a released turn is not counted", async () => {
    vi.useFakeTimers({ now: 0 });
    const rl = new RateLimiter({ limit: 2 });
    await rl.acquire(Infinity);
    await rl.acquire(Infinity);
    const ctrl = new AbortController();
    const waiting = rl.acquire(Infinity, ctrl.signal);
    let settled = false;
    void waiting.then(() => (settled = true), () => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    ctrl.abort(new Error("viewer left"));
    await expect(waiting).rejects.toThrow("viewer left");
    expect(rl.queued()).toBe(0);
    // Had the abandoned turn at 1000 still counted, the second of these would wait until 2000.
    expect(rl.reserve()).toMatchObject({ ok: true, at: 1000 });
    expect(rl.reserve()).toMatchObject({ ok: true, at: 1000 });
    expect(rl.reserve()).toMatchObject({ ok: true, at: 2000 });
  });
});
