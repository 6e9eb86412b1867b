import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as taskDetail from "@/app/api/mps/tasks/[taskId]/route";
import * as tasks from "@/app/api/mps/tasks/route";
import * as health from "@/app/api/health/route";
import * as instance from "@/app/api/wedata/instances/[instanceKey]/route";
import * as executions from "@/app/api/wedata/instances/[instanceKey]/executions/route";
import * as log from "@/app/api/wedata/instances/[instanceKey]/log/route";
import * as upstream from "@/app/api/wedata/instances/[instanceKey]/upstream/route";
import * as downstream from "@/app/api/wedata/instances/[instanceKey]/downstream/route";
import * as instances from "@/app/api/wedata/instances/route";
import { startEmulator, type EmulatorHandle } from "@/lib/emulator";
import { resetClientForTests } from "@/lib/tencent/client";
import { loadConfig, resetConfigForTests } from "@/lib/tencent/config";

// The route handlers themselves (the exported GET/HEAD/...), against the real emulator: 400s without an
// upstream call, 405s, the error envelope, and byte-for-byte pass-through (checked against a stub upstream
// that answers a hand-written body, since only a fixed body can prove "unchanged").

const PID = "1460947878944567296";
let emu: EmulatorHandle;

function configure(endpoint: string) {
  resetConfigForTests();
  resetClientForTests();
  loadConfig({ TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey, MPS_ENDPOINT: endpoint, WEDATA_ENDPOINT: endpoint, UPSTREAM_DEADLINE_MS: "3000" });
}

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const noParams = () => ({ params: Promise.resolve({} as Record<string, never>) });
const req = (path: string, method = "GET") => new Request(`http://127.0.0.1${path}`, { method });
type Route = { GET: (r: Request, c: ReturnType<typeof ctx>) => Promise<Response> } & Record<string, (r: Request, c: ReturnType<typeof ctx>) => Promise<Response>>;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 3, quiet: true });
});
afterAll(() => emu.close());
beforeEach(() => {
  configure(emu.url);
  emu.setFaults(null);
  emu.resetStats();
});

const ROUTES: Array<{ name: string; mod: Route; params: Record<string, string>; good: string; missing: string }> = [
  { name: "tasks", mod: tasks as unknown as Route, params: {}, good: "?Status=FINISH&Limit=3", missing: "?Limit=3" },
  { name: "task detail", mod: taskDetail as unknown as Route, params: { taskId: "24022-WorkflowTask-99f82fb306909" }, good: "", missing: "" },
  { name: "instances", mod: instances as unknown as Route, params: {}, good: `?ProjectId=${PID}&PageSize=2`, missing: "?PageSize=2" },
  { name: "instance", mod: instance as unknown as Route, params: { instanceKey: "1_2025-01-01 00:00:00" }, good: `?ProjectId=${PID}`, missing: "?TimeZone=UTC%2B8" },
  { name: "executions", mod: executions as unknown as Route, params: { instanceKey: "1_2025-01-01 00:00:00" }, good: `?ProjectId=${PID}`, missing: "?PageSize=200" },
  { name: "log", mod: log as unknown as Route, params: { instanceKey: "1_2025-01-01 00:00:00" }, good: `?ProjectId=${PID}`, missing: "?LogLevel=All" },
  { name: "upstream", mod: upstream as unknown as Route, params: { instanceKey: "1_2025-01-01 00:00:00" }, good: `?ProjectId=${PID}`, missing: "?PageNumber=1" },
  { name: "downstream", mod: downstream as unknown as Route, params: { instanceKey: "1_2025-01-01 00:00:00" }, good: `?ProjectId=${PID}`, missing: "?PageNumber=1" },
];

describe.each(ROUTES)("$name route", ({ mod, params, missing }) => {
  it("405 with the envelope and Allow for every method but GET/HEAD", async () => {
    for (const m of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const res = await mod[m]!(req("/x", m), ctx(params));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      expect((await res.json()).Error.Code).toBe("MethodNotAllowed");
    }
  });

  it("400 for an unknown parameter, and a missing one, without any upstream call", async () => {
    const unknown = await mod.GET(req(`/x?Action=KillTaskInstancesAsync`), ctx(params));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ Error: { Code: "UnknownParameter", Message: expect.stringContaining("Action") } });
    if (missing) {
      const res = await mod.GET(req(`/x${missing}`), ctx(params));
      expect(res.status).toBe(400);
      expect((await res.json()).Error.Code).toBe("MissingParameter");
    }
    expect(emu.stats().calls.mps.total + emu.stats().calls.wedata.total).toBe(0);
  });
});

