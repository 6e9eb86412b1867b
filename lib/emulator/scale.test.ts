import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMULATOR_PROJECT_IDS, startEmulator, type EmulatorHandle } from "./index";
import { codeOf, manualClock, rawCall } from "./test-support";

// `scale` multiplies both data sets: WeData exactly, MPS on average (arrivals are random per hour).

const clock = manualClock(Date.UTC(2026, 2, 10, 9, 0, 0));
let small: EmulatorHandle;
let large: EmulatorHandle;

beforeAll(async () => {
  small = await startEmulator({ quiet: true, seed: 8, scale: 0.5, now: clock.now });
  large = await startEmulator({ quiet: true, seed: 8, scale: 2, now: clock.now });
});
afterAll(() => Promise.all([small.close(), large.close()]));

async function total(emu: EmulatorHandle, service: "mps" | "wedata", params: Record<string, unknown>): Promise<number> {
  const r = await rawCall(emu, { service, action: service === "mps" ? "DescribeTasks" : "ListTaskInstances", params, clock: clock.now });
  expect(codeOf(r)).toBeUndefined();
  const res = r.json.Response as { TotalCount?: number; Data?: { TotalCount: number } };
  return res.TotalCount ?? res.Data!.TotalCount;
}

describe("scale", () => {
  it("multiplies the WeData project sizes exactly", async () => {
    expect(await total(small, "wedata", { ProjectId: EMULATOR_PROJECT_IDS[0], PageSize: 1 })).toBe(88_011);
    expect(await total(large, "wedata", { ProjectId: EMULATOR_PROJECT_IDS[0], PageSize: 1 })).toBe(352_044);
    expect(await total(large, "wedata", { ProjectId: EMULATOR_PROJECT_IDS[1], PageSize: 1 })).toBe(82_714);
  });

  it("multiplies the MPS arrival rate", async () => {
    const ratio = (await total(large, "mps", { Status: "FINISH" })) / (await total(small, "mps", { Status: "FINISH" }));
    expect(ratio).toBeGreaterThan(3.7);
    expect(ratio).toBeLessThan(4.3);
  });
});
