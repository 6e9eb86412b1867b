import { readdirSync } from "node:fs";
import { liveEnv, startNextServer, type NextServer } from "../test/reliability/next-server";
import { EMULATOR_URL, expect, setFaults, test } from "./fixtures";

// Upstream faults through the emulator's switch, against a server of our own (short deadline, no cache, so
// every request meets the fault): the API answers the documented status and envelope within the deadline,
// recovers by itself when the fault stops, and leaks nothing (open file descriptors back to baseline; the
// rate limiter's queue, the upstream requests in flight and the single-flight table back to zero, as
// /api/health reports them).

const DEADLINE_MS = 3_000;
const PROJECT = "1460947878944567296";
const MPS = "/api/mps/tasks?Status=FINISH";
const WEDATA = `/api/wedata/instances?ProjectId=${PROJECT}`;

let server: NextServer;

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

test.beforeAll(async () => {
  await setFaults(null);
  server = await startNextServer(liveEnv(EMULATOR_URL, { UPSTREAM_DEADLINE_MS: String(DEADLINE_MS), UPSTREAM_CACHE_TTL_MS: "0" }));
});
test.afterAll(async () => {
  await setFaults(null);
  await server?.stop();
});
test.afterEach(async () => setFaults(null));

interface Timed {
  status: number;
  ms: number;
  body: { Error?: { Code: string; Message: string }; RequestId?: string; Response?: unknown } & Record<string, unknown>;
  retryAfter: string | null;
}

async function call(path: string): Promise<Timed> {
  const started = Date.now();
  const res = await fetch(`${server.url}${path}`);
  const text = await res.text();
  return { status: res.status, ms: Date.now() - started, body: JSON.parse(text) as Timed["body"], retryAfter: res.headers.get("retry-after") };
}

interface UpstreamLoad {
  ok: boolean | null;
  queued: number;
  inFlight: number;
  flights: number;
  cached: number;
}

async function upstreams(): Promise<Record<"mps" | "wedata", UpstreamLoad>> {
  return (await call("/api/health")).body.upstreams as Record<"mps" | "wedata", UpstreamLoad>;
}

/** Waits (bounded) until nothing is queued, in flight or under way for either service. */
async function expectIdle(): Promise<void> {
  await expect
    .poll(
      async () => {
        const u = await upstreams();
        return { mps: [u.mps.queued, u.mps.inFlight, u.mps.flights], wedata: [u.wedata.queued, u.wedata.inFlight, u.wedata.flights] };
      },
      { timeout: 10_000, intervals: [100, 250, 500] },
    )
    .toEqual({ mps: [0, 0, 0], wedata: [0, 0, 0] });
}

function openFds(): number {
  return readdirSync(`/proc/${server.pid}/fd`).length;
}

async function expectRecovery(): Promise<void> {
  await setFaults(null);
  const started = Date.now();
  for (const path of [MPS, WEDATA]) {
    await expect.poll(async () => (await call(path)).status, { timeout: 10_000, intervals: [100, 250, 500] }).toBe(200);
  }
  expect(Date.now() - started).toBeLessThan(10_000);
  await expectIdle();
}

let baselineFds = 0;

test("baseline: both routes answer 200", async () => {
  for (const path of [MPS, WEDATA]) expect((await call(path)).status).toBe(200);
  baselineFds = openFds();
});

const CASES: Array<{ name: string; faults: Record<string, unknown>; statuses: number[]; code: RegExp; requestId: boolean }> = [
  { name: "HTTP 503 from the upstream", faults: { httpStatus: 503, httpStatusRate: 1 }, statuses: [502, 503], code: /^UpstreamHttpError|ServiceUnavailable/, requestId: false },
  { name: "malformed (non-JSON) bodies", faults: { malformedRate: 1 }, statuses: [502], code: /^InvalidUpstreamResponse$/, requestId: false },
  { name: "InternalError envelopes", faults: { errorRate: 1, errorCode: "InternalError" }, statuses: [502], code: /^InternalError$/, requestId: true },
  { name: "AuthFailure", faults: { errorRate: 1, errorCode: "AuthFailure.SignatureFailure" }, statuses: [502], code: /^AuthFailure\.SignatureFailure$/, requestId: true },
  { name: "a RequestLimitExceeded storm", faults: { rateLimitStorm: true }, statuses: [429], code: /^RequestLimitExceeded/, requestId: false },
  { name: "hangs", faults: { hangRate: 1 }, statuses: [504], code: /^GatewayTimeout$/, requestId: false },
];

for (const c of CASES) {
  test(`${c.name}: documented status and envelope within the deadline, then recovery`, async () => {
    await setFaults(c.faults);
    // Several viewers at once, both services.
    const answers = await Promise.all([MPS, WEDATA, MPS, WEDATA, MPS, WEDATA].map(call));
    for (const a of answers) {
      expect(c.statuses, JSON.stringify(a.body)).toContain(a.status);
      expect(a.body.Error?.Code, JSON.stringify(a.body)).toMatch(c.code);
      expect(typeof a.body.Error?.Message).toBe("string");
      if (c.requestId) expect(a.body.RequestId, JSON.stringify(a.body)).toMatch(/^[0-9a-f-]{36}$/);
      if (a.status === 429) expect(Number(a.retryAfter)).toBeGreaterThan(0);
      // The deadline covers queueing and every retry; allow a little for the response itself.
      expect(a.ms, `${c.name} took ${a.ms} ms`).toBeLessThan(DEADLINE_MS + 1_500);
    }
    await expectRecovery();
  });
}

test("a hung upstream fills WeData's limiter: health shows the queue and the calls in flight, then both drain to zero", async () => {
  // Let the calls of the previous tests leave the limiter's one-second window, so all 20 turns are free.
  await new Promise((r) => setTimeout(r, 1_100));
  await setFaults({ hangRate: 1, services: ["wedata"] });
  // 30 distinct calls (the single-flight would merge identical ones) at 20/s: 20 hang upstream, 10 queue.
  const pending = Promise.all(Array.from({ length: 30 }, (_, i) => call(`${WEDATA}&PageNumber=${i + 1}&PageSize=1`)));
  await expect
    .poll(async () => {
      const u = (await upstreams()).wedata;
      return [u.queued, u.inFlight, u.flights];
    })
    .toEqual([10, 20, 30]);
  const answers = await pending;
  expect(answers.map((a) => a.status).sort()).toEqual([...Array(10).fill(429), ...Array(20).fill(504)]);
  await expectRecovery();
});

test("slow answers are waited for (below the deadline) and answered normally", async () => {
  await setFaults({ latencyMs: 1_200 });
  const a = await call(MPS);
  expect(a.status).toBe(200);
  expect(a.ms).toBeGreaterThanOrEqual(1_200);
  expect(a.ms).toBeLessThan(DEADLINE_MS + 1_000);
  await expectRecovery();
});

test("nothing leaks: file descriptors back to baseline, health reports the upstreams fine again", async () => {
  await expectRecovery();
  await expect.poll(() => openFds(), { timeout: 15_000 }).toBeLessThanOrEqual(baselineFds + 8);
  await expectIdle();
  for (const [name, u] of Object.entries(await upstreams())) {
    expect(u.ok, name).toBe(true);
    expect([u.queued, u.inFlight, u.flights], `${name}: queued, in flight, flights`).toEqual([0, 0, 0]);
  }
  const emulator = (await (await fetch(`${EMULATOR_URL}/__emulator/faults`)).json()) as Record<string, unknown>;
  expect(emulator).toEqual({});
});
