import { expect, test } from "./fixtures";
import { fetchAll, openMps, rowLocator } from "./mps-helpers";

// Issue 4, item 5: the detail drawer.

test("clicking a row opens the task: timing, input, every sub-task; Esc closes", async ({ page }) => {
  page.on("response", (r) => {
    if (r.status() >= 400) console.log("HTTP", r.status(), r.url());
  });
  await openMps(page, "?status=finished&failed=yes&range=24h&refresh=off");
  const row = rowLocator(page).first();
  const id = (await row.getAttribute("data-row-id"))!;
  await row.locator("td").nth(2).click();
  await expect(page).toHaveURL(new RegExp(`task=${id}`));
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: id })).toBeVisible();
  await expect(dialog.getByTestId("task-detail")).toContainText("Timing");
  await expect(dialog.getByTestId("task-detail")).toContainText("COS");
  const subtasks = dialog.getByTestId("subtask");
  expect(await subtasks.count()).toBeGreaterThan(0);
  // A task with a failed sub-task shows that sub-task's status and ErrCodeExt + message.
  await expect(dialog.getByTestId("subtask").filter({ hasText: "Failed" }).first()).toContainText(/\w+(\.\w+)? /);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/task=/);
});

test("a task older than the detail window gets a clear message", async ({ page, request, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 404/); // the detail route answers 404 ResourceNotFound: that is the point
  const end = new Date(Date.now() - 5 * 86_400_000);
  const start = new Date(end.getTime() - 3_600_000);
  const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, "Z");
  const { tasks } = await fetchAll(request, { Status: "FINISH", StartTime: iso(start), EndTime: iso(end) });
  expect(tasks.length).toBeGreaterThan(0);
  await page.goto(`/mps?range=7d&refresh=off&task=${tasks[0]!.TaskId}`);
  await expect(page.getByRole("dialog").getByTestId("drawer-too-old")).toContainText("older than the detail window");
});
