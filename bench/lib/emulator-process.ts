import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { reapOnExit, stopGroup } from "./child-group";
import { freePort } from "./free-port";

// The emulator in a process of its own (`lib/emulator/cli.ts`), for scenarios that time calls against it: a
// call sent from the bench process to an in-process emulator never leaves its event loop, which no real client
// of Tencent Cloud can do, while the proxy's own upstream call always crosses to another process. Out of process,
// a direct call and the proxy's upstream call pay the same hop.

export interface EmulatorProcess {
  url: string;
  secretId: string;
  secretKey: string;
  close(): Promise<void>;
}

export interface EmulatorProcessOptions {
  seed?: number;
  /** Added to every answer (EMULATOR_LATENCY_MS). */
  latencyMs?: number;
}

const START_TIMEOUT_MS = 60_000;

export async function startEmulatorProcess(root: string, opts: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  const port = await freePort();
  const secretId = `AKIDbench${randomBytes(12).toString("hex")}`;
  const secretKey = randomBytes(24).toString("base64url");
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "lib/emulator/cli.ts")], {
    cwd: root,
    env: {
      ...process.env,
      EMULATOR_PORT: String(port),
      EMULATOR_SEED: String(opts.seed ?? 42),
      EMULATOR_SECRET_ID: secretId,
      EMULATOR_SECRET_KEY: secretKey,
      EMULATOR_LATENCY_MS: String(opts.latencyMs ?? 0),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  reapOnExit(child);
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const keep = (c: Buffer) => {
      output = (output + c.toString("utf8")).slice(-4000);
      if (output.includes(" listening on ")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}):\n${output}`));
    });
  });
  try {
    await ready;
  } catch (err) {
    await stopGroup(child);
    throw err;
  }
  return { url: `http://127.0.0.1:${port}`, secretId, secretKey, close: () => stopGroup(child) };
}
