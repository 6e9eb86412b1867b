import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_PROJECT_IDS, startEmulator, type EmulatorHandle } from "./index";
import { codeOf, manualClock, PROJECT, rawCall } from "./test-support";

// WeData ListTaskInstances and the drill-down actions at the default scale: paging, every filter, time zones,
// all four sort columns both ways, and the data behaving like production.

type Item = Record<string, unknown> & {
  InstanceKey: string;
  TaskId: string;
  TaskName: string;
  InstanceState: string;
  CurRunDate: string;
  SchedulerTime: string;
  StartTime: string | null;
  EndTime: string | null;
  CostTime: number | null;
  LastUpdateTime: string;
};
type PageData = { Items: Item[]; PageNumber: number; PageSize: number; TotalCount: number; TotalPageNumber: number };

const START = Date.UTC(2026, 10, 20, 18, 10, 0); // 02:10 in Beijing: the nightly batch is running
const clock = manualClock(START);
let emu: EmulatorHandle;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, seed: 5, now: clock.now });
});
afterAll(() => emu.close());

async function call(action: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await rawCall(emu, { service: "wedata", action, params: { ProjectId: PROJECT, ...params }, clock: clock.now });
  expect(codeOf(r), JSON.stringify(r.json.Response.Error)).toBeUndefined();
  return r.json.Response.Data as Record<string, unknown>;
}
const list = (params: Record<string, unknown> = {}) => call("ListTaskInstances", params) as Promise<PageData>;

const STATES = ["WAIT_EVENT", "WAIT_UPSTREAM", "WAIT_RUN", "RUNNING", "SKIP_RUNNING", "FAILED_RETRY", "EXPIRED", "COMPLETED"];

