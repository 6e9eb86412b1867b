import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type Redis from "ioredis";

/*
 * Cross-server single-flight and cache for one call key:
 *   1. a fresh shared answer in `<prefix>c:<hash>` is used as is;
 *   2. otherwise `SET <prefix>l:<hash> token NX PX ttl` elects one server to call upstream; it writes the
 *      answer with `SET ... PX keep` and drops its lock;
 *   3. the others poll the answer key until it appears, or until the lock is gone (the winner failed or
 *      left), then try to win themselves.
 * Each server already coalesces its own viewers first (lib/tencent/client.ts), so at most one poller per
 * key per server. Polling rather than SUBSCRIBE keeps it one connection and needs no pub/sub recovery.
 *
 * Redis failures are thrown as RedisUnavailable for the caller to fall back; the upstream call's own errors
 * pass through untouched.
 */

export class RedisUnavailable extends Error {
  constructor(cause: unknown) {
    super(`Redis unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "RedisUnavailable";
  }
}

export interface Stored<T> {
  result: T;
  /** The writer's clock (ms). */
  storedAt: number;
}

export interface SharedFlightOptions {
  prefix: string;
  key: string;
  /** How old a shared answer may be; 0 = only one written after this call started. */
  ttlMs: number;
  /** How long the answer stays in Redis (the longest any caller may accept). */
  keepMs: number;
  deadlineAt: number;
  signal?: AbortSignal;
  pollMs?: number;
}

const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw new RedisUnavailable(e);
  }
}

export async function sharedFlight<T>(
  redis: Redis,
  opts: SharedFlightOptions,
  run: () => Promise<T>,
  onTimeout: () => Error,
): Promise<Stored<T> & { fromOtherServer: boolean }> {
  const h = createHash("sha256").update(opts.key).digest("base64url");
  const cacheKey = `${opts.prefix}c:${h}`;
  const lockKey = `${opts.prefix}l:${h}`;
  const started = Date.now();
  const pollMs = opts.pollMs ?? 25;
  const usable = (raw: string | null): Stored<T> | null => {
    if (!raw) return null;
    const e = JSON.parse(raw) as Stored<T>;
    return Date.now() - e.storedAt < opts.ttlMs || e.storedAt >= started ? e : null;
  };

  for (;;) {
    const hit = usable(await guard(redis.get(cacheKey)));
    if (hit) return { ...hit, fromOtherServer: true };
    const token = randomUUID();
    const lockMs = Math.max(1_000, opts.deadlineAt - Date.now());
    const won = await guard(redis.set(lockKey, token, "PX", lockMs, "NX"));
    if (won === "OK") {
      try {
        const result = await run();
        const stored: Stored<T> = { result, storedAt: Date.now() };
        // The viewer already has its answer; a failed write only costs the other servers a call.
        await redis.set(cacheKey, JSON.stringify(stored), "PX", Math.max(1, opts.keepMs)).catch(() => undefined);
        return { ...stored, fromOtherServer: false };
      } finally {
        redis.eval(UNLOCK, 1, lockKey, token).catch(() => undefined);
      }
    }
    for (;;) {
      if (Date.now() >= opts.deadlineAt) throw onTimeout();
      await sleep(pollMs, opts.signal);
      const got = usable(await guard(redis.get(cacheKey)));
      if (got) return { ...got, fromOtherServer: true };
      if ((await guard(redis.exists(lockKey))) === 0) break;
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
