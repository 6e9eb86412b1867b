import type { Page, Request } from "@playwright/test";
import { expect } from "./fixtures";

// Shared by the WeData page specs.

export const PROJECT = "1460947878944567296";
export const SCREENSHOT_DIR = process.env.WEDATA_SCREENSHOT_DIR ?? "screenshots";

/** Opens the WeData page with the given URL parameters and waits for the first rows. */
export async function openWedata(page: Page, query = ""): Promise<void> {
  await quietFavicon(page);
  await page.goto(`/wedata${query ? `?${query}` : ""}`);
  await waitForRows(page);
}

/** Builds made before app/icon.svg existed answer /favicon.ico with 404, which the console fixture counts. */
export async function quietFavicon(page: Page): Promise<void> {
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
}

export async function waitForRows(page: Page): Promise<void> {
  await expect(page.locator("tr[data-row-id]").first()).toBeVisible({ timeout: 30_000 });
}

/** InstanceKeys of the rows in the DOM, by their table index. */
export async function rowsByIndex(page: Page): Promise<Map<number, string>> {
  const pairs = await page.locator("tr[data-row-id]").evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.getAttribute("data-index")), tr.getAttribute("data-row-id") ?? ""] as const),
  );
  return new Map(pairs);
}

/** The ListTaskInstances calls the page makes, as parsed query parameters. */
export function isListCall(req: Request): boolean {
  const url = new URL(req.url());
  return url.pathname === "/api/wedata/instances";
}

export function paramsOf(req: Request): URLSearchParams {
  return new URL(req.url()).searchParams;
}

/** Items of a ListTaskInstances answer the page received. */
export async function keysOfResponse(body: unknown): Promise<string[]> {
  const items = (body as { Data?: { Items?: { InstanceKey: string }[] } }).Data?.Items ?? [];
  return items.map((i) => i.InstanceKey);
}

export async function scrollTableBy(page: Page, px: number): Promise<void> {
  await page.getByTestId("data-table-scroll").evaluate((el, by) => el.scrollBy(0, by), px);
}
