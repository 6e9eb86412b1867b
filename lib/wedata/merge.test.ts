import { describe, expect, it } from "vitest";
import { compareItems, foldStreams, ListingFolder, mergeStreams, totalOf, type StreamPage } from "./merge";
import fc from "fast-check";
import { rowListToArray, type RowList } from "@/lib/collections/row-list";
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
  const keys = (rows: RowList<TaskInstance> | TaskInstance[]) => rowListToArray(rows).map((r) => r.InstanceKey);

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
    // The earlier result was not changed by the extension.
    expect(keys(one.rows)).toEqual(["a", "b"]);
    expect(one.streams.get("RUNNING")?.lastPage).toBe(1);
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
    expect(res.rows.length).toBe(100_000);
    expect(res.limiting).toBeNull();
    expect(reads).toBe(1000); // a refold per fetch would read 500,500
  });

  it("with several streams, merges each item once (regression: every fetch re-sorted every loaded item)", () => {
    const f = new ListingFolder<{ pages: StreamPage[] }>("SCHEDULE_DATE", "DESC");
    let reads = 0;
    const timed = (key: string, minutes: number, state: string): TaskInstance => {
      const base = item(key, "", state);
      const time = new Date(Date.UTC(2026, 10, 23) - minutes * 60_000).toISOString().slice(0, 19).replace("T", " ");
      return Object.defineProperty(base, "SchedulerTime", { get: () => (reads++, time), enumerable: true });
    };
    const fetches: { pages: StreamPage[] }[] = [];
    const pages = 500;
    for (let i = 0; i < pages; i++) {
      // Two streams interleaved in time, 100 items a page each, both fetched page by page.
      const p = (state: "RUNNING" | "FAILED_RETRY", offset: number) =>
        page(state, i + 1, Array.from({ length: 100 }, (_, j) => timed(`${state}${i}_${j}`, (i * 100 + j) * 2 + offset, state)), 100_000, pages);
      fetches.push({ pages: [p("RUNNING", 0), p("FAILED_RETRY", 1)] });
      f.fold(fetches.slice());
    }
    const res = f.fold(fetches.slice());
    expect(res.rows.length).toBe(100_000);
    expect(keys(res.rows).slice(0, 3)).toEqual(["RUNNING0_0", "FAILED_RETRY0_0", "RUNNING0_1"]);
    // A k-way merge compares each item with the other stream's head a few times; re-sorting per fetch read
    // the sort column hundreds of millions of times.
    expect(reads / 100_000).toBeLessThan(20);
  });

  it("shows what a full fold and merge show at every step, for any streams fetched as getNextPageParam asks", () => {
    const states = ["RUNNING", "FAILED_RETRY", "EXPIRED"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 40 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom("ASC" as const, "DESC" as const),
        (minutesPerStream, size, dir) => {
          // Distinct times across streams (ties order by key in a full sort, by arrival in a k-way merge).
          const used = new Set<number>();
          const streams = minutesPerStream.map((minutes, s) => {
            const state = states[s] as (typeof states)[number];
            const items = minutes
              .filter((m) => !used.has(m) && used.add(m))
              .map((m) => item(`${state}_${m}`, new Date(Date.UTC(2026, 0, 1) + m * 60_000).toISOString().slice(0, 19).replace("T", " "), state))
              .sort((a, b) => compareItems(a, b, "SCHEDULE_DATE", dir));
            const total = items.length;
            const totalPages = Math.max(1, Math.ceil(total / size));
            return { state, pageOf: (n: number) => page(state, n, items.slice((n - 1) * size, n * size), total, totalPages) };
          });
          const f = new ListingFolder<{ pages: StreamPage[] }>("SCHEDULE_DATE", dir);
          const fetches = [fetch(...streams.map((s) => s.pageOf(1)))];
          for (let step = 0; step < 200; step++) {
            const res = f.fold(fetches.slice());
            const expected = mergeStreams(foldStreams(fetches.flatMap((x) => x.pages)), "SCHEDULE_DATE", dir);
            expect(keys(res.rows)).toEqual(keys(expected.rows));
            expect(res.limiting).toBe(expected.limiting);
            if (!res.limiting) break;
            const s = streams.find((x) => x.state === res.limiting);
            fetches.push(fetch(s!.pageOf((res.streams.get(res.limiting)?.lastPage ?? 0) + 1)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
