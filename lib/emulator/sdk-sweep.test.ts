import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_PROJECT_IDS, startEmulator, type EmulatorHandle } from "./index";
import { PROJECT, sdkCall, sdkClient } from "./test-support";

// Every action, with every documented parameter, through the official SDK: what the SDK serialises (compact
// JSON, nulls removed, host signed without the port) is accepted and answered in the documented shape.

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true, seed: 21, scale: 0.1 });
});
afterAll(() => emu.close());

describe("official SDK against every action", () => {
  it("MPS DescribeTasks with all parameters, then DescribeTaskDetail", async () => {
    const client = sdkClient(emu, "mps");
    const now = Date.now();
    const first = await sdkCall(client, "DescribeTasks", {
      Status: "FINISH",
      SubTaskHasFailed: false,
      Limit: 5,
      StartTime: new Date(now - 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      EndTime: new Date(now).toISOString().replace(/\.\d{3}Z$/, "Z"),
      ScrollToken: null, // the SDK drops nulls
    });
    expect(first.code).toBeUndefined();
    const page = first.data as { TaskSet: Array<{ TaskId: string }>; ScrollToken: string; TotalCount: number };
    expect(page.TaskSet).toHaveLength(5);
    const second = await sdkCall(client, "DescribeTasks", { Status: "FINISH", SubTaskHasFailed: false, Limit: "5", ScrollToken: page.ScrollToken });
    expect((second.data as { TaskSet: Array<{ TaskId: string }> }).TaskSet[0]!.TaskId).toBe(page.ScrollToken);
    const detail = await sdkCall(client, "DescribeTaskDetail", { TaskId: page.TaskSet[0]!.TaskId });
    expect(detail.code).toBeUndefined();
    expect(detail.data).toMatchObject({ Status: "FINISH", RequestId: expect.any(String) });
  });

  it("WeData ListTaskInstances with every filter and sort parameter", async () => {
    const client = sdkClient(emu, "wedata");
    const base = await sdkCall(client, "ListTaskInstances", { ProjectId: PROJECT, PageSize: 1, InstanceState: "COMPLETED" });
    const item = (base.data as { Data: { Items: Array<Record<string, unknown>> } }).Data.Items[0]!;
    const all = await sdkCall(client, "ListTaskInstances", {
      ProjectId: PROJECT,
      PageNumber: 1,
      PageSize: 100,
      Keyword: `${item.TaskId as string},nothing-like-this`,
      TimeZone: "UTC+8",
      InstanceType: item.InstanceType,
      InstanceState: "COMPLETED",
      TaskTypeId: item.TaskTypeId,
      CycleType: item.CycleType,
      OwnerUin: (item.OwnerUinList as string[])[0],
      FolderId: item.FolderId,
      WorkflowId: item.WorkflowId,
      ExecutorGroupId: item.ExecutorGroupId,
      ScheduleTimeFrom: item.SchedulerTime,
      ScheduleTimeTo: item.SchedulerTime,
      StartTimeFrom: "2000-01-01 00:00:00",
      StartTimeTo: "2100-01-01 00:00:00",
      LastUpdateTimeFrom: "2000-01-01 00:00:00",
      LastUpdateTimeTo: "2100-01-01 00:00:00",
      SortColumn: "END_TIME",
      SortType: "ASC",
    });
    expect(all.code).toBeUndefined();
    const data = (all.data as { Data: { Items: Array<Record<string, unknown>>; TotalCount: number } }).Data;
    expect(data.TotalCount).toBeGreaterThan(0);
    expect(data.Items.filter((i) => i.TaskId !== item.TaskId).map((i) => [i.TaskId, i.TaskName])).toEqual([]);
    expect(data.Items.map((i) => i.InstanceKey)).toEqual([item.InstanceKey]);
  });

  it("WeData drill-down actions answer for an instance of either project", async () => {
    const client = sdkClient(emu, "wedata");
    for (const project of EMULATOR_PROJECT_IDS) {
      const list = await sdkCall(client, "ListTaskInstances", { ProjectId: project, PageSize: 1, InstanceState: "COMPLETED" });
      const key = (list.data as { Data: { Items: Array<{ InstanceKey: string }> } }).Data.Items[0]!.InstanceKey;
      const calls: Array<[string, Record<string, unknown>]> = [
        ["GetTaskInstance", { TimeZone: "UTC+8" }],
        ["ListTaskInstanceExecutions", { TimeZone: "UTC+0", PageNumber: 1, PageSize: 200 }],
        ["GetTaskInstanceLog", { LifeRoundNum: 0, LogLevel: "All" }],
        ["ListUpstreamTaskInstances", { TimeZone: "UTC+8", PageNumber: 1, PageSize: 10 }],
        ["ListDownstreamTaskInstances", { TimeZone: "UTC+8", PageNumber: 1, PageSize: 10 }],
      ];
      for (const [action, extra] of calls) {
        const r = await sdkCall(client, action, { ProjectId: project, InstanceKey: key, ...extra });
        expect(r.code, `${action} in ${project}`).toBeUndefined();
        expect((r.data as { Data: unknown }).Data, action).toBeTruthy();
      }
    }
  });
});
