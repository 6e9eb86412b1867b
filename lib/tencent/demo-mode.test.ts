import { afterAll, describe, expect, it } from "vitest";
import { EMULATOR_PROJECT_IDS } from "@/lib/emulator";
import { callTencent, resetClientForTests } from "./client";
import { DEMO_PROJECT_IDS, loadConfig, publicConfig, resetConfigForTests } from "./config";
import { getDemoEmulator, stopDemoEmulator } from "./demo-emulator-state";

// With no credentials the client talks to the built-in emulator, started once per process.

afterAll(() => stopDemoEmulator());

describe("demo mode", () => {
  it("starts the emulator once and signs with its generated credentials", async () => {
    resetConfigForTests();
    resetClientForTests();
    const config = loadConfig({});
    expect(config.mode).toBe("demo");
    const [a, b] = await Promise.all([getDemoEmulator(), getDemoEmulator()]);
    expect(a).toBe(b);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const tasks = await callTencent("mps", "DescribeTasks", { Status: "FINISH", Limit: 2 });
    expect(tasks.TaskSet?.length).toBe(2);
    const w = await callTencent("wedata", "ListTaskInstances", { ProjectId: DEMO_PROJECT_IDS[0], PageSize: 1 });
    expect(w.Data?.Items).toHaveLength(1);
  });

  it("offers the emulator's project ids", () => {
    expect(DEMO_PROJECT_IDS).toEqual([...EMULATOR_PROJECT_IDS]);
    expect(publicConfig().wedataProjectIds).toEqual([...EMULATOR_PROJECT_IDS]);
  });
});
