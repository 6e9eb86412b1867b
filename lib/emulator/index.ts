import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { CallStats } from "./call-stats";
import { createEmulatorServer, type ServerState } from "./http-server";
import { mpsApi } from "./mps/mps-api";
import { MpsStore } from "./mps/mps-store";
import type { EmulatorHandle, EmulatorOptions, FaultConfig } from "./types";
import { wedataApi } from "./wedata/wedata-api";
import { WedataStore } from "./wedata/wedata-store";

export type { EmulatorHandle, EmulatorOptions, EmulatorStats, FaultConfig, CallLogEntry, EmulatedService } from "./types";
export { EMULATOR_PROJECT_IDS } from "./wedata/catalogue";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** A fresh credential pair in Tencent's shape; never a fixed pair, so no secret lives in the repository. */
export function generateCredentials(): { secretId: string; secretKey: string } {
  return { secretId: `AKIDemu${randomBytes(14).toString("hex")}`, secretKey: randomBytes(24).toString("base64url") };
}

/**
 * Starts the Tencent API emulator (MPS + WeData on one port, routed by the credential scope's service).
 * Data is a pure function of (seed, scale, clock): two emulators with the same three answer identically.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.test(host)) throw new Error(`The emulator listens on loopback only, not ${host}`);
  const generated = generateCredentials();
  const creds = { secretId: options.secretId ?? generated.secretId, secretKey: options.secretKey ?? generated.secretKey };
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 20)) throw new Error(`scale must be in (0, 20], got ${scale}`);

  const startedAt = now();
  const mps = new MpsStore(seed, scale);
  mps.advance(startedAt);
  const wedata = new WedataStore(seed, scale, startedAt);

  const state: ServerState = {
    creds,
    now,
    apis: { mps: mpsApi(mps), wedata: wedataApi(wedata) },
    stats: new CallStats(),
    faults: null,
  };
  const { server, shutdown } = createEmulatorServer(state);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!options.quiet) console.log(`Tencent API emulator listening on ${url}`);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    ...creds,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        shutdown();
      })),
    setFaults: (f: FaultConfig | null) => {
      state.faults = f;
    },
    stats: () => state.stats.snapshot(),
    resetStats: () => state.stats.reset(),
  };
}
