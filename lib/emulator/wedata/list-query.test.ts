import { describe, expect, it } from "vitest";
import { STATES } from "./instance-plan";
import { currentKey, viewAt } from "./instance-view";
import { type InstanceFilter, listInstances, type ListRequest } from "./list-query";
import type { SortKeyColumn } from "./project-store";
import { WedataStore } from "./wedata-store";

// The indexed listing engine against a brute-force oracle: evaluate every instance at `now`, filter, sort by
// (key, index), slice. Totals and pages must agree for every filter kind, column and direction.

const START = Date.UTC(2026, 4, 4, 17, 0, 0); // 01:00 Beijing
const store = new WedataStore(13, 0.1, START).projects.get("1460947878944567296")!;

function oracle(req: ListRequest): { total: number; keys: number[] } {
  const { cols, cat } = store;
  const f = req.filter;
  const rows: Array<{ index: number; key: number }> = [];
  for (let i = 0; i < cols.length; i++) {
    const sched = cols.sched[i] as number;
    if (sched > req.now) continue;
    const task = cols.task[i] as number;
    const v = viewAt(cols.plan(i), cat.tasks[task]!, req.now);
    if (f.taskMask && !f.taskMask[task]) continue;
    if (f.state !== null && v.state !== f.state) continue;
    if (f.instType !== null && cols.instType[i] !== f.instType) continue;
    if (f.sched && (sched < f.sched[0] || sched > f.sched[1])) continue;
    if (f.start && (v.start === null || v.start < f.start[0] || v.start > f.start[1])) continue;
    if (f.lastUpdate && (v.lastUpdate < f.lastUpdate[0] || v.lastUpdate > f.lastUpdate[1])) continue;
    const key = req.column === "sched" ? sched : Math.floor(currentKey(v, req.column) / 1000);
    rows.push({ index: i, key });
  }
  rows.sort((a, b) => a.key - b.key || a.index - b.index);
  if (req.descending) rows.reverse();
  return { total: rows.length, keys: rows.slice(req.offset, req.offset + req.limit).map((r) => r.index) };
}

const none: InstanceFilter = { taskMask: null, state: null, instType: null, sched: null, start: null, lastUpdate: null };
const everyThird = new Uint8Array(store.cat.tasks.length).map((_, t) => (t % 3 === 0 ? 1 : 0));
const filters: Array<[string, InstanceFilter]> = [
  ["none", none],
  ["running", { ...none, state: STATES.indexOf("RUNNING") }],
  ["completed", { ...none, state: STATES.indexOf("COMPLETED") }],
  ["task mask", { ...none, taskMask: everyThird }],
  ["task mask + expired", { ...none, taskMask: everyThird, state: STATES.indexOf("EXPIRED") }],
  ["backfill", { ...none, instType: 0 }],
  ["schedule range", { ...none, sched: [START - 86_400_000, START - 3_600_000] }],
  ["start range", { ...none, start: [START - 6 * 3_600_000, START] }],
  ["last update since", { ...none, lastUpdate: [START - 2 * 3_600_000, Infinity] }],
];

describe("listInstances agrees with a brute-force oracle", () => {
  // +5 days merges thousands of new instances into the sort permutations; -1 h steps the clock back.
  for (const at of [0, 2 * 3_600_000, 5 * 86_400_000, -3_600_000]) {
    for (const [name, filter] of filters) {
      it(`${name}, clock ${at / 3_600_000} h from start`, () => {
        const now = START + at;
        store.advance(now);
        for (const column of ["sched", "start", "end", "cost"] as Array<"sched" | SortKeyColumn>) {
          for (const descending of [true, false]) {
            for (const offset of [0, 37, 1000]) {
              const req: ListRequest = { now, filter, column, descending, offset, limit: 25 };
              const got = listInstances(store, req);
              const want = oracle(req);
              expect(got.total, `${column} ${descending ? "desc" : "asc"} @${offset}`).toBe(want.total);
              expect(got.rows.map((r) => r.index), `${column} ${descending ? "desc" : "asc"} @${offset}`).toEqual(want.keys);
            }
          }
        }
      });
    }
  }
});
