import type { WallResponse } from "./types";

// When a wall asks /api/wall again.

/** After failing refreshes, wait longer (up to 4× the interval) to spare a struggling server. */
export function backoffMs(intervalSeconds: number, failedRefreshes: number): number {
  return intervalSeconds * 1000 * Math.min(4, 2 ** Math.min(failedRefreshes, 2));
}

/**
 * The server caches a wall's data for one interval. Asking again just after that answer expires (rather than
 * a fixed interval after *our* request) keeps the shown data younger than twice the interval, and makes every
 * screen converge on the same moment, so N screens share one upstream gathering per interval.
 */
export function nextRefreshMs(intervalSeconds: number, res: Pick<WallResponse, "generatedAt"> & { mps: { fetchedAt: number }; wedata: { fetchedAt: number } }): number {
  const interval = intervalSeconds * 1000;
  const age = res.generatedAt - Math.min(res.mps.fetchedAt, res.wedata.fetchedAt);
  return Math.min(interval, Math.max(1_000, interval - Math.max(0, age) + 250));
}

