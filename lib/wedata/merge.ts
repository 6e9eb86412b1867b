import { AppendOnlyFold } from "@/lib/collections/append-only-fold";
import { PrefixView, type RowList } from "@/lib/collections/row-list";
import type { InstanceState, SortColumn, SortType, TaskInstance } from "./wire";

// A listing is one or more paged streams (one per chosen state, fetched in parallel) merged by the sort
// column. Rows are keyed by InstanceKey: when new instances arrive while the reader scrolls, a sort that puts
// them first shifts later pages down, so the next page repeats keys already shown; those are skipped, never
// shown twice. (Instances that leave the filter shift pages up instead; the live probe's "N new" banner and a
// reload from the top are the answer to that, because PageNumber paging offers no stable cursor.)

export type StreamKey = InstanceState | "*";

export interface StreamPage {
  stream: StreamKey;
  page: number;
  items: TaskInstance[];
  totalCount: number;
  totalPages: number;
}

export interface StreamState {
  stream: StreamKey;
  /** Items in arrival order, without repeated keys. */
  items: TaskInstance[];
  lastPage: number;
  totalCount: number;
  exhausted: boolean;
}

type SortValue = string | number | null;

export function sortValue(item: TaskInstance, column: SortColumn): SortValue {
  switch (column) {
    case "SCHEDULE_DATE":
      return item.SchedulerTime || null;
    case "START_TIME":
      return item.StartTime || null;
    case "END_TIME":
      return item.EndTime || null;
    case "COST_TIME":
      return item.CostTime ?? null;
  }
}

/** Orders two items as the API would (API times are all in one zone, so text order is time order); empty values last; ties by key. */
export function compareItems(a: TaskInstance, b: TaskInstance, column: SortColumn, dir: SortType): number {
  const va = sortValue(a, column);
  const vb = sortValue(b, column);
  if (va !== vb) {
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = va < vb ? -1 : 1;
    return dir === "ASC" ? c : -c;
  }
  return a.InstanceKey < b.InstanceKey ? -1 : a.InstanceKey > b.InstanceKey ? 1 : 0;
}

/** Folds fetched pages into per-stream state, dropping keys already seen in the same stream. */
export function foldStreams(pages: StreamPage[]): Map<StreamKey, StreamState> {
  const streams = new Map<StreamKey, StreamState>();
  foldInto(streams, new Map(), pages);
  return streams;
}

/** foldStreams' step: adds pages to existing stream states, appending to their item arrays in place. */
function foldInto(streams: Map<StreamKey, StreamState>, seen: Map<StreamKey, Set<string>>, pages: StreamPage[]): void {
  for (const page of pages) {
    let s = streams.get(page.stream);
    if (!s) {
      s = { stream: page.stream, items: [], lastPage: 0, totalCount: page.totalCount, exhausted: false };
      streams.set(page.stream, s);
    }
    let keys = seen.get(page.stream);
    if (!keys) {
      keys = new Set();
      seen.set(page.stream, keys);
    }
    for (const item of page.items) {
      if (keys.has(item.InstanceKey)) continue;
      keys.add(item.InstanceKey);
      s.items.push(item);
    }
    s.lastPage = Math.max(s.lastPage, page.page);
    // Pages from the first fetch carry the count the reader saw first; later pages may report a grown count.
    s.totalCount = Math.max(s.totalCount, page.totalCount);
    s.exhausted = page.items.length === 0 || page.page >= page.totalPages;
  }
}

export interface FoldedListing {
  /** Stream states as of this result (their `items` arrays are shared with later results and may grow). */
  streams: Map<StreamKey, StreamState>;
  rows: RowList<TaskInstance>;
  limiting: StreamKey | null;
  total: number;
  /** True when an instance with this key is among the loaded items. */
  isLoaded(key: string): boolean;
}

/** The merged rows shown so far (only ever appended to), and how far each stream has been merged. */
type Merged = { rows: TaskInstance[]; taken: Map<StreamKey, number>; shown: Set<string> };
type Folded = { streams: Map<StreamKey, StreamState>; seen: Map<StreamKey, Set<string>>; merged: Merged; result?: FoldedListing };

/**
 * Folds and merges an infinite listing (each fetch holds one page per stream it asked) one new fetch at a time
 * (see AppendOnlyFold): the listing is read on every render and by the query's getNextPageParam, and with
 * 176,022 instances reachable a full pass per read made scrolling quadratic. Rows a fetch makes safe to show
 * are appended to the merged rows, never re-sorted (see mergeStreams for the rule), and each result is a view
 * of the rows merged so far: no copy per fetch.
 */
