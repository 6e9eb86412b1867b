import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "./index";
import { codeOf, PROJECT, rawCall, rawCallNow, sdkCall, sdkClient } from "./test-support";

// Envelopes, parameter errors, rate limits, the control endpoint and fault injection.

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true, seed: 3, scale: 0.05 });
});
afterAll(() => emu.close());

const mps = (action: string, params: Record<string, unknown>, extra: Partial<Parameters<typeof rawCall>[1]> = {}) =>
  rawCall(emu, { service: "mps", action, params, ...extra });
const wedata = (action: string, params: Record<string, unknown>, extra: Partial<Parameters<typeof rawCall>[1]> = {}) =>
  rawCall(emu, { service: "wedata", action, params, ...extra });

describe("envelopes", () => {
  it("wraps success in Response with a uuid RequestId", async () => {
    const r = await mps("DescribeTasks", { Status: "FINISH", Limit: 1 });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(["Response"]);
    expect(r.json.Response.RequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("answers API errors as HTTP 200 with Response.Error{Code,Message} and a RequestId", async () => {
    const r = await mps("DescribeTasks", {});
    expect(r.status).toBe(200);
    expect(r.json.Response.Error).toEqual({ Code: "MissingParameter", Message: expect.stringContaining("Status") });
    expect(r.json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("parameter and routing errors", () => {
  const cases: Array<[string, () => ReturnType<typeof rawCall>, string]> = [
    ["MPS without the required Status", () => mps("DescribeTasks", { Limit: 5 }), "MissingParameter"],
    ["MPS Status outside the enum", () => mps("DescribeTasks", { Status: "DONE" }), "InvalidParameterValue"],
    ["MPS Limit above 100", () => mps("DescribeTasks", { Status: "FINISH", Limit: 101 }), "InvalidParameterValue.Limit"],
    ["MPS Limit 0", () => mps("DescribeTasks", { Status: "FINISH", Limit: 0 }), "InvalidParameterValue.Limit"],
    ["MPS Limit of the wrong JSON type", () => mps("DescribeTasks", { Status: "FINISH", Limit: true }), "InvalidParameter"],
    ["MPS SubTaskHasFailed as a string", () => mps("DescribeTasks", { Status: "FINISH", SubTaskHasFailed: "yes" }), "InvalidParameter"],
    ["MPS unknown parameter", () => mps("DescribeTasks", { Status: "FINISH", Offset: 0 }), "UnknownParameter"],
    ["MPS StartTime not ISO 8601", () => mps("DescribeTasks", { Status: "FINISH", StartTime: "2021-02-03 04:05:06" }), "InvalidParameterValue"],
    ["MPS StartTime after EndTime", () => mps("DescribeTasks", { Status: "FINISH", StartTime: "2030-01-02T00:00:00Z", EndTime: "2030-01-01T00:00:00Z" }), "InvalidParameterValue"],
    ["MPS malformed ScrollToken", () => mps("DescribeTasks", { Status: "FINISH", ScrollToken: "nope" }), "InvalidParameterValue"],
    ["MPS detail of a malformed id", () => mps("DescribeTaskDetail", { TaskId: "x" }), "InvalidParameterValue.TaskId"],
    ["MPS detail of an unknown id", () => mps("DescribeTaskDetail", { TaskId: "12345-WorkflowTask-0000000000000" }), "ResourceNotFound"],
    ["unknown action", () => mps("DescribeInstances", {}), "InvalidAction"],
    ["a write action Taskboard must never send", () => wedata("KillTaskInstancesAsync", { ProjectId: PROJECT }), "InvalidAction"],
    ["wrong version", () => mps("DescribeTasks", { Status: "FINISH" }, { version: "2017-03-12" }), "NoSuchVersion"],
    ["WeData without region", () => wedata("ListTaskInstances", { ProjectId: PROJECT }, { region: null }), "MissingParameter"],
    ["WeData without ProjectId", () => wedata("ListTaskInstances", {}), "MissingParameter"],
    ["WeData PageSize 101", () => wedata("ListTaskInstances", { ProjectId: PROJECT, PageSize: 101 }), "InvalidParameterValue"],
    ["WeData PageNumber 0", () => wedata("ListTaskInstances", { ProjectId: PROJECT, PageNumber: 0 }), "InvalidParameterValue"],
    ["WeData PageSize as a string", () => wedata("ListTaskInstances", { ProjectId: PROJECT, PageSize: "10" }), "InvalidParameter"],
    ["WeData unknown state", () => wedata("ListTaskInstances", { ProjectId: PROJECT, InstanceState: "DONE" }), "InvalidParameterValue"],
    ["WeData unknown sort column", () => wedata("ListTaskInstances", { ProjectId: PROJECT, SortColumn: "NAME" }), "InvalidParameterValue"],
    ["WeData bad time zone", () => wedata("ListTaskInstances", { ProjectId: PROJECT, TimeZone: "Asia/Shanghai" }), "InvalidParameterValue"],
    ["WeData bad time filter", () => wedata("ListTaskInstances", { ProjectId: PROJECT, StartTimeFrom: "yesterday" }), "InvalidParameterValue"],
    ["WeData unknown parameter", () => wedata("ListTaskInstances", { ProjectId: PROJECT, Page: 1 }), "UnknownParameter"],
    ["WeData executions PageSize 201", () => wedata("ListTaskInstanceExecutions", { ProjectId: PROJECT, InstanceKey: "1_2025-01-01 00:00:00", PageSize: 201 }), "InvalidParameterValue"],
    ["WeData malformed InstanceKey", () => wedata("GetTaskInstance", { ProjectId: PROJECT, InstanceKey: "abc" }), "InvalidParameterValue"],
    ["WeData unknown instance", () => wedata("GetTaskInstance", { ProjectId: PROJECT, InstanceKey: "20990101000000000_2025-01-01 00:00:00" }), "ResourceNotFound"],
    ["WeData unknown project", () => wedata("ListTaskInstances", { ProjectId: "42" }), "ResourceNotFound"],
    ["body that is not JSON", () => mps("DescribeTasks", {}, { rawBody: "{oops" }), "InvalidParameter"],
  ];
  for (const [name, call, code] of cases) {
    it(`${name} → ${code}`, async () => {
      expect(codeOf(await call())).toBe(code);
    });
  }

  it("accepts MPS Limit as a numeric string, as the docs' own example sends it", async () => {
    const r = await mps("DescribeTasks", { Status: "FINISH", Limit: "5" });
    expect(codeOf(r)).toBeUndefined();
    expect(r.json.Response.TaskSet).toHaveLength(5);
  });

  it("the SDK sees the same codes (Response.Error read on HTTP 200)", async () => {
    const r = await sdkCall(sdkClient(emu, "mps"), "DescribeTasks", { Status: "FINISH", Limit: 500 });
    expect(r.code).toBe("InvalidParameterValue.Limit");
  });
});

describe("rate limits, per credential and service", () => {
  it("answers RequestLimitExceeded above 20/s for WeData and records the peak", async () => {
    await new Promise((r) => setTimeout(r, 1100));
    emu.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => rawCallNow(emu, { service: "wedata", action: "ListTaskInstances", params: { ProjectId: PROJECT, PageSize: 1 } })),
    );
    const limited = answers.filter((a) => codeOf(a) === "RequestLimitExceeded");
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(limited[0]?.json.Response.Error?.Message).toMatch(/exceeds the frequency limit `20`/);
    const stats = emu.stats();
    expect(stats.maxPerSecond.wedata).toBe(20);
    expect(stats.rateLimited.wedata).toBe(limited.length);
    expect(stats.calls.wedata.total).toBe(30);
    // MPS has its own budget: not affected by the WeData storm.
    expect(codeOf(await rawCallNow(emu, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH", Limit: 1 } }))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1100));
  });

  it("allows 100/s for MPS", async () => {
    await new Promise((r) => setTimeout(r, 1100));
    emu.resetStats();
    const answers = await Promise.all(Array.from({ length: 110 }, () => rawCallNow(emu, { service: "mps", action: "DescribeTasks", params: { Status: "WAITING", Limit: 1 } })));
    const limited = answers.filter((a) => codeOf(a) === "RequestLimitExceeded").length;
    // Requests spread over more than a second on a slow machine, so at least the excess is refused only if they all land in one second.
    expect(limited).toBeLessThanOrEqual(10);
    expect(emu.stats().maxPerSecond.mps).toBeLessThanOrEqual(100);
    expect(emu.stats().maxPerSecond.mps).toBeGreaterThan(20);
    await new Promise((r) => setTimeout(r, 1100));
  });
});

describe("control endpoint and faults", () => {
  const control = (path: string, init?: RequestInit) => fetch(`${emu.url}/__emulator/${path}`, init);

  it("reports health and stats, and resets stats", async () => {
    expect(await (await control("health")).json()).toEqual({ ok: true });
    await mps("DescribeTasks", { Status: "FINISH", Limit: 1 });
    const stats = (await (await control("stats")).json()) as { calls: { mps: { total: number; byAction: Record<string, number> } } };
    expect(stats.calls.mps.byAction.DescribeTasks).toBeGreaterThan(0);
    await control("stats/reset", { method: "POST" });
    const reset = (await (await control("stats")).json()) as { calls: { mps: { total: number } } };
    expect(reset.calls.mps.total).toBe(0);
  });

  it("injects a chosen Tencent error code for a share of calls, for the chosen service only", async () => {
    const set = await control("faults", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ services: ["mps"], errorRate: 1, errorCode: "InternalError" }) });
    expect(set.status).toBe(200);
    expect(codeOf(await mps("DescribeTasks", { Status: "FINISH" }))).toBe("InternalError");
    expect(codeOf(await wedata("ListTaskInstances", { ProjectId: PROJECT }))).toBeUndefined();
    await control("faults", { method: "DELETE" });
    expect(codeOf(await mps("DescribeTasks", { Status: "FINISH" }))).toBeUndefined();
  });

  it("refuses an invalid fault configuration", async () => {
    const r = await control("faults", { method: "POST", body: JSON.stringify({ errorRate: 2 }) });
    expect(r.status).toBe(400);
  });

  it("answers HTTP 5xx, malformed bodies, storms and latency", async () => {
    emu.setFaults({ httpStatusRate: 1, httpStatus: 502 });
    expect((await mps("DescribeTasks", { Status: "FINISH" })).status).toBe(502);
    emu.setFaults({ malformedRate: 1 });
    const malformed = await mps("DescribeTasks", { Status: "FINISH" });
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    emu.setFaults({ rateLimitStorm: true });
    expect(codeOf(await wedata("ListTaskInstances", { ProjectId: PROJECT }))).toBe("RequestLimitExceeded");
    emu.setFaults({ latencyMs: 300 });
    const t0 = performance.now();
    expect(codeOf(await mps("DescribeTasks", { Status: "FINISH", Limit: 1 }))).toBeUndefined();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    emu.setFaults(null);
  });

  it("hangs a connection without answering, and close() releases it", async () => {
    const own = await startEmulator({ quiet: true, seed: 3, scale: 0.02 });
    own.setFaults({ hangRate: 1 });
    const pending = rawCall(own, { service: "mps", action: "DescribeTasks", params: { Status: "FINISH" } });
    const outcome = await Promise.race([pending.then(() => "answered", () => "error"), new Promise((r) => setTimeout(() => r("hanging"), 500))]);
    expect(outcome).toBe("hanging");
    await own.close();
    expect(await pending.then(() => "answered", () => "error")).toBe("error");
  });
});
