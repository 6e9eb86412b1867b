import { randomBytes } from "node:crypto";
import { hashPassword } from "../lib/security/basic-auth";
import { liveEnv, startNextServer, type NextServer } from "../test/reliability/next-server";
import { rawRequest } from "../test/reliability/raw-http";
import { EMULATOR_URL, expect, test } from "./fixtures";

// Access control on a server of its own (the shared one runs without it): Basic users for people, wall
// links that turn into an HttpOnly cookie, revocation by removing the token, and the cookie's narrow reach.

const PASSWORD = randomBytes(12).toString("base64url");
const TOKEN = randomBytes(18).toString("base64url");
const OTHER_TOKEN = randomBytes(18).toString("base64url");
const basic = (name: string, pw: string) => ({ authorization: `Basic ${Buffer.from(`${name}:${pw}`).toString("base64")}` });

let server: NextServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startNextServer(
    liveEnv(EMULATOR_URL, {
      TASKBOARD_BASIC_AUTH: `alice:${hashPassword(PASSWORD)},bob:sha256:${"0".repeat(64)}`,
      TASKBOARD_WALL_TOKENS: `lobby:${TOKEN},ops:${OTHER_TOKEN}`,
    }),
  );
});
test.afterAll(async () => server?.stop());

async function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Response> {
  return fetch(`${server.url}${path}`, { method, headers, redirect: "manual" });
}

function wallCookieFrom(res: Response): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("taskboard_wall="));
  expect(setCookie, "Set-Cookie for the wall").toBeTruthy();
  return (setCookie as string).split(";")[0] as string;
}

test("without credentials: a Basic challenge for pages and the JSON envelope for APIs; health stays open", async () => {
  const page = await get("/mps");
  expect(page.status).toBe(401);
  expect(page.headers.get("www-authenticate")).toMatch(/^Basic realm="Taskboard"/);
  expect(await page.text()).not.toContain("<script");
  const api = await get("/api/mps/tasks?Status=FINISH");
  expect(api.status).toBe(401);
  expect(await api.json()).toEqual({ Error: { Code: "AuthFailure.Unauthorized", Message: expect.any(String) } });
  expect((await get("/api/health")).status).toBe(200);
  expect((await get("/wall")).status).toBe(401);
});

test("Basic users get in with the right password only", async () => {
  expect((await get("/mps", basic("alice", PASSWORD))).status).toBe(200);
  expect((await get("/api/config", basic("alice", PASSWORD))).status).toBe(200);
  expect((await get("/api/mps/tasks?Status=FINISH", basic("alice", PASSWORD))).status).toBe(200);
  expect((await get("/mps", basic("alice", `${PASSWORD}x`))).status).toBe(401);
  expect((await get("/mps", basic("Alice", PASSWORD))).status).toBe(401);
  expect((await get("/mps", basic("mallory", PASSWORD))).status).toBe(401);
  expect((await get("/mps", { authorization: "Basic %%%" })).status).toBe(401);
  expect((await get("/mps", { authorization: `Bearer ${TOKEN}` })).status).toBe(401);
});

