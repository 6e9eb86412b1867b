import { expect, test, type APIRequestContext } from "@playwright/test";
import { sign } from "../lib/tencent/sign";

// Request-only contract tests of the HTTP API, against the production build (`next start`) and the
// standalone emulator that playwright.config.ts starts. Uses plain @playwright/test: no page is opened, so
// the console-error fixture of e2e/fixtures.ts has nothing to watch. EMULATOR_URL mirrors e2e/fixtures.ts
// (importing that file would register its page-based hook here and launch a browser for every test).

const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4510}`;
const PID = "1460947878944567296";

type Stats = { calls: Record<"mps" | "wedata", { total: number; byAction: Record<string, number> }>; rateLimited: Record<"mps" | "wedata", number>; maxPerSecond: Record<"mps" | "wedata", number> };

async function emulator(path: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(`${EMULATOR_URL}${path}`, init);
  if (!res.ok) throw new Error(`emulator ${path}: HTTP ${res.status}`);
  return res;
}
const stats = async (): Promise<Stats> => (await emulator("/__emulator/stats")).json();
const resetStats = () => emulator("/__emulator/stats/reset", { method: "POST" });
const setFaults = (f: Record<string, unknown> | null) =>
  emulator("/__emulator/faults", { method: f ? "POST" : "DELETE", headers: { "content-type": "application/json" }, body: f ? JSON.stringify(f) : undefined });
const totalCalls = (s: Stats) => s.calls.mps.total + s.calls.wedata.total;

/** Calls the emulator directly, signed like any Tencent client would, and returns its raw body text. */
async function direct(service: "mps" | "wedata", action: string, params: Record<string, unknown>): Promise<string> {
  const body = JSON.stringify(params);
  const timestamp = Math.floor(Date.now() / 1000);
  const { authorization } = sign({
    secretId: process.env.E2E_SECRET_ID as string,
    secretKey: process.env.E2E_SECRET_KEY as string,
    service,
    host: "127.0.0.1",
    timestamp,
    contentType: "application/json",
    body,
  });
  const res = await fetch(EMULATOR_URL, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      Authorization: authorization,
      "X-TC-Action": action,
      "X-TC-Version": service === "mps" ? "2019-06-12" : "2025-08-06",
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Region": "ap-guangzhou",
    },
  });
  return res.text();
}

async function many(request: APIRequestContext, urls: string[]) {
  return Promise.all(urls.map((u) => request.get(u)));
}

test.beforeEach(async () => {
  await setFaults(null);
});
test.afterAll(async () => {
  await setFaults(null);
});

test("health: mode, version, build id, upstream status, no-store", async ({ request }) => {
  await request.get("/api/mps/tasks?Status=FINISH&Limit=1");
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = await res.json();
  expect(body).toMatchObject({ mode: "live", version: expect.stringMatching(/^\d+\.\d+\.\d+/), buildId: expect.stringMatching(/^\S+$/) });
  expect(body.upstreams.mps).toMatchObject({ ok: true, lastCallAt: expect.any(String) });
  expect(JSON.stringify(body)).not.toContain(process.env.E2E_SECRET_KEY as string);
});

test("config: mode, project ids, regions, never a secret", async ({ request }) => {
  const res = await request.get("/api/config");
  const body = await res.json();
  expect(body).toEqual({ mode: "live", regions: { mps: "ap-guangzhou", wedata: "ap-guangzhou" }, wedataProjectIds: [PID, "1460947878944567297"] });
  const text = JSON.stringify(body);
  expect(text).not.toContain(process.env.E2E_SECRET_KEY as string);
  expect(text).not.toContain(process.env.E2E_SECRET_ID as string);
  // Live mode: the page header carries no demo badge (it is decided per request, not at build time).
  const page = await (await request.get("/mps")).text();
  expect(page).toContain("Taskboard");
  expect(page).not.toContain("Demo data");
});

test("DescribeTasks and ListTaskInstances answer Tencent's Response objects", async ({ request }) => {
  const mps = await request.get("/api/mps/tasks?Status=FINISH&Limit=5&SubTaskHasFailed=false");
  expect(mps.status()).toBe(200);
  const m = await mps.json();
  expect(Object.keys(m).sort()).toEqual(["RequestId", "ScrollToken", "TaskSet", "TotalCount"]);
  expect(m.TaskSet.length).toBeLessThanOrEqual(5);
  for (const t of m.TaskSet) expect(Object.keys(t).sort()).toEqual(["BeginProcessTime", "CreateTime", "FinishTime", "SubTaskTypes", "TaskId", "TaskType"]);

  const wd = await request.get(`/api/wedata/instances?ProjectId=${PID}&PageSize=7&PageNumber=2&TimeZone=UTC%2B6`);
  expect(wd.status()).toBe(200);
  const w = await wd.json();
  expect(Object.keys(w).sort()).toEqual(["Data", "RequestId"]);
  expect(w.Data).toMatchObject({ PageNumber: 2, PageSize: 7 });
  expect(w.Data.Items).toHaveLength(7);
  expect(Object.keys(w.Data.Items[0])).toHaveLength(25);
});

test("drill-down routes answer", async ({ request }) => {
  const list = await (await request.get(`/api/wedata/instances?ProjectId=${PID}&PageSize=1&InstanceState=COMPLETED`)).json();
  const key = encodeURIComponent(list.Data.Items[0].InstanceKey as string);
  for (const path of [`${key}?ProjectId=${PID}`, `${key}/executions?ProjectId=${PID}&PageSize=200`, `${key}/log?ProjectId=${PID}&LogLevel=All`, `${key}/upstream?ProjectId=${PID}`, `${key}/downstream?ProjectId=${PID}`]) {
    const res = await request.get(`/api/wedata/instances/${path}`);
    expect(res.status(), path).toBe(200);
    expect(Object.keys(await res.json()).sort(), path).toEqual(["Data", "RequestId"]);
  }
  const tasks = await (await request.get("/api/mps/tasks?Status=FINISH&Limit=1")).json();
  const detail = await request.get(`/api/mps/tasks/${encodeURIComponent(tasks.TaskSet[0].TaskId as string)}`);
  expect(detail.status()).toBe(200);
  expect(await detail.json()).toMatchObject({ TaskType: expect.any(String), Status: expect.any(String), RequestId: expect.any(String) });
});

test("IDs above 2^53 and Chinese text arrive byte for byte", async ({ request }) => {
  const params = { ProjectId: PID, PageSize: 20, InstanceState: "COMPLETED", SortColumn: "SCHEDULE_DATE", SortType: "ASC" } as const;
  const res = await request.get(`/api/wedata/instances?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`);
  const viaProxy = (await res.body()).toString("utf8");
  const upstream = await direct("wedata", "ListTaskInstances", params);
  const strip = (s: string) => s.replace(/"RequestId":"[^"]*"/, '"RequestId":""');
  const inner = upstream.slice(upstream.indexOf(":") + 1, upstream.lastIndexOf("}"));
  expect(strip(viaProxy)).toBe(strip(inner));
  expect(viaProxy).toContain(`"ProjectId":"${PID}"`);
  expect(viaProxy).toMatch(/[\u4e00-\u9fff]/);
  const big = [...viaProxy.matchAll(/"(\d{17,})"/g)].map((m) => m[1] as string).filter((d) => BigInt(d) > 2n ** 53n);
  expect(big.length).toBeGreaterThan(0);
});

test("a burst of 100 identical requests costs one upstream call", async ({ request }) => {
  await resetStats();
  const url = `/api/wedata/instances?ProjectId=${PID}&PageSize=37&Keyword=burst-${Date.now()}`;
  const replies = await many(request, Array.from({ length: 100 }, () => url));
  expect(replies.map((r) => r.status())).toEqual(Array.from({ length: 100 }, () => 200));
  const ids = new Set(await Promise.all(replies.map(async (r) => (await r.json()).RequestId as string)));
  expect(ids.size).toBe(1);
  expect((await stats()).calls.wedata.byAction.ListTaskInstances).toBe(1);
});

test("a burst of 60 distinct requests: all answered, never over 20/s upstream", async ({ request }) => {
  // The emulator counts every signed call in its window, including the earlier test's direct() call that
  // bypassed the proxy (and so its limiter). Start from a quiet window, or one upstream 429 is retried and
  // the count below reads 61 (seen once in CI).
  await new Promise((r) => setTimeout(r, 1100));
  await resetStats();
  const started = Date.now();
  const replies = await many(request, Array.from({ length: 60 }, (_, i) => `/api/wedata/instances?ProjectId=${PID}&PageSize=3&PageNumber=${i + 1}`));
  expect(replies.every((r) => r.status() === 200)).toBe(true);
  const s = await stats();
  expect(s.calls.wedata.byAction.ListTaskInstances).toBe(60);
  expect(s.rateLimited.wedata).toBe(0);
  expect(s.maxPerSecond.wedata).toBeLessThanOrEqual(20);
  test.info().annotations.push({ type: "burst-60-distinct-ms", description: String(Date.now() - started) });
});

test("400s name the parameter and never reach upstream", async ({ request }) => {
  await resetStats();
  const cases: Array<[string, string, string]> = [
    ["/api/mps/tasks", "MissingParameter", "Status"],
    ["/api/mps/tasks?Status=DONE", "InvalidParameterValue", "Status"],
    ["/api/mps/tasks?Status=FINISH&Limit=101", "InvalidParameterValue", "Limit"],
    ["/api/mps/tasks?Status=FINISH&SubTaskHasFailed=1", "InvalidParameterValue", "SubTaskHasFailed"],
    ["/api/mps/tasks?Status=FINISH&StartTime=yesterday", "InvalidParameterValue", "StartTime"],
    ["/api/mps/tasks?Status=FINISH&Action=KillTaskInstancesAsync", "UnknownParameter", "Action"],
    ["/api/wedata/instances", "MissingParameter", "ProjectId"],
    [`/api/wedata/instances?ProjectId=${PID}&PageSize=0`, "InvalidParameterValue", "PageSize"],
    [`/api/wedata/instances?ProjectId=${PID}&InstanceState=DONE`, "InvalidParameterValue", "InstanceState"],
    [`/api/wedata/instances?ProjectId=${PID}&StartTimeFrom=2025-01-01`, "InvalidParameterValue", "StartTimeFrom"],
    [`/api/wedata/instances?ProjectId=${PID}&Version=2018-01-01`, "UnknownParameter", "Version"],
    [`/api/wedata/instances/x_1/executions?ProjectId=${PID}&PageSize=201`, "InvalidParameterValue", "PageSize"],
    ["/api/wedata/instances/x_1/log", "MissingParameter", "ProjectId"],
  ];
  for (const [url, code, param] of cases) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(400);
    const body = await res.json();
    expect(body.Error.Code, url).toBe(code);
    expect(body.Error.Message, url).toContain(param);
  }
  expect(totalCalls(await stats())).toBe(0);
});

test("405 for methods other than GET/HEAD; HEAD answers without a body", async ({ request }) => {
  for (const url of ["/api/mps/tasks?Status=FINISH", `/api/wedata/instances?ProjectId=${PID}`, "/api/health"]) {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await request.fetch(url, { method, data: "{}" });
      expect(res.status(), `${method} ${url}`).toBe(405);
      expect(res.headers()["allow"]).toBe("GET, HEAD");
      expect((await res.json()).Error.Code).toBe("MethodNotAllowed");
    }
    const head = await request.head(url);
    expect(head.status()).toBe(200);
    expect((await head.body()).length).toBe(0);
  }
});

test("upstream faults map to 502, 429 + Retry-After, business codes with RequestId", async ({ request }) => {
  await setFaults({ malformedRate: 1 });
  const garbage = await request.get(`/api/mps/tasks?Status=FINISH&Limit=11`);
  expect(garbage.status()).toBe(502);
  expect((await garbage.json()).Error.Code).toBe("InvalidUpstreamResponse");

  await setFaults({ httpStatusRate: 1, httpStatus: 503 });
  const unavailable = await request.get(`/api/mps/tasks?Status=FINISH&Limit=12`);
  expect(unavailable.status()).toBe(502);

  await setFaults({ rateLimitStorm: true });
  const limited = await request.get(`/api/mps/tasks?Status=FINISH&Limit=13`);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  const lb = await limited.json();
  expect(lb.Error.Code).toMatch(/^RequestLimitExceeded/);
  expect(lb.RequestId).toMatch(/[0-9a-f-]{36}/);

  await setFaults({ errorRate: 1, errorCode: "ResourceNotFound" });
  const missing = await request.get(`/api/mps/tasks/does-not-exist-1`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ Error: { Code: "ResourceNotFound" }, RequestId: expect.any(String) });

  const health = await (await request.get("/api/health")).json();
  expect(health.upstreams.mps).toMatchObject({ ok: true }); // a 404 is an answer
});

test("a hanging upstream is a 504 by the deadline (10 s), not later", async ({ request }) => {
  test.setTimeout(30_000);
  await setFaults({ hangRate: 1, services: ["wedata"] });
  const started = Date.now();
  const res = await request.get(`/api/wedata/instances?ProjectId=${PID}&PageSize=41`, { timeout: 20_000 });
  const took = Date.now() - started;
  expect(res.status()).toBe(504);
  expect((await res.json()).Error.Code).toBe("GatewayTimeout");
  expect(took).toBeLessThan(11_000);
  const health = await (await request.get("/api/health")).json();
  expect(health.upstreams.wedata).toMatchObject({ ok: false, lastError: { Code: "GatewayTimeout" } });
});
