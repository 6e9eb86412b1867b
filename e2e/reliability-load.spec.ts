import { mkdirSync, writeFileSync } from "node:fs";
import { mb, percentile, sleep } from "../test/reliability/latency-stats";
import { liveEnv, startNextServer, type NextServer } from "../test/reliability/next-server";
import { EMULATOR_URL, expect, test } from "./fixtures";

// Load: LOAD_VIEWERS (200) concurrent viewers for LOAD_SECONDS (60) against one production server. Each
// viewer opens a page once, then polls what that page polls, every LOAD_POLL_MS (5 s, twice as often as the
// fastest refresh the pages offer). Figures: requests, errors, latency percentiles, server RSS, and the
// upstream's busiest second (from the emulator), which must stay within Tencent's documented limits.

const VIEWERS = Number(process.env.LOAD_VIEWERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const POLL_MS = Number(process.env.LOAD_POLL_MS ?? 5_000);
const PROJECT = "1460947878944567296";

const PROFILES: Array<{ page: string; polls: string[] }> = [
  { page: "/mps", polls: ["/api/mps/tasks?Status=WAITING&Limit=100", "/api/mps/tasks?Status=PROCESSING&Limit=100", "/api/mps/tasks?Status=FINISH&Limit=100", "/api/mps/stats"] },
  { page: "/wedata", polls: [`/api/wedata/instances?ProjectId=${PROJECT}&PageSize=100`, `/api/wedata/stats?project=${PROJECT}`] },
  { page: "/wall", polls: ["/api/wall"] },
];

let server: NextServer;

test.setTimeout((SECONDS + 120) * 1000);

test.beforeAll(async () => {
  server = await startNextServer(liveEnv(EMULATOR_URL));
});
test.afterAll(async () => server?.stop());

test(`${VIEWERS} concurrent viewers for ${SECONDS} s: no error, bounded memory, upstream within limits`, async () => {
  // Warm up every route once so the first compile-free render and caches don't count as load.
  for (const p of PROFILES) for (const u of [p.page, ...p.polls]) await (await fetch(`${server.url}${u}`)).arrayBuffer();
  await fetch(`${EMULATOR_URL}/__emulator/stats/reset`, { method: "POST" });
  const rssBefore = server.rssBytes();
  let rssPeak = rssBefore;
  const latencies: number[] = [];
  const perRoute = new Map<string, number[]>();
  const errors: string[] = [];
  const byStatus: Record<number, number> = {};
  const endAt = Date.now() + SECONDS * 1000;

  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssBytes())), 500);
  const one = async (url: string) => {
    const started = performance.now();
    try {
      const res = await fetch(`${server.url}${url}`);
      await res.arrayBuffer();
      const ms = performance.now() - started;
      latencies.push(ms);
      const route = url.split("?")[0] as string;
      perRoute.set(route, [...(perRoute.get(route) ?? []), ms]);
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
      if (res.status >= 400) errors.push(`${res.status} ${url}`);
    } catch (e) {
      errors.push(`${String(e)} ${url}`);
    }
  };
  const viewer = async (i: number) => {
    const profile = PROFILES[i % PROFILES.length] as (typeof PROFILES)[number];
    await sleep(Math.random() * POLL_MS);
    await one(profile.page);
    while (Date.now() < endAt) {
      const tick = Date.now();
      await Promise.all(profile.polls.map(one));
      await sleep(Math.max(0, POLL_MS - (Date.now() - tick)));
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: VIEWERS }, (_, i) => viewer(i)));
  const elapsedS = (Date.now() - started) / 1000;
  clearInterval(sampler);
  await sleep(3_000);
  const rssAfter = server.rssBytes();
  const upstream = (await (await fetch(`${EMULATOR_URL}/__emulator/stats`)).json()) as {
    calls: Record<string, { total: number }>;
    rateLimited: Record<string, number>;
    maxPerSecond: Record<string, number>;
  };

  latencies.sort((a, b) => a - b);
  const figures = {
    viewers: VIEWERS,
    seconds: Math.round(elapsedS),
    requests: latencies.length + errors.filter((e) => !/^\d{3} /.test(e)).length,
    requestsPerSecond: Math.round(latencies.length / elapsedS),
    errors: errors.length,
    byStatus,
    latencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)), max: Math.round(latencies.at(-1) ?? 0) },
    p95ByRouteMs: Object.fromEntries([...perRoute].map(([r, xs]) => [r, Math.round(percentile([...xs].sort((a, b) => a - b), 95))])),
    serverRssMb: { before: mb(rssBefore), peak: mb(rssPeak), after: mb(rssAfter) },
    upstream: { calls: { mps: upstream.calls.mps?.total, wedata: upstream.calls.wedata?.total }, maxPerSecond: upstream.maxPerSecond, rateLimited: upstream.rateLimited },
  };
  console.log(`load figures: ${JSON.stringify(figures)}`);
  mkdirSync("test-reports", { recursive: true });
  writeFileSync("test-reports/reliability-load.json", `${JSON.stringify(figures, null, 2)}\n`);

  expect(errors.slice(0, 10), `${errors.length} errors`).toEqual([]);
  expect(latencies.length).toBeGreaterThan(VIEWERS * Math.floor(SECONDS / (POLL_MS / 1000)) * 0.8);
  expect(upstream.maxPerSecond.mps ?? 0).toBeLessThanOrEqual(100);
  expect(upstream.maxPerSecond.wedata ?? 0).toBeLessThanOrEqual(20);
  expect(upstream.rateLimited.mps ?? 0).toBe(0);
  expect(upstream.rateLimited.wedata ?? 0).toBe(0);
  // Memory bounded: the server neither balloons under load nor keeps what the load brought.
  expect(rssPeak).toBeLessThan(1024 * 1024 * 1024);
  expect(rssAfter - rssBefore).toBeLessThan(200 * 1024 * 1024);
});
