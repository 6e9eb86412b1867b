// A sliding-window limiter: never more than `limit` sends in any window of `windowMs`, however many callers
// ask at once. Callers get a turn in FIFO order by reserving a send time; a caller whose turn would come
// after its deadline (or who finds the queue full) is refused at once with a Retry-After hint instead of
// hanging. Pure apart from the injected clock and sleep, so fake timers can drive it.

export interface RateLimiterOptions {
  limit: number;
  windowMs?: number;
  /** Extra spacing added to the window, so network jitter cannot squeeze N+1 arrivals into one upstream second. */
  marginMs?: number;
  /** Most callers allowed to wait for a future turn at once. */
  maxQueue?: number;
  now?: () => number;
}

export type AcquireResult =
  | { ok: true; waitMs: number }
  | { ok: false; reason: "queue-full" | "deadline"; retryAfterMs: number };

export class RateLimiter {
  readonly limit: number;
  private readonly windowMs: number;
  private readonly maxQueue: number;
  private readonly now: () => number;
  /** Granted send times, ascending; past ones older than a window are pruned. */
  private grants: number[] = [];

  constructor(opts: RateLimiterOptions) {
    if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new Error("RateLimiter: limit must be a positive integer");
    this.limit = opts.limit;
    this.windowMs = (opts.windowMs ?? 1000) + (opts.marginMs ?? 0);
    this.maxQueue = opts.maxQueue ?? 1000;
    this.now = opts.now ?? Date.now;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.grants.length && (this.grants[drop] as number) <= now - this.windowMs) drop++;
    if (drop) this.grants.splice(0, drop);
  }

  /** Callers holding a turn that has not come yet. */
  queued(): number {
    const now = this.now();
    return this.grants.filter((t) => t > now).length;
  }

  /**
   * Reserves the earliest send time that keeps every window within the limit. Does not sleep: the caller
   * waits `waitMs` itself (see `acquire`). `deadlineAt` is an absolute time in the clock's milliseconds.
   */
  reserve(deadlineAt: number = Number.POSITIVE_INFINITY): AcquireResult & { at?: number } {
    const now = this.now();
    this.prune(now);
    // Grants are ascending, so the window ending at the new send holds the last `limit - 1` grants at most
    // when the new send is at least one window after the grant `limit` places back.
    const n = this.grants.length;
    const blocker = n >= this.limit ? (this.grants[n - this.limit] as number) : undefined;
    // FIFO: never before the last grant, which also keeps `grants` ascending after releases.
    const last = n > 0 ? (this.grants[n - 1] as number) : now;
    const at = Math.max(now, last, blocker === undefined ? now : blocker + this.windowMs);
    if (at > now && this.queued() >= this.maxQueue) {
      return { ok: false, reason: "queue-full", retryAfterMs: at - now };
    }
    if (at > deadlineAt) return { ok: false, reason: "deadline", retryAfterMs: at - now };
    this.grants.push(at);
    return { ok: true, waitMs: at - now, at };
  }

  /** Gives back a turn that will not be used (its caller gave up); never lets a window exceed the limit. */
  release(at: number): void {
    if (at <= this.now()) return; // already counted as sent
    const i = this.grants.lastIndexOf(at);
    if (i >= 0) this.grants.splice(i, 1);
  }

  /** Waits for a turn; resolves with the result (refusals resolve too, they never throw). */
  async acquire(deadlineAt: number, signal?: AbortSignal, sleep: (ms: number, signal?: AbortSignal) => Promise<void> = defaultSleep): Promise<AcquireResult> {
    const r = this.reserve(deadlineAt);
    if (!r.ok || r.waitMs === 0) return r;
    try {
      await sleep(r.waitMs, signal);
    } catch (err) {
      this.release(r.at as number);
      throw err;
    }
    return r;
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
