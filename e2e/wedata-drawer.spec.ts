import { expect, test } from "./fixtures";
import { openWedata } from "./wedata-helpers";

// The machine is shared with other builds and browsers: give each test room.
test.describe.configure({ timeout: 120_000 });

// Item 6 of the issue: the drill-down drawer (JobErrorMsg first, runs on a timeline, log with level filter,
// NextCursor paging and search).

test("a failed instance shows its failure reason first, its runs, and a pageable, filterable, searchable log", async ({ page }) => {
  const logCalls: URLSearchParams[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith("/log")) logCalls.push(new URL(r.url()).searchParams);
  });
  // The longest-running failed instances have logs longer than one page.
  await openWedata(page, "state=EXPIRED&sort=COST_TIME&dir=DESC&tz=UTC");
  const row = page.locator("tr[data-row-id]").first();
  const key = await row.getAttribute("data-row-id");
  await row.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer.locator("#drawer-title")).toHaveText(key!);

  const jobError = page.getByTestId("job-error");
  await expect(jobError).toBeVisible();
  await expect(jobError).not.toBeEmpty();
  // The reason comes before the facts and the runs.
  const order = await page.getByTestId("instance-drawer").evaluate((el) => {
    const e = el.querySelector("[data-testid=job-error]")!;
    const runs = el.querySelector("[data-testid=executions]")!;
    return !!(e.compareDocumentPosition(runs) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(order).toBe(true);

  const runs = page.getByTestId("executions").locator(":scope > li");
  await expect(runs.first()).toContainText("Run 1");
  await expect(runs.first()).toContainText(/Running|Waiting/);

  const count = page.getByTestId("log-count");
  await expect(count).toContainText("200 lines · 1 page");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(count).toContainText("· 2 pages");
  expect(logCalls.at(-1)?.get("NextCursor")).toBe("200");

  await page.getByLabel("Search the log").fill("heartbeat");
  await expect(page.getByTestId("log-hits")).toContainText(/[1-9]\d* matching line/);
  await expect(page.getByTestId("log-lines").locator("mark").first()).toHaveText(/heartbeat/i);

  await page.locator("#wd-log-level").selectOption("Error");
  await expect.poll(() => logCalls.at(-1)?.get("LogLevel")).toBe("Error");
  await expect(page).toHaveURL(/level=Error/);
  await expect(page.getByTestId("log-lines")).toContainText("[ERROR]");
  const lines = await page.getByTestId("log-lines").locator("div").allInnerTexts();
  for (const l of lines) expect(l).toContain("[ERROR]");

  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
});
