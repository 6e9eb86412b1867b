import "server-only";
import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import type { AcquireResult } from "@/lib/tencent/rate-limiter";

/*
 * The per-service limiter shared by every server, with the same guarantee as lib/tencent/rate-limiter.ts:
 * a call occupies a slot from before its send until one window after its answer, and a call is sent only
 * while fewer than `limit` slots are occupied, so no window at the upstream can hold more than `limit`
 * arrivals however the calls' latencies spread.
 *
 * One sorted set per service: member "f:<token>" = a call in flight (score = when the slot is reclaimed if
 * its server dies before releasing: its deadline + one window), "d:<token>" = an answered call (score =
 * answer + window). Time is Redis's own TIME, so server clocks don't matter. Release is stamped when Redis
 * hears of the answer, a little after it: that only widens the spacing.
 *
 * No cross-server queue: a refused caller learns the earliest time a slot could free (counting every call in
 * flight as if it answered now, a lower bound as in the local limiter), fails fast with 429 when that is past
 * its deadline, and otherwise sleeps a short while and asks again.
 */

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + hold, 'f:' .. ARGV[4])
  redis.call('PEXPIRE', KEYS[1], hold + window)
  return {1, 0}
end
local all = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local earliest = nil
for i = 1, #all, 2 do
  local free = tonumber(all[i + 1])
  if string.sub(all[i], 1, 2) == 'f:' then free = now + window end
  if earliest == nil or free < earliest then earliest = free end
end
return {0, earliest - now}
`;

const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
if redis.call('ZREM', KEYS[1], 'f:' .. ARGV[2]) == 1 then
  redis.call('ZADD', KEYS[1], now + window, 'd:' .. ARGV[2])
  if redis.call('PTTL', KEYS[1]) < window then redis.call('PEXPIRE', KEYS[1], window) end
end
return 1
`;

export interface RedisRateLimiterOptions {
  key: string;
  limit: number;
  windowMs?: number;
  marginMs?: number;
  /** Longest sleep between two tries while the limit is full. */
  pollMs?: number;
}

export class RedisRateLimiter {
  readonly limit: number;
  private readonly windowMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly opts: RedisRateLimiterOptions,
  ) {
    this.limit = opts.limit;
    this.windowMs = (opts.windowMs ?? 1000) + (opts.marginMs ?? 0);
    this.pollMs = opts.pollMs ?? 50;
  }

  /** Like RateLimiter.acquire; rejects only when Redis fails (the caller then falls back to local mode). */
  async acquire(deadlineAt: number, signal?: AbortSignal): Promise<AcquireResult> {
    const started = Date.now();
    const token = randomUUID();
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const hold = Math.max(0, deadlineAt - Date.now()) + this.windowMs;
      const reply = (await this.redis.eval(ACQUIRE, 1, this.opts.key, this.limit, this.windowMs, hold, token)) as [number, number];
      if (reply[0] === 1) {
        let released = false;
        return {
          ok: true,
          waitMs: Date.now() - started,
          release: () => {
            if (released) return;
            released = true;
            // A lost release is safe: the slot expires at its deadline + one window.
            this.redis.eval(RELEASE, 1, this.opts.key, this.windowMs, token).catch(() => undefined);
          },
        };
      }
      const waitMs = Math.max(1, reply[1]);
      if (Date.now() + waitMs > deadlineAt) return { ok: false, reason: "deadline", retryAfterMs: waitMs };
      // Jitter so servers polling the same full window don't ask in lockstep.
      await sleep(Math.min(waitMs, this.pollMs * (0.5 + Math.random())), signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
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
