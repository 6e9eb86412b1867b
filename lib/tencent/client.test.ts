import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "@/lib/emulator";
import { callTencent, callTencentRaw, limiterFor, resetClientForTests, upstreamLoad } from "./client";
import { loadConfig, resetConfigForTests } from "./config";
import { UpstreamError } from "./errors";
import { setLogSink } from "./log";
import { upstreamHealth } from "./upstream-health";

// The upstream client against the real emulator over real HTTP: coalescing and cache counted by the
// emulator's own stats, retries driven by its fault injection, the limiter checked by its sliding window.

const PID = "1460947878944567296";
let emu: EmulatorHandle;
const logs: string[] = [];

function configure(extra: Record<string, string> = {}) {
  resetConfigForTests();
  resetClientForTests();
  loadConfig({
    TENCENTCLOUD_SECRET_ID: emu.secretId,
    TENCENTCLOUD_SECRET_KEY: emu.secretKey,
    MPS_ENDPOINT: emu.url,
    WEDATA_ENDPOINT: emu.url,
    UPSTREAM_DEADLINE_MS: "4000",
    UPSTREAM_CACHE_TTL_MS: "2000",
    ...extra,
  });
}

async function rejection(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UpstreamError) return e;
    throw e;
  }
  throw new Error("expected an UpstreamError");
}

const calls = (service: "mps" | "wedata", action: string) => emu.stats().calls[service].byAction[action] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 7, quiet: true });
  setLogSink((line) => logs.push(line));
});
afterAll(async () => {
  setLogSink(null);
  await emu.close();
});
beforeEach(() => {
  configure();
  emu.setFaults(null);
  emu.resetStats();
  logs.length = 0;
});

