import { SERVICES, type ServiceName } from "../lib/tencent/services";
import { liveEnv, startNextServer, type NextServer } from "../test/reliability/next-server";
import { rawRequest } from "../test/reliability/raw-http";
import { startRecordingUpstream, type RecordedCall, type RecordingUpstream } from "../test/reliability/recording-upstream";
import { EMULATOR_URL, expect, test } from "./fixtures";

// No open proxy: whatever a request says (extra parameters, headers, Host, path tricks, methods), the server
// signs only its own read-only actions, with their own version, for the configured host. A recorder sits
// between Taskboard and the emulator and keeps every request that leaves the server; the test asserts on
// those, not on what the API answers.

const PROJECT = "1460947878944567296";
const KEY = encodeURIComponent("20250714200130106_2025-07-15 10:00:00");
const VALID: string[] = [
  "/api/mps/tasks?Status=FINISH",
  "/api/mps/tasks/24022-WorkflowTask-99f82fb306909",
  `/api/wedata/instances?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/executions?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/log?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/upstream?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/downstream?ProjectId=${PROJECT}`,
];

const EVIL = ["RunInstances", "DeleteTasks", "TerminateInstances", "1999-01-01", "evil.example.com", "ap-evil-1", "cvm"];
const EXTRA_PARAMS = [
  "Action=RunInstances",
  "Version=1999-01-01",
  "Region=ap-evil-1",
  "Endpoint=http://evil.example.com",
  "Host=evil.example.com",
  "Service=cvm",
  "X-TC-Action=DeleteTasks",
  "action=TerminateInstances",
  "Status=FINISH&Status=FAIL",
  "__proto__[Action]=RunInstances",
  "constructor.prototype.Action=RunInstances",
];
const HEADER_TRICKS: Record<string, string>[] = [
  { host: "evil.example.com" },
  { host: "evil.example.com:443", "x-forwarded-host": "evil.example.com", "x-forwarded-proto": "https" },
  { "x-tc-action": "RunInstances", "x-tc-version": "1999-01-01", "x-tc-region": "ap-evil-1" },
  { authorization: "TC3-HMAC-SHA256 Credential=AKIDevil/2020-01-01/cvm/tc3_request, SignedHeaders=host, Signature=00" },
  { "x-original-url": "/api/cvm/run", "x-rewrite-url": "/api/cvm/run", forwarded: "host=evil.example.com;proto=https" },
  { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", "x-nextjs-data": "1", "next-router-prefetch": "1", rsc: "1" },
  { "content-type": "application/json", "x-tc-timestamp": "1", "x-tc-token": "evil" },
];
const PATH_TRICKS = [
  "/api/mps/RunInstances",
  "/api/mps/DescribeTaskDetail?TaskId=x",
  "/api/cvm/instances",
  "/api/tencent?Action=RunInstances&Service=cvm",
  "/api/mps/tasks/..%2F..%2Fcvm",
  "/api/mps/tasks/%2e%2e/%2e%2e/cvm/RunInstances",
  "/api/mps/tasks/a/b/c",
  "/api/mps/tasks/24022-WorkflowTask-1%3FAction%3DRunInstances",
  "/api/mps/tasks/x%0d%0aX-TC-Action:%20RunInstances",
  `/api/wedata/instances/${KEY}%2F..%2F..%2Flog?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/RunInstances?ProjectId=${PROJECT}`,
  "/api/wedata/instances/x/log/../../../../mps/tasks?Status=FINISH&Action=RunInstances",
  "/api//mps/tasks?Status=FINISH&Action=RunInstances",
  "/api/mps/tasks;Action=RunInstances?Status=FINISH",
];
const METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

let recorder: RecordingUpstream;
let server: NextServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  recorder = await startRecordingUpstream(EMULATOR_URL);
  // No cache: every accepted request must produce exactly one upstream call, so a call that went elsewhere shows.
  server = await startNextServer(liveEnv(recorder.url, { UPSTREAM_CACHE_TTL_MS: "0", UPSTREAM_MAX_RETRIES: "0" }));
});
test.afterAll(async () => {
  await server?.stop();
  await recorder?.close();
});

function serviceOf(call: RecordedCall): ServiceName | null {
  const auth = String(call.headers.authorization ?? "");
  const m = /Credential=[^/]+\/\d{4}-\d{2}-\d{2}\/([a-z]+)\/tc3_request/.exec(auth);
  return m?.[1] === "mps" || m?.[1] === "wedata" ? m[1] : null;
}

