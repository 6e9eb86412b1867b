import "server-only";
import { parseQuery } from "@/lib/api/query";
import { listTaskInstancesQuery } from "@/lib/api/wedata-params";
import { callTencent } from "@/lib/tencent/client";
import { listParams, type InstanceFilters } from "./filters";
import { apiTimeToInstant } from "./time-zone";
import type { WedataStats } from "./stats-types";
import { INSTANCE_STATES, type InstanceState, type TaskInstance } from "./wire";

// Chart data computed on the server so every viewer shares one set of upstream calls (callTencent's shared
// cache + single-flight) within WeData's 20 requests/s. One refresh costs, with a cold cache:
//   8 per-state counts (PageSize 1, TotalCount only)
// + SAMPLE_PAGES pages of the latest instances (the over-time chart and the most-retried list)
// + 1 page sorted by COST_TIME DESC (the longest-running list)
// = STATS_UPSTREAM_CALLS. Relative windows are resolved at `now` quantized to QUANTUM_MS so concurrent viewers
// send byte-identical requests and hit the cache instead of the upstream.

export const SAMPLE_PAGES = 3;
export const STATS_UPSTREAM_CALLS = INSTANCE_STATES.length + SAMPLE_PAGES + 1;
export const QUANTUM_MS = 15_000;
const CACHE_TTL_MS = 15_000;

async function list(params: URLSearchParams, signal?: AbortSignal) {
  // Typed exactly as /api/wedata/instances types them, so a stats call and a table call for the same page
  // share one cache entry.
  const typed = parseQuery(params, listTaskInstancesQuery) as Record<string, unknown>;
  const res = await callTencent("wedata", "ListTaskInstances", typed, { signal, cacheTtlMs: CACHE_TTL_MS });
  return res.Data;
}

export function quantizedNow(now = Date.now()): Date {
  return new Date(Math.floor(now / QUANTUM_MS) * QUANTUM_MS);
}

function pickBucketMs(spanMs: number): number {
  const steps = [60_000, 5 * 60_000, 15 * 60_000, 3_600_000, 6 * 3_600_000, 86_400_000];
  return steps.find((s) => spanMs / s <= 36) ?? 86_400_000;
}

export async function computeStats(filters: InstanceFilters, signal?: AbortSignal): Promise<WedataStats> {
  const now = quantizedNow();
  // The charts ignore the state filter: the per-state bars stay comparable and clicking one picks the state.
  const base: InstanceFilters = { ...filters, states: [] };
  const counts = INSTANCE_STATES.map((state) => list(listParams(base, { state, page: 1, pageSize: 1, now }), signal));
  const sample = Array.from({ length: SAMPLE_PAGES }, (_, i) =>
    list(listParams({ ...base, sort: "SCHEDULE_DATE", dir: "DESC" }, { state: null, page: i + 1, now }), signal),
  );
  const longest = list(listParams({ ...base, sort: "COST_TIME", dir: "DESC" }, { state: null, page: 1, pageSize: 10, now }), signal);
  const [countPages, samplePages, longestPage] = await Promise.all([Promise.all(counts), Promise.all(sample), longest]);

  const seen = new Set<string>();
  const items: TaskInstance[] = [];
  for (const page of samplePages) {
    for (const item of page?.Items ?? []) {
      if (seen.has(item.InstanceKey)) continue;
      seen.add(item.InstanceKey);
      items.push(item);
    }
  }

  return {
    resolvedAt: now.toISOString(),
    byState: INSTANCE_STATES.map((state, i) => ({ state, count: countPages[i]?.TotalCount ?? 0 })),
    overTime: bucketByState(items),
    longest: (longestPage?.Items ?? []).map((i) => ({
      InstanceKey: i.InstanceKey,
      TaskId: i.TaskId,
      TaskName: i.TaskName,
      InstanceState: i.InstanceState,
      CostTime: i.CostTime,
    })),
    mostRetried: mostRetried(items),
    upstreamCalls: STATS_UPSTREAM_CALLS,
  };
}

export function bucketByState(items: TaskInstance[]): WedataStats["overTime"] {
  const times = items.map((i) => apiTimeToInstant(i.SchedulerTime)?.getTime()).filter((t): t is number => t != null);
  if (times.length === 0) return { sampleSize: items.length, bucketMs: 3_600_000, buckets: [] };
  const min = Math.min(...times);
  const max = Math.max(...times);
  const bucketMs = pickBucketMs(max - min);
  const buckets = new Map<number, Partial<Record<InstanceState, number>>>();
  for (let t = Math.floor(min / bucketMs) * bucketMs; t <= max; t += bucketMs) buckets.set(t, {});
  for (const item of items) {
    const t = apiTimeToInstant(item.SchedulerTime)?.getTime();
    if (t == null || !(INSTANCE_STATES as readonly string[]).includes(item.InstanceState ?? "")) continue;
    const bucket = buckets.get(Math.floor(t / bucketMs) * bucketMs)!;
    const state = item.InstanceState as InstanceState;
    bucket[state] = (bucket[state] ?? 0) + 1;
  }
  return {
    sampleSize: items.length,
    bucketMs,
    buckets: [...buckets.entries()].map(([t, counts]) => ({ start: new Date(t).toISOString(), counts })),
  };
}

export function mostRetried(items: TaskInstance[], limit = 8): WedataStats["mostRetried"] {
  const byTask = new Map<string, WedataStats["mostRetried"][number]>();
  for (const item of items) {
    const id = item.TaskId ?? item.InstanceKey;
    const tries = item.Tries ?? 0;
    const row = byTask.get(id) ?? { TaskId: id, TaskName: item.TaskName, maxTries: 0, tryLimit: item.TryLimit, instances: 0 };
    row.instances += 1;
    if (tries > row.maxTries) {
      row.maxTries = tries;
      row.tryLimit = item.TryLimit;
    }
    byTask.set(id, row);
  }
  return [...byTask.values()]
    .filter((r) => r.maxTries > 1)
    .sort((a, b) => b.maxTries - a.maxTries || b.instances - a.instances)
    .slice(0, limit);
}