describe("callTencent", () => {
  it("answers Tencent's validated Response and its exact text", async () => {
    const r = await callTencentRaw("mps", "DescribeTasks", { Status: "FINISH", Limit: 5 });
    expect(Array.isArray(r.data.TaskSet)).toBe(true);
    expect(typeof r.requestId).toBe("string");
    expect(JSON.parse(r.raw)).toEqual(r.data);
    const w = await callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageSize: 3 });
    expect(w.Data?.Items).toHaveLength(3);
  });

  it("100 concurrent identical calls cost one upstream call; the cache serves the next within its TTL", async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => callTencentRaw("mps", "DescribeTasks", { Status: "PROCESSING", Limit: 20 })));
    expect(calls("mps", "DescribeTasks")).toBe(1);
    expect(new Set(results.map((r) => r.requestId)).size).toBe(1);
    expect(results.filter((r) => r.shared)).toHaveLength(99);
    // Key order doesn't matter; the cache answers.
    const again = await callTencentRaw("mps", "DescribeTasks", { Limit: 20, Status: "PROCESSING" });
    expect([again.shared, calls("mps", "DescribeTasks")]).toEqual([true, 1]);
    // A caller that wants fresh data skips the cache.
    await callTencentRaw("mps", "DescribeTasks", { Status: "PROCESSING", Limit: 20 }, { cacheTtlMs: 0 });
    expect(calls("mps", "DescribeTasks")).toBe(2);
  });

  it("the cache expires after UPSTREAM_CACHE_TTL_MS", async () => {
    configure({ UPSTREAM_CACHE_TTL_MS: "300" });
    await callTencent("mps", "DescribeTasks", { Status: "FINISH" });
    await callTencent("mps", "DescribeTasks", { Status: "FINISH" });
    expect(calls("mps", "DescribeTasks")).toBe(1);
    await sleep(350);
    await callTencent("mps", "DescribeTasks", { Status: "FINISH" });
    expect(calls("mps", "DescribeTasks")).toBe(2);
  });

  it("distinct calls each go upstream, never more than 20/s to WeData, all answered", async () => {
    // A fresh limiter doesn't know the calls earlier tests sent; let the emulator's window empty first.
    await sleep(1100);
    const started = Date.now();
    const out = await Promise.all(
      Array.from({ length: 50 }, (_, i) => callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageNumber: i + 1, PageSize: 5 })),
    );
    expect(out.every((r) => r.Data?.PageNumber !== undefined)).toBe(true);
    const s = emu.stats();
    expect(s.calls.wedata.total).toBe(50);
    expect(s.rateLimited.wedata).toBe(0);
    expect(s.maxPerSecond.wedata).toBeLessThanOrEqual(20);
    // 50 at 20/s: two full waits of a (margined) second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("a call whose turn can't come before its deadline gets 429 + Retry-After at once", async () => {
    await sleep(1100);
    const started = Date.now();
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageNumber: i + 1, PageSize: 1 }, { deadlineMs: 1000 }),
      ),
    );
    const refusedAfter = Date.now() - started;
    const ok = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as UpstreamError] : []));
    expect(ok).toHaveLength(20);
    expect(refused).toHaveLength(10);
    for (const e of refused) {
      expect([e.status, e.code]).toEqual([429, "RequestLimitExceeded.ProxyQueueTimeout"]);
      expect(e.retryAfterSec).toBeGreaterThanOrEqual(1);
    }
    expect(refusedAfter).toBeLessThan(1000);
    expect(emu.stats().calls.wedata.total).toBe(20);
  });

  it("the refusal comes at once, not at the deadline", async () => {
    await sleep(1100);
    const first = Array.from({ length: 20 }, (_, i) => callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageNumber: 100 + i, PageSize: 1 }));
    const started = Date.now();
    const e = await rejection(callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageNumber: 99, PageSize: 1 }, { deadlineMs: 800 }));
    expect(e.status).toBe(429);
    expect(Date.now() - started).toBeLessThan(50);
    await Promise.all(first);
  });

  it("retries InternalError with backoff, then answers 502 with Tencent's Code and RequestId", async () => {
    emu.setFaults({ services: ["mps"], errorRate: 1, errorCode: "InternalError" });
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "WAITING" }));
    expect([e.status, e.code]).toEqual([502, "InternalError"]);
    expect(e.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(calls("mps", "DescribeTasks")).toBe(5); // 1 + UPSTREAM_MAX_RETRIES (4)
    expect(upstreamHealth().mps).toMatchObject({ ok: false, lastError: { Code: "InternalError" } });
  });

  it("recovers when a 503 streak ends before the retries run out", async () => {
    emu.setFaults({ services: ["wedata"], httpStatusRate: 1, httpStatus: 503 });
    const p = callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageSize: 1 });
    setTimeout(() => emu.setFaults(null), 250);
    const r = await p;
    expect(r.Data?.Items).toHaveLength(1);
    expect(calls("wedata", "ListTaskInstances")).toBeGreaterThanOrEqual(2);
    expect(upstreamHealth().wedata.ok).toBe(true);
  });

  it("HTTP 5xx after every retry is a 502", async () => {
    emu.setFaults({ httpStatusRate: 1, httpStatus: 500 });
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "FINISH", Limit: 1 }));
    expect([e.status, e.code]).toEqual([502, "UpstreamHttpError"]);
    expect(calls("mps", "DescribeTasks")).toBe(5);
  });

  it("a rate-limit storm is retried, then a 429 with Retry-After and Tencent's Code", async () => {
    emu.setFaults({ rateLimitStorm: true });
    const e = await rejection(callTencent("wedata", "GetTaskInstance", { ProjectId: PID, InstanceKey: "x_2025-01-01 00:00:00" }));
    expect([e.status, e.code]).toEqual([429, "RequestLimitExceeded"]);
    expect(e.retryAfterSec).toBe(1);
    expect(calls("wedata", "GetTaskInstance")).toBe(5);
  });

  it("never retries another business error", async () => {
    emu.setFaults({ errorRate: 1, errorCode: "InvalidParameterValue" });
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "FINISH" }));
    expect([e.status, e.code, calls("mps", "DescribeTasks")]).toEqual([400, "InvalidParameterValue", 1]);
  });

  it("a garbage body is a 502 without retry", async () => {
    emu.setFaults({ malformedRate: 1 });
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "FINISH" }));
    expect([e.status, e.code, calls("mps", "DescribeTasks")]).toEqual([502, "InvalidUpstreamResponse", 1]);
  });

  it("a hanging upstream is a 504 at the deadline, never much later", async () => {
    emu.setFaults({ hangRate: 1 });
    const started = Date.now();
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "FINISH" }, { deadlineMs: 800 }));
    const took = Date.now() - started;
    expect([e.status, e.code]).toEqual([504, "GatewayTimeout"]);
    expect(took).toBeGreaterThanOrEqual(750);
    expect(took).toBeLessThan(800 + 1000);
  });

  it("slow answers are retried only within the deadline (latency > deadline → 504)", async () => {
    emu.setFaults({ latencyMs: 1500 });
    const started = Date.now();
    const e = await rejection(callTencent("wedata", "ListTaskInstances", { ProjectId: PID }, { deadlineMs: 500 }));
    expect(e.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("network errors are retried, then 502", async () => {
    configure({ MPS_ENDPOINT: "http://127.0.0.1:9" }); // discard port: nothing listens
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "FINISH" }));
    expect([e.status, e.code]).toEqual([502, "UpstreamNetworkError"]);
    expect(logs.filter((l) => l.includes('"network_error"'))).toHaveLength(5);
  });

  it("the viewer's AbortSignal ends its wait at once (499)", async () => {
    emu.setFaults({ latencyMs: 2000 });
    const ctrl = new AbortController();
    const started = Date.now();
    setTimeout(() => ctrl.abort(), 100);
    const e = await rejection(callTencent("mps", "DescribeTasks", { Status: "FINISH" }, { signal: ctrl.signal }));
    expect(e.status).toBe(499);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("logs each upstream call as one JSON line with action, latency, outcome and RequestId, and no secret", async () => {
    await callTencent("mps", "DescribeTasks", { Status: "FINISH", Limit: 2 });
    emu.setFaults({ errorRate: 1, errorCode: "ResourceNotFound" });
    await rejection(callTencent("mps", "DescribeTaskDetail", { TaskId: "nope" }));
    const entries = logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ event: "upstream", service: "mps", action: "DescribeTasks", outcome: "ok", attempt: 0 });
    expect(typeof entries[0]!.latencyMs).toBe("number");
    expect(entries[0]!.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(entries[1]).toMatchObject({ action: "DescribeTaskDetail", outcome: "tencent_error", code: "ResourceNotFound" });
    for (const l of logs) {
      expect(l).not.toContain(emu.secretKey);
      expect(l).not.toContain(emu.secretId);
    }
  });

  it("refuses actions outside the allow-list", async () => {
    // @ts-expect-error: the type system already forbids it; the runtime check is for untyped callers.
    await expect(callTencent("wedata", "KillTaskInstancesAsync", {})).rejects.toThrow(/not allowed/);
  });
});

