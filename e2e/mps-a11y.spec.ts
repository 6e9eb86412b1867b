import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { openMps, rowLocator } from "./mps-helpers";

// Issue 4, item 11: keyboard, status not by colour alone, axe, dark mode.

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations in ${theme} mode, with the drawer open too`, async ({ page }) => {
    test.setTimeout(180_000); // one axe scan of the full page takes ~15 s on the 2-core test machine
    await openMps(page, `?range=6h&refresh=off&theme=${theme}`);
    await expect(page.getByTestId("charts")).toBeVisible();
    if (theme === "dark") await expect(page.locator("html")).toHaveClass(/dark/);
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await rowLocator(page).first().locator("td").nth(2).click();
    await expect(page.getByRole("dialog").getByTestId("task-detail")).toBeVisible();
    const drawerScan = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
    expect(drawerScan.violations.map((v) => v.id)).toEqual([]);
  });
}

test("keyboard: j/k move, Enter opens, Esc closes, / focuses the filters", async ({ page }) => {
  await openMps(page, "?status=finished&range=6h&refresh=off");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.keyboard.press("j");
  const active = page.locator('tbody tr[data-active="true"]');
  await expect(active).toHaveAttribute("data-index", "1");
  const id = await active.getAttribute("data-row-id");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog").getByRole("heading", { name: id! })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.keyboard.press("/");
  await expect(page.getByTestId("tab-finished")).toBeFocused();
});

test("status is shown by icon and words, not colour alone", async ({ page }) => {
  await openMps(page, "?range=6h&refresh=off");
  const badge = rowLocator(page).first().locator("td").nth(1);
  await expect(badge).toHaveText(/Waiting|Processing|Finished/);
  await expect(badge.locator("svg")).toHaveCount(1);
});
