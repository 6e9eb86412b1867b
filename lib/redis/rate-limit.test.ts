import Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisRateLimiter } from "./rate-limit";
import { findRedisServer, freePort, startTestRedis, type TestRedis } from "./test-redis-server";
import { RedisUnavailable, sharedFlight } from "./shared-flight";

// The shared limiter's Lua script and the cross-server single-flight against a real redis-server. Two ioredis
// clients stand for two Taskboard servers.

const binary = findRedisServer();
if (!binary) console.warn("SKIPPED lib/redis tests: redis-server not found (scripts/ensure-redis.sh installs it)");

describe.skipIf(!binary)("Redis rate limiter and single-flight (real redis-server)", () => {
  let server: TestRedis;
  let a: Redis;
  let b: Redis;
  let n = 0;
  const key = () => `test:${++n}:${Date.now()}`;

  beforeAll(async () => {
    server = await startTestRedis(binary as string);
    a = new Redis(server.url);
    b = new Redis(server.url);
  });
  afterAll(async () => {
    a?.disconnect();
    b?.disconnect();
    await server?.stop();
  });

  it("grants `limit` turns, then refuses at once when no slot frees before the deadline", async () => {
    const k = key();
    const la = new RedisRateLimiter(a, { key: k, limit: 3 });
    const lb = new RedisRateLimiter(b, { key: k, limit: 3 });
    const grants = await Promise.all([la.acquire(Date.now() + 100), lb.acquire(Date.now() + 100), la.acquire(Date.now() + 100)]);
    expect(grants.every((g) => g.ok)).toBe(true);
    const t0 = Date.now();
    const refused = await lb.acquire(Date.now() + 200);
    expect(Date.now() - t0).toBeLessThan(150);
    expect(refused).toMatchObject({ ok: false, reason: "deadline" });
    // Calls in flight are counted as answering now: the earliest turn is one window away.
    if (!refused.ok) expect(refused.retryAfterMs).toBeGreaterThanOrEqual(900);
  });

  it("frees a slot one window after the answer, not before", async () => {
    const k = key();
    const la = new RedisRateLimiter(a, { key: k, limit: 1, marginMs: 20 });
    const lb = new RedisRateLimiter(b, { key: k, limit: 1, marginMs: 20 });
    const first = await la.acquire(Date.now() + 100);
    if (!first.ok) throw new Error("first turn refused");
    await new Promise((r) => setTimeout(r, 300));
    first.release();
    const releasedAt = Date.now();
    const second = await lb.acquire(Date.now() + 3000);
    expect(second.ok).toBe(true);
    expect(Date.now() - releasedAt).toBeGreaterThanOrEqual(1000);
  });

  it("keeps two servers' sends within the limit in every 1-second window", async () => {
    const k = key();
    const limit = 5;
    const sends: number[] = [];
    const limiters = [new RedisRateLimiter(a, { key: k, limit }), new RedisRateLimiter(b, { key: k, limit })];
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const turn = await (limiters[i % 2] as RedisRateLimiter).acquire(Date.now() + 15_000);
        if (!turn.ok) throw new Error("refused");
        sends.push(Date.now());
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 60));
        turn.release();
      }),
    );
    sends.sort((x, y) => x - y);
    let worst = 0;
    for (let i = 0; i < sends.length; i++) {
      const inWindow = sends.filter((t) => t >= (sends[i] as number) && t < (sends[i] as number) + 1000).length;
      worst = Math.max(worst, inWindow);
    }
    expect(sends).toHaveLength(24);
    expect(worst).toBeLessThanOrEqual(limit);
    expect(worst).toBe(limit); // the budget is used, not just respected
  }, 20_000);

  it("coalesces the same call from two servers into one upstream call", async () => {
    let runs = 0;
    const run = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 150));
      return { value: runs };
    };
    const opts = { prefix: `sf:${key()}:`, key: "mps\u0000DescribeTasks\u0000{}", ttlMs: 2000, keepMs: 2000, deadlineAt: Date.now() + 5000 };
    const timeout = () => new Error("timeout");
    const [x, y] = await Promise.all([sharedFlight(a, opts, run, timeout), sharedFlight(b, opts, run, timeout)]);
    expect(runs).toBe(1);
    expect(x.result).toEqual({ value: 1 });
    expect(y.result).toEqual({ value: 1 });
    expect([x.fromOtherServer, y.fromOtherServer].sort()).toEqual([false, true]);
    // Within the TTL a third server reads the cache; with ttl 0 it calls again.
    const z = await sharedFlight(a, opts, run, timeout);
    expect(z.fromOtherServer).toBe(true);
    expect(runs).toBe(1);
    await sharedFlight(b, { ...opts, ttlMs: 0 }, run, timeout);
    expect(runs).toBe(2);
  });

  it("lets a waiter take over when the winner's call fails", async () => {
    let runs = 0;
    const failing = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
      throw new Error("upstream failed");
    };
    const ok = async () => {
      runs++;
      return "fresh";
    };
    const opts = { prefix: `sf:${key()}:`, key: "k", ttlMs: 2000, keepMs: 2000, deadlineAt: Date.now() + 5000 };
    const first = sharedFlight(a, opts, failing, () => new Error("timeout"));
    await new Promise((r) => setTimeout(r, 20));
    const second = sharedFlight(b, opts, ok, () => new Error("timeout"));
    await expect(first).rejects.toThrow("upstream failed");
    expect((await second).result).toBe("fresh");
    expect(runs).toBe(2);
  });

  it("reports a dead Redis as RedisUnavailable, fast", async () => {
    const dead = new Redis(`redis://127.0.0.1:${await freePort()}`, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    dead.on("error", () => undefined);
    const t0 = Date.now();
    const p = sharedFlight(dead, { prefix: "x:", key: "k", ttlMs: 1000, keepMs: 1000, deadlineAt: Date.now() + 5000 }, async () => 1, () => new Error("timeout"));
    await expect(p).rejects.toBeInstanceOf(RedisUnavailable);
    expect(Date.now() - t0).toBeLessThan(1000);
    dead.disconnect();
  });
});
