import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "@/lib/emulator";
import { findRedisServer, startTestRedis, type TestRedis } from "@/lib/redis/test-redis-server";
import { ensureBuild, startTaskboard, type TaskboardServer } from "./next-servers";

// Issue 9, end to end: a real redis-server, one emulator and three production Taskboard servers. 300 viewers
// (100 per server) refresh four views every refresh window (5 s, the cache TTL here) for a minute; Redis is SIGKILLed in the middle and
// started again. The emulator's own counters say what reached "Tencent".

const binary = findRedisServer();
if (!binary) console.warn("SKIPPED test/scale-out: redis-server not found (scripts/ensure-redis.sh installs Debian's package)");

const DIST = process.env.SCALE_OUT_DIST ?? ".next";
const TTL_MS = 5_000;
// Overridable for a quick look on a busy machine; the figure is the default.
const VIEWERS = Number(process.env.SCALE_OUT_VIEWERS ?? 300);
const RUN_MS = 60_000;
const KILL_AT_MS = 25_000;
const RESTART_AT_MS = 35_000;
const VIEWS = [
  "/api/mps/tasks?Status=PROCESSING&Limit=20",
  "/api/mps/tasks?Status=FINISH&Limit=50",
  "/api/wedata/instances?ProjectId=1460947878944567296&PageSize=20",
  "/api/wedata/instances?ProjectId=1460947878944567297&PageSize=20",
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ViewerErrors {
  count: number;
  samples: string[];
}

describe.skipIf(!binary)("three Taskboard servers sharing one upstream budget through Redis", () => {
  let redis: TestRedis;
  let emu: EmulatorHandle;
  let servers: TaskboardServer[] = [];

  beforeAll(async () => {
    ensureBuild(DIST);
    redis = await startTestRedis(binary as string);
    emu = await startEmulator({ port: 0, seed: 9, quiet: true });
    const env = {
      TENCENTCLOUD_SECRET_ID: emu.secretId,
      TENCENTCLOUD_SECRET_KEY: emu.secretKey,
      MPS_ENDPOINT: emu.url,
      WEDATA_ENDPOINT: emu.url,
      UPSTREAM_CACHE_TTL_MS: String(TTL_MS),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `scale-out-${Date.now()}:`,
      TASKBOARD_LOGS: "1",
    };
    servers = await Promise.all([0, 1, 2].map(() => startTaskboard(DIST, env)));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
    await emu?.close();
  }, 30_000);

  const modes = async () =>
    Promise.all(servers.map(async (s) => ((await (await fetch(`${s.url}/api/health`)).json()) as { coordination: { mode: string } }).coordination.mode));

  async function waitForModes(want: string, withinMs: number): Promise<string[]> {
    const until = Date.now() + withinMs;
    let got = await modes();
    while (got.some((m) => m !== want) && Date.now() < until) {
      await sleep(100);
      got = await modes();
    }
    return got;
  }

  const upstreamCalls = () => {
    const s = emu.stats();
    return s.calls.mps.total + s.calls.wedata.total;
  };

  it("keeps the upstream within its limits, one call per view per window, and no viewer error when Redis dies", async () => {
    expect(await modes()).toEqual(["redis", "redis", "redis"]);
    emu.resetStats();
    const started = Date.now();
    const errors: ViewerErrors = { count: 0, samples: [] };
    let requests = 0;

    const viewer = async (i: number) => {
      const server = servers[i % servers.length] as TaskboardServer;
      const view = VIEWS[i % VIEWS.length] as string;
      await sleep(Math.random() * TTL_MS);
      while (Date.now() - started < RUN_MS) {
        const t0 = Date.now();
        try {
          const r = await fetch(server.url + view, { signal: AbortSignal.timeout(30_000) });
          const body = await r.text();
          if (r.status !== 200) throw new Error(`HTTP ${r.status} ${body.slice(0, 200)}`);
        } catch (e) {
          errors.count++;
          if (errors.samples.length < 5) errors.samples.push(`${server.url}${view}: ${e instanceof Error ? e.message : String(e)}`);
        }
        requests++;
        await sleep(Math.max(0, TTL_MS - (Date.now() - t0)));
      }
    };
    const viewers = Promise.all(Array.from({ length: VIEWERS }, (_, i) => viewer(i)));

    // Steady shared mode: from the first full window to just before the kill.
    await sleep(TTL_MS + 1_000);
    const sharedFrom = { at: Date.now(), calls: upstreamCalls() };
    await sleep(KILL_AT_MS - (Date.now() - started));
    const sharedTo = { at: Date.now(), calls: upstreamCalls() };

    await redis.kill();
    const fallbackModes = await waitForModes("redis-fallback", 5_000);
    await sleep(RESTART_AT_MS - (Date.now() - started));
    await redis.restart();
    const backModes = await waitForModes("redis", 5_000);

    // Shared mode again, after every server has reconnected and the fallback's own entries have expired.
    await sleep(TTL_MS);
    const againFrom = { at: Date.now(), calls: upstreamCalls() };
    await sleep(Math.max(0, RUN_MS - 1_000 - (Date.now() - started)));
    const againTo = { at: Date.now(), calls: upstreamCalls() };
    await viewers;

    const stats = emu.stats();
    const perViewPerWindow = (a: { at: number; calls: number }, b: { at: number; calls: number }) =>
      (b.calls - a.calls) / VIEWS.length / ((b.at - a.at) / TTL_MS);
    const figures = {
      requests,
      viewerErrors: errors.count,
      callsPerViewPerWindowBeforeKill: Number(perViewPerWindow(sharedFrom, sharedTo).toFixed(3)),
      callsPerViewPerWindowAfterRestart: Number(perViewPerWindow(againFrom, againTo).toFixed(3)),
      maxPerSecond: stats.maxPerSecond,
      rateLimited: stats.rateLimited,
      upstreamCalls: stats.calls.mps.total + stats.calls.wedata.total,
    };
    console.log(`scale-out figures: ${JSON.stringify(figures)}`);
    if (errors.count > 0 || process.env.SCALE_OUT_LOGS) {
      for (const [i, s] of servers.entries()) console.log(`server ${i} log tail:\n${s.logs.filter((l) => !l.includes('"outcome":"ok"')).slice(-15).join("\n")}`);
    }

    expect(errors.samples).toEqual([]);
    expect(errors.count).toBe(0);
    // Every viewer kept refreshing (a busy 2-core machine slows some answers, hence not the full count).
    expect(requests).toBeGreaterThan(VIEWERS * (RUN_MS / TTL_MS) * 0.5);
    expect(fallbackModes).toEqual(["redis-fallback", "redis-fallback", "redis-fallback"]);
    expect(backModes).toEqual(["redis", "redis", "redis"]);
    // Three servers each calling on their own would make about 3 here.
    // One call per view per window: within an interval of k whole windows a view costs at most k + 1 calls
    // (the interval's edges cut windows) and, with viewers always asking, at least k - 1. After Redis returns,
    // the servers rejoin shared mode up to ~1 s apart, and a server still serving its local cache may call once
    // more for a view: one extra call per view is allowed there (seen once: 17 calls where k + 1 gave 16).
    for (const [a, b, rejoinSlack] of [
      [sharedFrom, sharedTo, 0],
      [againFrom, againTo, 1],
    ] as const) {
      const windows = Math.floor((b.at - a.at) / TTL_MS);
      expect(b.calls - a.calls).toBeLessThanOrEqual(VIEWS.length * (windows + 1 + rejoinSlack));
      expect(b.calls - a.calls).toBeGreaterThanOrEqual(VIEWS.length * Math.max(1, windows - 1));
    }
    expect(stats.maxPerSecond.mps).toBeLessThanOrEqual(100);
    expect(stats.maxPerSecond.wedata).toBeLessThanOrEqual(20);
    expect(stats.rateLimited).toEqual({ mps: 0, wedata: 0 });

    // Redis's loss and return are each logged once per server.
    for (const s of servers) {
      const coordination = s.logs.filter((l) => l.includes('"event":"coordination"'));
      expect(coordination.filter((l) => l.includes('"mode":"redis-fallback"'))).toHaveLength(1);
      expect(coordination.filter((l) => l.includes('"mode":"redis"')).length).toBe(2); // first connect + return
    }
  }, 120_000);
});
