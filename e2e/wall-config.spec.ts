import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { expectNoScrollbars, PROJECTS, shoot, waitForData } from "./wall-helpers";

// One link sets up a screen: every URL parameter is honoured, and invalid ones are dropped with a notice.

test.use({ viewport: { width: 1920, height: 1080 } });

test("panels, projects, thresholds, hours, interval and theme come from the URL", async ({ page }) => {
  const apiCall = page.waitForRequest((r) => r.url().includes("/api/wall?"));
  await page.goto(`/wall?panels=wedata,stuck,timeline&projects=${PROJECTS[1]}&stuckWait=7&stuckRun=9&hours=2&interval=3&theme=light`);
  const api = new URL((await apiCall).url());
  expect(Object.fromEntries(api.searchParams)).toEqual({ projects: PROJECTS[1], stuckWait: "7", stuckRun: "9", hours: "2", interval: "3" });
  await waitForData(page);

  await expect(page.locator("[data-panel]")).toHaveCount(3);
  for (const id of ["wedata", "stuck", "timeline"]) await expect(page.locator(`[data-panel="${id}"]`)).toBeVisible();
  await expect(page.locator(`[data-panel="wedata"] th[title]`)).toHaveCount(1);
  await expect(page.locator(`[data-panel="wedata"] th[title="${PROJECTS[1]}"]`)).toBeVisible();
  await expect(page.getByTestId("stuck-summary")).toContainText("> 7 min");
  await expect(page.getByTestId("stuck-summary")).toContainText("> 9 min");
  await expect(page.locator("[data-panel=timeline] h2")).toHaveText(/last 2 h/i);
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
  await expect(page.getByTestId("wall-notices")).toHaveText("");
  await expectNoScrollbars(page);

  const axe = await new AxeBuilder({ page }).include(".wall-root").withRules(["color-contrast"]).analyze();
  expect(axe.violations.map((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
  await shoot(page, "light-1920x1080");

  // The refresh interval is honoured: about one /api/wall call per 3 s.
  let calls = 0;
  page.on("request", (r) => {
    if (r.url().includes("/api/wall?")) calls++;
  });
  await page.waitForTimeout(7_000);
  expect(calls).toBeGreaterThanOrEqual(2);
  expect(calls).toBeLessThanOrEqual(3);
});

test("dark is the default theme, whatever the browser prefers", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/wall?panels=mps");
  await expect(page.locator("[data-panel=mps]")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
});

test("rotates between layouts", async ({ page }) => {
  await page.goto("/wall?panels=mps,wedata|failures&rotate=5&interval=5");
  await waitForData(page);
  const layout = page.locator(".wall-root");
  const first = await layout.getAttribute("data-layout");
  expect(["mps,wedata", "failures"]).toContain(first);
  const other = first === "failures" ? "mps,wedata" : "failures";
  await expect(layout).toHaveAttribute("data-layout", other, { timeout: 7_000 });
  await expect(page.getByTestId("wall-layout-position")).toHaveText(other === "failures" ? "2/2" : "1/2");
  await expect(layout).toHaveAttribute("data-layout", first!, { timeout: 7_000 });
  await expectNoScrollbars(page);
});

test("invalid parameters are dropped with a visible notice, never a crash", async ({ page }) => {
  await page.goto("/wall?interval=0&panels=mps,bogus&theme=pink&stuckRun=soon&projects=999&intervall=5");
  await waitForData(page);
  const notices = page.getByTestId("wall-notices");
  await expect(notices).toContainText("Ignored interval=0");
  await expect(notices).toContainText("Unknown panel bogus");
  await expect(notices).toContainText("Ignored theme=pink");
  await expect(notices).toContainText("Ignored stuckRun=soon");
  await expect(notices).toContainText("Project 999 is not configured");
  await expect(notices).toContainText("Unknown parameter intervall");
  // Valid parts still apply: only the MPS panel; the unknown project falls back to the configured ones.
  await expect(page.locator("[data-panel]")).toHaveCount(1);
  await expect(page.locator("[data-panel=mps]")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
});

test("a failure that appears between two refreshes is highlighted as new", async ({ page }) => {
  let calls = 0;
  // The emulator's failures arrive at random moments; to make "new since the last refresh" certain, one
  // extra failure is added to the real answer from the third refresh on.
  await page.route("**/api/wall?*", async (route) => {
    calls++;
    const res = await route.fetch();
    const body = (await res.json()) as { mps: { ok: boolean; data?: { failures: unknown[] } } };
    if (calls >= 3 && body.mps.ok && body.mps.data) {
      body.mps.data.failures.unshift({ id: "mps:e2e-new", source: "mps", title: "e2e-new-failure", detail: "WorkflowTask", at: Date.now() - 5_000 });
    }
    await route.fulfill({ response: res, json: body });
  });
  await page.goto("/wall?panels=failures&interval=2");
  await waitForData(page);
  const firstSeen = await page.locator("[data-failure-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-failure-id")));
  expect(firstSeen.length).toBeGreaterThan(0);
  const row = page.locator('[data-failure-id="mps:e2e-new"]');
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toHaveAttribute("data-new", "true");
  await expect(row).toContainText("NEW");
  await expect(page.locator("[data-panel=failures]")).toContainText(/\d+ new/);
  // Failures that were on screen from the first refresh are never marked. (Regression: this test used to
  // expect exactly one new row, and failed whenever the live emulator produced a real failure meanwhile.)
  const marked = await page.locator('[data-failure-id][data-new="true"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-failure-id")));
  expect(marked).toContain("mps:e2e-new");
  expect(marked.filter((id) => firstSeen.includes(id))).toEqual([]);
});
