import "server-only";
import { randomBytes } from "node:crypto";

// The built-in emulator of demo mode. Next bundles instrumentation and each route separately, so module
// state is not shared between them: the one instance lives on globalThis under a Symbol.for key.

export interface DemoEmulator {
  url: string;
  secretId: string;
  secretKey: string;
  close(): Promise<void>;
}

const KEY = Symbol.for("taskboard.demoEmulator");
type Holder = { [KEY]?: Promise<DemoEmulator> };

/** Starts the emulator once per process (fresh random credentials, a free port on 127.0.0.1). */
export function getDemoEmulator(): Promise<DemoEmulator> {
  const holder = globalThis as Holder;
  holder[KEY] ??= start().catch((err: unknown) => {
    delete holder[KEY];
    throw err;
  });
  return holder[KEY];
}

async function start(): Promise<DemoEmulator> {
  const { startEmulator } = await import("@/lib/emulator");
  const secretId = `AKIDdemo${randomBytes(12).toString("hex")}`;
  const secretKey = randomBytes(24).toString("base64url");
  const emu = await startEmulator({ port: 0, secretId, secretKey, quiet: true });
  return { url: emu.url, secretId: emu.secretId, secretKey: emu.secretKey, close: () => emu.close() };
}

/** Stops the demo emulator if this process started one (tests). */
export async function stopDemoEmulator(): Promise<void> {
  const holder = globalThis as Holder;
  const p = holder[KEY];
  delete holder[KEY];
  if (p) await (await p).close();
}
