// Per-service limiter: never more than `limit` calls reach the upstream in any window of `windowMs`, as the
// upstream itself counts them, however many callers ask at once.
//
// The upstream counts a call when it *arrives*, which is some time between our send and its answer. So a
// call occupies its slot from its send until one window after its answer (`release()`); a new call is sent
// only while fewer than `limit` slots are occupied. Then for any arrivals, two calls sharing a slot arrive
// at least one window apart: no jitter, queueing or slow emulator can squeeze limit+1 into one window.
//
// Waiters queue FIFO. A caller whose turn cannot come before its deadline (even if every call in flight
// answered right now), or who finds `maxQueue` callers already waiting, is refused at once with a
// Retry-After hint; a waiter still queued when its deadline passes is refused then. Never left to hang.

export interface RateLimiterOptions {
  limit: number;
  windowMs?: number;
  /** Extra spacing added to the window (clock granularity on the upstream side). */
  marginMs?: number;
  /** Most callers allowed to wait for a turn at once. */
  maxQueue?: number;
}

export type Refusal = { ok: false; reason: "queue-full" | "deadline"; retryAfterMs: number };
export type Permit = {
  ok: true;
  /** How long the caller waited for its turn. */
  waitMs: number;
  /** Call when the upstream call has ended (answer, error or abort); idempotent. */
  release: () => void;
};
export type AcquireResult = Permit | Refusal;

interface Slot {
  /** null while the call is in flight. */
  doneAt: number | null;
}

interface Waiter {
  enqueuedAt: number;
  deadlineAt: number;
  resolve: (r: AcquireResult) => void;
  reject: (e: unknown) => void;
  cleanup: () => void;
}

export class RateLimiter {
  readonly limit: number;
  private readonly windowMs: number;
  private readonly maxQueue: number;
  private slots: Slot[] = [];
  private queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(opts: RateLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new Error("RateLimiter: limit must be a positive integer");
    this.limit = opts.limit;
    this.windowMs = (opts.windowMs ?? 1000) + (opts.marginMs ?? 0);
    this.maxQueue = opts.maxQueue ?? 1000;
  }

  /** Callers waiting for a turn. */
  queued(): number {
    return this.queue.length;
  }

  /** Calls in flight plus answered calls still inside their trailing window. */
  occupied(now = Date.now()): number {
    this.slots = this.slots.filter((s) => s.doneAt === null || s.doneAt + this.windowMs > now);
    return this.slots.length;
  }

  /**
   * The earliest time the caller at queue position `position` could be sent, assuming every call in
   * flight answered right now: a lower bound, so a refusal based on it is never wrong.
   */
  private earliestTurn(position: number, now: number): number {
    this.occupied(now);
    const free: number[] = this.slots.map((s) => (s.doneAt === null ? now : s.doneAt) + this.windowMs);
    while (free.length < this.limit) free.push(now);
    free.sort((a, b) => a - b);
    const round = Math.floor(position / this.limit);
    return Math.max(now, (free[position % this.limit] as number) + round * this.windowMs);
  }

  acquire(deadlineAt: number, signal?: AbortSignal): Promise<AcquireResult> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = Date.now();
    if (this.queue.length === 0 && this.occupied(now) < this.limit) {
      return Promise.resolve(this.grant(now, now));
    }
    if (this.queue.length >= this.maxQueue) {
      return Promise.resolve({ ok: false, reason: "queue-full", retryAfterMs: this.earliestTurn(this.queue.length, now) - now });
    }
    const turn = this.earliestTurn(this.queue.length, now);
    if (turn > deadlineAt) return Promise.resolve({ ok: false, reason: "deadline", retryAfterMs: turn - now });

    return new Promise<AcquireResult>((resolve, reject) => {
      const waiter: Waiter = { enqueuedAt: now, deadlineAt, resolve, reject, cleanup: () => undefined };
      const expire = Number.isFinite(deadlineAt)
        ? setTimeout(() => {
            this.remove(waiter);
            const t = Date.now();
            resolve({ ok: false, reason: "deadline", retryAfterMs: Math.max(1, this.earliestTurn(this.queue.length, t) - t) });
          }, Math.min(2 ** 31 - 1, Math.max(0, deadlineAt - now)))
        : undefined;
      const onAbort = () => {
        this.remove(waiter);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      waiter.cleanup = () => {
        clearTimeout(expire);
        signal?.removeEventListener("abort", onAbort);
      };
      this.queue.push(waiter);
      this.schedule(now);
    });
  }

  private grant(now: number, enqueuedAt: number): Permit {
    const slot: Slot = { doneAt: null };
    this.slots.push(slot);
    let released = false;
    return {
      ok: true,
      waitMs: now - enqueuedAt,
      release: () => {
        if (released) return;
        released = true;
        slot.doneAt = Date.now();
        this.schedule(slot.doneAt);
      },
    };
  }

  private remove(w: Waiter): void {
    w.cleanup();
    const i = this.queue.indexOf(w);
    if (i >= 0) this.queue.splice(i, 1);
  }

  /** Serves waiters whose turn has come and sets one timer for the next slot to free up. */
  private schedule(now: number): void {
    while (this.queue.length > 0 && this.occupied(now) < this.limit) {
      const w = this.queue.shift() as Waiter;
      w.cleanup();
      w.resolve(this.grant(now, w.enqueuedAt));
    }
    if (this.queue.length === 0) return;
    // Slots held by calls in flight free up on release(); answered ones at a known time.
    let next = Number.POSITIVE_INFINITY;
    for (const s of this.slots) if (s.doneAt !== null) next = Math.min(next, s.doneAt + this.windowMs);
    if (next === Number.POSITIVE_INFINITY || next >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.schedule(Date.now());
    }, Math.max(0, next - now));
  }
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
