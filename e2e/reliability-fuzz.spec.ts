import fc from "fast-check";
import { queryArb, segmentArb, type QueryCase } from "../test/reliability/fuzz-inputs";
import { rawRequest } from "../test/reliability/raw-http";
import { EMULATOR_URL, expect, test } from "./fixtures";

// Property-based fuzzing of every API route's query string (and path segments) against the production
// server and the emulator: never a 5xx, always the one error envelope, and a refused (400) request never
// reaches the upstream: the emulator's call counter must not move. Case counts scale with FUZZ_SCALE.

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const PROJECT = "1460947878944567296";
const KEY = "20250714200130106_2025-07-15 10:00:00";

interface RouteUnderTest {
  name: string;
  path: (segment: string) => string;
  known: Record<string, readonly string[]>;
  runs: number;
  /** Tencent routes refuse what they cannot forward; lenient ones (page-parameter maps) drop it instead. */
  strict: boolean;
  segments?: readonly string[];
}

const ISO = ["2025-07-15T10:00:00Z", "2025-07-15T10:00:00+08:00"];
const WD_TIME = ["2025-07-15 10:00:00"];
const mpsList = { Status: ["WAITING", "PROCESSING", "FINISH"], SubTaskHasFailed: ["true", "false"], Limit: ["1", "50", "100"], ScrollToken: ["abc"], StartTime: ISO, EndTime: ISO };
const wdCommon = { ProjectId: [PROJECT], TimeZone: ["UTC+8", "UTC", "UTC-5:30"] };
const wdList = {
  ...wdCommon,
  PageNumber: ["1", "2"],
  PageSize: ["10", "100"],
  Keyword: ["etl"],
  InstanceType: ["0", "1", "2"],
  InstanceState: ["COMPLETED", "FAILED", "RUNNING"],
  CycleType: ["D_CYCLE"],
  ScheduleTimeFrom: WD_TIME,
  ScheduleTimeTo: WD_TIME,
  SortColumn: ["SCHEDULE_DATE"],
  SortType: ["ASC", "DESC"],
};

const ROUTES: RouteUnderTest[] = [
  { name: "mps tasks", path: () => "/api/mps/tasks", known: mpsList, runs: 300, strict: true },
  { name: "mps task detail", path: (s) => `/api/mps/tasks/${s}`, known: {}, runs: 120, strict: true, segments: ["24022-WorkflowTask-99f82fb306909"] },
  { name: "wedata instances", path: () => "/api/wedata/instances", known: wdList, runs: 300, strict: true },
  { name: "wedata instance", path: (s) => `/api/wedata/instances/${s}`, known: wdCommon, runs: 120, strict: true, segments: [KEY] },
  { name: "wedata executions", path: (s) => `/api/wedata/instances/${s}/executions`, known: { ...wdCommon, PageNumber: ["1"], PageSize: ["20"] }, runs: 80, strict: true, segments: [KEY] },
  { name: "wedata log", path: (s) => `/api/wedata/instances/${s}/log`, known: { ProjectId: [PROJECT], LifeRoundNum: ["0", "3"], LogLevel: ["INFO", "ERROR"], NextCursor: ["x"] }, runs: 80, strict: true, segments: [KEY] },
  { name: "wedata upstream", path: (s) => `/api/wedata/instances/${s}/upstream`, known: { ...wdCommon, PageNumber: ["1"], PageSize: ["10"] }, runs: 80, strict: true, segments: [KEY] },
  { name: "wedata downstream", path: (s) => `/api/wedata/instances/${s}/downstream`, known: { ...wdCommon, PageNumber: ["1"], PageSize: ["10"] }, runs: 80, strict: true, segments: [KEY] },
  { name: "health", path: () => "/api/health", known: {}, runs: 80, strict: false },
  { name: "config", path: () => "/api/config", known: {}, runs: 80, strict: false },
  // Lenient routes read a page's URL map: garbage is dropped, the rest may legitimately call upstream.
  { name: "wall", path: () => "/api/wall", known: { panels: ["mps", "wedata,failures"], interval: ["15"], hours: ["6"], stuckWait: ["30"], project: [PROJECT] }, runs: 40, strict: false },
  { name: "wedata stats", path: () => "/api/wedata/stats", known: { project: [PROJECT], state: ["FAILED"], range: ["6h", "24h"], tz: ["UTC"] }, runs: 40, strict: false },
  { name: "mps stats", path: () => "/api/mps/stats", known: { status: ["all", "FINISH"], range: ["24h"], tz: ["UTC"] }, runs: 40, strict: false },
];