describe("ListTaskInstances", () => {
  it("holds the documented 176,022 instances in the first project at start, and a second project", async () => {
    const first = await list({ PageSize: 1 });
    expect(first.TotalCount).toBe(176_022);
    expect(first.TotalPageNumber).toBe(176_022);
    const second = await list({ ProjectId: EMULATOR_PROJECT_IDS[1], PageSize: 1 });
    expect(second.TotalCount).toBeGreaterThan(10_000);
    expect(second.Items[0]!.ProjectId).toBe(EMULATOR_PROJECT_IDS[1]);
  });

  it("renders 25-field items with string ids beyond 2^53 and Chinese names", async () => {
    const page = await list({ PageSize: 100 });
    for (const item of page.Items) {
      expect(Object.keys(item)).toHaveLength(25);
      expect(typeof item.TaskId).toBe("string");
      expect(BigInt(item.TaskId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
      expect(item.InstanceKey).toBe(`${item.TaskId}_${item.CurRunDate}`);
      expect(item.CurRunDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(page.Items.some((i) => /[\u4e00-\u9fff]/.test(i.TaskName))).toBe(true);
  });

  it("pages consistently: two half pages make the full page, deep pages included", async () => {
    for (const params of [{}, { SortColumn: "START_TIME" }, { SortColumn: "COST_TIME", SortType: "ASC" }, { InstanceState: "COMPLETED" }]) {
      const whole = await list({ ...params, PageSize: 20, PageNumber: 300 });
      const a = await list({ ...params, PageSize: 10, PageNumber: 599 });
      const b = await list({ ...params, PageSize: 10, PageNumber: 600 });
      expect([...a.Items, ...b.Items].map((i) => i.InstanceKey)).toEqual(whole.Items.map((i) => i.InstanceKey));
      expect(whole.Items).toHaveLength(20);
    }
    const last = await list({ PageSize: 100, PageNumber: 1761 });
    expect(last.Items).toHaveLength(22);
    expect((await list({ PageSize: 100, PageNumber: 1762 })).Items).toHaveLength(0);
  });

  it("counts every state, and the states add up to the total", async () => {
    const counts = Object.fromEntries(await Promise.all(STATES.map(async (s) => [s, (await list({ InstanceState: s, PageSize: 1 })).TotalCount] as const)));
    for (const s of STATES) expect(counts[s], s).toBeGreaterThan(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(176_022);
    const running = await list({ InstanceState: "RUNNING", PageSize: 100 });
    for (const i of running.Items) {
      expect(i.InstanceState).toBe("RUNNING");
      expect(i.StartTime).not.toBeNull();
      expect(i.EndTime).toBeNull();
    }
  });

  it("applies every filter with its documented meaning", async () => {
    const sample = (await list({ PageSize: 100, InstanceState: "COMPLETED" })).Items[7]!;
    const filters: Array<[string, unknown, (i: Item) => boolean]> = [
      ["InstanceType", 1, (i) => i.InstanceType === 1],
      ["InstanceType", 0, (i) => i.InstanceType === 0],
      ["TaskTypeId", 35, (i) => i.TaskTypeId === 35 && i.TaskType === "Shell"],
      ["CycleType", "HOUR_CYCLE", (i) => i.CycleType === "HOUR_CYCLE"],
      ["OwnerUin", (sample.OwnerUinList as string[])[0], (i) => (i.OwnerUinList as string[]).includes((sample.OwnerUinList as string[])[0]!)],
      ["FolderId", sample.FolderId, (i) => i.FolderId === sample.FolderId],
      ["WorkflowId", sample.WorkflowId, (i) => i.WorkflowId === sample.WorkflowId],
      ["ExecutorGroupId", sample.ExecutorGroupId, (i) => i.ExecutorGroupId === sample.ExecutorGroupId],
    ];
    for (const [name, value, holds] of filters) {
      const page = await list({ [name]: value, PageSize: 100 });
      expect(page.TotalCount, name).toBeGreaterThan(0);
      expect(page.TotalCount, name).toBeLessThan(176_022);
      for (const i of page.Items) expect(holds(i), `${name}=${String(value)}`).toBe(true);
    }
    for (const cycle of ["ONEOFF_CYCLE", "YEAR_CYCLE", "MONTH_CYCLE", "WEEK_CYCLE", "DAY_CYCLE", "HOUR_CYCLE", "MINUTE_CYCLE", "CRONTAB_CYCLE"]) {
      expect((await list({ CycleType: cycle, PageSize: 1 })).TotalCount, cycle).toBeGreaterThan(0);
    }
    const nonPeriodic = await list({ InstanceType: 2, PageSize: 100 });
    for (const i of nonPeriodic.Items) expect(i.CycleType).toBe("ONEOFF_CYCLE");
  });

  it("matches Keyword fuzzily on task name or id, several terms comma-separated", async () => {
    const byName = await list({ Keyword: "订单", PageSize: 100 });
    const byLayer = await list({ Keyword: "ads_", PageSize: 100 });
    const both = await list({ Keyword: "订单,ads_", PageSize: 100 });
    for (const i of byName.Items) expect(i.TaskName).toContain("订单");
    for (const i of both.Items) expect(i.TaskName.includes("订单") || i.TaskName.includes("ads_")).toBe(true);
    expect(both.TotalCount).toBeGreaterThanOrEqual(Math.max(byName.TotalCount, byLayer.TotalCount));
    expect(both.TotalCount).toBeLessThanOrEqual(byName.TotalCount + byLayer.TotalCount);
    const id = byName.Items[0]!.TaskId;
    const byId = await list({ Keyword: id.slice(2, 14), PageSize: 100 });
    expect(byId.Items.every((i) => i.TaskId.includes(id.slice(2, 14)) || i.TaskName.includes(id.slice(2, 14)))).toBe(true);
    expect(byId.Items.some((i) => i.TaskId === id)).toBe(true);
  });

  it("reads time filters in TimeZone and renders returned times in it; CurRunDate never moves", async () => {
    const beijing = await list({ ScheduleTimeFrom: "2026-11-20 00:00:00", ScheduleTimeTo: "2026-11-20 00:59:59", PageSize: 100 });
    const utc = await list({ TimeZone: "UTC+0", ScheduleTimeFrom: "2026-11-19 16:00:00", ScheduleTimeTo: "2026-11-19 16:59:59", PageSize: 100 });
    expect(beijing.TotalCount).toBeGreaterThan(0);
    expect(utc.TotalCount).toBe(beijing.TotalCount);
    expect(utc.Items.map((i) => i.InstanceKey)).toEqual(beijing.Items.map((i) => i.InstanceKey));
    for (const i of beijing.Items) expect(i.SchedulerTime >= "2026-11-20 00:00:00" && i.SchedulerTime <= "2026-11-20 00:59:59").toBe(true);
    const six = await list({ TimeZone: "UTC+6", ScheduleTimeFrom: "2026-11-19 22:00:00", ScheduleTimeTo: "2026-11-19 22:59:59", PageSize: 100 });
    const a = beijing.Items[0]!;
    const b = six.Items[0]!;
    expect(b.InstanceKey).toBe(a.InstanceKey);
    expect(b.CurRunDate).toBe(a.CurRunDate);
    const shift = (s: string) => Date.parse(`${s.replace(" ", "T")}Z`);
    expect(shift(a.SchedulerTime) - shift(b.SchedulerTime)).toBe(2 * 3_600_000);
    if (a.StartTime && b.StartTime) expect(shift(a.StartTime) - shift(b.StartTime)).toBe(2 * 3_600_000);
    expect(shift(a.LastUpdateTime) - shift(b.LastUpdateTime)).toBe(2 * 3_600_000);
    const half = await list({ TimeZone: "UTC+5:30", ScheduleTimeFrom: "2026-11-19 21:30:00", ScheduleTimeTo: "2026-11-19 22:29:59", PageSize: 1 });
    expect(half.TotalCount).toBe(beijing.TotalCount);
  });

  it("filters StartTime and LastUpdateTime ranges", async () => {
    const page = await list({ StartTimeFrom: "2026-11-20 01:00:00", StartTimeTo: "2026-11-20 01:30:00", PageSize: 100 });
    expect(page.TotalCount).toBeGreaterThan(0);
    for (const i of page.Items) expect(i.StartTime! >= "2026-11-20 01:00:00" && i.StartTime! <= "2026-11-20 01:30:00").toBe(true);
    const upd = await list({ LastUpdateTimeFrom: "2026-11-20 02:00:00", PageSize: 100 });
    expect(upd.TotalCount).toBeGreaterThan(0);
    for (const i of upd.Items) expect(i.LastUpdateTime >= "2026-11-20 02:00:00").toBe(true);
  });

  it("sorts by all four columns in both directions", async () => {
    const value = { SCHEDULE_DATE: (i: Item) => i.SchedulerTime, START_TIME: (i: Item) => i.StartTime ?? "", END_TIME: (i: Item) => i.EndTime ?? "", COST_TIME: (i: Item) => i.CostTime ?? -1 };
    for (const [column, get] of Object.entries(value)) {
      for (const dir of ["ASC", "DESC"]) {
        for (const pageNumber of [1, 40]) {
          const page = await list({ SortColumn: column, SortType: dir, PageSize: 100, PageNumber: pageNumber });
          const values = page.Items.map(get as (i: Item) => string | number);
          const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
          if (dir === "DESC") sorted.reverse();
          expect(values, `${column} ${dir} page ${pageNumber}`).toEqual(sorted);
          expect(page.TotalCount).toBe(176_022);
        }
      }
    }
    // Default: newest schedule first.
    const byDefault = await list({ PageSize: 5 });
    const explicit = await list({ SortColumn: "SCHEDULE_DATE", SortType: "DESC", PageSize: 5 });
    expect(byDefault.Items).toEqual(explicit.Items);
  });

  it("is alive: new instances arrive and running ones move on as the clock advances", async () => {
    const before = await list({ PageSize: 1 });
    const running = (await list({ InstanceState: "RUNNING", PageSize: 20 })).Items;
    clock.advance(3 * 3_600_000);
    try {
      const after = await list({ PageSize: 1 });
      expect(after.TotalCount).toBeGreaterThan(before.TotalCount);
      const moved = await Promise.all(running.map((i) => call("GetTaskInstance", { InstanceKey: i.InstanceKey }) as Promise<Item>));
      expect(moved.some((i) => i.InstanceState !== "RUNNING")).toBe(true);
      for (const i of moved) expect(i.CurRunDate).toBe(running.find((r) => r.InstanceKey === i.InstanceKey)!.CurRunDate);
    } finally {
      clock.set(START);
    }
  });
});

describe("drill-down actions", () => {
  it("GetTaskInstance answers the list item plus JobErrorMsg", async () => {
    const expired = (await list({ InstanceState: "EXPIRED", PageSize: 1 })).Items[0]!;
    const got = (await call("GetTaskInstance", { InstanceKey: expired.InstanceKey })) as Item;
    const { JobErrorMsg, ...rest } = got;
    expect(rest).toEqual(expired);
    expect(JobErrorMsg).not.toBe("");
    const done = (await list({ InstanceState: "COMPLETED", PageSize: 1 })).Items[0]!;
    expect(((await call("GetTaskInstance", { InstanceKey: done.InstanceKey })) as Item).JobErrorMsg).toBe("");
  });

  it("ListTaskInstanceExecutions gives rounds with phase lists that end in the instance's state", async () => {
    const retried = (await list({ InstanceState: "EXPIRED", PageSize: 50 })).Items.find((i) => (i.Tries as number) > 1)!;
    const data = (await call("ListTaskInstanceExecutions", { InstanceKey: retried.InstanceKey })) as { Items: Array<Record<string, unknown>>; TotalCount: number };
    expect(data.TotalCount).toBeGreaterThanOrEqual(1);
    const lastRound = data.Items[data.Items.length - 1]!;
    expect(lastRound.InstanceState).toBe("EXPIRED");
    const phases = lastRound.ExecutionPhaseList as Array<{ StartTime: string; EndTime: string | null; DetailState: string }>;
    expect(phases[0]!.DetailState).toBe("WAIT_UPSTREAM");
    expect(phases.at(-1)!.DetailState).toBe("EXPIRED");
    if (data.TotalCount === 1) expect(phases.filter((p) => p.DetailState === "RUNNING")).toHaveLength(retried.Tries as number);
    const done = (await list({ InstanceState: "COMPLETED", PageSize: 1 })).Items[0]!;
    const ok = (await call("ListTaskInstanceExecutions", { InstanceKey: done.InstanceKey })) as { Items: Array<{ ExecutionPhaseList: Array<{ DetailState: string }> }> };
    expect(ok.Items.at(-1)!.ExecutionPhaseList.at(-1)!.DetailState).toBe("COMPLETE");
  });

  it("GetTaskInstanceLog pages with NextCursor until it is empty, and filters by level", async () => {
    const long = (await list({ InstanceState: "COMPLETED", SortColumn: "COST_TIME", SortType: "DESC", PageSize: 1 })).Items[0]!;
    let cursor = "";
    const lines: string[] = [];
    let code = "";
    for (let guard = 0; guard < 50; guard++) {
      const d = (await call("GetTaskInstanceLog", { InstanceKey: long.InstanceKey, ...(cursor ? { NextCursor: cursor } : {}) })) as Record<string, string>;
      code = d.CodeContent!;
      lines.push(...d.LogInfo!.split("\n"));
      cursor = d.NextCursor!;
      if (!cursor) break;
    }
    expect(cursor).toBe("");
    expect(lines.length).toBeGreaterThan(200);
    expect(code.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toContain("finished successfully");
    const warn = (await call("GetTaskInstanceLog", { InstanceKey: long.InstanceKey, LogLevel: "Warn" })) as Record<string, string>;
    for (const l of warn.LogInfo!.split("\n")) expect(l).toContain("[WARN]");
  });

  it("up- and downstream lists mirror each other", async () => {
    const page = await list({ PageSize: 100, InstanceState: "COMPLETED" });
    let checked = 0;
    for (const i of page.Items) {
      const up = (await call("ListUpstreamTaskInstances", { InstanceKey: i.InstanceKey })) as PageData;
      if (up.TotalCount === 0) continue;
      for (const u of up.Items) {
        expect(u.CurRunDate).toBe(i.CurRunDate);
        const down = (await call("ListDownstreamTaskInstances", { InstanceKey: u.InstanceKey, PageSize: 100 })) as PageData;
        expect(down.Items.map((d) => d.InstanceKey)).toContain(i.InstanceKey);
      }
      if (++checked >= 3) break;
    }
    expect(checked).toBe(3);
  });
});
