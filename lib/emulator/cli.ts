import { startEmulator } from "./index";

// `npm run emulator`: the emulator alone, for Playwright, benchmarks and pointing a local Taskboard at it.

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    console.error(`${name} must be a number, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const started = performance.now();
  const given = Boolean(process.env.EMULATOR_SECRET_ID && process.env.EMULATOR_SECRET_KEY);
  const emulator = await startEmulator({
    port: numberFromEnv("EMULATOR_PORT", 4500),
    seed: numberFromEnv("EMULATOR_SEED", 1),
    scale: numberFromEnv("EMULATOR_SCALE", 1),
    secretId: given ? process.env.EMULATOR_SECRET_ID : undefined,
    secretKey: given ? process.env.EMULATOR_SECRET_KEY : undefined,
    quiet: true,
  });
  const latencyMs = numberFromEnv("EMULATOR_LATENCY_MS", 0);
  if (latencyMs > 0) emulator.setFaults({ latencyMs });
  console.log(`Tencent API emulator (MPS + WeData) listening on ${emulator.url} (ready in ${Math.round(performance.now() - started)} ms)`);
  if (!given) {
    // Generated for this run only: print them so a human can point Taskboard at this emulator.
    console.log(`TENCENTCLOUD_SECRET_ID=${emulator.secretId}`);
    console.log(`TENCENTCLOUD_SECRET_KEY=${emulator.secretKey}`);
  }
  console.log(`MPS_ENDPOINT=${emulator.url} WEDATA_ENDPOINT=${emulator.url}`);

  const stop = (signal: string) => {
    console.log(`emulator: ${signal}, closing`);
    void emulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
