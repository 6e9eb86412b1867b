import { describe, expect, it } from "vitest";
import { taskTimes } from "./task-times";

const Z = "0000-00-00T00:00:00Z";
const now = Date.parse("2026-11-23T12:00:00Z");

describe("taskTimes", () => {
  it("finished task: queue and processing time, no time-in-state", () => {
    const t = taskTimes({ CreateTime: "2026-11-23T11:00:00Z", BeginProcessTime: "2026-11-23T11:00:30Z", FinishTime: "2026-11-23T11:05:30Z" }, now);
    expect(t.queueMs).toBe(30_000);
    expect(t.processingMs).toBe(300_000);
    expect(t.inStateMs).toBeNull();
  });
  it("waiting task: queue time grows to now and is its time in state", () => {
    const t = taskTimes({ CreateTime: "2026-11-23T11:50:00Z", BeginProcessTime: Z, FinishTime: Z }, now);
    expect(t.began).toBeNull();
    expect(t.queueMs).toBe(600_000);
    expect(t.processingMs).toBeNull();
    expect(t.inStateMs).toBe(600_000);
  });
  it("processing task: time in state counts from the start of processing", () => {
    const t = taskTimes({ CreateTime: "2026-11-23T11:00:00Z", BeginProcessTime: "2026-11-23T11:30:00Z", FinishTime: Z }, now);
    expect(t.queueMs).toBe(1_800_000);
    expect(t.processingMs).toBe(1_800_000);
    expect(t.inStateMs).toBe(1_800_000);
  });
});
