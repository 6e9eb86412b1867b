import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { getJson } from "@/lib/api/get-json";
import type { MpsStats } from "@/lib/mps/stats-types";
import { countNewerTasks, fetchTaskPage, type TaskCursor, type TaskFilters } from "@/lib/mps/task-stream";
import type { DescribeTaskDetailResponse } from "@/lib/mps/wire";
import { serializeMps, type MpsParams } from "./search-params";

// One queryOptions factory per read, shared by every caller. Keys hold the filters only: the cursor lives in
// the infinite query's page params, so loading more never changes the key.

function filtersKey(f: TaskFilters) {
  return {
    tab: f.tab,
    failed: f.failed,
    preset: f.window.preset,
    from: f.window.from?.toISOString() ?? null,
    to: f.window.to?.toISOString() ?? null,
  };
}

export function tasksQueryOptions(filters: TaskFilters) {
  return infiniteQueryOptions({
    queryKey: ["mps", "tasks", filtersKey(filters)] as const,
    queryFn: ({ pageParam, signal }) => fetchTaskPage(filters, pageParam, signal),
    initialPageParam: null as TaskCursor | null,
    getNextPageParam: (last) => last.next,
    // Rows never move under the reader: new tasks are announced, not merged in (see newTasksQueryOptions).
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    // Pages are appended, never changed: comparing every loaded row for sharing would cost O(rows) per page.
    structuralSharing: false,
  });
}

export function statsQueryOptions(p: Pick<MpsParams, "failed" | "range" | "from" | "to">) {
  const query = serializeMps({ failed: p.failed, range: p.range, from: p.from, to: p.to });
  return queryOptions({
    queryKey: ["mps", "stats", query] as const,
    queryFn: ({ signal }) => getJson<MpsStats>(`/api/mps/stats${query}`, null, signal),
    staleTime: 5_000,
    retry: false,
  });
}

export function newTasksQueryOptions(filters: TaskFilters, topCreateTime: string | null, endTime: () => string) {
  return queryOptions({
    queryKey: ["mps", "new-tasks", filtersKey(filters), topCreateTime] as const,
    queryFn: ({ signal }) => (topCreateTime ? countNewerTasks(filters, topCreateTime, endTime(), signal) : Promise.resolve(0)),
    enabled: false,
    retry: false,
  });
}

export function taskDetailQueryOptions(taskId: string) {
  return queryOptions({
    queryKey: ["mps", "task", taskId] as const,
    queryFn: ({ signal }) => getJson<DescribeTaskDetailResponse>(`/api/mps/tasks/${encodeURIComponent(taskId)}`, null, signal),
    staleTime: 10_000,
    retry: false,
  });
}