describe("one viewer signal shared by many calls", () => {
  it("fans out without a MaxListenersExceededWarning (regression: stats and wall routes logged it)", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const viewer = new AbortController();
      const distinct = Array.from({ length: 15 }, (_, i) =>
        callTencent("mps", "DescribeTasks", { Status: "FINISH", Limit: i + 1 }, { signal: viewer.signal }),
      );
      const answers = await Promise.all(distinct);
      expect(answers).toHaveLength(15);
      // Warnings are emitted on the next tick.
      await sleep(20);
      expect(warnings.filter((n) => n === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});

describe("upstreamLoad (GET /api/health): queue and in-flight counts go back to zero after a fault", () => {
  const idle = { queued: 0, inFlight: 0, flights: 0 };
  const codes = (settled: PromiseSettledResult<unknown>[]) =>
    settled.map((s) => (s.status === "fulfilled" ? "ok" : `${(s.reason as UpstreamError).status} ${(s.reason as UpstreamError).code}`)).sort();

  it("is idle before any call, and counts an answered call's cache entry", async () => {
    expect(upstreamLoad()).toEqual({ mps: { ...idle, cached: 0 }, wedata: { ...idle, cached: 0 } });
    await callTencent("mps", "DescribeTasks", { Status: "FINISH", Limit: 1 });
    expect(upstreamLoad().mps).toEqual({ ...idle, cached: 1 });
  });

  it("counts calls in flight during a hang, then none once their deadline has passed", async () => {
    emu.setFaults({ services: ["mps"], hangRate: 1 });
    const pending = Promise.allSettled([1, 2, 3].map((i) => callTencent("mps", "DescribeTasks", { Status: "FINISH", Limit: i }, { deadlineMs: 800 })));
    await expect.poll(() => upstreamLoad().mps).toMatchObject({ queued: 0, inFlight: 3, flights: 3 });
    expect(codes(await pending)).toEqual(Array(3).fill("504 GatewayTimeout"));
    emu.setFaults(null);
    await expect.poll(() => upstreamLoad().mps, { timeout: 3000 }).toMatchObject(idle);
    expect(limiterFor("mps").queued()).toBe(0);
  });

  it("calls refused at their deadline while queued for the limiter (429) leave the queue", async () => {
    await sleep(1100);
    emu.setFaults({ services: ["wedata"], hangRate: 1 });
    const pending = Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageNumber: 300 + i, PageSize: 1 }, { deadlineMs: 1500 })),
    );
    // 20 hang upstream (WeData's 20/s), 5 wait for a turn that can't come before their deadline.
    await expect.poll(() => upstreamLoad().wedata).toMatchObject({ queued: 5, inFlight: 20, flights: 25 });
    expect(limiterFor("wedata").queued()).toBe(5);
    expect(codes(await pending)).toEqual([...Array(20).fill("504 GatewayTimeout"), ...Array(5).fill("429 RequestLimitExceeded.ProxyQueueTimeout")].sort());
    emu.setFaults(null);
    await expect.poll(() => upstreamLoad().wedata, { timeout: 3000 }).toMatchObject(idle);
    expect(limiterFor("wedata").queued()).toBe(0);
  });

  it("queued calls whose viewers leave (aborted) leave the queue; the rest are served", async () => {
    await sleep(1100);
    emu.setFaults({ services: ["wedata"], latencyMs: 400 });
    const viewer = new AbortController();
    const pending = Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        callTencent("wedata", "ListTaskInstances", { ProjectId: PID, PageNumber: 400 + i, PageSize: 1 }, { deadlineMs: 4000, signal: i >= 25 ? viewer.signal : undefined }),
      ),
    );
    await expect.poll(() => upstreamLoad().wedata).toMatchObject({ queued: 10, inFlight: 20 });
    viewer.abort();
    await expect.poll(() => upstreamLoad().wedata.queued).toBe(5);
    expect(limiterFor("wedata").queued()).toBe(5);
    expect(codes(await pending)).toEqual([...Array(5).fill("499 ClientClosedRequest"), ...Array(25).fill("ok")].sort());
    emu.setFaults(null);
    await expect.poll(() => upstreamLoad().wedata, { timeout: 3000 }).toMatchObject(idle);
    expect(limiterFor("wedata").queued()).toBe(0);
  });
});
