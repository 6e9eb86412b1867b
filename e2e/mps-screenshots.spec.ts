import { mkdir } from "node:fs/promises";
import { expect, setFaults, test } from "./fixtures";
import { openMps, pastWindow } from "./mps-helpers";

// Screenshots of the MPS page for people to look at (light/dark; data, empty, loading, failing; 1280 and 1920).
// Saved under screenshots/ (git-ignored); one light view also becomes public/screenshot-mps.png for the README.

const DIR = "screenshots";

test.beforeAll(async () => {
  await mkdir(DIR, { recursive: true });
});
test.afterEach(async () => {
  await setFaults(null);
});

for (const width of [1280, 1920]) {
  for (const theme of ["light", "dark"] as const) {
    test(`data, ${theme}, ${width}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 1080 });
      await openMps(page, `?range=24h&refresh=30s&theme=${theme}`);
      await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
      await page.screenshot({ path: `${DIR}/mps-data-${theme}-${width}.png` });
      if (theme === "light" && width === 1280) await page.screenshot({ path: "public/screenshot-mps.png" });
      await page.locator("tbody tr[data-row-id]").nth(3).locator("td").nth(2).click();
      await expect(page.getByTestId("task-detail")).toBeVisible();
      await page.screenshot({ path: `${DIR}/mps-drawer-${theme}-${width}.png` });
    });
  }
}

for (const theme of ["light", "dark"] as const) {
  test(`empty, loading and failing, ${theme}`, async ({ page, allowConsoleErrors }) => {
    allowConsoleErrors(/status of 4\d\d|status of 5\d\d/);
    await page.setViewportSize({ width: 1280, height: 800 });
    const w = pastWindow(80, 79);
    await page.goto(`/mps?status=waiting&from=${w.from}&to=${w.to}&refresh=off&theme=${theme}`);
    await expect(page.getByTestId("empty-state")).toBeVisible();
    await page.screenshot({ path: `${DIR}/mps-empty-${theme}-1280.png` });

    await setFaults({ services: ["mps"], latencyMs: 4_000 });
    await page.goto(`/mps?range=6h&refresh=off&theme=${theme}`);
    await expect(page.getByTestId("data-table-skeleton")).toBeVisible();
    await page.screenshot({ path: `${DIR}/mps-loading-${theme}-1280.png` });
    await setFaults(null);

    await openMps(page, `?range=6h&refresh=off&theme=${theme}`);
    await setFaults({ services: ["mps"], errorRate: 1, errorCode: "FailedOperation.InvalidMpsUser" });
    await page.waitForTimeout(1_200);
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(page.getByTestId("error-banner")).toBeVisible();
    await page.screenshot({ path: `${DIR}/mps-failing-${theme}-1280.png` });
  });
}