describe("pass-through", () => {
  it("DescribeTasks: 200 with Tencent's Response; HEAD has no body", async () => {
    const res = await tasks.GET(req("/api/mps/tasks?Status=FINISH&Limit=3"), noParams());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["RequestId", "ScrollToken", "TaskSet", "TotalCount"]);
    expect(body.TaskSet.length).toBeLessThanOrEqual(3);
    const head = await tasks.HEAD(req("/api/mps/tasks?Status=FINISH&Limit=3", "HEAD"), noParams());
    expect([head.status, await head.text()]).toEqual([200, ""]);
  });

  it("ListTaskInstances: Data and RequestId; the emulator saw exactly the typed parameters", async () => {
    const res = await instances.GET(req(`/api/wedata/instances?ProjectId=${PID}&PageSize=2&InstanceType=1&SortType=DESC`), noParams());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["Data", "RequestId"]);
    expect(body.Data.Items).toHaveLength(2);
    expect(emu.stats().calls.wedata.byAction.ListTaskInstances).toBe(1);
  });

  it("task detail of an unknown task keeps Tencent's Code and RequestId", async () => {
    const res = await taskDetail.GET(req("/api/mps/tasks/nope-404"), { params: Promise.resolve({ taskId: "nope-404" }) });
    const body = await res.json();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(body.Error.Code).toMatch(/^(ResourceNotFound|InvalidParameterValue)/);
    expect(body.RequestId).toMatch(/[0-9a-f-]{36}/);
  });

  it("sends Tencent's bytes unchanged: ids beyond 2^53, \\u escapes, raw Chinese, spacing", async () => {
    const inner =
      '{"Data": {"Items": [], "PageNumber": 1, "PageSize": 10, "TotalCount": 0, "TotalPageNumber": 0, "ProjectId": "1460947878944567296", "Note": "\\u6570\\u636e 工厂", "Big": 12345678901234567891}, "RequestId": "5a1b-0000"}';
    const stub = http.createServer((_q, s) => {
      _q.resume();
      _q.on("end", () => s.writeHead(200, { "Content-Type": "application/json" }).end(`{"Response": ${inner}}`));
    });
    await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
    try {
      configure(`http://127.0.0.1:${(stub.address() as AddressInfo).port}`);
      const res = await instances.GET(req(`/api/wedata/instances?ProjectId=${PID}`), noParams());
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(inner, "utf8"))).toBe(true);
    } finally {
      stub.close();
    }
  });

  it("a body that is JSON but not the documented shape is a 502", async () => {
    const stub = http.createServer((_q, s) => s.end('{"Response":{"Data":{"Items":"nope"},"RequestId":"r"}}'));
    await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
    try {
      configure(`http://127.0.0.1:${(stub.address() as AddressInfo).port}`);
      const res = await instances.GET(req(`/api/wedata/instances?ProjectId=${PID}`), noParams());
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ Error: { Code: "InvalidUpstreamResponse" }, RequestId: "r" });
    } finally {
      stub.close();
    }
  });
});

describe("health", () => {
  it("mode, version, upstream status; no-store", async () => {
    await tasks.GET(req("/api/mps/tasks?Status=FINISH"), noParams());
    const res = await health.GET(req("/api/health"), noParams());
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ mode: "live", version: expect.stringMatching(/^\d+\.\d+\.\d+/), upstreams: { mps: { ok: true, lastCallAt: expect.any(String) } } });
    // How busy the shared client is: counts only; nothing is waiting or under way once the calls have ended.
    for (const name of ["mps", "wedata"] as const) {
      expect(body.upstreams[name]).toMatchObject({ queued: 0, inFlight: 0, flights: 0, cached: expect.any(Number) });
    }
    expect(body.upstreams.mps.cached).toBeGreaterThanOrEqual(1);
    // The previous test's garbage body left WeData marked as failing, with the code that says why.
    expect(body.upstreams.wedata).toMatchObject({ ok: false, lastError: { Code: "InvalidUpstreamResponse", RequestId: "r" } });
    expect(JSON.stringify(body)).not.toContain(emu.secretKey);
  });
});
