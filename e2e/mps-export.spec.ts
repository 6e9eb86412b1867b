import { readFile } from "node:fs/promises";
import { expect, setFaults, test } from "./fixtures";
import { openMps, pageWindow, pastWindow, totalCount } from "./mps-helpers";

// Issue 4, item 10: export of the whole filtered set, streamed through all pages, with progress and cancel.

test("CSV export downloads every row of a small filtered set; JSON too", async ({ page, request }) => {
  // Four hours: failed tasks come by time of day, and a short window at night can hold none.
  const w = pastWindow(12, 8);
  await openMps(page, `?status=failed&from=${w.from}&to=${w.to}&refresh=off`);
  const { start, end } = await pageWindow(page);
  const expected = await totalCount(request, { Status: "FINISH", SubTaskHasFailed: true, StartTime: start, EndTime: end });
  expect(expected).toBeGreaterThan(0);
  await page.getByTestId("export-menu").click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^mps-tasks-failed-.*\.csv$/);
  const text = await readFile((await csv.path())!, "utf8");
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe("TaskId,Status,TaskType,SubTaskTypes,CreateTime,BeginProcessTime,FinishTime,QueueMs,ProcessingMs");
  expect(lines.length - 1).toBe(expected);
  await expect(page.getByTestId("export-status")).toContainText(`Exported ${expected.toLocaleString("en-US")} rows`);

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "JSON" }).click()]);
  const rows = JSON.parse(await readFile((await json.path())!, "utf8")) as { TaskId: string }[];
  expect(rows).toHaveLength(expected);
  expect(new Set(rows.map((r) => r.TaskId)).size).toBe(expected);
});

test("a long export shows progress and can be cancelled", async ({ page }) => {
  await openMps(page, "?range=7d&refresh=off");
  await setFaults({ services: ["mps"], latencyMs: 400 });
  try {
    await page.getByTestId("export-menu").click();
    await page.getByRole("button", { name: "CSV" }).click();
    await expect(page.getByTestId("export-status")).toContainText(/[\d,]+ of [\d,]+ rows/);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("export-status")).toBeHidden();
  } finally {
    await setFaults(null);
  }
});