function assertOnlyAllowed(calls: RecordedCall[]): void {
  const recorderHost = new URL(recorder.url).host;
  for (const call of calls) {
    const service = serviceOf(call);
    expect(service, JSON.stringify(call.headers)).not.toBeNull();
    const def = SERVICES[service as ServiceName];
    expect(call.method).toBe("POST");
    expect(call.path).toBe("/");
    expect(call.headers.host).toBe(recorderHost);
    expect(def.actions as readonly string[]).toContain(String(call.headers["x-tc-action"]));
    expect(call.headers["x-tc-version"]).toBe(def.version);
    if (call.headers["x-tc-region"] !== undefined) expect(call.headers["x-tc-region"]).toBe("ap-guangzhou");
    expect(String(call.headers.authorization)).toContain(`Credential=${process.env.E2E_SECRET_ID}/`);
    const body = JSON.parse(call.body) as Record<string, unknown>;
    for (const key of ["Action", "Version", "Region", "Endpoint", "Host", "Service", "__proto__", "constructor"]) {
      expect(Object.hasOwn(body, key), `${key} in ${call.body}`).toBe(false);
    }
    for (const word of EVIL) expect(`${call.body} ${JSON.stringify(call.headers)}`).not.toContain(word);
  }
}

async function send(path: string, headers: Record<string, string> = {}, method = "GET", body?: string) {
  const before = recorder.calls.length;
  const res = await rawRequest(server.url, { path, headers, method, body });
  return { res, calls: recorder.calls.slice(before) };
}

test("the valid requests reach the upstream once each, signed as themselves", async () => {
  for (const path of VALID) {
    const { res, calls } = await send(path);
    expect(res.status, `${path}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    expect(calls, path).toHaveLength(1);
  }
  assertOnlyAllowed(recorder.calls);
});

test("extra query parameters are refused before anything is signed", async () => {
  for (const base of VALID) {
    for (const extra of EXTRA_PARAMS) {
      const path = `${base}${base.includes("?") ? "&" : "?"}${extra}`;
      const { res, calls } = await send(path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ Error: { Code: expect.stringMatching(/Parameter/) } });
      expect(calls, path).toEqual([]);
    }
  }
});

test("headers (Host, forwarding, X-TC-*, Authorization, internal Next headers) change nothing upstream", async () => {
  for (const headers of HEADER_TRICKS) {
    for (const path of [VALID[0] as string, VALID[2] as string]) {
      const { res, calls } = await send(path, headers);
      expect(res.status, `${path} ${JSON.stringify(headers)}`).toBeLessThan(500);
      // Either refused outright, or exactly one call, to the configured host, signed as the route's own action.
      expect(calls.length, `${path} ${JSON.stringify(headers)}`).toBeLessThanOrEqual(1);
      if (res.status === 200) expect(calls).toHaveLength(1);
      assertOnlyAllowed(calls);
    }
  }
});

test("path tricks reach no other action", async () => {
  for (const path of PATH_TRICKS) {
    const { res, calls } = await send(path);
    expect(res.status, path).toBeLessThan(500);
    assertOnlyAllowed(calls);
    // Only a path that really is one of the routes may call upstream, and then as that route's action.
    if (calls.length > 0) expect(res.status, `${path} called upstream`).toBe(200);
  }
});

test("methods other than GET/HEAD are refused without an upstream call, whatever the body says", async () => {
  const body = JSON.stringify({ Action: "RunInstances", Version: "1999-01-01", Status: "FINISH" });
  for (const path of VALID) {
    for (const method of METHODS) {
      const { res, calls } = await send(path, { "content-type": "application/json" }, method, body);
      expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
      expect(calls, `${method} ${path}`).toEqual([]);
    }
  }
  const head = await send(VALID[0] as string, {}, "HEAD");
  expect(head.res.status).toBe(200);
  assertOnlyAllowed(head.calls);
});

test("the recorder saw only allowed actions during the whole run", () => {
  expect(recorder.calls.length).toBeGreaterThanOrEqual(VALID.length);
  assertOnlyAllowed(recorder.calls);
  const seen = new Set(recorder.calls.map((c) => `${serviceOf(c)}:${String(c.headers["x-tc-action"])}`));
  expect([...seen].sort()).toEqual(
    [
      "mps:DescribeTasks",
      "mps:DescribeTaskDetail",
      "wedata:ListTaskInstances",
      "wedata:GetTaskInstance",
      "wedata:ListTaskInstanceExecutions",
      "wedata:GetTaskInstanceLog",
      "wedata:ListUpstreamTaskInstances",
      "wedata:ListDownstreamTaskInstances",
    ].sort(),
  );
});
