import "server-only";
import { ConfigError, loadConfig } from "@/lib/tencent/config";
import { getDemoEmulator } from "@/lib/tencent/demo-emulator-state";
import { logEvent } from "@/lib/tencent/log";

/** Server start: validate env once; in demo mode start the emulator before the first request. */
export async function startServerRuntime(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // Plain text on stderr reads better than JSON for a human fixing their environment.
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (config.mode === "demo") {
    const emu = await getDemoEmulator();
    logEvent("startup", { mode: "demo", emulator: emu.url });
  } else {
    logEvent("startup", { mode: "live", mps: config.targets.mps.endpoint, wedata: config.targets.wedata.endpoint });
  }
}
