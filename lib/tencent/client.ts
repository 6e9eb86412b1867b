import "server-only";
import { setMaxListeners } from "node:events";
import { RedisUnavailable, sharedFlight } from "@/lib/redis/shared-flight";
import { getConfig, resolveTarget } from "./config";
import { LIMITER_MARGIN_MS, noteRedisFailure, sharedRedis, turnLimiterFor } from "./coordination";
import { isRetryableCode, isRateLimitCode, PROXY_CODES, statusForTencentCode, UpstreamError } from "./errors";
import { logEvent } from "./log";
import { defaultSleep, RateLimiter } from "./rate-limiter";
import { responseSchema, type ResponseOf } from "./response-schemas";
import { SERVICES, type ActionOf, type ServiceName } from "./services";
import { postSigned } from "./transport";
import { recordUpstream } from "./upstream-health";

/*
 * The upstream client every route and every server-side caller shares.
 *
 *   callTencent(service, action, params, opts?) => Promise<Response object>
 *   callTencentRaw(service, action, params, opts?) => Promise<{ data, raw, requestId, cached }>
 *     service: "mps" | "wedata"; action: one of lib/tencent/services.ts for that service (typed);
 *     params: the action's request object, already validated and typed (numbers/booleans/strings);
 *     opts.signal: the viewer's AbortSignal; opts.deadlineMs: covers queueing + every retry (default
 *     UPSTREAM_DEADLINE_MS, 10 s); opts.cacheTtlMs: how old a shared cached answer may be (default
 *     UPSTREAM_CACHE_TTL_MS, 2 s; 0 = always fresh, still single-flighted).
 *   Resolves with Tencent's `Response` (validated against lib/mps|wedata/wire.ts); `raw` is its exact text.
 *   Rejects with UpstreamError { status, code, message, requestId?, retryAfterSec? }.
 *
 * Every caller shares one rate limiter per service, one table of in-flight calls (identical calls share
 * one upstream request) and one short cache, all on globalThis so route bundles agree. With REDIS_URL the
 * limiter, the single-flight and the cache are also shared by every server (lib/tencent/coordination.ts,
 * lib/redis/); the in-process table and cache stay in front so each server asks Redis once per key.
 */

export interface CallOptions {
  signal?: AbortSignal;
  deadlineMs?: number;
  cacheTtlMs?: number;
}

export interface UpstreamResult<T = Record<string, unknown>> {
  /** Tencent's Response object (parsed JSON, not re-shaped). */
  data: T;
  /** The exact text of Tencent's Response object, for byte-for-byte pass-through. */
  raw: string;
  requestId: string;
  /** True when served from the shared cache or an in-flight call another caller started. */
  shared: boolean;
}

