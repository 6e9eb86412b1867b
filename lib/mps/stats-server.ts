import "server-only";
import { callTencent } from "@/lib/tencent/client";
import { resolveWindow, toApiTime, type WindowInput } from "@/lib/time/window";
import { streamsFor, type FailedFilter } from "./status";
import { binDurations, type MpsSeriesBucket, type MpsStats } from "./stats-types";
import { taskTimes } from "./task-times";
import type { MpsTaskStatus } from "./wire";

// Chart data for the MPS page, computed from DescribeTasks `TotalCount` (Limit 1) queries and one page of
// finished tasks. The window is quantized (resolveWindow rounds now up to 10 s) and every call goes through
// callTencent, whose single-flight and shared cache make N viewers of the same filters cost what one does.
//
// Cost of one computation (before caching): 4 counts + SERIES_BUCKETS × 3 statuses + 1 page = 41 calls.

export const SERIES_BUCKETS = 12;
/** Matches the window quantum: the parameters cannot change faster, so sharing for this long is exact. */
const STATS_CACHE_TTL_MS = 10_000;

type Count = { Status: MpsTaskStatus; SubTaskHasFailed?: boolean; start: Date; end: Date };

export async function computeMpsStats(
  input: { failed: FailedFilter; window: WindowInput },
  signal?: AbortSignal,
  now = Date.now(),
): Promise<MpsStats> {
  const w = resolveWindow(input.window, now);
  let calls = 0;
  const opts = { signal, cacheTtlMs: STATS_CACHE_TTL_MS };

  async function count(q: Count): Promise<number> {
    calls++;
    const params: Record<string, unknown> = { Status: q.Status, Limit: 1, StartTime: toApiTime(q.start), EndTime: toApiTime(q.end) };
    if (q.SubTaskHasFailed !== undefined) params.SubTaskHasFailed = q.SubTaskHasFailed;
    const r = await callTencent("mps", "DescribeTasks", params, opts);
    return r.TotalCount ?? 0;
  }

  const [waiting, processing, finish] = streamsFor("all", input.failed);
  const whole = { start: w.start, end: w.end };
  const countsP = Promise.all([
    count({ ...waiting!, ...whole }),
    count({ ...processing!, ...whole }),
    count({ ...finish!, ...whole }),
    count({ Status: "FINISH", SubTaskHasFailed: true, ...whole }),
  ]);

  // Buckets share edges; the API's bounds are inclusive, so each bucket ends one second before the next.
  const span = w.end.getTime() - w.start.getTime();
  const step = Math.ceil(span / SERIES_BUCKETS / 1000) * 1000;
  const edges = Array.from({ length: SERIES_BUCKETS }, (_, i) => {
    const start = new Date(w.start.getTime() + i * step);
    const end = new Date(Math.min(w.end.getTime(), start.getTime() + step - 1000));
    return { start, end };
  }).filter((b) => b.start.getTime() <= w.end.getTime());
  const seriesP = Promise.all(
    edges.map(async (b): Promise<MpsSeriesBucket> => {
      const [W, P, F] = await Promise.all([count({ ...waiting!, ...b }), count({ ...processing!, ...b }), count({ ...finish!, ...b })]);
      return { start: b.start.toISOString(), end: b.end.toISOString(), WAITING: W, PROCESSING: P, FINISH: F };
    }),
  );

  const durationsP = (async () => {
    calls++;
    const params: Record<string, unknown> = { Status: "FINISH", Limit: 100, StartTime: toApiTime(w.start), EndTime: toApiTime(w.end) };
    if (finish!.SubTaskHasFailed !== undefined) params.SubTaskHasFailed = finish!.SubTaskHasFailed;
    const page = await callTencent("mps", "DescribeTasks", params, opts);
    return (page.TaskSet ?? []).flatMap((t) => {
      const ms = taskTimes(t, now).processingMs;
      return ms == null ? [] : [ms];
    });
  })();

  const [[W, P, F, FF], series, durations] = await Promise.all([countsP, seriesP, durationsP]);
  return {
    window: { startTime: toApiTime(w.start), endTime: toApiTime(w.end) },
    counts: { WAITING: W, PROCESSING: P, FINISH: F, FINISH_FAILED: FF },
    series,
    durations: { sample: durations.length, bins: binDurations(durations) },
    upstreamCalls: calls,
    computedAt: new Date(now).toISOString(),
  };
}
