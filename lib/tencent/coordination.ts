import "server-only";
import { connectRedis, type RedisLink } from "@/lib/redis/connection";
import { RedisRateLimiter } from "@/lib/redis/rate-limit";
import { getConfig } from "./config";
import { logEvent } from "./log";
import { defaultSleep, RateLimiter, type AcquireResult } from "./rate-limiter";
import type { ServiceName } from "./services";

/*
 * Which backend the upstream client coordinates through:
 *   "local"          no REDIS_URL: in-memory cache, single-flight and limiter (one server; the default);
 *   "redis"          REDIS_URL set and reachable: all three shared by every server through Redis;
 *   "redis-fallback" REDIS_URL set but Redis unreachable: local cache and single-flight, and a local limiter
 *                    allowed only REDIS_FALLBACK_SHARE of each service's limit (default 1/3, i.e. three
 *                    servers), so that servers that can't agree don't overrun the upstream together.
 * Changes are logged once per transition (event "coordination"); Redis errors never reach a viewer.
 */

export type CoordinationMode = "local" | "redis" | "redis-fallback";

/** The turn-taking the client needs from a limiter; both RateLimiter and RedisRateLimiter provide it. */
export interface TurnLimiter {
  readonly limit: number;
  acquire(deadlineAt: number, signal?: AbortSignal): Promise<AcquireResult>;
}

export const LIMITER_MARGIN_MS = 20;
const WINDOW_MS = 1_000;

interface CoordinationState {
  link: RedisLink;
  keyPrefix: string;
  /** When Redis was last lost (ms), or null while it is up. */
  lostAt: number | null;
  shared: Partial<Record<ServiceName, RedisRateLimiter>>;
  fallback: Partial<Record<ServiceName, RateLimiter>>;
}

const KEY = Symbol.for("taskboard.coordination");
type Holder = { [KEY]?: CoordinationState };

/** The Redis coordination state, created on first use; null without REDIS_URL. */
function coordination(): CoordinationState | null {
  const redis = getConfig().redis;
  if (!redis) return null;
  const h = globalThis as Holder;
  if (!h[KEY]) {
    const state: CoordinationState = {
      keyPrefix: redis.keyPrefix,
      lostAt: Date.now(),
      shared: {},
      fallback: {},
      link: connectRedis(redis.url, (ready, reason) => {
        if (ready) {
          state.lostAt = null;
          logEvent("coordination", { mode: "redis" });
        } else {
          state.lostAt = Date.now();
          logEvent("coordination", { mode: "redis-fallback", reason: reason ?? "unknown" }, "warn");
        }
      }),
    };
    h[KEY] = state;
  }
  return h[KEY];
}

export function coordinationMode(): CoordinationMode {
  const c = coordination();
  if (!c) return "local";
  return c.link.isReady() ? "redis" : "redis-fallback";
}

/** The Redis client when shared mode can be used right now (waits for the very first connection). */
export async function sharedRedis(): Promise<{ client: RedisLink["client"]; keyPrefix: string } | null> {
  const c = coordination();
  if (!c) return null;
  await c.link.settled;
  return c.link.isReady() ? { client: c.link.client, keyPrefix: c.keyPrefix } : null;
}

/** Called when a Redis command failed although the connection looked up (e.g. a command timeout). */
let lastFailureLog = 0;
export function noteRedisFailure(err: unknown): void {
  // At most one line per 10 s: a struggling Redis must not flood the logs.
  if (Date.now() - lastFailureLog < 10_000) return;
  lastFailureLog = Date.now();
  logEvent("coordination_error", { message: err instanceof Error ? err.message : String(err) }, "warn");
}

/**
 * The limiter for a service: local without REDIS_URL; with it, the shared Redis limiter, and the local
 * fallback share whenever Redis can't be used.
 */
export function turnLimiterFor(service: ServiceName, local: () => RateLimiter): TurnLimiter {
  const c = coordination();
  if (!c) return local();
  const limit = getConfig().targets[service].ratePerSecond;
  c.shared[service] ??= new RedisRateLimiter(c.link.client, {
    key: `${c.keyPrefix}rl:${service}`,
    limit,
    windowMs: WINDOW_MS,
    marginMs: LIMITER_MARGIN_MS,
  });
  const fallbackLimit = Math.max(1, Math.floor(limit * (getConfig().redis?.fallbackShare ?? 1)));
  c.fallback[service] ??= new RateLimiter({ limit: fallbackLimit, marginMs: LIMITER_MARGIN_MS, maxQueue: getConfig().maxQueue });
  const sharedLimiter = c.shared[service];
  const fallbackLimiter = c.fallback[service];

  const fallbackAcquire = async (deadlineAt: number, signal?: AbortSignal): Promise<AcquireResult> => {
    // Calls granted by Redis in the window before it was lost are still counted upstream: the local share
    // starts one window later so the two never add up in one window.
    const from = (c.lostAt ?? Date.now()) + WINDOW_MS + LIMITER_MARGIN_MS;
    const wait = from - Date.now();
    if (wait > 0) {
      if (Date.now() + wait > deadlineAt) return { ok: false, reason: "deadline", retryAfterMs: wait };
      await defaultSleep(wait, signal);
    }
    return fallbackLimiter.acquire(deadlineAt, signal);
  };

  return {
    limit,
    acquire: async (deadlineAt, signal) => {
      await c.link.settled;
      if (!c.link.isReady()) return fallbackAcquire(deadlineAt, signal);
      try {
        return await sharedLimiter.acquire(deadlineAt, signal);
      } catch (e) {
        if (signal?.aborted) throw e;
        noteRedisFailure(e);
        c.lostAt ??= Date.now();
        return fallbackAcquire(deadlineAt, signal);
      }
    },
  };
}

/** Test hook: close the Redis connection and forget the state (e.g. after changing REDIS_URL). */
export async function resetCoordinationForTests(): Promise<void> {
  const h = globalThis as Holder;
  const c = h[KEY];
  delete h[KEY];
  await c?.link.close();
}
