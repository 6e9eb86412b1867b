import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { liveEnv, startNextServer, type NextServer } from "../test/reliability/next-server";
import { EMULATOR_URL, expect, setFaults, test } from "./fixtures";

// Secrets never leave the server: with known per-run credentials, search every page's HTML, every JS/CSS
// file of the client bundle (and the whole build folder), every API answer (errors and faults included),
// every response the browser receives, and everything the server wrote to stdout/stderr.

const SECRET_ID = process.env.E2E_SECRET_ID ?? "";
const SECRET_KEY = process.env.E2E_SECRET_KEY ?? "";
// A second server signs with a wrong key: its AuthFailure path must not leak either.
const WRONG_KEY = randomBytes(24).toString("base64url");
const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const PROJECT = "1460947878944567296";
const KEY = encodeURIComponent("20250714200130106_2025-07-15 10:00:00");

function needles(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString("base64"), Buffer.from(secret).toString("hex")];
}
const NEEDLES = [...needles(SECRET_ID), ...needles(SECRET_KEY), ...needles(WRONG_KEY)];

function findSecret(text: string): string | null {
  for (const n of NEEDLES) if (n && text.includes(n)) return n === SECRET_ID || n.includes(SECRET_ID) ? "SecretId" : "SecretKey";
  return null;
}

const PAGES = [
  "/",
  "/mps",
  "/wedata",
  "/wall",
  "/mps?status=bogus&range=forever&tz=Nowhere",
  "/wedata?project=abc&state=NOPE",
  "/wall?panels=bogus&interval=0",
  "/no-such-page",
];
const APIS = [
  "/api/health",
  "/api/config",
  "/api/mps/tasks?Status=FINISH",
  "/api/mps/tasks?Status=BOGUS",
  "/api/mps/tasks?Nope=1",
  "/api/mps/tasks/24022-WorkflowTask-99f82fb306909",
  "/api/mps/tasks/bad%20id",
  `/api/wedata/instances?ProjectId=${PROJECT}`,
  "/api/wedata/instances?ProjectId=abc",
  `/api/wedata/instances/${KEY}?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/executions?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/log?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/upstream?ProjectId=${PROJECT}`,
  `/api/wedata/instances/${KEY}/downstream?ProjectId=${PROJECT}`,
  `/api/wedata/stats?project=${PROJECT}`,
  "/api/mps/stats",
  "/api/wall",
  "/api/nothing-here",
];
const FAULTS: Array<Record<string, unknown>> = [
  { errorRate: 1, errorCode: "AuthFailure.SecretIdNotFound" },
  { errorRate: 1, errorCode: "AuthFailure.SignatureFailure" },
  { malformedRate: 1 },
  { httpStatus: 500, httpStatusRate: 1 },
  { rateLimitStorm: true },
];

let server: NextServer;
let wrongKeyServer: NextServer;
let scanned = 0;

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

test.beforeAll(async () => {
  expect(SECRET_ID.length).toBeGreaterThan(8);
  expect(SECRET_KEY.length).toBeGreaterThan(8);
  await setFaults(null);
  server = await startNextServer(liveEnv(EMULATOR_URL, { UPSTREAM_DEADLINE_MS: "3000", UPSTREAM_CACHE_TTL_MS: "0" }));
  wrongKeyServer = await startNextServer({ ...liveEnv(EMULATOR_URL, { UPSTREAM_MAX_RETRIES: "0" }), TENCENTCLOUD_SECRET_KEY: WRONG_KEY });
});
test.afterAll(async () => {
  await setFaults(null);
  await server?.stop();
  await wrongKeyServer?.stop();
});

function assertClean(where: string, text: string): void {
  scanned++;
  expect(findSecret(text), `secret found in ${where}`).toBeNull();
}

async function fetchAll(base: string, paths: string[]): Promise<void> {
  for (const p of paths) {
    const res = await fetch(`${base}${p}`, { redirect: "manual" });
    assertClean(`${p} (headers)`, JSON.stringify([...res.headers]));
    assertClean(p, await res.text());
  }
}

test("pages and every static file they reference", async () => {
  const assets = new Set<string>();
  for (const p of PAGES) {
    const res = await fetch(`${server.url}${p}`);
    const html = await res.text();
    assertClean(p, html);
    for (const m of html.matchAll(/(?:src|href)="(\/_next\/[^"]+)"/g)) assets.add(m[1] as string);
  }
  expect(assets.size).toBeGreaterThan(0);
  for (const a of assets) {
    const res = await fetch(`${server.url}${a}`);
    assertClean(a, await res.text());
  }
});

test("the whole build folder (client bundle and server output)", () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) return name === "cache" ? [] : walk(full);
      return st.size < 20_000_000 ? [full] : [];
    });
  const files = walk(DIST);
  expect(files.some((f) => f.includes(`${path.sep}static${path.sep}`))).toBe(true);
  for (const f of files) assertClean(f, readFileSync(f, "latin1"));
});

test("every API answer, valid and invalid", async () => {
  await fetchAll(server.url, APIS);
});

test("every API answer under upstream faults", async () => {
  for (const faults of FAULTS) {
    await setFaults(faults);
    await fetchAll(server.url, APIS.slice(0, 16));
  }
  await setFaults({ hangRate: 1 });
  await fetchAll(server.url, ["/api/mps/tasks?Status=FINISH", `/api/wedata/instances?ProjectId=${PROJECT}`]);
  await setFaults(null);
});

test("a server whose key is wrong fails without leaking it", async () => {
  const res = await fetch(`${wrongKeyServer.url}/api/mps/tasks?Status=FINISH`);
  const body = await res.text();
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(body).toContain("AuthFailure");
  assertClean("wrong-key answer", body);
  await fetchAll(wrongKeyServer.url, APIS);
});

test("everything the browser receives while using the pages", async ({ page, allowConsoleErrors }) => {
  // The error pages and provoked faults log failed requests; only secrets matter here.
  allowConsoleErrors(/.*/);
  const bodies: Array<Promise<void>> = [];
  page.on("response", (res) => {
    bodies.push(
      res
        .body()
        .then((b) => assertClean(`browser ${res.url()}`, b.toString("latin1")))
        .catch(() => undefined),
    );
  });
  const consoleLines: string[] = [];
  page.on("console", (m) => consoleLines.push(m.text()));
  for (const p of PAGES) {
    await page.goto(`${server.url}${p}`);
    await page.waitForLoadState("networkidle").catch(() => undefined);
  }
  await setFaults({ errorRate: 1, errorCode: "AuthFailure.SignatureFailure" });
  await page.goto(`${server.url}/wedata`);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await setFaults(null);
  await Promise.all(bodies);
  assertClean("browser console", consoleLines.join("\n"));
  const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  assertClean("browser storage", storage);
});

test("everything the servers wrote to stdout and stderr", () => {
  const out = server.output() + wrongKeyServer.output();
  expect(out.length).toBeGreaterThan(0);
  assertClean("server output", out);
  console.log(`secrets scan: ${scanned} texts scanned, ${out.split("\n").length} server log lines`);
});
