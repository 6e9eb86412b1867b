import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "./index";
import { manualClock, PROJECT, rawCall, type RawCallOptions } from "./test-support";

// Same seed and clock → the same answers, byte for byte (apart from RequestId); another seed → other data.

const START = Date.UTC(2026, 5, 1, 3, 0, 0);
const clock = manualClock(START);
let a: EmulatorHandle;
let b: EmulatorHandle;
let other: EmulatorHandle;

beforeAll(async () => {
  [a, b, other] = await Promise.all([
    startEmulator({ quiet: true, seed: 99, scale: 0.3, now: clock.now }),
    startEmulator({ quiet: true, seed: 99, scale: 0.3, now: clock.now }),
    startEmulator({ quiet: true, seed: 100, scale: 0.3, now: clock.now }),
  ]);
});
afterAll(() => Promise.all([a.close(), b.close(), other.close()]));

async function answer(emu: EmulatorHandle, o: Omit<RawCallOptions, "clock">): Promise<unknown> {
  const r = await rawCall(emu, { ...o, clock: clock.now });
  const { RequestId, ...rest } = r.json.Response;
  expect(RequestId).toMatch(/^[0-9a-f-]{36}$/);
  return rest;
}

const calls: Array<Omit<RawCallOptions, "clock">> = [
  { service: "mps", action: "DescribeTasks", params: { Status: "FINISH", Limit: 100 } },
  { service: "mps", action: "DescribeTasks", params: { Status: "PROCESSING", Limit: 100 } },
  { service: "mps", action: "DescribeTasks", params: { Status: "FINISH", SubTaskHasFailed: true, Limit: 50 } },
  { service: "wedata", action: "ListTaskInstances", params: { ProjectId: PROJECT, PageSize: 100 } },
  { service: "wedata", action: "ListTaskInstances", params: { ProjectId: PROJECT, PageSize: 100, SortColumn: "COST_TIME", PageNumber: 3 } },
  { service: "wedata", action: "ListTaskInstances", params: { ProjectId: PROJECT, PageSize: 50, InstanceState: "RUNNING", TimeZone: "UTC+6" } },
];

describe("determinism", () => {
  it("two emulators with the same seed and clock answer identically, also after the clock moves", async () => {
    for (const step of [0, 90_000, 3_600_000]) {
      clock.advance(step);
      for (const c of calls) expect(await answer(b, c), `${c.action} ${JSON.stringify(c.params)}`).toEqual(await answer(a, c));
      // Drill into the same records on both.
      const page = (await answer(a, calls[0]!)) as { TaskSet: Array<{ TaskId: string }> };
      const detail = { service: "mps", action: "DescribeTaskDetail", params: { TaskId: page.TaskSet[3]!.TaskId } } as const;
      expect(await answer(b, detail)).toEqual(await answer(a, detail));
      const list = (await answer(a, calls[3]!)) as { Data: { Items: Array<{ InstanceKey: string }> } };
      for (const action of ["GetTaskInstance", "ListTaskInstanceExecutions", "GetTaskInstanceLog", "ListUpstreamTaskInstances"]) {
        const c = { service: "wedata", action, params: { ProjectId: PROJECT, InstanceKey: list.Data.Items[5]!.InstanceKey } } as const;
        expect(await answer(b, c), action).toEqual(await answer(a, c));
      }
    }
  });

  it("a different seed gives different data", async () => {
    expect(await answer(other, calls[0]!)).not.toEqual(await answer(a, calls[0]!));
    expect(await answer(other, calls[3]!)).not.toEqual(await answer(a, calls[3]!));
  });
});
