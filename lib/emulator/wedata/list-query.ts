import { type InstanceNow, currentKey, viewAt } from "./instance-view";
import type { ProjectStore, SortKeyColumn } from "./project-store";

// ListTaskInstances' engine. Settled instances (older than the longest possible lifecycle) never change, so
// they are read in a precomputed order (schedule order, or a START/END/COST permutation) with cheap typed-array
// checks; only the recent tail is evaluated at `now` and sorted per call. The two streams are merged, counted,
// and sliced to the page. With no filter beyond the state, the count is arithmetic and the walk stops early.

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

const inRange = (v: number, r: [number, number] | null) => r === null || (v >= r[0] && v <= r[1]);

export function listInstances(store: ProjectStore, req: ListRequest): ListResult {
  const { cols, cat } = store;
  const { filter: f, now } = req;
  const dynFrom = store.dynamicFrom(now);
  const n = cols.length;

  // The recent tail: evaluate at `now`, filter, sort.
  const dyn: Array<{ index: number; view: InstanceNow; key: number }> = [];
  for (let i = dynFrom; i < n; i++) {
    const task = cols.task[i] as number;
    if (f.taskMask && !f.taskMask[task]) continue;
    if (f.instType !== null && cols.instType[i] !== f.instType) continue;
    if (!inRange(cols.sched[i] as number, f.sched)) continue;
    const view = viewAt(cols.plan(i), cat.tasks[task]!, now);
    if (f.state !== null && view.state !== f.state) continue;
    if (f.start && (view.start === null || !inRange(view.start, f.start))) continue;
    if (!inRange(view.lastUpdate, f.lastUpdate)) continue;
    const key = req.column === "sched" ? (cols.sched[i] as number) : Math.floor(currentKey(view, req.column) / 1000);
    dyn.push({ index: i, view, key });
  }
  dyn.sort((a, b) => a.key - b.key || a.index - b.index);
  if (req.descending) dyn.reverse();

  const settledMatch = (i: number): boolean => {
    if (f.taskMask && !f.taskMask[cols.task[i] as number]) return false;
    if (f.state !== null && cols.final[i] !== f.state) return false;
    if (f.instType !== null && cols.instType[i] !== f.instType) return false;
    if (f.sched && !inRange(cols.sched[i] as number, f.sched)) return false;
    if (f.start) {
      const s = cols.start[i] as number;
      if (!Number.isFinite(s) || !inRange(s, f.start)) return false;
    }
    return inRange(cols.settle[i] as number, f.lastUpdate);
  };

  // Count of settled matches without walking, when only the state (or nothing) filters.
  let settledTotal: number | null = null;
  const simple = !f.taskMask && f.instType === null && !f.sched && !f.start && !f.lastUpdate;
  if (simple) {
    if (f.state === null) settledTotal = dynFrom;
    else {
      let inTail = 0;
      for (let i = dynFrom; i < n; i++) if (cols.final[i] === f.state) inTail++;
      settledTotal = (store.finalCounts[f.state] as number) - inTail;
    }
  }

  // Settled stream in the requested order.
  let lo = 0;
  let hi = dynFrom;
  if (req.column === "sched" && f.sched) {
    lo = Math.min(cols.lowerBound(f.sched[0]), dynFrom);
    hi = Math.min(cols.lowerBound(f.sched[1] + 1), dynFrom);
  }
  const perm = req.column === "sched" ? null : store.perms[req.column];
  const len = perm ? perm.length : hi - lo;
  let pos = 0;
  const nextSettled = (): number => {
    while (pos < len) {
      const at = req.descending ? len - 1 - pos++ : pos++;
      const i = perm ? (perm[at] as number) : lo + at;
      if (perm && i >= dynFrom) continue;
      if (settledMatch(i)) return i;
    }
    return -1;
  };
  const settledKey = (i: number) => (req.column === "sched" ? (cols.sched[i] as number) : store.sortKeySeconds(i, req.column));
  // True when settled instance `i` comes before dynamic entry `d` in the requested order.
  const before = (i: number, d: { index: number; key: number }) => {
    const k = settledKey(i);
    const asc = k < d.key || (k === d.key && i < d.index);
    return req.descending ? !asc : asc;
  };

  const rows: ListResult["rows"] = [];
  let seen = 0;
  let di = 0;
  let s = nextSettled();
  const end = req.offset + req.limit;
  while (s !== -1 || di < dyn.length) {
    if (settledTotal !== null && seen >= end) break;
    const takeSettled = s !== -1 && (di >= dyn.length || before(s, dyn[di]!));
    if (takeSettled) {
      if (seen >= req.offset && seen < end) rows.push({ index: s, view: viewAt(cols.plan(s), cat.tasks[cols.task[s] as number]!, now) });
      s = nextSettled();
    } else {
      const d = dyn[di++]!;
      if (seen >= req.offset && seen < end) rows.push({ index: d.index, view: d.view });
    }
    seen++;
  }
  const total = settledTotal !== null ? settledTotal + dyn.length : seen;
  return { total, rows };
}
