import { describe, expect, it } from "vitest";
import { compareItems, foldStreams, ListingFolder, mergeStreams, totalOf, type StreamPage } from "./merge";
import type { TaskInstance } from "./wire";

function item(key: string, scheduled: string, state = "COMPLETED"): TaskInstance {
  return {
    ProjectId: "p", InstanceKey: key, FolderId: null, FolderName: null, WorkflowId: null, WorkflowName: null,
    TaskId: key.split("_")[0] ?? key, TaskName: key, CurRunDate: null, InstanceState: state, InstanceType: 1,
    OwnerUinList: [], TotalRunNum: 1, TaskType: "Shell", TaskTypeId: 35, CycleType: "DAY_CYCLE", TryLimit: 3,
    Tries: 1, StartTime: null, EndTime: null, CostTime: null, SchedulerTime: scheduled, LastUpdateTime: null,
    ExecutorGroupId: null, ExecutorGroupName: null,
  };
}

const page = (stream: StreamPage["stream"], n: number, items: TaskInstance[], total = 10, pages = 5): StreamPage => ({
  stream, page: n, items, totalCount: total, totalPages: pages,
});

describe("foldStreams", () => {
  it("skips keys a shifted page repeats, so no instance shows twice", () => {
    const p1 = page("*", 1, [item("a", "2026-11-23 05:00:00"), item("b", "2026-11-23 04:00:00")]);
    // A new instance arrived on top: page 2 now starts with b again.
    const p2 = page("*", 2, [item("b", "2026-11-23 04:00:00"), item("c", "2026-11-23 03:00:00")], 11);
    const streams = foldStreams([p1, p2]);
    const { rows } = mergeStreams(streams, "SCHEDULE_DATE", "DESC");
    expect(rows.map((r) => r.InstanceKey)).toEqual(["a", "b", "c"]);
    expect(totalOf(streams)).toBe(11);
  });

  it("marks a stream finished on its last or an empty page", () => {
    expect(foldStreams([page("*", 5, [item("x", "2026-11-23 01:00:00")])]).get("*")?.exhausted).toBe(true);
    expect(foldStreams([page("*", 2, [])]).get("*")?.exhausted).toBe(true);
    expect(foldStreams([page("*", 2, [item("x", "2026-11-23 01:00:00")])]).get("*")?.exhausted).toBe(false);
  });
});

describe("mergeStreams", () => {
  it("merges parallel state streams by the sort column and holds back rows another stream could still precede", () => {
    const failed = page("EXPIRED", 1, [item("f1", "2026-11-23 09:00:00", "EXPIRED"), item("f2", "2026-11-23 06:00:00", "EXPIRED")]);
    const retry = page("FAILED_RETRY", 1, [item("r1", "2026-11-23 08:00:00", "FAILED_RETRY"), item("r2", "2026-11-23 07:00:00", "FAILED_RETRY")]);
    const { rows, limiting } = mergeStreams(foldStreams([failed, retry]), "SCHEDULE_DATE", "DESC");
    // r2 (07:00) is the last loaded of FAILED_RETRY; f2 (06:00) could be preceded by FAILED_RETRY page 2.
    expect(rows.map((r) => r.InstanceKey)).toEqual(["f1", "r1", "r2"]);
    expect(limiting).toBe("FAILED_RETRY");
  });

  it("shows everything once every stream is finished", () => {
    const a = page("EXPIRED", 5, [item("f2", "2026-11-23 06:00:00")]);
    const b = page("RUNNING", 5, [item("r2", "2026-11-23 07:00:00")]);
    const { rows, limiting } = mergeStreams(foldStreams([a, b]), "SCHEDULE_DATE", "ASC");
    expect(rows.map((r) => r.InstanceKey)).toEqual(["f2", "r2"]);
    expect(limiting).toBeNull();
  });

  it("puts empty sort values last in either direction", () => {
    const withTime = item("a", "2026-11-23 06:00:00");
    const without = item("b", "");
    expect(compareItems(withTime, without, "SCHEDULE_DATE", "ASC")).toBeLessThan(0);
    expect(compareItems(withTime, without, "SCHEDULE_DATE", "DESC")).toBeLessThan(0);
  });
});

