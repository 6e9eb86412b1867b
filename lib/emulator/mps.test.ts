import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "./index";
import { codeOf, manualClock, rawCall } from "./test-support";

// MPS DescribeTasks / DescribeTaskDetail: every documented parameter with its documented meaning, the stable
// cursor under live arrivals, and the shape of the data. A manual clock makes every figure reproducible.

type Task = { TaskId: string; TaskType: string; CreateTime: string; BeginProcessTime: string; FinishTime: string; SubTaskTypes: string[] };
type Page = { TotalCount: number; TaskSet: Task[]; ScrollToken: string };

const ZERO = "0000-00-00T00:00:00Z";
const START = Date.UTC(2026, 10, 20, 6, 30, 0); // 14:30 in Beijing: a busy afternoon
const clock = manualClock(START);
let emu: EmulatorHandle;

beforeAll(async () => {
  emu = await startEmulator({ quiet: true, seed: 11, now: clock.now });
});
afterAll(() => emu.close());

async function describeTasks(params: Record<string, unknown>): Promise<Page> {
  const r = await rawCall(emu, { service: "mps", action: "DescribeTasks", params, clock: clock.now });
  expect(codeOf(r), JSON.stringify(r.json.Response.Error)).toBeUndefined();
  return r.json.Response as unknown as Page;
}
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const order = (a: Task, b: Task) => (a.CreateTime === b.CreateTime ? (a.TaskId < b.TaskId ? 1 : -1) : a.CreateTime < b.CreateTime ? 1 : -1);

describe("DescribeTasks parameters", () => {
  it("Status selects by lifecycle, with 0000-00-00T00:00:00Z for what has not happened yet", async () => {
    const waiting = await describeTasks({ Status: "WAITING", Limit: 100 });
    const processing = await describeTasks({ Status: "PROCESSING", Limit: 100 });
    const finished = await describeTasks({ Status: "FINISH", Limit: 100 });
    expect(waiting.TaskSet.length).toBeGreaterThan(0);
    expect(processing.TaskSet.length).toBeGreaterThan(0);
    for (const t of waiting.TaskSet) expect([t.BeginProcessTime, t.FinishTime]).toEqual([ZERO, ZERO]);
    for (const t of processing.TaskSet) {
      expect(t.BeginProcessTime).not.toBe(ZERO);
      expect(t.FinishTime).toBe(ZERO);
    }
    for (const t of finished.TaskSet) {
      expect(t.BeginProcessTime >= t.CreateTime).toBe(true);
      expect(t.FinishTime > t.BeginProcessTime).toBe(true);
    }
    // Tens of thousands of tasks over the week, nearly all finished.
    expect(finished.TotalCount).toBeGreaterThan(25_000);
    expect(finished.TotalCount).toBeLessThan(50_000);
  });

  it("TaskSet items carry exactly the six documented fields, with realistic ids and types", async () => {
    const page = await describeTasks({ Status: "FINISH", Limit: 100 });
    for (const t of page.TaskSet) {
      expect(Object.keys(t).sort()).toEqual(["BeginProcessTime", "CreateTime", "FinishTime", "SubTaskTypes", "TaskId", "TaskType"]);
      expect(t.TaskId).toMatch(new RegExp(`^\\d{5}-${t.TaskType}-[0-9a-f]{13}$`));
      expect(t.SubTaskTypes.length).toBeGreaterThan(0);
    }
    expect(new Set(page.TaskSet.map((t) => t.TaskType)).size).toBeGreaterThanOrEqual(3);
  });

  it("SubTaskHasFailed splits the finished tasks into a few percent failed and the rest", async () => {
    const all = await describeTasks({ Status: "FINISH" });
    const failed = await describeTasks({ Status: "FINISH", SubTaskHasFailed: true });
    const clean = await describeTasks({ Status: "FINISH", SubTaskHasFailed: false });
    expect(failed.TotalCount + clean.TotalCount).toBe(all.TotalCount);
    const share = failed.TotalCount / all.TotalCount;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.08);
    const detail = await rawCall(emu, { service: "mps", action: "DescribeTaskDetail", params: { TaskId: failed.TaskSet[0]!.TaskId }, clock: clock.now });
    expect(JSON.stringify(detail.json.Response)).toContain('"Status":"FAIL"');
  });

  it("Limit defaults to 10 and caps a page", async () => {
    expect((await describeTasks({ Status: "FINISH" })).TaskSet).toHaveLength(10);
    expect((await describeTasks({ Status: "FINISH", Limit: 100 })).TaskSet).toHaveLength(100);
    expect((await describeTasks({ Status: "FINISH", Limit: 1 })).TaskSet).toHaveLength(1);
  });

  it("StartTime/EndTime bound CreateTime, inside the 7-day window only", async () => {
    const from = START - 6 * 3_600_000;
    const to = START - 5 * 3_600_000;
    const page = await describeTasks({ Status: "FINISH", StartTime: iso(from), EndTime: iso(to), Limit: 100 });
    expect(page.TotalCount).toBeGreaterThan(50);
    for (const t of page.TaskSet) {
      expect(Date.parse(t.CreateTime)).toBeGreaterThanOrEqual(from);
      expect(Date.parse(t.CreateTime)).toBeLessThanOrEqual(to);
    }
    const beyond = await describeTasks({ Status: "FINISH", EndTime: iso(START - 7 * 86_400_000 - 1000) });
    expect(beyond.TotalCount).toBe(0);
    const edge = await describeTasks({ Status: "FINISH", EndTime: iso(START - 7 * 86_400_000 + 3_600_000), Limit: 100 });
    expect(edge.TotalCount).toBeGreaterThan(0);
    for (const t of edge.TaskSet) expect(Date.parse(t.CreateTime)).toBeGreaterThan(START - 7 * 86_400_000);
  });

  it("follows a day/night rhythm (Beijing afternoon busier than the small hours)", async () => {
    const day = Date.UTC(2026, 10, 19);
    const count = async (utcHour: number) =>
      (await describeTasks({ Status: "FINISH", StartTime: iso(day + utcHour * 3_600_000), EndTime: iso(day + (utcHour + 1) * 3_600_000 - 1000) })).TotalCount;
    const night = await count(19); // 03:00 Beijing
    const afternoon = await count(7); // 15:00 Beijing
    expect(afternoon).toBeGreaterThan(night * 3);
  });
});

