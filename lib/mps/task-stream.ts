import { resolveWindow, toApiTime, type WindowInput } from "@/lib/time/window";
import { getJson } from "@/lib/api/get-json";
import { applyPage, initialMergeState, mergeFinished, streamsToFetch, takeMerged, type MergeState } from "./merge-streams";
import { rowStatusOf, streamsFor, type FailedFilter, type RowStatus, type StatusTab, type StreamQuery } from "./status";
import type { DescribeTasksResponse, TaskSimpleInfo } from "./wire";

// Reads the task list for one set of filters, page by page, through GET /api/mps/tasks. The same code feeds
// the infinite table and the export, so both see exactly the same rows in the same order.

export const PAGE_LIMIT = 100;

export type TaskRow = TaskSimpleInfo & { status: RowStatus };

export type TaskFilters = { tab: StatusTab; failed: FailedFilter; window: WindowInput };

/** Where the next page starts: the window fixed at the first page, and every stream's cursor and buffer. */
export type TaskCursor = {
  startTime: string;
  endTime: string;
  merge: MergeState<TaskRow>;
  total: number | null;
};

export type TaskPage = {
  rows: TaskRow[];
  total: number | null;
  next: TaskCursor | null;
  window: { startTime: string; endTime: string };
  /** Set when the requested range had to be clamped to what the API serves. */
  clampNote: string | null;
};

export function tasksUrl(stream: StreamQuery, opts: { limit: number; startTime: string; endTime: string; scrollToken?: string | null }): string {
  const q = new URLSearchParams({ Status: stream.Status, Limit: String(opts.limit), StartTime: opts.startTime, EndTime: opts.endTime });
  if (stream.SubTaskHasFailed !== undefined) q.set("SubTaskHasFailed", String(stream.SubTaskHasFailed));
  if (opts.scrollToken) q.set("ScrollToken", opts.scrollToken);
  return `/api/mps/tasks?${q}`;
}

export async function fetchTaskPage(
  filters: TaskFilters,
  cursor: TaskCursor | null,
  signal?: AbortSignal,
  now: number = Date.now(),
): Promise<TaskPage> {
  const streams = streamsFor(filters.tab, filters.failed);
  let clampNote: string | null = null;
  let startTime: string;
  let endTime: string;
  if (cursor) {
    ({ startTime, endTime } = cursor);
  } else {
    const w = resolveWindow(filters.window, now);
    startTime = toApiTime(w.start);
    endTime = toApiTime(w.end);
    clampNote = w.clampNote;
  }
  let merge = cursor?.merge ?? initialMergeState<TaskRow>(streams.length);
  let total = cursor?.total ?? null;
  const rows: TaskRow[] = [];
  // Fetch until at least one row can be emitted or every stream is done.
  while (rows.length === 0 && !mergeFinished(merge)) {
    const need = streamsToFetch(merge);
    const pages = await Promise.all(
      need.map((i) =>
        getJson<DescribeTasksResponse>(
          tasksUrl(streams[i]!, { limit: PAGE_LIMIT, startTime, endTime, scrollToken: merge[i]!.token }),
          null,
          signal,
        ),
      ),
    );
    need.forEach((i, k) => {
      const page = pages[k]!;
      const status = rowStatusOf(streams[i]!);
      const fetched = (page.TaskSet ?? []).map((t) => ({ ...t, status }));
      // TotalCount is only reliable on a stream's first page (TENCENT_API.md §4).
      if (merge[i]!.token === null && !cursor) total = (total ?? 0) + (page.TotalCount ?? 0);
      merge = applyPage(merge, i, fetched, page.ScrollToken);
    });
    const taken = takeMerged(merge, Number.POSITIVE_INFINITY);
    merge = taken.state;
    // The merge tags each row with its stream index; a TaskRow already carries its status instead.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropping the tag is the point
    for (const { stream: _stream, ...row } of taken.rows) rows.push(row as TaskRow);
  }
  return {
    rows,
    total,
    next: mergeFinished(merge) ? null : { startTime, endTime, merge, total },
    window: { startTime, endTime },
    clampNote,
  };
}

/** How many tasks matching the filters were created after `afterCreateTime` (for the "N new tasks" button). */
export async function countNewerTasks(
  filters: TaskFilters,
  afterCreateTime: string,
  endTime: string,
  signal?: AbortSignal,
): Promise<number> {
  const after = new Date(Date.parse(afterCreateTime) + 1000);
  const startTime = toApiTime(after);
  if (startTime >= endTime) return 0;
  const streams = streamsFor(filters.tab, filters.failed);
  const pages = await Promise.all(
    streams.map((s) => getJson<DescribeTasksResponse>(tasksUrl(s, { limit: 1, startTime, endTime }), null, signal)),
  );
  return pages.reduce((sum, p) => sum + (p.TotalCount ?? 0), 0);
}