export class ListingFolder<TFetch extends { pages: StreamPage[] }> {
  private readonly folder = new AppendOnlyFold<TFetch, Folded>({
    start: () => ({ streams: new Map(), seen: new Map(), merged: { rows: [], taken: new Map(), shown: new Set() } }),
    // Own copies of the states' small fields; item arrays, merged rows and key sets are only ever appended to,
    // so they are shared: the previous result reads only what it had.
    branch: (f) => ({
      streams: new Map([...f.streams].map(([k, s]) => [k, { ...s }])),
      seen: f.seen,
      merged: { ...f.merged, taken: new Map(f.merged.taken) },
    }),
    add: (f, fetch) => foldInto(f.streams, f.seen, fetch.pages),
  });

  constructor(
    private readonly column: SortColumn,
    private readonly dir: SortType,
  ) {}

  fold(fetches: readonly TFetch[]): FoldedListing {
    const folded = this.folder.fold(fetches);
    if (!folded.result) {
      const { streams, seen, merged } = folded;
      const limiting = mergeMore(streams, merged, this.column, this.dir);
      const sets = [...seen.values()];
      folded.result = {
        streams,
        rows: new PrefixView(merged.rows, merged.rows.length),
        limiting,
        total: totalOf(streams),
        isLoaded: (key) => sets.some((set) => set.has(key)),
      };
    }
    return folded.result;
  }
}

/**
 * Appends to `merged.rows` what the streams now make safe to show (mergeStreams' rule, by a k-way merge of
 * the streams from where the last merge stopped) and returns the limiting stream.
 */
function mergeMore(streams: Map<StreamKey, StreamState>, merged: Merged, column: SortColumn, dir: SortType): StreamKey | null {
  const all = [...streams.values()];
  const only = all.length === 1 ? all[0] : undefined;
  if (only) {
    // One stream is already in the API's order without repeats: its items are the rows.
    merged.rows = only.items;
    return only.exhausted ? null : only.stream;
  }
  const limiting = limitingStream(all, column, dir);
  const boundary = limiting?.items.at(-1);
  if (limiting && !boundary) return limiting.stream;
  for (;;) {
    let next: StreamState | null = null;
    let head: TaskInstance | undefined;
    for (const s of all) {
      const candidate = s.items[merged.taken.get(s.stream) ?? 0];
      if (candidate && (!head || compareItems(candidate, head, column, dir) < 0)) {
        next = s;
        head = candidate;
      }
    }
    if (!next || !head || (boundary && compareItems(head, boundary, column, dir) > 0)) break;
    merged.taken.set(next.stream, (merged.taken.get(next.stream) ?? 0) + 1);
    if (merged.shown.has(head.InstanceKey)) continue;
    merged.shown.add(head.InstanceKey);
    merged.rows.push(head);
  }
  return limiting?.stream ?? null;
}

/** The unfinished stream whose last loaded item comes first in the merged order: no row after it is safe yet. */
function limitingStream(all: StreamState[], column: SortColumn, dir: SortType): StreamState | null {
  let limiting: StreamState | null = null;
  for (const s of all) {
    if (s.exhausted) continue;
    const last = s.items.at(-1);
    if (!last) return s;
    const limitLast = limiting?.items.at(-1);
    if (!limiting || (limitLast && compareItems(last, limitLast, column, dir) < 0)) limiting = s;
  }
  return limiting;
}

/**
 * The rows safe to show, in order. With several streams, an item may only be shown once every unfinished
 * stream has loaded past it, or a later page of another stream could still insert something above it.
 */
export function mergeStreams(
  streams: Map<StreamKey, StreamState>,
  column: SortColumn,
  dir: SortType,
): { rows: TaskInstance[]; limiting: StreamKey | null } {
  const all = [...streams.values()];
  const only = all.length === 1 ? all[0] : undefined;
  // One stream is already in the API's order without repeats (foldStreams drops them).
  if (only) return { rows: only.items, limiting: only.exhausted ? null : only.stream };
  const byKey = new Map<string, TaskInstance>();
  for (const s of all) for (const item of s.items) if (!byKey.has(item.InstanceKey)) byKey.set(item.InstanceKey, item);
  const sorted = [...byKey.values()].sort((a, b) => compareItems(a, b, column, dir));

  const limiting = limitingStream(all, column, dir);
  if (!limiting) return { rows: sorted, limiting: null };
  const boundary = limiting.items.at(-1);
  if (!boundary) return { rows: [], limiting: limiting.stream };
  const cut = sorted.findIndex((item) => compareItems(item, boundary, column, dir) > 0);
  return { rows: cut === -1 ? sorted : sorted.slice(0, cut), limiting: limiting.stream };
}

export function totalOf(streams: Map<StreamKey, StreamState>): number {
  let total = 0;
  for (const s of streams.values()) total += s.totalCount;
  return total;
}
