import { expect, test } from "./fixtures";
import { isListCall, keysOfResponse, openWedata, paramsOf, PROJECT, quietFavicon, waitForRows } from "./wedata-helpers";

// The machine is shared with other builds and browsers: give each test room.
test.describe.configure({ timeout: 120_000 });

// Item 1 (every filter, multi-state in parallel), 4 (time zones), 6 (URL is the state).

test("several states are parallel calls merged by scheduled time", async ({ page }) => {
  const states: string[] = [];
  page.on("request", (r) => {
    if (isListCall(r)) states.push(paramsOf(r).get("InstanceState") ?? "");
  });
  await openWedata(page, "state=EXPIRED,FAILED_RETRY,COMPLETED");
  expect(new Set(states)).toEqual(new Set(["EXPIRED", "FAILED_RETRY", "COMPLETED"]));
  const shown = await page.locator("tr[data-row-id] [data-state]").evaluateAll((els) => els.map((e) => e.getAttribute("data-state")));
  expect(shown.length).toBeGreaterThan(10);
  for (const s of shown) expect(["EXPIRED", "FAILED_RETRY", "COMPLETED"]).toContain(s);
  // Merged newest first: scheduled times (same zone in every row) never increase down the table.
  const times = await page.locator("tr[data-row-id] td:nth-child(5)").allInnerTexts();
  const sorted = [...times].sort().reverse();
  expect(times).toEqual(sorted);
});

test("every filter reaches ListTaskInstances under its own name", async ({ page }) => {
  const calls: URLSearchParams[] = [];
  page.on("request", (r) => {
    if (isListCall(r)) calls.push(paramsOf(r));
  });
  await openWedata(page);
  // Each change is applied before the next, as a person would see it land in the URL.
  await page.locator("#wd-keyword").fill("a, b ,a");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=a/);
  await page.locator("#wd-itype").selectOption("1");
  await expect(page).toHaveURL(/itype=1/);
  await page.locator("#wd-cycle").selectOption("DAY_CYCLE");
  await expect(page).toHaveURL(/cycle=DAY_CYCLE/);
  await page.locator("#wd-tasktype").selectOption("35");
  await expect(page).toHaveURL(/tasktype=35/);
  await page.locator("#wd-owner").fill("100000001");
  await page.locator("#wd-owner").press("Enter");
  await page.locator("#wd-folder").fill("f1");
  await page.locator("#wd-folder").press("Enter");
  await page.locator("#wd-workflow").fill("w1");
  await page.locator("#wd-workflow").press("Enter");
  await page.locator("#wd-group").fill("g1");
  await page.locator("#wd-group").press("Enter");
  await expect(page).toHaveURL(/group=g1/);
  await page.locator("#wd-sched").selectOption("24h");
  await expect(page).toHaveURL(/sched=24h/);
  await page.locator("#wd-start").selectOption("7d");
  await expect(page).toHaveURL(/start=7d/);
  await page.locator("#wd-upd").selectOption("1h");
  await expect(page).toHaveURL(/upd=1h/);
  await page.locator("#wd-sort").selectOption("COST_TIME");
  await expect(page).toHaveURL(/sort=COST_TIME/);
  await page.getByRole("button", { name: /Sort direction/ }).click();
  await expect.poll(() => calls.at(-1)?.get("SortType")).toBe("ASC");
  const last = calls.at(-1)!;
  expect(Object.fromEntries(["ProjectId", "Keyword", "InstanceType", "CycleType", "TaskTypeId", "OwnerUin", "FolderId", "WorkflowId", "ExecutorGroupId", "SortColumn", "SortType", "TimeZone"].map((k) => [k, last.get(k)]))).toEqual({
    ProjectId: PROJECT,
    Keyword: "a,b",
    InstanceType: "1",
    CycleType: "DAY_CYCLE",
    TaskTypeId: "35",
    OwnerUin: "100000001",
    FolderId: "f1",
    WorkflowId: "w1",
    ExecutorGroupId: "g1",
    SortColumn: "COST_TIME",
    SortType: "ASC",
    TimeZone: "UTC+0",
  });
  for (const k of ["ScheduleTimeFrom", "ScheduleTimeTo", "StartTimeFrom", "StartTimeTo", "LastUpdateTimeFrom", "LastUpdateTimeTo"]) {
    expect(last.get(k), k).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  }
  // 24 h between the schedule bounds, in the API zone.
  const from = Date.parse(last.get("ScheduleTimeFrom")!.replace(" ", "T") + "Z");
  const to = Date.parse(last.get("ScheduleTimeTo")!.replace(" ", "T") + "Z");
  expect(to - from).toBe(86_400_000);
  // Relative windows stay relative in the URL; the empty state says why.
  expect(new URL(page.url()).searchParams.get("sched")).toBe("24h");
  await expect(page.getByTestId("empty-state")).toContainText("Narrowed by");
});

