import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimiter, type AcquireResult, type Permit } from "./rate-limiter";

// The pure limiter on fake timers. The hard property: whatever the latencies, if every call is counted by
// the upstream at any moment between its send and its answer, no window of 1 s ever holds more than N.

interface Call {
  sentAt: number;
  doneAt: number;
}

/**
 * Worst case over every possible arrival time: at each send, count earlier calls that could still arrive
 * inside the window ending at this send (those answered less than a window ago, or still in flight).
 */
function worstWindow(calls: Call[], windowMs: number): number {
  let worst = 0;
  for (const c of calls) {
    const overlapping = calls.filter((o) => o !== c && o.sentAt <= c.sentAt && o.doneAt > c.sentAt - windowMs).length;
    worst = Math.max(worst, overlapping + 1);
  }
  return worst;
}

const permit = (r: AcquireResult): Permit => {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
};

describe("RateLimiter", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("never lets more than N calls fall in one window, for any arrival pattern and latency", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 300 }), latency: fc.integer({ min: 0, max: 1500 }) }), { minLength: 1, maxLength: 60 }),
        async (limit, plan) => {
          const rl = new RateLimiter({ limit, maxQueue: 10_000 });
          const calls: Call[] = [];
          const running: Array<Promise<void>> = [];
          for (const { gap, latency } of plan) {
            await vi.advanceTimersByTimeAsync(gap);
            running.push(
              rl.acquire(Number.POSITIVE_INFINITY).then(async (r) => {
                const p = permit(r);
                const sentAt = Date.now();
                await new Promise((res) => setTimeout(res, latency));
                p.release();
                calls.push({ sentAt, doneAt: Date.now() });
              }),
            );
          }
          await vi.advanceTimersByTimeAsync(plan.length * 3000);
          await Promise.all(running);
          expect(calls).toHaveLength(plan.length);
          expect(worstWindow(calls, 1000)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("serves a burst of 250 at 100/s: 100 at once, the next 100 one window after the first answers", async () => {
    const rl = new RateLimiter({ limit: 100 });
    const t0 = Date.now();
    const sent: number[] = [];
    const all = Array.from({ length: 250 }, () =>
      rl.acquire(Number.POSITIVE_INFINITY).then((r) => {
        sent.push(Date.now() - t0);
        setTimeout(() => permit(r).release(), 50); // 50 ms upstream latency
      }),
    );
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(all);
    expect(sent.slice(0, 100).every((t) => t === 0)).toBe(true);
    expect(sent.slice(100, 200).every((t) => t === 1050)).toBe(true);
    expect(sent.slice(200).every((t) => t === 2100)).toBe(true);
  });

  it("refuses at once with Retry-After when the turn can't come before the deadline", async () => {
    const rl = new RateLimiter({ limit: 20 });
    const now = Date.now();
    const permits = await Promise.all(Array.from({ length: 20 }, () => rl.acquire(now + 500)));
    expect(permits.every((p) => p.ok)).toBe(true);
    // All 20 slots are in flight: even if they answered now, the next turn is a window away.
    await expect(rl.acquire(now + 500)).resolves.toEqual({ ok: false, reason: "deadline", retryAfterMs: 1000 });
    // A caller with a longer deadline queues and is served one window after a slot's answer.
    const waiting = rl.acquire(now + 5000);
    await vi.advanceTimersByTimeAsync(200);
    permit(permits[0]!).release();
    await vi.advanceTimersByTimeAsync(999);
    expect(rl.queued()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(waiting).resolves.toMatchObject({ ok: true, waitMs: 1200 });
  });

  it("a queued caller whose in-flight blockers never answer is refused at its deadline, not left hanging", async () => {
    const rl = new RateLimiter({ limit: 1 });
    const now = Date.now();
    permit(await rl.acquire(now + 10_000)); // never released: a hung upstream call
    const waiting = rl.acquire(now + 3000);
    await vi.advanceTimersByTimeAsync(3000);
    await expect(waiting).resolves.toMatchObject({ ok: false, reason: "deadline" });
    expect(rl.queued()).toBe(0);
  });

  it("refuses with queue-full once maxQueue callers wait", async () => {
    const rl = new RateLimiter({ limit: 1, maxQueue: 3 });
    permit(await rl.acquire(Number.POSITIVE_INFINITY));
    for (let i = 0; i < 3; i++) void rl.acquire(Number.POSITIVE_INFINITY);
    expect(rl.queued()).toBe(3);
    await expect(rl.acquire(Number.POSITIVE_INFINITY)).resolves.toMatchObject({ ok: false, reason: "queue-full" });
  });

  it("an aborted waiter leaves the queue and the next one moves up", async () => {
    const rl = new RateLimiter({ limit: 1 });
    const first = permit(await rl.acquire(Number.POSITIVE_INFINITY));
    const ctrl = new AbortController();
    const a = rl.acquire(Number.POSITIVE_INFINITY, ctrl.signal);
    const b = rl.acquire(Number.POSITIVE_INFINITY);
    ctrl.abort(new Error("viewer left"));
    await expect(a).rejects.toThrow("viewer left");
    first.release();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(b).resolves.toMatchObject({ ok: true, waitMs: 1000 });
  });

  it("the margin widens the window", async () => {
    const rl = new RateLimiter({ limit: 1, marginMs: 50 });
    permit(await rl.acquire(Number.POSITIVE_INFINITY)).release();
    const next = rl.acquire(Number.POSITIVE_INFINITY);
    await vi.advanceTimersByTimeAsync(1049);
    expect(rl.queued()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(next).resolves.toMatchObject({ ok: true, waitMs: 1050 });
  });
});

describe("RateLimiter queue length (what /api/health reports as queued)", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("counts only callers actually waiting: an immediate grant and an immediate refusal never enter the queue", async () => {
    const rl = new RateLimiter({ limit: 2, maxQueue: 1 });
    const now = Date.now();
    const a = permit(await rl.acquire(now + 5000));
    permit(await rl.acquire(now + 5000));
    expect(rl.queued()).toBe(0);
    // Turn past the deadline: refused at once, not queued.
    await expect(rl.acquire(now + 100)).resolves.toMatchObject({ ok: false, reason: "deadline" });
    expect(rl.queued()).toBe(0);
    const waiting = rl.acquire(now + 5000);
    expect(rl.queued()).toBe(1);
    // Queue full: refused at once, the queue stays at its maximum.
    await expect(rl.acquire(now + 5000)).resolves.toMatchObject({ ok: false, reason: "queue-full" });
    expect(rl.queued()).toBe(1);
    a.release();
    await vi.advanceTimersByTimeAsync(1000);
    permit(await waiting);
    expect(rl.queued()).toBe(0);
  });

  it("callers refused at their deadline while queued (the client's 429) leave the queue, each at its own time", async () => {
    const rl = new RateLimiter({ limit: 1, maxQueue: 100 });
    const now = Date.now();
    permit(await rl.acquire(now + 60_000)); // in flight and never answering: a hung upstream
    const waiters = [1000, 2000, 3000].map((d) => rl.acquire(now + d));
    expect(rl.queued()).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rl.queued()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rl.queued()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rl.queued()).toBe(0);
    for (const w of await Promise.all(waiters)) {
      expect(w).toMatchObject({ ok: false, reason: "deadline" });
      if (!w.ok) expect(w.retryAfterMs).toBeGreaterThan(0);
    }
    // No timer left behind for callers that are gone.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborted callers leave the queue at once, wherever they stand, and take their timers and listeners along", async () => {
    const rl = new RateLimiter({ limit: 1, maxQueue: 100 });
    const now = Date.now();
    const first = permit(await rl.acquire(now + 60_000));
    const controllers = Array.from({ length: 5 }, () => new AbortController());
    const removed: number[] = [];
    controllers.forEach((c, i) => {
      const orig = c.signal.removeEventListener.bind(c.signal);
      c.signal.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject) => {
        removed.push(i);
        orig(type, fn);
      }) as typeof c.signal.removeEventListener;
    });
    const waiters = controllers.map((c) => rl.acquire(now + 30_000, c.signal));
    const outcomes = waiters.map((w) => w.then(() => "granted", (e: unknown) => (e as Error).message));
    const survivor = rl.acquire(now + 30_000);
    expect(rl.queued()).toBe(6);
    // Middle, head, tail: each abort shortens the queue by exactly one.
    controllers[2]!.abort(new Error("left"));
    expect(rl.queued()).toBe(5);
    controllers[0]!.abort(new Error("left"));
    controllers[4]!.abort(new Error("left"));
    expect(rl.queued()).toBe(3);
    expect(removed.sort()).toEqual([0, 2, 4]);
    controllers[1]!.abort(new Error("left"));
    controllers[3]!.abort(new Error("left"));
    expect(await Promise.all(outcomes)).toEqual(["left", "left", "left", "left", "left"]);
    expect(rl.queued()).toBe(1);
    // The survivor is served by the next free slot and the queue is empty again; aborting later is harmless.
    first.release();
    await vi.advanceTimersByTimeAsync(1000);
    permit(await survivor).release();
    expect(rl.queued()).toBe(0);
    controllers[0]!.abort();
    expect(rl.queued()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an already aborted signal is refused without entering the queue", async () => {
    const rl = new RateLimiter({ limit: 1 });
    permit(await rl.acquire(Number.POSITIVE_INFINITY));
    const ctrl = new AbortController();
    ctrl.abort(new Error("gone"));
    await expect(rl.acquire(Number.POSITIVE_INFINITY, ctrl.signal)).rejects.toThrow("gone");
    expect(rl.queued()).toBe(0);
  });

  it("returns to zero after any mix of grants, deadline refusals and aborts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.record({
            gap: fc.integer({ min: 0, max: 200 }),
            deadline: fc.integer({ min: 0, max: 3000 }),
            latency: fc.integer({ min: 0, max: 1500 }),
            abortAfter: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (limit, plan) => {
          const rl = new RateLimiter({ limit, maxQueue: 10 });
          const running: Array<Promise<unknown>> = [];
          for (const step of plan) {
            await vi.advanceTimersByTimeAsync(step.gap);
            const ctrl = new AbortController();
            if (step.abortAfter !== undefined) setTimeout(() => ctrl.abort(new Error("left")), step.abortAfter);
            running.push(
              rl.acquire(Date.now() + step.deadline, ctrl.signal).then(async (r) => {
                if (!r.ok) return;
                await new Promise((res) => setTimeout(res, step.latency));
                r.release();
              }, () => undefined), // aborted while queued: expected
            );
            expect(rl.queued()).toBeLessThanOrEqual(10);
          }
          await vi.advanceTimersByTimeAsync(10_000);
          await Promise.allSettled(running);
          expect(rl.queued()).toBe(0);
          expect(rl.occupied()).toBe(0);
          expect(vi.getTimerCount()).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
