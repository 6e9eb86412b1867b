import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

// Shared steps of the MPS page specs (e2e/mps-*.spec.ts).

export type ApiTask = { TaskId: string; CreateTime: string; BeginProcessTime: string; FinishTime: string; TaskType: string };

export const table = (page: Page): Locator => page.getByTestId("data-table-scroll");
export const rowLocator = (page: Page): Locator => table(page).locator("tbody tr[data-row-id]");

/** Opens the MPS page and waits until the first rows are on screen. */
export async function openMps(page: Page, query = ""): Promise<void> {
  await page.goto(`/mps${query}`);
  await expect(rowLocator(page).first()).toBeVisible({ timeout: 20_000 });
}

/** The window the page resolved for its first page (rendered as data attributes). */
export async function pageWindow(page: Page): Promise<{ start: string; end: string }> {
  const el = page.getByTestId("window-text");
  await expect(el).toHaveAttribute("data-start", /Z$/);
  return { start: (await el.getAttribute("data-start"))!, end: (await el.getAttribute("data-end"))! };
}

/** Reads every page of one DescribeTasks stream through the proxy. */
export async function fetchAll(
  request: APIRequestContext,
  q: { Status: string; SubTaskHasFailed?: boolean; StartTime: string; EndTime: string },
): Promise<{ tasks: ApiTask[]; total: number }> {
  const tasks: ApiTask[] = [];
  let token = "";
  let total = -1;
  for (let i = 0; i < 500; i++) {
    const sp = new URLSearchParams({ Status: q.Status, Limit: "100", StartTime: q.StartTime, EndTime: q.EndTime });
    if (q.SubTaskHasFailed !== undefined) sp.set("SubTaskHasFailed", String(q.SubTaskHasFailed));
    if (token) sp.set("ScrollToken", token);
    const res = await request.get(`/api/mps/tasks?${sp}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { TaskSet: ApiTask[]; ScrollToken: string; TotalCount: number };
    if (total < 0) total = body.TotalCount;
    tasks.push(...body.TaskSet);
    token = body.ScrollToken;
    if (!token) break;
  }
  return { tasks, total };
}

export async function totalCount(request: APIRequestContext, q: { Status: string; SubTaskHasFailed?: boolean; StartTime: string; EndTime: string }) {
  const sp = new URLSearchParams({ Status: q.Status, Limit: "1", StartTime: q.StartTime, EndTime: q.EndTime });
  if (q.SubTaskHasFailed !== undefined) sp.set("SubTaskHasFailed", String(q.SubTaskHasFailed));
  const res = await request.get(`/api/mps/tasks?${sp}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { TotalCount: number }).TotalCount;
}

/** Scrolls the virtualized table from top to bottom, collecting row ids by their index (rows leave the DOM). */
export async function collectAllRows(page: Page, maxRows = 5000): Promise<string[]> {
  const byIndex = new Map<number, string>();
  const scroller = table(page);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  for (let guard = 0; guard < 2000; guard++) {
    const seen = await scroller.evaluate((el) =>
      [...el.querySelectorAll("tbody tr[data-row-id]")].map((tr) => [Number(tr.getAttribute("data-index")), tr.getAttribute("data-row-id")!] as const),
    );
    for (const [i, id] of seen) byIndex.set(i, id);
    const done = await scroller.evaluate((el) => {
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
      const ended = !!el.querySelector('[data-testid="data-table-end"]');
      el.scrollTop += el.clientHeight * 0.8;
      return atEnd && ended;
    });
    if (done || byIndex.size >= maxRows) break;
    await page.waitForTimeout(40);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

/** Newest-first by CreateTime, then TaskId (the page's merge order). */
export function newestFirst(a: ApiTask, b: ApiTask): number {
  if (a.CreateTime !== b.CreateTime) return a.CreateTime > b.CreateTime ? -1 : 1;
  return a.TaskId === b.TaskId ? 0 : a.TaskId > b.TaskId ? -1 : 1;
}

/** An absolute window in the past, as the page's `from`/`to` URL values. */
export function pastWindow(hoursAgoStart: number, hoursAgoEnd: number): { from: string; to: string } {
  const now = Date.now();
  const iso = (h: number) => new Date(Math.floor((now - h * 3_600_000) / 60_000) * 60_000).toISOString();
  return { from: iso(hoursAgoStart), to: iso(hoursAgoEnd) };
}
