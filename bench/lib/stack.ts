import { randomBytes } from "node:crypto";
import { startEmulator } from "../../lib/emulator";
import type { EmulatorHandle, EmulatorOptions } from "../../lib/emulator/types";
import { startNextServer, type NextServer } from "./next-server";

// One emulator (in this process, so its call log is read directly) and one `next start` pointed at it with
// fresh credentials: the system under test, configured per scenario through the server's environment.

export const WEDATA_PROJECT_ID = "1460947878944567296";

export interface Stack {
  emulator: EmulatorHandle;
  server: NextServer;
  close(): Promise<void>;
}

export interface StackOptions {
  root: string;
  distDir: string;
  emulator?: Omit<EmulatorOptions, "secretId" | "secretKey" | "port" | "host">;
  /** Extra server environment, e.g. UPSTREAM_CACHE_TTL_MS. */
  serverEnv?: Record<string, string>;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const emulator = await startEmulator({
    port: 0,
    seed: 42,
    quiet: true,
    ...opts.emulator,
    secretId: `AKIDbench${randomBytes(12).toString("hex")}`,
    secretKey: randomBytes(24).toString("base64url"),
  });
  let server: NextServer;
  try {
    server = await startNextServer(opts.root, opts.distDir, {
      TENCENTCLOUD_SECRET_ID: emulator.secretId,
      TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
      MPS_ENDPOINT: emulator.url,
      WEDATA_ENDPOINT: emulator.url,
      WEDATA_PROJECT_IDS: WEDATA_PROJECT_ID,
      ...opts.serverEnv,
    });
  } catch (err) {
    await emulator.close();
    throw err;
  }
  return {
    emulator,
    server,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}