describe("ScrollToken", () => {
  it("continues exactly where the previous page stopped and ends with an empty token", async () => {
    const first = await describeTasks({ Status: "FINISH", Limit: 20 });
    const a = await describeTasks({ Status: "FINISH", Limit: 10 });
    const b = await describeTasks({ Status: "FINISH", Limit: 10, ScrollToken: a.ScrollToken });
    expect([...a.TaskSet, ...b.TaskSet]).toEqual(first.TaskSet);
    expect(a.ScrollToken).toBe(b.TaskSet[0]!.TaskId); // the token is the TaskId of the next record
    const waiting = await describeTasks({ Status: "WAITING", Limit: 100 });
    expect(waiting.ScrollToken).toBe("");
  });

  it("never skips or repeats a task while new tasks arrive between pages", async () => {
    const t0 = clock.now();
    const range = { StartTime: iso(t0 - 4 * 3_600_000) };
    // What was finished at the first page's moment, within the range.
    const snapshot: Task[] = [];
    let token = "";
    do {
      const p = await describeTasks({ Status: "FINISH", Limit: 100, ...range, ...(token ? { ScrollToken: token } : {}) });
      snapshot.push(...p.TaskSet);
      token = p.ScrollToken;
    } while (token);

    const seen: Task[] = [];
    let head = "";
    token = "";
    try {
      do {
        const p = await describeTasks({ Status: "FINISH", Limit: 37, ...range, ...(token ? { ScrollToken: token } : {}) });
        if (!head) head = p.TaskSet[0]!.TaskId;
        seen.push(...p.TaskSet);
        token = p.ScrollToken;
        clock.advance(20_000); // new tasks arrive and others finish between pages
      } while (token);
      const fresh = await describeTasks({ Status: "FINISH", Limit: 1 });
      expect(fresh.TaskSet[0]!.TaskId).not.toBe(head); // the world did move on
    } finally {
      clock.set(t0);
    }
    const ids = seen.map((t) => t.TaskId);
    expect(new Set(ids).size).toBe(ids.length); // nothing repeated
    expect([...seen].sort(order)).toEqual(seen); // one stable order
    const seenIds = new Set(ids);
    expect(snapshot.filter((t) => !seenIds.has(t.TaskId))).toEqual([]); // nothing skipped
    expect(seen.length).toBeGreaterThanOrEqual(snapshot.length);
  });
});

describe("DescribeTaskDetail", () => {
  it("returns the full structure with one populated task member", async () => {
    const page = await describeTasks({ Status: "FINISH", Limit: 50 });
    const wf = page.TaskSet.find((t) => t.TaskType === "WorkflowTask")!;
    const r = await rawCall(emu, { service: "mps", action: "DescribeTaskDetail", params: { TaskId: wf.TaskId }, clock: clock.now });
    const d = r.json.Response as unknown as Record<string, unknown> & { WorkflowTask: Record<string, unknown> };
    expect(d.TaskType).toBe("WorkflowTask");
    expect(d.Status).toBe("FINISH");
    expect(d.CreateTime).toBe(wf.CreateTime);
    expect(d.FinishTime).toBe(wf.FinishTime);
    for (const m of ["EditMediaTask", "LiveStreamProcessTask", "ScheduleTask", "LiveScheduleTask", "ExtractBlindWatermarkTask"]) expect(d[m]).toBeNull();
    expect(d.WorkflowTask.TaskId).toBe(wf.TaskId);
    expect(d.WorkflowTask.InputInfo).toMatchObject({ Type: "COS" });
    expect(d.WorkflowTask.MetaData).toMatchObject({ Width: expect.any(Number), Duration: expect.any(Number) });
    const results = [...(d.WorkflowTask.MediaProcessResultSet as Array<Record<string, unknown>>)];
    for (const item of results) {
      const member = Object.entries(item).filter(([k, v]) => k !== "Type" && v !== null);
      expect(member).toHaveLength(1);
      expect(member[0]![1]).toMatchObject({ Status: expect.stringMatching(/^(SUCCESS|FAIL)$/), ErrCode: expect.any(Number), Progress: expect.any(Number) });
    }
  });

  it("shows a waiting task with zero times and a running one with progress", async () => {
    const waiting = (await describeTasks({ Status: "WAITING", Limit: 1 })).TaskSet[0]!;
    const w = await rawCall(emu, { service: "mps", action: "DescribeTaskDetail", params: { TaskId: waiting.TaskId }, clock: clock.now });
    expect(w.json.Response).toMatchObject({ Status: "WAITING", BeginProcessTime: ZERO, FinishTime: ZERO });
  });

  it("answers ResourceNotFound for tasks older than its 3-day window", async () => {
    const old = await describeTasks({ Status: "FINISH", EndTime: iso(START - 4 * 86_400_000), Limit: 1 });
    const r = await rawCall(emu, { service: "mps", action: "DescribeTaskDetail", params: { TaskId: old.TaskSet[0]!.TaskId }, clock: clock.now });
    expect(codeOf(r)).toBe("ResourceNotFound");
  });
});