test("a wall link becomes an HttpOnly SameSite=Strict cookie and leaves the URL", async () => {
  const res = await get(`/wall?panels=mps&token=${TOKEN}&theme=dark`);
  expect(res.status).toBe(303);
  // Next.js answers a same-origin redirect with a relative Location.
  expect(res.headers.get("location")).toBe("/wall?panels=mps&theme=dark");
  const raw = res.headers.getSetCookie().find((c) => c.startsWith("taskboard_wall=")) ?? "";
  expect(raw).toMatch(/HttpOnly/i);
  expect(raw).toMatch(/SameSite=Strict/i);
  expect(raw).toMatch(/Path=\//);
  expect(raw).not.toMatch(/Secure/i); // plain HTTP here; Secure is set when the request came over HTTPS
  const httpsRes = await get(`/wall?token=${TOKEN}`, { "x-forwarded-proto": "https" });
  expect(httpsRes.headers.getSetCookie().join(";")).toMatch(/Secure/i);

  const cookie = { cookie: wallCookieFrom(res) };
  expect((await get("/wall?panels=mps&theme=dark", cookie)).status).toBe(200);
  for (const path of ["/api/config", "/api/mps/tasks?Status=FINISH", "/api/wall"]) {
    expect((await get(path, cookie)).status, path).toBeLessThan(300);
  }
  // The cookie opens the wall and its data, nothing else, and only for reading.
  for (const path of ["/mps", "/wedata", "/", "/wallx", "/api/nothing"]) {
    expect((await get(path, cookie)).status, path).toBe(401);
  }
  expect((await get("/api/mps/tasks?Status=FINISH", cookie, "POST")).status).toBe(401);
  expect((await get("/wall", cookie, "DELETE")).status).toBe(401);
});

test("path tricks do not stretch the wall cookie to other pages", async () => {
  const cookie = { cookie: `taskboard_wall=${TOKEN}` };
  for (const path of ["/wall/../mps", "/wall/..%2fmps", "/wall/%2e%2e/mps", "//mps", "/wall/%2E%2E/wedata", "/WALL/../mps", "/wall;/../mps", "/wall%2f..%2fmps"]) {
    const res = await rawRequest(server.url, { path, headers: cookie });
    // Either refused, not found, or (when the path really is the wall) the wall; never an MPS/WeData page.
    expect([200, 303, 307, 308, 400, 401, 404], `${path} → ${res.status}`).toContain(res.status);
    if (res.status === 200) expect(res.body, path).not.toMatch(/<title>[^<]*(MPS|WeData)/);
  }
});

test("an invalid wall token is refused and sets no cookie", async () => {
  const res = await get(`/wall?token=${TOKEN.slice(0, -1)}A`);
  expect(res.status).toBe(403);
  expect(res.headers.getSetCookie().filter((c) => /taskboard_wall=[^;]+/.test(c))).toEqual([]);
  expect((await get(`/wall?token=`)).status).toBe(403);
  expect((await get(`/wall?token=${"x".repeat(5000)}`)).status).toBeLessThan(500);
});

test("in the browser: the token leaves the address bar, the cookie is invisible to scripts and survives reloads", async ({ page }) => {
  await page.goto(`${server.url}/wall?token=${OTHER_TOKEN}`);
  expect(new URL(page.url()).searchParams.has("token")).toBe(false);
  expect(new URL(page.url()).pathname).toBe("/wall");
  expect(await page.evaluate(() => document.cookie)).not.toContain("taskboard_wall");
  await page.reload();
  expect(new URL(page.url()).pathname).toBe("/wall");
  const res = await page.request.get(`${server.url}/mps`, { maxRedirects: 0 });
  expect(res.status()).toBe(401);
});

test("revoking a link (removing its token) locks its screens out and clears the cookie", async () => {
  const revoked = await startNextServer(liveEnv(EMULATOR_URL, { TASKBOARD_WALL_TOKENS: `ops:${OTHER_TOKEN}` }));
  try {
    const res = await fetch(`${revoked.url}/wall`, { headers: { cookie: `taskboard_wall=${TOKEN}` }, redirect: "manual" });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().join(";")).toMatch(/taskboard_wall=;.*Max-Age=0/i);
    const still = await fetch(`${revoked.url}/wall`, { headers: { cookie: `taskboard_wall=${OTHER_TOKEN}` }, redirect: "manual" });
    expect(still.status).toBe(200);
    // Only wall links configured: people get a plain 403, no Basic prompt.
    const people = await fetch(`${revoked.url}/mps`, { redirect: "manual" });
    expect(people.status).toBe(403);
    expect(people.headers.get("www-authenticate")).toBeNull();
  } finally {
    await revoked.stop();
  }
});
