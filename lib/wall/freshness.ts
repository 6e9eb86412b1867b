import type { SourceResult, WallError, WallResponse, WallSource } from "./types";

// What the wall knows about each source: the last good data (kept through an outage) and the latest error.
// Pure functions so the "never lie about freshness" rules are unit-tested, not just eyeballed.

export type SourceView<T> = {
  data: T | null;
  /** When the last good data was fetched (epoch ms). */
  fetchedAt: number | null;
  /** The latest refresh's error; null once a refresh succeeds again. */
  error: WallError | null;
  errorAt: number | null;
};

export type WallState<M, W> = {
  mps: SourceView<M>;
  wedata: SourceView<W>;
  projects: string[];
  notices: string[];
};

export const emptySource = <T>(): SourceView<T> => ({ data: null, fetchedAt: null, error: null, errorAt: null });

export function mergeSource<T>(prev: SourceView<T>, next: SourceResult<T>): SourceView<T> {
  if (next.ok) return { data: next.data, fetchedAt: next.fetchedAt, error: null, errorAt: null };
  return { ...prev, error: next.error, errorAt: next.fetchedAt };
}

/** Folds one /api/wall response into the state, keeping each source's last good data. */
export function mergeWallResponse<M, W>(
  prev: WallState<M, W>,
  res: Pick<WallResponse, "projects" | "notices"> & { mps: SourceResult<M>; wedata: SourceResult<W> },
): WallState<M, W> {
  return {
    mps: mergeSource(prev.mps, res.mps),
    wedata: mergeSource(prev.wedata, res.wedata),
    projects: res.projects,
    notices: res.notices,
  };
}

/** The wall's own request failed (server down, timeout): both sources are failing, data is kept. */
export function failAll<M, W>(prev: WallState<M, W>, error: WallError, at: number): WallState<M, W> {
  return {
    ...prev,
    mps: { ...prev.mps, error, errorAt: at },
    wedata: { ...prev.wedata, error, errorAt: at },
  };
}

export type Freshness = {
  /** Whole seconds since the last good data; null when there never was any. */
  ageSeconds: number | null;
  /** Older than twice the refresh interval (or nothing yet after twice the interval). */
  stale: boolean;
  failing: boolean;
};

export function freshness(
  view: SourceView<unknown>,
  now: number,
  intervalSeconds: number,
  startedAt: number,
): Freshness {
  const limit = 2 * intervalSeconds * 1000;
  const failing = view.error !== null;
  if (view.fetchedAt === null) return { ageSeconds: null, stale: now - startedAt > limit, failing };
  const age = Math.max(0, now - view.fetchedAt);
  return { ageSeconds: Math.floor(age / 1000), stale: age > limit, failing };
}

export const WALL_SOURCES: WallSource[] = ["mps", "wedata"];

/** "12 s", "4 min", "3 h 05 min", "2 d 4 h": short enough to read from across the room. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
