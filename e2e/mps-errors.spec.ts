import { expect, setFaults, test } from "./fixtures";
import { openMps, pastWindow, rowLocator } from "./mps-helpers";

// Issue 4, item 9: every state designed: loading, empty, upstream error with RequestId, last good data kept.

test.afterEach(async () => {
  await setFaults(null);
});

test("an upstream fault during refresh shows Code, Message and RequestId while the old rows stay; Retry recovers", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 4\d\d|status of 5\d\d/);
  await openMps(page, "?range=6h&refresh=off");
  const before = await rowLocator(page).first().getAttribute("data-row-id");
  await setFaults({ services: ["mps"], errorRate: 1, errorCode: "FailedOperation.InvalidMpsUser" });
  await page.waitForTimeout(1_200); // outlive the proxy's short shared cache (1 s in tests)
  await page.getByRole("button", { name: "Refresh now" }).click();
  const banner = page.getByTestId("error-banner");
  await expect(banner).toContainText("FailedOperation.InvalidMpsUser");
  await expect(banner).toContainText(/RequestId: [0-9a-f-]{36}/);
  await expect(banner).toContainText("showing the last good data");
  await expect(rowLocator(page).first()).toHaveAttribute("data-row-id", before!);
  expect(await rowLocator(page).count()).toBeGreaterThan(10);

  await setFaults(null);
  await page.waitForTimeout(1_200);
  await banner.getByRole("button", { name: "Retry" }).click();
  await expect(banner).toBeHidden();
});

test("a failed first load names the error and retries into data", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/status of 4\d\d|status of 5\d\d/);
  await setFaults({ services: ["mps"], errorRate: 1, errorCode: "FailedOperation.InvalidMpsUser" });
  await page.goto("/mps?range=1h&refresh=off");
  const banner = page.getByTestId("error-banner").filter({ hasText: "Could not load MPS tasks" });
  await expect(banner).toContainText("FailedOperation.InvalidMpsUser");
  await expect(banner).toContainText(/RequestId: [0-9a-f-]{36}/);
  await setFaults(null);
  await page.waitForTimeout(1_200);
  await banner.getByRole("button", { name: "Retry" }).click();
  await expect(rowLocator(page).first()).toBeVisible();
});

test("loading skeleton while the first page is on its way", async ({ page }) => {
  await setFaults({ services: ["mps"], latencyMs: 2_500 });
  await page.goto("/mps?range=1h&refresh=off");
  await expect(page.getByTestId("data-table-skeleton")).toBeVisible();
  await expect(page.getByTestId("charts-loading")).toBeVisible();
  await expect(rowLocator(page).first()).toBeVisible({ timeout: 20_000 });
});

test("an empty result says why", async ({ page }) => {
  const w = pastWindow(80, 79);
  await page.goto(`/mps?status=waiting&from=${w.from}&to=${w.to}&refresh=off`);
  const empty = page.getByTestId("empty-state");
  await expect(empty).toContainText("No tasks match");
  await expect(empty).toContainText("waiting");
  await expect(empty).toContainText("Try a wider time range");
});