describe("ListingFolder", () => {
  const fetch = (...pages: StreamPage[]) => ({ pages });
  const keys = (rows: TaskInstance[]) => rows.map((r) => r.InstanceKey);

  it("gives what a full fold and merge give, extending by each new fetch", () => {
    const f = new ListingFolder<{ pages: StreamPage[] }>("SCHEDULE_DATE", "DESC");
    const a = fetch(page("FAILED_RETRY", 1, [item("a", "2026-11-23 05:00:00"), item("c", "2026-11-23 03:00:00")]), page("RUNNING", 1, [item("b", "2026-11-23 04:00:00")]));
    const b = fetch(page("RUNNING", 2, [item("d", "2026-11-23 02:00:00"), item("b", "2026-11-23 04:00:00")]));
    const one = f.fold([a]);
    const two = f.fold([a, b]);
    for (const [res, fetches] of [[one, [a]], [two, [a, b]]] as const) {
      const streams = foldStreams(fetches.flatMap((x) => x.pages));
      const expected = mergeStreams(streams, "SCHEDULE_DATE", "DESC");
      expect(keys(res.rows)).toEqual(keys(expected.rows));
      expect(res.limiting).toBe(expected.limiting);
      expect(res.total).toBe(totalOf(streams));
    }
    expect(keys(one.rows)).toEqual(["a", "b"]); // "c" waits until RUNNING has loaded past it
    expect(one.streams.get("RUNNING")?.items).toHaveLength(1); // the earlier result was not changed by the extension
    expect(f.fold([a, b])).toBe(two);
    expect(two.isLoaded("d")).toBe(true);
    expect(two.isLoaded("zz")).toBe(false);
  });

  it("a second continuation of the same fetches does not inherit the first one's keys", () => {
    const f = new ListingFolder<{ pages: StreamPage[] }>("SCHEDULE_DATE", "DESC");
    const a = fetch(page("*", 1, [item("a", "2026-11-23 05:00:00")]));
    f.fold([a]);
    f.fold([a, fetch(page("*", 2, [item("b", "2026-11-23 04:00:00")]))]);
    const other = f.fold([a, fetch(page("*", 2, [item("b", "2026-11-23 04:00:00"), item("c", "2026-11-23 03:00:00")]))]);
    expect(keys(other.rows)).toEqual(["a", "b", "c"]);
  });

  it("remembers only the latest result (regression: one per fetch kept a copy of the items per page)", () => {
    const f = new ListingFolder<{ pages: StreamPage[] }>("SCHEDULE_DATE", "DESC");
    let reads = 0;
    const counted = (p: StreamPage) => ({
      get pages() {
        reads++;
        return [p];
      },
    });
    const a = counted(page("*", 1, [item("a", "2026-11-23 05:00:00")]));
    const b = counted(page("*", 2, [item("b", "2026-11-23 04:00:00")]));
    f.fold([a]);
    f.fold([a, b]);
    expect(reads).toBe(2);
    expect(keys(f.fold([a]).rows)).toEqual(["a"]); // folded again, not served from a kept copy
    expect(reads).toBe(3);
  });

  it("stays linear over 1,000 fetches: each fetch is folded once", () => {
    const f = new ListingFolder<{ pages: StreamPage[] }>("SCHEDULE_DATE", "DESC");
    const fetches: { pages: StreamPage[] }[] = [];
    let reads = 0;
    for (let i = 0; i < 1000; i++) {
      const pages = [page("*", i + 1, Array.from({ length: 100 }, (_, j) => item(`k${i}_${j}`, "2026-11-23 01:00:00")), 100_000, 1000)];
      fetches.push({
        get pages() {
          reads++;
          return pages;
        },
      });
      f.fold(fetches.slice());
    }
    const res = f.fold(fetches.slice());
    expect(res.rows).toHaveLength(100_000);
    expect(res.limiting).toBeNull();
    expect(reads).toBe(1000); // a refold per fetch would read 500,500
  });
});