test("a schedule window typed in Asia/Shanghai and in UTC selects the same instances", async ({ page }) => {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const fromUtc = new Date(hour - 3 * 3_600_000);
  const toUtc = new Date(hour - 1 * 3_600_000);
  const wall = (d: Date, offsetH: number) => new Date(d.getTime() + offsetH * 3_600_000).toISOString().slice(0, 16);

  async function selectIn(zone: string, offsetH: number) {
    await openWedata(page, `tz=${encodeURIComponent(zone)}`);
    await page.locator("#wd-sched").selectOption("custom");
    const answer = page.waitForResponse((r) => isListCall(r.request()) && paramsOf(r.request()).has("ScheduleTimeTo"));
    await page.getByLabel(/Scheduled .* from/).fill(wall(fromUtc, offsetH));
    await page.getByLabel(/Scheduled .* from/).blur();
    await page.getByLabel(/Scheduled .* to/).fill(wall(toUtc, offsetH));
    await page.getByLabel(/Scheduled .* to/).blur();
    let res = await answer;
    // The first answer may be for the half-set window; wait for the one with both bounds.
    while (!paramsOf(res.request()).get("ScheduleTimeFrom")) res = await page.waitForResponse((r) => isListCall(r.request()) && paramsOf(r.request()).has("ScheduleTimeFrom") && paramsOf(r.request()).has("ScheduleTimeTo"));
    const p = paramsOf(res.request());
    await waitForRows(page);
    const firstCell = await page.locator("tr[data-row-id] td:nth-child(5)").first().innerText();
    return { from: p.get("ScheduleTimeFrom"), to: p.get("ScheduleTimeTo"), keys: await keysOfResponse(await res.json()), sched: new URL(page.url()).searchParams.get("sched"), firstCell };
  }

  const shanghai = await selectIn("Asia/Shanghai", 8);
  const utc = await selectIn("UTC", 0);
  expect(shanghai.from).toBe(fromUtc.toISOString().slice(0, 19).replace("T", " "));
  expect(utc.from).toBe(shanghai.from);
  expect(utc.to).toBe(shanghai.to);
  expect(utc.sched).toBe(shanghai.sched);
  expect(shanghai.keys.length).toBeGreaterThan(0);
  expect(utc.keys).toEqual(shanghai.keys);
  // The same instance reads eight hours later in Shanghai.
  const a = Date.parse(shanghai.firstCell.replace(" ", "T") + "Z");
  const b = Date.parse(utc.firstCell.replace(" ", "T") + "Z");
  expect(a - b).toBe(8 * 3_600_000);
});

test("the URL reopens the same view in a fresh browser, and back/forward work", async ({ page, browser }) => {
  await openWedata(page, "state=RUNNING&tz=UTC&sched=7d&cols=task,state,start");
  await page.locator("tr[data-row-id]").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  const url = page.url();
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await quietFavicon(fresh);
  await fresh.goto(url);
  await expect(fresh.getByRole("dialog")).toBeVisible({ timeout: 30_000 });
  await expect(fresh.locator("thead th")).toHaveCount(3);
  await expect(fresh.getByTestId("zone-label")).toContainText("UTC");
  await expect(fresh.locator("#wd-sched")).toHaveValue("7d");
  await expect(fresh.getByRole("button", { name: "Running" }).first()).toHaveAttribute("aria-pressed", "true");
  await context.close();

  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.goBack({ waitUntil: "commit" });
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.goForward({ waitUntil: "commit" });
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("invalid URL parameters are dropped with a visible notice", async ({ page }) => {
  await openWedata(page, "state=RUNNING,BOGUS&tz=Mars/Olympus&sched=yesterday&sort=NAME&refresh=2s");
  const notice = page.getByTestId("url-notice");
  await expect(notice).toContainText("state");
  await expect(notice).toContainText("time zone");
  await expect(notice).toContainText("scheduled time window");
  await expect(notice).toContainText("sort column");
  await expect(notice).toContainText("refresh interval");
  const params = new URL(page.url()).searchParams;
  for (const k of ["state", "tz", "sched", "sort", "refresh"]) expect(params.has(k), k).toBe(false);
});

test("unknown URL parameters are named in the notice and removed, the rest of the view kept", async ({ page }) => {
  await openWedata(page, "bogus=1&state=RUNNING&statuss=x&sort=COST_TIME&dir=ASC");
  const notice = page.getByTestId("url-notice");
  await expect(notice).toContainText("bogus");
  await expect(notice).toContainText("statuss");
  await expect.poll(() => [...new URL(page.url()).searchParams.keys()].sort()).toEqual(["dir", "sort", "state"]);
  const params = new URL(page.url()).searchParams;
  expect([params.get("state"), params.get("sort"), params.get("dir")]).toEqual(["RUNNING", "COST_TIME", "ASC"]);
  // A bad value and an unknown name together: both named, both gone.
  await openWedata(page, "bogus=1&tz=Mars/Olympus&state=RUNNING");
  await expect(notice).toContainText("bogus");
  await expect(notice).toContainText("time zone");
  await expect.poll(() => [...new URL(page.url()).searchParams.keys()]).toEqual(["state"]);
});

test("copy link offers a live link and a pinned one with absolute times", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openWedata(page, "sched=1h&tz=UTC");
  await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-pinned-link").click();
  const pinned = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(pinned.searchParams.get("sched")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z~\d{4}-\d\d-\d\dT/);
  // The menu may still be open after the first copy.
  if (!(await page.getByTestId("copy-live-link").isVisible())) await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-live-link").click();
  const live = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(live.searchParams.get("sched")).toBe("1h");
});