interface Flight {
  promise: Promise<UpstreamResult>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

interface CacheEntry {
  result: UpstreamResult;
  storedAt: number;
  keepUntil: number;
}

/** Live counters per service, for GET /api/health (see {@link upstreamLoad}). */
interface LoadCounters {
  /** Calls waiting for a rate-limit turn (local, Redis or fallback limiter). */
  queued: number;
  /** Upstream HTTP requests sent and not yet answered. */
  inFlight: number;
}

interface SharedState {
  limiters: Partial<Record<ServiceName, RateLimiter>>;
  flights: Map<string, Flight>;
  cache: Map<string, CacheEntry>;
  load: Record<ServiceName, LoadCounters>;
}

const STATE_KEY = Symbol.for("taskboard.upstreamClient");
type Holder = { [STATE_KEY]?: SharedState };

function shared(): SharedState {
  const h = globalThis as Holder;
  h[STATE_KEY] ??= { limiters: {}, flights: new Map(), cache: new Map(), load: { mps: { queued: 0, inFlight: 0 }, wedata: { queued: 0, inFlight: 0 } } };
  return h[STATE_KEY];
}

export interface UpstreamLoad {
  /** Calls waiting for a rate-limit turn. */
  queued: number;
  /** Upstream HTTP requests sent and not yet answered. */
  inFlight: number;
  /** Distinct calls under way in the single-flight table (each may serve many viewers; includes queueing and retries). */
  flights: number;
  /** Answers held in the shared cache and not yet expired. */
  cached: number;
}

/**
 * How busy the shared client is, per service: counts only, nothing about what is asked. When no viewer is
 * waiting, `queued`, `inFlight` and `flights` are 0; anything else after a fault has passed is a leak.
 */
export function upstreamLoad(now = Date.now()): Record<ServiceName, UpstreamLoad> {
  const s = shared();
  const out = {} as Record<ServiceName, UpstreamLoad>;
  for (const service of Object.keys(SERVICES) as ServiceName[]) {
    const prefix = `${service}\u0000`;
    let flights = 0;
    for (const key of s.flights.keys()) if (key.startsWith(prefix)) flights++;
    let cached = 0;
    for (const [key, entry] of s.cache) if (entry.keepUntil > now && key.startsWith(prefix)) cached++;
    out[service] = { queued: s.load[service].queued, inFlight: s.load[service].inFlight, flights, cached };
  }
  return out;
}

/** This process's own limiter (the whole limit; used without REDIS_URL). */
export function limiterFor(service: ServiceName): RateLimiter {
  const s = shared();
  const config = getConfig();
  s.limiters[service] ??= new RateLimiter({
    limit: config.targets[service].ratePerSecond,
    marginMs: LIMITER_MARGIN_MS,
    maxQueue: config.maxQueue,
  });
  return s.limiters[service];
}

/** Test hook: drop limiters, flights and cache (e.g. after changing the environment). */
export function resetClientForTests(): void {
  delete (globalThis as Holder)[STATE_KEY];
}

export async function callTencent<S extends ServiceName, A extends ActionOf<S>>(
  service: S,
  action: A,
  params: Record<string, unknown>,
  opts: CallOptions = {},
): Promise<ResponseOf<S, A>> {
  const r = await callTencentRaw(service, action, params, opts);
  return r.data as ResponseOf<S, A>;
}

export async function callTencentRaw<S extends ServiceName>(
  service: S,
  action: ActionOf<S>,
  params: Record<string, unknown>,
  opts: CallOptions = {},
): Promise<UpstreamResult> {
  if (!(SERVICES[service].actions as readonly string[]).includes(action)) {
    throw new Error(`callTencent: ${service} action ${action} is not allowed`);
  }
  // A stats or wall request fans out into dozens of concurrent calls on one viewer signal, each listening for
  // its abort until it settles (and then removing the listener); that is not a leak, so don't warn about it.
  if (opts.signal) setMaxListeners(0, opts.signal);
  const config = getConfig();
  const deadlineMs = opts.deadlineMs ?? config.deadlineMs;
  const ttl = opts.cacheTtlMs ?? config.cacheTtlMs;
  const deadlineAt = Date.now() + deadlineMs;
  const key = `${service}\u0000${action}\u0000${stableStringify(params)}`;
  const s = shared();

  const hit = s.cache.get(key);
  if (hit && ttl > 0 && Date.now() - hit.storedAt < ttl) return { ...hit.result, shared: true };

  let flight = s.flights.get(key);
  const joined = flight !== undefined;
  if (!flight) {
    const controller = new AbortController();
    const f: Flight = { controller, waiters: 0, settled: false, promise: Promise.resolve() as unknown as Promise<UpstreamResult> };
    const keepMs = Math.max(ttl, config.cacheTtlMs);
    f.promise = fetchShared(key, ttl, keepMs, deadlineAt, controller.signal, () => execute(service, action, params, deadlineAt, controller.signal))
      .then(({ result, storedAt }) => {
        const now = Date.now();
        s.cache.set(key, { result, storedAt, keepUntil: now + keepMs });
        pruneCache(s.cache, now);
        return result;
      })
      .finally(() => {
        f.settled = true;
        if (s.flights.get(key) === f) s.flights.delete(key);
      });
    // The flight may end with nobody listening (every viewer left); that rejection is expected.
    f.promise.catch(() => undefined);
    s.flights.set(key, f);
    flight = f;
  }
  const result = await waitFor(flight, deadlineAt, opts.signal);
  return joined ? { ...result, shared: true } : result;
}

/**
 * The upstream answer for a key: straight from `run` (this server's limiter and retries) without Redis; with
 * it, through the cross-server single-flight and cache, falling back to `run` whenever Redis fails.
 */
async function fetchShared(
  key: string,
  ttlMs: number,
  keepMs: number,
  deadlineAt: number,
  signal: AbortSignal,
  run: () => Promise<UpstreamResult>,
): Promise<{ result: UpstreamResult; storedAt: number }> {
  const redis = await sharedRedis();
  if (redis) {
    try {
      const got = await sharedFlight(redis.client, { prefix: redis.keyPrefix, key, ttlMs, keepMs, deadlineAt, signal }, run, timeoutError);
      return { result: got.fromOtherServer ? { ...got.result, shared: true } : got.result, storedAt: got.storedAt };
    } catch (e) {
      if (!(e instanceof RedisUnavailable)) throw e;
      noteRedisFailure(e);
    }
  }
  return { result: await run(), storedAt: Date.now() };
}

/** One viewer waiting on a (possibly shared) flight, bounded by its own deadline and AbortSignal. */
function waitFor(flight: Flight, deadlineAt: number, signal?: AbortSignal): Promise<UpstreamResult> {
  flight.waiters++;
  return new Promise<UpstreamResult>((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      flight.waiters--;
      // Nobody is waiting any more: stop spending upstream budget on it.
      if (flight.waiters === 0 && !flight.settled) flight.controller.abort(new Error("all callers left"));
      return true;
    };
    const timer = setTimeout(() => {
      if (finish()) reject(timeoutError());
    }, Math.max(0, deadlineAt - Date.now()) + 50);
    const onAbort = () => {
      if (finish()) reject(new UpstreamError({ status: 499, code: PROXY_CODES.aborted, message: "The client closed the request." }));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    flight.promise.then(
      (r) => finish() && resolve(r),
      (e: unknown) => finish() && reject(e),
    );
  });
}

function timeoutError(): UpstreamError {
  return new UpstreamError({ status: 504, code: PROXY_CODES.timeout, message: "The upstream did not answer before the deadline." });
}

type Attempt =
  | { kind: "ok"; result: UpstreamResult }
  | { kind: "error"; error: UpstreamError; retryable: boolean; rateLimited: boolean };

const BACKOFF_BASE_MS = 100;
const RATE_LIMIT_BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 2_000;

async function execute(
  service: ServiceName,
  action: string,
  params: Record<string, unknown>,
  deadlineAt: number,
  signal: AbortSignal,
): Promise<UpstreamResult> {
  const config = getConfig();
  const target = await resolveTarget(service);
  const limiter = turnLimiterFor(service, () => limiterFor(service));
  // Held for the whole call, so a reset in between (tests) can't make the counts go negative.
  const load = shared().load[service];
  let last: Attempt | undefined;

  for (let attempt = 0; attempt <= config.maxRetries; attempt++) {
    if (attempt > 0 && last?.kind === "error") {
      const base = last.rateLimited ? RATE_LIMIT_BACKOFF_BASE_MS : BACKOFF_BASE_MS;
      const ceiling = Math.min(BACKOFF_CAP_MS, base * 2 ** (attempt - 1));
      // "Equal jitter": half fixed, half random, so retries from many callers spread out.
      const delay = ceiling / 2 + Math.random() * (ceiling / 2);
      if (Date.now() + delay >= deadlineAt) break;
      await defaultSleep(delay, signal);
    }
    load.queued++;
    let turn;
    try {
      turn = await limiter.acquire(deadlineAt, signal);
    } finally {
      load.queued--;
    }
    if (!turn.ok) {
      // A retry that can't get a turn in time answers with what went wrong last; a first call is a 429.
      if (last?.kind === "error") break;
      const retryAfterSec = Math.max(1, Math.ceil(turn.retryAfterMs / 1000));
      logEvent("upstream", { service, action, attempt, outcome: turn.reason === "queue-full" ? "queue_full" : "queue_timeout", retryAfterSec }, "warn");
      throw new UpstreamError({
        status: 429,
        code: turn.reason === "queue-full" ? PROXY_CODES.queueFull : PROXY_CODES.deadlineBeforeTurn,
        message:
          turn.reason === "queue-full"
            ? `Too many ${service} calls are already waiting for the rate limit; try again later.`
            : `The ${service} rate limit (${limiter.limit}/s) has no free turn before this request's deadline.`,
        retryAfterSec,
      });
    }
    load.inFlight++;
    try {
      last = await attemptOnce(service, action, params, target, deadlineAt, signal, attempt, turn.waitMs);
    } finally {
      load.inFlight--;
      turn.release();
    }
    if (last.kind === "ok") {
      recordUpstream(service, true);
      return last.result;
    }
    if (!last.retryable) break;
    if (Date.now() >= deadlineAt) break;
  }

  if (!last) throw timeoutError();
  if (last.kind === "ok") return last.result; // unreachable, for the type checker
  const err = last.error;
  recordUpstream(service, err.status < 500 && err.status !== 429, { code: err.code, requestId: err.requestId });
  if (err.status === 429 && err.retryAfterSec === undefined) {
    throw new UpstreamError({ status: 429, code: err.code, message: err.message, requestId: err.requestId, retryAfterSec: 1 });
  }
  throw err;
}

async function attemptOnce(
  service: ServiceName,
  action: string,
  params: Record<string, unknown>,
  target: Awaited<ReturnType<typeof resolveTarget>>,
  deadlineAt: number,
  flightSignal: AbortSignal,
  attempt: number,
  queuedMs: number,
): Promise<Attempt> {
  const started = Date.now();
  const timeout = AbortSignal.timeout(Math.max(1, deadlineAt - started));
  const signal = AbortSignal.any([flightSignal, timeout]);
  const log = (outcome: string, extra: Record<string, string | number | undefined> = {}) =>
    logEvent("upstream", { service, action, attempt, queuedMs, latencyMs: Date.now() - started, outcome, ...extra }, outcome === "ok" ? "info" : "warn");

  let reply;
  try {
    reply = await postSigned(target, service, action, params, signal);
  } catch (e) {
    if (timeout.aborted) {
      log("timeout");
      return { kind: "error", error: timeoutError(), retryable: false, rateLimited: false };
    }
    if (flightSignal.aborted) {
      log("aborted");
      return { kind: "error", error: new UpstreamError({ status: 499, code: PROXY_CODES.aborted, message: "Every caller left." }), retryable: false, rateLimited: false };
    }
    const reason = e instanceof Error ? (e as NodeJS.ErrnoException).code ?? e.message : "unknown";
    log("network_error", { reason });
    return {
      kind: "error",
      error: new UpstreamError({ status: 502, code: PROXY_CODES.network, message: `The ${service} upstream could not be reached (${reason}).` }),
      retryable: true,
      rateLimited: false,
    };
  }

  if (reply.status >= 500) {
    log("http_5xx", { httpStatus: reply.status });
    return {
      kind: "error",
      error: new UpstreamError({ status: 502, code: PROXY_CODES.upstreamHttp, message: `The ${service} upstream answered HTTP ${reply.status}.` }),
      retryable: true,
      rateLimited: false,
    };
  }
  const parsed = parseEnvelope(reply.body);
  if (reply.status !== 200 || !parsed) {
    log("bad_response", { httpStatus: reply.status });
    const message = reply.status !== 200 ? `The ${service} upstream answered HTTP ${reply.status}.` : `The ${service} upstream answered something that is not a Tencent Cloud API response.`;
    return { kind: "error", error: new UpstreamError({ status: 502, code: reply.status !== 200 ? PROXY_CODES.upstreamHttp : PROXY_CODES.badResponse, message }), retryable: false, rateLimited: false };
  }
  const requestId = typeof parsed.response.RequestId === "string" ? parsed.response.RequestId : undefined;
  const tencentError = parsed.response.Error;
  if (tencentError !== undefined) {
    const code = isRecord(tencentError) && typeof tencentError.Code === "string" ? tencentError.Code : "UnknownError";
    const message = isRecord(tencentError) && typeof tencentError.Message === "string" ? tencentError.Message : "";
    log("tencent_error", { code, requestId });
    const status = statusForTencentCode(code);
    return {
      kind: "error",
      error: new UpstreamError({ status, code, message, requestId, ...(status === 429 ? { retryAfterSec: 1 } : {}) }),
      retryable: isRetryableCode(code),
      rateLimited: isRateLimitCode(code),
    };
  }
  const valid = responseSchema(service, action as never).safeParse(parsed.response);
  if (!valid.success || requestId === undefined) {
    const issue = valid.success ? "RequestId missing" : valid.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    log("bad_response", { requestId, issue });
    return {
      kind: "error",
      error: new UpstreamError({ status: 502, code: PROXY_CODES.badResponse, message: `The ${service} ${action} response does not match its documented shape.`, requestId }),
      retryable: false,
      rateLimited: false,
    };
  }
  log("ok", { requestId });
  return { kind: "ok", result: { data: parsed.response, raw: parsed.raw, requestId, shared: false } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const ENVELOPE_HEAD = /^\s*\{\s*"Response"\s*:/;

/**
 * Parses `{"Response": {...}}` and also returns the Response object's exact text, so the proxy can pass it
 * on byte for byte (numbers beyond 2^53, `\u` escapes) instead of re-serialising a JavaScript copy.
 */
export function parseEnvelope(body: string): { response: Record<string, unknown>; raw: string } | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isRecord(json) || !isRecord(json.Response)) return null;
  const head = ENVELOPE_HEAD.exec(body);
  const end = body.lastIndexOf("}");
  let raw: string | undefined;
  if (head && Object.keys(json).length === 1 && end > head[0].length) {
    raw = body.slice(head[0].length, end).trim();
  }
  return { response: json.Response, raw: raw ?? JSON.stringify(json.Response) };
}

/** JSON with object keys sorted, so identical parameter sets make identical cache keys. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (isRecord(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

function pruneCache(cache: Map<string, CacheEntry>, now: number): void {
  if (cache.size < 256) return;
  for (const [k, e] of cache) if (e.keepUntil <= now) cache.delete(k);
}
