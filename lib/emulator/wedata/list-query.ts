import { type InstanceNow, currentKey, viewAt } from "./instance-view";
import { STATES } from "./instance-plan";
import type { ProjectStore, SortKeyColumn } from "./project-store";

// ListTaskInstances' engine. Instances older than the longest lifecycle are settled and never change, so
// they are read in a precomputed order (schedule order, or a START/END/COST permutation) with typed-array
// checks; only the recent tail is evaluated at `now` and sorted per call. The page is cut from the merge of
// the two streams; the total is arithmetic when only task-level filters and the state apply, else one counting pass.

export interface InstanceFilter {
  /** Per-task pass/fail from task-level filters (keyword, owner, folder, ...); null = all tasks pass. */
  taskMask: Uint8Array | null;
  state: number | null;
  instType: number | null;
  sched: [number, number] | null;
  start: [number, number] | null;
  lastUpdate: [number, number] | null;
}

export interface ListRequest {
  now: number;
  filter: InstanceFilter;
  column: "sched" | SortKeyColumn;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface ListResult {
  total: number;
  rows: Array<{ index: number; view: InstanceNow }>;
}

interface TailEntry {
  index: number;
  key: number;
  view: InstanceNow;
}

export function listInstances(store: ProjectStore, req: ListRequest): ListResult {
  const { cols, cat } = store;
  const { filter: f, now } = req;
  const dynFrom = store.dynamicFrom(now);
  // Instances scheduled after `now` may exist when an injected clock steps back: they do not exist yet.
  const n = cols.lowerBound(now + 1);
  const { task: taskOf, final: finalOf, instType: typeOf, sched: schedOf, start: startOf, settle: settleOf } = cols;
  const mask = f.taskMask;
  const state = f.state;
  const instType = f.instType;
  const [sLo, sHi] = f.sched ?? [-Infinity, Infinity];
  const [stLo, stHi] = f.start ?? [-Infinity, Infinity];
  const [luLo, luHi] = f.lastUpdate ?? [-Infinity, Infinity];
  const hasStart = f.start !== null;

  /** The filter on a settled instance (final values). */
  const settledMatch = (i: number): boolean => {
    if (mask !== null && mask[taskOf[i] as number] === 0) return false;
    if (state !== null && finalOf[i] !== state) return false;
    if (instType !== null && typeOf[i] !== instType) return false;
    const sc = schedOf[i] as number;
    if (sc < sLo || sc > sHi) return false;
    if (hasStart) {
      const s = startOf[i] as number;
      if (!(s >= stLo && s <= stHi)) return false;
    }
    const lu = settleOf[i] as number;
    return lu >= luLo && lu <= luHi;
  };
  const viewOf = (i: number) => viewAt(cols.plan(i), cat.tasks[taskOf[i] as number]!, now);

  // The recent tail: evaluated at `now`, filtered, sorted.
  const tail: TailEntry[] = [];
  for (let i = dynFrom; i < n; i++) {
    if (mask !== null && mask[taskOf[i] as number] === 0) continue;
    if (instType !== null && typeOf[i] !== instType) continue;
    const sc = schedOf[i] as number;
    if (sc < sLo || sc > sHi) continue;
    const view = viewOf(i);
    if (state !== null && view.state !== state) continue;
    if (hasStart && (view.start === null || view.start < stLo || view.start > stHi)) continue;
    if (view.lastUpdate < luLo || view.lastUpdate > luHi) continue;
    const key = req.column === "sched" ? sc : Math.floor(currentKey(view, req.column) / 1000);
    tail.push({ index: i, key, view });
  }
  tail.sort((a, b) => a.key - b.key || a.index - b.index);
  if (req.descending) tail.reverse();

  // The settled range in schedule order (narrowed by a schedule-time filter).
  const lo = f.sched ? Math.min(cols.lowerBound(sLo), dynFrom) : 0;
  const hi = f.sched ? Math.min(cols.lowerBound(sHi + 1), dynFrom) : dynFrom;
  // Filters on the task and the state only: the total is arithmetic over per-task counts, minus the tail.
  const countable = instType === null && !f.sched && !hasStart && !f.lastUpdate;
  const simple = countable && mask === null;
  let settledTotal = 0;
  if (countable) {
    const width = STATES.length;
    if (mask === null) settledTotal = state === null ? cols.length : (store.finalCounts[state] as number);
    else {
      const counts = store.taskStateCounts;
      for (let t = 0; t < mask.length; t++) {
        if (mask[t] === 0) continue;
        if (state !== null) settledTotal += counts[t * width + state] as number;
        else for (let k = 0; k < width; k++) settledTotal += counts[t * width + k] as number;
      }
    }
    for (let i = dynFrom; i < cols.length; i++) {
      if ((mask === null || mask[taskOf[i] as number] === 1) && (state === null || finalOf[i] === state)) settledTotal--;
    }
  } else {
    for (let i = lo; i < hi; i++) if (settledMatch(i)) settledTotal++;
  }
  const total = settledTotal + tail.length;
  const end = Math.min(req.offset + req.limit, total);
  const rows: ListResult["rows"] = [];
  if (req.offset >= end) return { total, rows };

  // Unfiltered schedule order: the page is index arithmetic (tail first when descending).
  if (simple && state === null && req.column === "sched") {
    for (let p = req.offset; p < end; p++) {
      if (req.descending) {
        const e = tail[p];
        rows.push(e ? { index: e.index, view: e.view } : { index: dynFrom - 1 - (p - tail.length), view: viewOf(dynFrom - 1 - (p - tail.length)) });
      } else {
        const e = p >= dynFrom ? tail[p - dynFrom] : undefined;
        rows.push(e ? { index: e.index, view: e.view } : { index: p, view: viewOf(p) });
      }
    }
    return { total, rows };
  }

  // Otherwise walk the settled order, merging the tail in, until the page is cut.
  const perm = req.column === "sched" ? null : store.perms[req.column];
  const len = perm ? perm.length : hi - lo;
  const column = req.column;
  let pos = 0;
  // Known number of settled matches: stop walking once all are used (rare states end the walk at once).
  let settledLeft = settledTotal;
  const nextSettled = (): number => {
    while (pos < len && settledLeft > 0) {
      const at = req.descending ? len - 1 - pos++ : pos++;
      const i = perm ? (perm[at] as number) : lo + at;
      if (i >= dynFrom) continue;
      if (settledMatch(i)) {
        settledLeft--;
        return i;
      }
    }
    return -1;
  };
  const settledKey = (i: number) => (column === "sched" ? (schedOf[i] as number) : store.sortKeySeconds(i, column));
  const comesFirst = (i: number, e: TailEntry) => {
    const k = settledKey(i);
    const asc = k < e.key || (k === e.key && i < e.index);
    return req.descending ? !asc : asc;
  };
  let seen = 0;
  let ti = 0;
  let s = nextSettled();
  while (seen < end && (s !== -1 || ti < tail.length)) {
    if (s !== -1 && (ti >= tail.length || comesFirst(s, tail[ti]!))) {
      if (seen >= req.offset) rows.push({ index: s, view: viewOf(s) });
      s = nextSettled();
    } else {
      const e = tail[ti++]!;
      if (seen >= req.offset) rows.push({ index: e.index, view: e.view });
    }
    seen++;
  }
  return { total, rows };
}
