// "All" reads three DescribeTasks streams (one per Status), each newest-first with its own ScrollToken, and
// shows one list newest-first by CreateTime. This is a k-way merge over cursors: a row may only be emitted
// while every stream that is not exhausted still has a buffered row to compare against; otherwise a stream's
// next page could hold a newer row than the one emitted, and the order would break.

export type MergeRow = { TaskId: string; CreateTime: string };

export type StreamCursor<TRow> = {
  /** ScrollToken for the next page; null before the first page. */
  token: string | null;
  /** True once the stream answered with an empty ScrollToken. */
  done: boolean;
  /** Rows fetched but not yet emitted, newest-first. */
  buffer: TRow[];
};

export type MergeState<TRow> = StreamCursor<TRow>[];

export function initialMergeState<TRow>(streams: number): MergeState<TRow> {
  return Array.from({ length: streams }, () => ({ token: null, done: false, buffer: [] }));
}

/** Streams whose next page must be fetched before anything more can be emitted. */
export function streamsToFetch<TRow>(state: MergeState<TRow>): number[] {
  return state.flatMap((s, i) => (!s.done && s.buffer.length === 0 ? [i] : []));
}

/** Newer first; equal CreateTime falls back to TaskId so the order is total and repeatable. */
export function newerFirst(a: MergeRow, b: MergeRow): number {
  if (a.CreateTime !== b.CreateTime) return a.CreateTime > b.CreateTime ? -1 : 1;
  return a.TaskId === b.TaskId ? 0 : a.TaskId > b.TaskId ? -1 : 1;
}

/** Appends a fetched page to stream `i` (returns a new state). */
export function applyPage<TRow>(state: MergeState<TRow>, i: number, rows: TRow[], nextToken: string | null | undefined): MergeState<TRow> {
  return state.map((s, j) => (j === i ? { token: nextToken || null, done: !nextToken, buffer: [...s.buffer, ...rows] } : s));
}

/**
 * Emits up to `max` rows in merged order, stopping early when a live stream runs dry (it must be fetched
 * first). `seen` drops a TaskId met twice (a task that moved from one status to another between two fetches).
 */
export function takeMerged<TRow extends MergeRow>(
  state: MergeState<TRow>,
  max: number,
  seen: Set<string> = new Set(),
): { rows: (TRow & { stream: number })[]; state: MergeState<TRow> } {
  const buffers = state.map((s) => [...s.buffer]);
  const out: (TRow & { stream: number })[] = [];
  while (out.length < max) {
    if (state.some((s, i) => !s.done && buffers[i]!.length === 0)) break;
    let best = -1;
    for (let i = 0; i < buffers.length; i++) {
      const head = buffers[i]![0];
      if (head && (best < 0 || newerFirst(head, buffers[best]![0]!) < 0)) best = i;
    }
    if (best < 0) break; // every stream exhausted and empty
    const row = buffers[best]!.shift()!;
    if (seen.has(row.TaskId)) continue;
    seen.add(row.TaskId);
    out.push({ ...row, stream: best });
  }
  return { rows: out, state: state.map((s, i) => ({ ...s, buffer: buffers[i]! })) };
}

export function mergeFinished<TRow>(state: MergeState<TRow>): boolean {
  return state.every((s) => s.done && s.buffer.length === 0);
}
