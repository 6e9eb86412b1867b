import AxeBuilder from "@axe-core/playwright";
import { expect, setFaults, test } from "./fixtures";
import { clippedTexts, expectNoScrollbars, PROJECTS, SCREENS, shoot, waitForData } from "./wall-helpers";

// The wall screen at both TV sizes, healthy and through an emulator outage, against the production build.

const PANELS = ["mps", "wedata", "failures", "stuck", "timeline"];

test.afterEach(async () => {
  await setFaults(null);
});

for (const screen of SCREENS) {
  test.describe(`wall at ${screen.name}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test("fills the screen exactly with every panel, nothing clipped, readable contrast", async ({ page }) => {
      await page.goto("/wall?interval=5");
      await waitForData(page);
      await expectNoScrollbars(page);

      for (const id of PANELS) {
        const panel = page.locator(`[data-panel="${id}"]`);
        await expect(panel, id).toBeVisible();
        const box = await panel.boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x + box!.width).toBeLessThanOrEqual(screen.width);
        expect(box!.y + box!.height).toBeLessThanOrEqual(screen.height);
        // Non-empty: a title plus content, not a "waiting" placeholder.
        await expect(panel).not.toContainText("Waiting for");
      }
      // Real numbers from the emulator, one WeData column per configured project.
      await expect(page.getByTestId("mps-finish")).toHaveText(/[1-9]/);
      for (const p of PROJECTS) await expect(page.locator(`[data-panel="wedata"] th[title="${p}"]`)).toBeVisible();
      await expect(page.locator("[data-failure-id]").first()).toBeVisible();
      await expect(page.locator("[data-panel=timeline] [title*='finished']")).toHaveCount(12);

      expect(await clippedTexts(page)).toEqual([]);
      // Big type: the smallest text on screen is still ≥ 1/54 of the height × 0.9.
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll<HTMLElement>(".wall-root *")]
            .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
            .map((el) => parseFloat(getComputedStyle(el).fontSize)),
        ),
      );
      expect(smallest).toBeGreaterThanOrEqual((screen.height / 54) * 0.9);

      const axe = await new AxeBuilder({ page }).include(".wall-root").withRules(["color-contrast"]).analyze();
      expect(axe.violations.map((v) => v.nodes.map((n) => n.target.join(" ")))).toEqual([]);
      await shoot(page, `healthy-${screen.name}`);
    });

    test("hides the cursor after a few idle seconds and shows it on movement", async ({ page }) => {
      await page.goto("/wall?interval=5");
      await waitForData(page);
      const cursor = () => page.evaluate(() => getComputedStyle(document.querySelector("[data-panel=mps]")!).cursor);
      await expect.poll(cursor, { timeout: 6_000 }).toBe("none");
      await page.mouse.move(200, 200);
      await page.mouse.move(300, 300);
      expect(await cursor()).not.toBe("none");
      await expect.poll(cursor, { timeout: 6_000 }).toBe("none");
    });

    test("names the failing source in a stale banner, keeps its last data, and recovers by itself", async ({ page }) => {
      await page.goto("/wall?interval=2");
      await waitForData(page);
      const before = (await page.getByTestId("mps-finish").textContent()) ?? "";
      expect(before).toMatch(/\d/);

      await setFaults({ services: ["mps"], errorRate: 1, errorCode: "InternalError" });
      const banner = page.getByTestId("stale-banner");
      await expect(banner).toBeVisible({ timeout: 30_000 });
      await expect(banner.locator("[data-source=mps]")).toContainText("MPS");
      await expect(banner.locator("[data-source=mps]")).toContainText("InternalError");
      await expect(banner.locator("[data-source=mps]")).toContainText("RequestId");
      await expect(banner.locator("[data-source=wedata]")).toHaveCount(0);
      await expect(page.getByTestId("freshness-mps")).toHaveAttribute("data-stale", "true");
      await expect(page.getByTestId("freshness-wedata")).not.toHaveAttribute("data-stale", "true");
      // The last good MPS data stays on screen, and the layout still fits.
      await expect(page.getByTestId("mps-finish")).toHaveText(before);
      await expect(page.locator("[data-panel=timeline] [title*='finished']")).toHaveCount(12);
      await expectNoScrollbars(page);
      expect(await clippedTexts(page)).toEqual([]);
      await shoot(page, `outage-${screen.name}`);

      await setFaults(null);
      await expect(banner).toBeHidden({ timeout: 30_000 });
      await expect(page.getByTestId("freshness-mps")).not.toHaveAttribute("data-failing", "true");
    });
  });
}

test.describe("wall at 1920x1080", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("an HTTP 503 outage of WeData is named and recovers, MPS stays fresh", async ({ page }) => {
    await page.goto("/wall?interval=2");
    await waitForData(page);
    await setFaults({ services: ["wedata"], httpStatusRate: 1, httpStatus: 503 });
    const line = page.getByTestId("stale-banner").locator("[data-source=wedata]");
    await expect(line).toBeVisible({ timeout: 30_000 });
    await expect(line).toContainText("WeData");
    await expect(page.getByTestId("stale-banner").locator("[data-source=mps]")).toHaveCount(0);
    await expect(page.locator("[data-panel=wedata] tbody tr")).toHaveCount(8);
    await setFaults(null);
    await expect(page.getByTestId("stale-banner")).toBeHidden({ timeout: 30_000 });
  });

  test("reloads itself when the server reports a new build id", async ({ page }) => {
    let loads = 0;
    page.on("load", () => loads++);
    let healthCalls = 0;
    await page.route("**/api/health", async (route) => {
      healthCalls++;
      const res = await route.fetch();
      const body = (await res.json()) as { buildId: string };
      // From the second poll on, the server "was redeployed".
      await route.fulfill({ response: res, json: { ...body, buildId: healthCalls >= 2 ? `${body.buildId}-next` : body.buildId } });
    });
    await page.goto("/wall?interval=2");
    await waitForData(page);
    await expect.poll(() => loads, { timeout: 20_000 }).toBe(2);
    // After the reload the new id is the baseline: no reload loop.
    const calls = healthCalls;
    await expect.poll(() => healthCalls, { timeout: 20_000 }).toBeGreaterThan(calls + 1);
    expect(loads).toBe(2);
  });

  test("does not reload while the build id stays the same", async ({ page }) => {
    let loads = 0;
    page.on("load", () => loads++);
    let healthCalls = 0;
    page.on("request", (r) => {
      if (r.url().endsWith("/api/health")) healthCalls++;
    });
    await page.goto("/wall?interval=2");
    await expect.poll(() => healthCalls, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(loads).toBe(1);
  });
});
