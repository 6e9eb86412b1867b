import { expect, test } from "./fixtures";
import { collectAllRows, fetchAll, newestFirst, openMps, pageWindow, pastWindow, rowLocator, totalCount } from "./mps-helpers";

// Issue 4, item 1: filters for every DescribeTasks parameter, status tabs with live counts, the All merge.

test("All merges the three status streams newest-first by CreateTime, no row repeated or lost", async ({ page, request }) => {
  // A past window: its set of tasks is fixed even while tasks move between statuses. Tasks arrive by time of
  // day (one hour held 80 in CI): widen it until a stream needs more than one page.
  let w = pastWindow(6, 5);
  for (let hours = 7; hours <= 12; hours++) {
    if ((await totalCount(request, { Status: "FINISH", StartTime: w.from, EndTime: w.to })) > 100) break;
    w = pastWindow(hours, 5);
  }
  await openMps(page, `?status=all&from=${w.from}&to=${w.to}&refresh=off`);
  const { start, end } = await pageWindow(page);
  const ids = await collectAllRows(page);
  const streams = await Promise.all(
    ["WAITING", "PROCESSING", "FINISH"].map((Status) => fetchAll(request, { Status, StartTime: start, EndTime: end })),
  );
  const expected = streams.flatMap((s) => s.tasks).sort(newestFirst).map((t) => t.TaskId);
  expect(expected.length).toBeGreaterThan(100); // more than one page per stream, so cursors really interleave
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(expected);
  await expect(page.getByTestId("data-table-end")).toBeVisible();
});

test("status tabs show live counts that match TotalCount, and filter the table", async ({ page, request }) => {
  await openMps(page, "?range=6h&refresh=off");
  const stats = await (await request.get("/api/mps/stats?range=6h")).json();
  const q = { StartTime: stats.window.startTime, EndTime: stats.window.endTime };
  expect(stats.counts.WAITING).toBe(await totalCount(request, { Status: "WAITING", ...q }));
  expect(stats.counts.FINISH_FAILED).toBe(await totalCount(request, { Status: "FINISH", SubTaskHasFailed: true, ...q }));
  // The counts on the tabs come from the same server computation (numbers move with time: check shape + sum).
  const num = async (tab: string) => Number((await page.getByTestId(`tab-count-${tab}`).innerText()).replace(/,/g, ""));
  await expect(page.getByTestId("tab-count-all")).not.toHaveText("…");
  expect(await num("all")).toBe((await num("waiting")) + (await num("processing")) + (await num("finished")));

  await page.getByTestId("tab-failed").click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId("tab-failed")).toHaveAttribute("aria-pressed", "true");
  await expect(rowLocator(page).first()).toContainText("Sub-task failed");
  await expect(page.getByTestId("failed-filter")).toBeDisabled();
});

test("SubTaskHasFailed filter narrows the list to what the API counts", async ({ page, request }) => {
  const w = pastWindow(4, 3);
  await openMps(page, `?status=finished&from=${w.from}&to=${w.to}&refresh=off`);
  await page.getByTestId("failed-filter").selectOption("no");
  await expect(page).toHaveURL(/failed=no/);
  const { start, end } = await pageWindow(page);
  const expected = await totalCount(request, { Status: "FINISH", SubTaskHasFailed: false, StartTime: start, EndTime: end });
  await expect(page.getByTestId("position-indicator")).toContainText(`of ${expected.toLocaleString("en-US")} tasks`);
});

test("time range presets stay relative; an absolute range older than 7 days is clamped with a notice", async ({ page }) => {
  await openMps(page, "?refresh=off");
  await page.getByTestId("range-1h").click();
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByTestId("window-text")).toContainText("last 1 h");
  const old = new Date(Date.now() - 10 * 86_400_000).toISOString();
  await page.goto(`/mps?from=${old}&refresh=off`);
  await expect(page.getByTestId("clamp-notice")).toContainText("7 days");
  const { start } = await pageWindow(page);
  // 7 days back from "now" rounded up to the 10 s window quantum, give or take the test's own seconds.
  expect(Date.now() - Date.parse(start)).toBeLessThanOrEqual(7 * 86_400_000 + 30_000);
  // The custom form applies an absolute window typed in the display zone.
  await page.getByTestId("range-custom").click();
  await page.locator('input[name="from"]').fill("2026-01-01T00:00");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=/);
});