async function upstreamCalls(): Promise<number> {
  const res = await fetch(`${EMULATOR_URL}/__emulator/stats`);
  const stats = (await res.json()) as { calls: Record<string, { total: number }>; authFailures: number };
  return Object.values(stats.calls).reduce((sum, s) => sum + s.total, 0) + stats.authFailures;
}

let total = 0;
const statuses = new Map<number, number>();

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

for (const route of ROUTES) {
  test(`fuzz ${route.name}: no 5xx, one envelope, refused requests never reach upstream`, async ({ baseURL }) => {
    const base = baseURL as string;
    const segment = route.segments ? segmentArb(route.segments) : fc.constant("");
    await fc.assert(
      fc.asyncProperty(segment, queryArb(route.known), async (seg: string, q: QueryCase) => {
        const path = `${route.path(seg)}${q.query ? `?${q.query}` : ""}`;
        const before = await upstreamCalls();
        const res = await rawRequest(base, { path });
        const after = await upstreamCalls();
        total++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, `${path}\n${res.body.slice(0, 300)}`).toBeLessThan(500);
        // 414/431: Node's HTTP parser refuses an oversized request line before any app code runs (no body).
        const parserRefusal = res.status === 414 || res.status === 431;
        let body: { Error?: { Code?: unknown; Message?: unknown }; RequestId?: unknown } = {};
        if (res.status === 404 && res.body.startsWith("{")) body = JSON.parse(res.body) as typeof body;
        if (res.status >= 400 && res.status !== 404 && !parserRefusal) {
          body = JSON.parse(res.body) as typeof body;
          expect(typeof body.Error?.Code, path).toBe("string");
          expect(typeof body.Error?.Message, path).toBe("string");
        }
        // Refused by Taskboard itself (no upstream RequestId): the upstream must not have been called. An error
        // that carries a RequestId came from Tencent (e.g. an unknown ScrollToken) and was rightly forwarded.
        if (res.status >= 400 && body.RequestId === undefined) {
          expect(after - before, `refused ${path} but the upstream was called`).toBe(0);
        }
        if (route.strict && res.status === 200) {
          // Only requests whose every parameter is a known name may be accepted by a strict route.
          for (const [k] of q.pairs) expect(Object.keys(route.known), `${path} accepted unknown ${k}`).toContain(k);
        }
      }),
      { numRuns: Math.max(10, Math.round(route.runs * SCALE)), seed: Number(process.env.FUZZ_SEED ?? 20261123), endOnFailure: true },
    );
  });
}

test("page URLs full of garbage render with a notice", async ({ page }) => {
  const garbage: Array<[string, RegExp]> = [
    ["/mps?status=%F0%9F%92%A5&range=forever&tz=Mars%2FPhobos&from=yesterday&cols=__proto__", /status|range|tz|from|cols/i],
    ["/wedata?project=abc&state=NOPE&tz=xx&itype=9&tasktype=NaN", /project|state|tz|itype|tasktype/i],
    ["/wall?interval=0&panels=bogus&hours=999&theme=%3Cscript%3E", /interval|panels|hours|theme/i],
  ];
  for (const [url, mentions] of garbage) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    const notice = page.locator('[role="status"], [data-testid$="notice"], [data-testid$="notices"]').filter({ hasText: mentions }).first();
    await expect(notice, url).toBeVisible();
  }
});

test.afterAll(() => {
  console.log(`fuzz: ${total} requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
});
