import type { Browser } from "@playwright/test";
import { EMULATOR_URL, expect, test } from "./fixtures";
import { waitForData } from "./wall-helpers";

// What the wall costs the upstream: one refresh's calls, and that N screens cost what one does (the server
// shares one gathering per interval between all screens with the same settings).

type Stats = { calls: Record<"mps" | "wedata", { total: number }> };

async function upstreamCalls(): Promise<{ mps: number; wedata: number }> {
  const stats = (await (await fetch(`${EMULATOR_URL}/__emulator/stats`)).json()) as Stats;
  return { mps: stats.calls.mps.total, wedata: stats.calls.wedata.total };
}

async function callsWhileOpen(browser: Browser, screens: number, query: string, ms: number): Promise<number> {
  const contexts = await Promise.all(Array.from({ length: screens }, () => browser.newContext({ viewport: { width: 1920, height: 1080 } })));
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  await Promise.all(pages.map((p) => p.goto(`/wall?${query}`)));
  await Promise.all(pages.map((p) => waitForData(p)));
  const before = await upstreamCalls();
  await pages[0]!.waitForTimeout(ms);
  const after = await upstreamCalls();
  await Promise.all(contexts.map((c) => c.close()));
  return after.mps - before.mps + (after.wedata - before.wedata);
}

test("one refresh costs 55 MPS and 11 WeData calls per project", async ({ request }) => {
  // Settings no other test uses, after every earlier wall call has left the shared cache: the wall caches its
  // upstream calls for half its interval, at most 30 s, and some calls (7-day counts, latest failures) don't
  // depend on these settings. (Regression: waiting only for the 1 s default cache counted 50 calls, not 55.)
  test.setTimeout(90_000);
  await new Promise((r) => setTimeout(r, 31_000));
  const before = await upstreamCalls();
  const res = await request.get("/api/wall?stuckWait=41&stuckRun=43&hours=5&interval=60");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { mps: { ok: boolean }; wedata: { ok: boolean }; projects: string[] };
  expect(body.mps.ok && body.wedata.ok).toBe(true);
  const after = await upstreamCalls();
  expect(after.mps - before.mps).toBe(7 + 4 * 12);
  expect(after.wedata - before.wedata).toBe(11 * body.projects.length);
  // Asked again within the interval: served from the shared cache, no upstream call.
  await request.get("/api/wall?stuckWait=41&stuckRun=43&hours=5&interval=60");
  expect(await upstreamCalls()).toEqual(after);
});

test("four wall screens cost the upstream what one does", async ({ browser }) => {
  test.setTimeout(120_000);
  const one = await callsWhileOpen(browser, 1, "interval=4&stuckWait=51", 12_000);
  const four = await callsWhileOpen(browser, 4, "interval=4&stuckWait=52", 12_000);
  // One gathering (77 calls) of slack for where the 12 s window falls.
  expect(one).toBeGreaterThan(0);
  expect(four).toBeLessThanOrEqual(one + 77);
  console.log(`upstream calls in 12 s: one screen ${one}, four screens ${four}`);
});
