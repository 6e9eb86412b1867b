import { expect, setFaults, test } from "./fixtures";
import { quietFavicon, openWedata, SCREENSHOT_DIR } from "./wedata-helpers";

// The machine is shared with other builds and browsers: give each test room.
test.describe.configure({ timeout: 120_000 });

// Screenshots for a person to look at (light, dark, data, empty, loading, failing, drawer). Each shot also
// checks that nothing overflows the page sideways at 1280 and 1920 px.

test.afterEach(async () => {
  await setFaults(null);
});

async function noSidewaysOverflow(page: import("@playwright/test").Page) {
  const { sw, cw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  expect(sw).toBeLessThanOrEqual(cw);
}

for (const width of [1280, 1920]) {
  for (const theme of ["light", "dark"] as const) {
    test(`data, ${theme}, ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 1080 });
      await page.emulateMedia({ colorScheme: theme });
      await openWedata(page, `theme=${theme}&tz=Asia/Shanghai`);
      await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible({ timeout: 20_000 });
      await noSidewaysOverflow(page);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-data-${theme}-${width}.png` });
      if (theme === "light" && width === 1920) await page.screenshot({ path: "public/screenshot-wedata.png" });
    });
  }
}

test("drawer open (light and dark)", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openWedata(page, "state=EXPIRED&sort=COST_TIME&dir=DESC&tz=Asia/Shanghai");
  await page.locator("tr[data-row-id]").first().click();
  await expect(page.getByTestId("log-count")).toContainText("200 lines");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-drawer-light.png` });
  await page.getByLabel("Search the log").fill("partition");
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-drawer-dark.png` });
});

test("empty, loading and failing", async ({ page, allowConsoleErrors }) => {
  allowConsoleErrors(/Failed to load resource/);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWedata(page, "q=zzzz-no-such-task&sched=24h").catch(() => undefined);
  await expect(page.getByTestId("empty-state")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-empty-light.png` });

  await setFaults({ services: ["wedata"], latencyMs: 4_000 });
  await quietFavicon(page);
  await page.goto("/wedata?state=RUNNING");
  await expect(page.getByTestId("data-table-skeleton")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-loading-light.png` });
  await setFaults(null);
  await expect(page.locator("tr[data-row-id]").first()).toBeVisible({ timeout: 30_000 });

  await setFaults({ services: ["wedata"], errorRate: 1, errorCode: "FailedOperation" });
  await page.waitForTimeout(1_100);
  await page.getByRole("button", { name: /Refresh now/i }).click();
  await expect(page.getByTestId("error-banner").first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-failing-light.png` });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/wedata-failing-dark.png` });
});
