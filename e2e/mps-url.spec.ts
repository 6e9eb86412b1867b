import { expect, test } from "./fixtures";
import { openMps, rowLocator } from "./mps-helpers";

// Issue 4, item 6: the URL is the state. (Finished tasks are used where two loads must agree: they never leave
// their status, while waiting and processing ones move on within seconds.)

test("a shared URL reopened in a fresh browser context shows the same filters, rows, columns, zone and drawer", async ({ page, browser }) => {
  await openMps(page, "?refresh=off");
  await page.getByTestId("tab-finished").click();
  await page.getByTestId("range-6h").click();
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Task type", exact: true }).uncheck();
  await page.keyboard.press("Escape");
  await expect(rowLocator(page).first()).toContainText("Finished");
  const row = rowLocator(page).first();
  const id = (await row.getAttribute("data-row-id"))!;
  await row.locator("td").nth(1).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  const url = page.url();
  expect(url).toMatch(/status=finished/);
  expect(url).toMatch(/range=6h/);
  expect(url).toMatch(/tz=Asia%2FShanghai|tz=Asia\/Shanghai/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByRole("dialog").getByRole("heading", { name: id })).toBeVisible();
  await expect(other.getByTestId("tab-finished")).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("range-6h")).toHaveAttribute("aria-pressed", "true");
  await expect(other.locator("thead")).toContainText("Asia/Shanghai");
  await expect(other.locator("thead")).not.toContainText("Type");
  await expect(other.locator(`tbody tr[data-row-id="${id}"]`)).toHaveCount(1);
  await fresh.close();
});

test("back and forward move through filter changes", async ({ page }) => {
  await openMps(page, "?refresh=off");
  await page.getByTestId("tab-waiting").click();
  await expect(page).toHaveURL(/status=waiting/);
  await page.getByTestId("tab-finished").click();
  await expect(page).toHaveURL(/status=finished/);
  await page.goBack();
  await expect(page).toHaveURL(/status=waiting/);
  await expect(page.getByTestId("tab-waiting")).toHaveAttribute("aria-pressed", "true");
  await page.goForward();
  await expect(page.getByTestId("tab-finished")).toHaveAttribute("aria-pressed", "true");
});

test("invalid URL parameters are dropped with a visible notice, valid ones kept", async ({ page }) => {
  await page.goto("/mps?status=bogus&range=6h&tz=Mars%2FOlympus&refresh=sometimes");
  await expect(page.getByTestId("url-notice")).toContainText("status");
  await expect(page.getByTestId("url-notice")).toContainText("tz");
  await expect(page.getByTestId("url-notice")).toContainText("refresh");
  await expect(page).not.toHaveURL(/bogus|Mars|sometimes/);
  await expect(page).toHaveURL(/range=6h/);
  await expect(page.getByTestId("range-6h")).toHaveAttribute("aria-pressed", "true");
});

test("unknown URL parameters are named in the notice and removed, the rest of the view kept", async ({ page }) => {
  // `theme` is app-wide (the root layout reads it), not unknown.
  await page.goto("/mps?bogus=1&status=finished&range=6h&statuss=x&refresh=off&theme=dark");
  const notice = page.getByTestId("url-notice");
  await expect(notice).toContainText("bogus");
  await expect(notice).toContainText("statuss");
  await expect(notice).not.toContainText("theme");
  await expect.poll(() => [...new URL(page.url()).searchParams.keys()].sort()).toEqual(["range", "refresh", "status", "theme"]);
  const params = new URL(page.url()).searchParams;
  expect([params.get("status"), params.get("range"), params.get("refresh")]).toEqual(["finished", "6h", "off"]);
  await expect(page.getByTestId("range-6h")).toHaveAttribute("aria-pressed", "true");
  // A bad value and an unknown name together: both named, both gone.
  await page.goto("/mps?bogus=1&tz=Mars%2FOlympus&range=6h");
  await expect(notice).toContainText("bogus");
  await expect(notice).toContainText("tz");
  await expect.poll(() => [...new URL(page.url()).searchParams.keys()]).toEqual(["range"]);
  // The cleaned URL is what the app now works from: changing a filter keeps the unknown name out.
  await page.getByTestId("range-24h").click();
  await expect(page.getByTestId("range-24h")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => new URL(page.url()).search).toBe("");
});

test("Copy link offers the live link and a pinned one with absolute times", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openMps(page, "?range=1h&refresh=off");
  await page.getByTestId("copy-link").click();
  await page.getByTestId("copy-live-link").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/range=1h/);
  await page.getByTestId("copy-pinned-link").click();
  const pinned = await page.evaluate(() => navigator.clipboard.readText());
  expect(pinned).toMatch(/from=\d{4}-/);
  expect(pinned).toMatch(/to=\d{4}-/);
  expect(pinned).toMatch(/tz=/);
});
