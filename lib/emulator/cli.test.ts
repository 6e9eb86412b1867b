import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isLoopback } from "./control-endpoint";
import { startEmulator } from "./index";

// The standalone emulator as Playwright starts it, and the loopback-only rules.

describe("npm run emulator (lib/emulator/cli.ts)", () => {
  it("honours EMULATOR_* variables, prints its URL, serves health and exits cleanly on SIGTERM", async () => {
    const port = 4500 + Math.floor(Math.random() * 400) + 90;
    const child = spawn(process.execPath, ["--import", "tsx", "lib/emulator/cli.ts"], {
      env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_SEED: "4", EMULATOR_SCALE: "0.05", EMULATOR_SECRET_ID: "AKIDclitest", EMULATOR_SECRET_KEY: "cli-test-key" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 100 && !out.includes("listening"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`http://127.0.0.1:${port}`);
    expect(out).not.toContain("cli-test-key"); // a given key is never printed
    const health = await fetch(`http://127.0.0.1:${port}/__emulator/health`);
    expect(await health.json()).toEqual({ ok: true });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("loopback only", () => {
  it("recognises loopback remote addresses and nothing else", () => {
    for (const a of ["127.0.0.1", "127.3.2.1", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a)).toBe(true);
    for (const a of ["10.0.0.1", "192.168.1.2", "::ffff:10.0.0.1", "fe80::1", undefined]) expect(isLoopback(a)).toBe(false);
  });

  it("refuses to listen on a non-loopback address", async () => {
    await expect(startEmulator({ host: "0.0.0.0", quiet: true })).rejects.toThrow(/loopback/);
  });
});
