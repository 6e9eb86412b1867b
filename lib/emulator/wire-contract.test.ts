import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { DescribeTaskDetailResponse, DescribeTasksResponse, MPS_SUB_TASK_STATUSES, MPS_TASK_TYPES } from "../mps/wire";
import {
  CYCLE_TYPES,
  DETAIL_STATES,
  GetTaskInstanceLogResponse,
  GetTaskInstanceResponse,
  INSTANCE_STATES,
  ListTaskInstanceExecutionsResponse,
  ListTaskInstancesResponse,
} from "../wedata/wire";
import { EMULATOR_PROJECT_IDS, startEmulator, type EmulatorHandle } from "./index";
import { codeOf, rawCall, type RawCallOptions } from "./test-support";

// The emulator's answers satisfy the wire schemas the proxy validates upstream JSON with (lib/mps/wire.ts,
// lib/wedata/wire.ts), and every enum-like value is one the app knows.

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ quiet: true, seed: 31, scale: 0.1 });
});
afterAll(() => emu.close());

async function parsed<T extends z.ZodType>(schema: T, o: RawCallOptions): Promise<z.infer<T>> {
  const r = await rawCall(emu, o);
  expect(codeOf(r), JSON.stringify(r.json.Response.Error)).toBeUndefined();
  const result = schema.safeParse(r.json.Response);
  expect(result.success, result.success ? "" : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
  return result.data as z.infer<T>;
}

describe("MPS answers satisfy lib/mps/wire.ts", () => {
  it("DescribeTasks and DescribeTaskDetail for every task type and status", async () => {
    const seenTypes = new Set<string>();
    for (const Status of ["WAITING", "PROCESSING", "FINISH"]) {
      const page = await parsed(DescribeTasksResponse, { service: "mps", action: "DescribeTasks", params: { Status, Limit: 100 } });
      const tasks = (page as { TaskSet: Array<{ TaskId: string; TaskType: string }> }).TaskSet;
      const oneOfEachType = new Map(tasks.map((t) => [t.TaskType, t]));
      for (const t of oneOfEachType.values()) {
        seenTypes.add(t.TaskType);
        const detail = (await parsed(DescribeTaskDetailResponse, { service: "mps", action: "DescribeTaskDetail", params: { TaskId: t.TaskId } })) as Record<string, unknown>;
        expect(detail.Status).toBe(Status);
        for (const m of JSON.stringify(detail).matchAll(/"Status":"([A-Z]+)"/g)) {
          expect([...MPS_SUB_TASK_STATUSES, "WAITING", "FINISH"]).toContain(m[1]);
        }
      }
    }
    for (const t of seenTypes) expect(MPS_TASK_TYPES as readonly string[]).toContain(t);
  });
});

describe("WeData answers satisfy lib/wedata/wire.ts", () => {
  it("every action, with states, cycles and phase states the app knows", async () => {
    for (const ProjectId of EMULATOR_PROJECT_IDS) {
      const list = await parsed(ListTaskInstancesResponse, { service: "wedata", action: "ListTaskInstances", params: { ProjectId, PageSize: 100, SortColumn: "COST_TIME" } });
      const items = list.Data?.Items ?? [];
      expect(items.length).toBe(100);
      for (const i of items) {
        expect(INSTANCE_STATES as readonly string[]).toContain(i.InstanceState);
        expect(CYCLE_TYPES as readonly string[]).toContain(i.CycleType);
      }
      for (const item of items.slice(0, 5)) {
        const key = { ProjectId, InstanceKey: item.InstanceKey };
        await parsed(GetTaskInstanceResponse, { service: "wedata", action: "GetTaskInstance", params: key });
        const ex = await parsed(ListTaskInstanceExecutionsResponse, { service: "wedata", action: "ListTaskInstanceExecutions", params: key });
        for (const round of ex.Data?.Items ?? []) {
          for (const phase of round.ExecutionPhaseList ?? []) expect(DETAIL_STATES as readonly string[]).toContain(phase.DetailState);
        }
        await parsed(GetTaskInstanceLogResponse, { service: "wedata", action: "GetTaskInstanceLog", params: key });
        await parsed(ListTaskInstancesResponse, { service: "wedata", action: "ListUpstreamTaskInstances", params: key });
        await parsed(ListTaskInstancesResponse, { service: "wedata", action: "ListDownstreamTaskInstances", params: key });
      }
    }
  });
});
