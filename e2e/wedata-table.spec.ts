import { expect, test } from "./fixtures";
import { isListCall, openWedata, paramsOf, rowsByIndex, scrollTableBy, waitForRows } from "./wedata-helpers";

// The machine is shared with other builds and browsers: give each test room.
test.describe.configure({ timeout: 120_000 });

// Item 2 (columns), 3 (infinite virtualized scroll keyed by InstanceKey), 11 (keyboard).

test("shows the doc's 176,022 instances with named columns and a position indicator", async ({ page }) => {
  const totals: number[] = [];
  page.on("response", async (r) => {
    if (!isListCall(r.request()) || !r.ok()) return;
    const body = (await r.json().catch(() => null)) as { Data?: { TotalCount?: number } } | null;
    if (typeof body?.Data?.TotalCount === "number") totals.push(body.Data.TotalCount);
  });
  await openWedata(page, "tz=Asia/Shanghai");
  const indicator = page.getByTestId("position-indicator");
  await expect(indicator).toContainText(/of 17\d,\d\d\d instances/);
  // The emulator starts at the documentation's 176,022 and stays near it as instances arrive and age out
  // (regression: this test expected 176,0xx and failed once a long suite had let ~100 instances arrive). The
  // indicator shows the API's own TotalCount.
  const shown = Number((await indicator.innerText()).match(/of ([\d,]+)/)![1]!.replace(/,/g, ""));
  expect(shown).toBeGreaterThan(175_000);
  expect(shown).toBeLessThan(177_500);
  expect(totals).toContain(shown);
  const headers = page.locator("thead th");
  await expect(headers.filter({ hasText: "Scheduled" })).toContainText("Asia/Shanghai");
  await expect(headers.filter({ hasText: "Data time" })).toContainText("as given");
  await expect(headers).toContainText(["Task", "State", "Cycle", "Task type"]);
  // Cost time is formatted, states are named with an icon, tries read "n / limit".
  const first = page.locator("tr[data-row-id]").first();
  await expect(first.locator("[data-state] svg")).toHaveCount(1);
  await expect(first).toContainText(/\d+ \/ \d+/);
  const cost = await page.locator("tr[data-row-id] td:nth-child(9)").allInnerTexts();
  expect(cost.some((c) => /^(\d+ ms|\d+(\.\d)? s|\d+ m \d\d s|\d+ h \d\d m|\d+ d \d\d h|—)$/.test(c.trim()))).toBe(true);
});

test("scrolling several pages while instances arrive never shows an InstanceKey twice, and the DOM stays small", async ({ page }) => {
  const pages: number[] = [];
  page.on("request", (r) => {
    if (isListCall(r)) pages.push(Number(paramsOf(r).get("PageNumber")));
  });
  await openWedata(page, "refresh=10s");
  const seen = new Map<number, string>();
  // Scroll ~700 rows in steps smaller than the viewport, so every row passes through the DOM once.
  for (let round = 0; round < 50; round++) {
    await scrollTableBy(page, 14 * 34);
    await page.waitForTimeout(round === 20 ? 12_000 : 150); // midway, let the live emulator add and move instances
    for (const [i, key] of await rowsByIndex(page)) seen.set(i, key);
    const domRows = await page.locator("tr[data-row-id]").count();
    expect(domRows).toBeLessThan(80);
  }
  expect(Math.max(...pages)).toBeGreaterThanOrEqual(5);
  const keys = [...seen.values()];
  expect(keys.length).toBeGreaterThan(300);
  expect(new Set(keys).size, "duplicate InstanceKey rendered").toBe(keys.length);
  // Each index holds one key: a row never moved under the reader.
  const indicator = await page.getByTestId("position-indicator").innerText();
  expect(indicator).toMatch(/[\d,]+ of 176,\d{3}/);
});

test("j/k move, Enter opens, Esc closes, / focuses the filters", async ({ page }) => {
  await openWedata(page);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const active = page.locator("tr[data-active]");
  await expect(active).toHaveAttribute("data-index", "0");
  await page.keyboard.press("j");
  await expect(active).toHaveAttribute("data-index", "1");
  const key = await active.getAttribute("data-row-id");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page).toHaveURL(/open=/);
  expect(new URL(page.url()).searchParams.get("open")).toBe(key);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).not.toHaveURL(/open=/);
  await page.keyboard.press("/");
  await expect(page.locator("#wd-keyword")).toBeFocused();
});

test("column visibility and order live in the URL", async ({ page }) => {
  await openWedata(page, "cols=task,cost,state");
  const headers = page.locator("thead th");
  await expect(headers).toHaveCount(3);
  await expect(headers.nth(1)).toHaveText("Cost time");
  await page.reload();
  await waitForRows(page);
  await expect(page.locator("thead th")).toHaveCount(3);
});
