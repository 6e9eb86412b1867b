import { expect, setFaults, test } from "./fixtures";
import { openMps, rowLocator, table } from "./mps-helpers";

// Issue 4, items 4, 7 and 8: charts from the server, live refresh, "N new tasks", time zones.

test("charts render from server stats; clicking a bar filters the table", async ({ page }) => {
  await openMps(page, "?range=24h&refresh=off");
  await expect(page.getByTestId("charts")).toBeVisible();
  // A bar by its status, not by position: a status with no tasks draws no bar (CI once had no waiting task,
  // so the first bar was Processing). The emulator always has finished tasks in 24 h.
  await page.getByTestId("bar-finished").click();
  await expect(page).toHaveURL(/status=finished/);
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: /^Finished/, pressed: true })).toBeVisible();
});

test("one stats refresh costs a bounded number of upstream calls, and twenty viewers cost what one does", async ({ request }) => {
  const emu = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4510}`;
  await fetch(`${emu}/__emulator/stats/reset`, { method: "POST" });
  const range = `range=3d&failed=no`; // a combination no other test asks for, so the cache starts cold
  const one = await request.get(`/api/mps/stats?${range}`);
  expect(one.status()).toBe(200);
  const body = (await one.json()) as { upstreamCalls: number };
  expect(body.upstreamCalls).toBe(41);
  const after1 = (await (await fetch(`${emu}/__emulator/stats`)).json()) as unknown;
  const n1 = countDescribeTasks(after1);
  expect(n1).toBeLessThanOrEqual(41);
  await Promise.all(Array.from({ length: 20 }, () => request.get(`/api/mps/stats?${range}`)));
  const n20 = countDescribeTasks((await (await fetch(`${emu}/__emulator/stats`)).json()) as unknown);
  // Inside the 10 s window quantum every viewer asks the same questions: the shared cache answers them.
  expect(n20 - n1).toBeLessThanOrEqual(41);
});

function countDescribeTasks(stats: unknown): number {
  let total = 0;
  const walk = (v: unknown, key: string) => {
    if (typeof v === "number" && key === "DescribeTasks") total += v;
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(stats, "");
  return total;
}

test("auto-refresh: interval in the URL, countdown, updated-ago, paused when hidden", async ({ page }) => {
  await openMps(page, "?range=1h&refresh=10s");
  const status = page.getByTestId("live-status");
  await expect(status).toContainText(/next in \d+ s/);
  await expect(status).toContainText(/updated/);
  await page.getByLabel("Auto-refresh interval").selectOption("1m");
  await expect(page).toHaveURL(/refresh=1m/);
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(status).toContainText("paused while hidden");
});

test("failing refreshes slow down (backoff) and say so", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 4\d\d|status of 5\d\d/);
  await openMps(page, "?range=1h&refresh=10s");
  await setFaults({ services: ["mps"], errorRate: 1, errorCode: "FailedOperation.InvalidMpsUser" });
  try {
    await page.waitForTimeout(1_200);
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(page.getByTestId("live-status")).toContainText("slowed after 1 failure");
    const seconds = Number((await page.getByTestId("live-status").innerText()).match(/next in (\d+) s/)![1]);
    expect(seconds).toBeGreaterThan(10);
  } finally {
    await setFaults(null);
  }
});

test('new tasks are announced as "N new tasks" instead of moving rows', async ({ page }) => {
  // Hide the three newest tasks from the first page the browser sees; the real count query then finds them.
  let hidden = 0;
  await page.route(/\/api\/mps\/tasks\?.*Status=FINISH/, async (route) => {
    const url = new URL(route.request().url());
    if (url.searchParams.get("Limit") !== "100" || url.searchParams.has("ScrollToken") || hidden > 0) return route.continue();
    const res = await route.fetch();
    const body = (await res.json()) as { TaskSet: unknown[] };
    hidden = 3;
    body.TaskSet = body.TaskSet.slice(3);
    await route.fulfill({ response: res, json: body });
  });
  await openMps(page, "?status=finished&range=1h&refresh=off");
  const top = await rowLocator(page).first().getAttribute("data-row-id");
  await page.getByRole("button", { name: "Refresh now" }).click();
  const button = page.getByTestId("new-tasks");
  await expect(button).toContainText(/\d+ new tasks?/);
  expect(Number((await button.innerText()).match(/(\d+) new/)![1])).toBeGreaterThanOrEqual(3);
  await expect(rowLocator(page).first()).toHaveAttribute("data-row-id", top!); // rows did not move
  await button.click();
  await expect(rowLocator(page).first()).not.toHaveAttribute("data-row-id", top!);
  await expect(button).toBeHidden();
});

test("time zone: viewer's by default, selectable, named in headers", async ({ page }) => {
  await openMps(page, "?range=1h&refresh=off");
  await expect(page.locator("thead")).toContainText("Created (UTC)");
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await expect(page).toHaveURL(/tz=Asia/);
  await expect(page.locator("thead")).toContainText("Created (Asia/Shanghai, UTC+08:00)");
  const iso = await rowLocator(page).first().locator("time").first().getAttribute("datetime");
  const shown = await rowLocator(page).first().locator("time").first().innerText();
  const expected = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso!));
  expect(shown.endsWith(expected)).toBe(true);
});

// Regression: rows used to cache their cell values until the next page arrived, so "time in current state"
// froze on a table left open (a wall-side tab) even though the columns were rebuilt with a newer clock.
test("time in the current state keeps counting while the table sits still", async ({ page }) => {
  await openMps(page, "?status=processing&refresh=off&cols=taskId,inState");
  const first = rowLocator(page).first();
  const id = await first.getAttribute("data-row-id");
  const cell = table(page).locator(`tr[data-row-id="${id}"] td`).nth(1);
  const before = (await cell.textContent()) ?? "";
  expect(before).toMatch(/\d/);
  // Durations render to the second under an hour and the column clock steps every 5 s: 11 s must show.
  await expect(cell).not.toHaveText(before, { timeout: 15_000 });
});
