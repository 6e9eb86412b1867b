import { startEmulatorProcess } from "../lib/emulator-process";
import { directCall, request, upstreamErrorCode } from "../lib/http-client";
import { startNextServer } from "../lib/next-server";
import { WEDATA_PROJECT_ID } from "../lib/stack";
import { percentile, round } from "../lib/stats";
import type { Measurement, Scenario } from "../lib/types";

// Scenario 1. The emulator adds 50 ms to every answer (a realistic cloud round trip) and the proxy's cache is
// off, so every proxied request really goes upstream. Direct and proxied requests alternate, and their order
// flips every pair, so whatever the machine is doing at a moment weighs on both sides alike.
// The emulator runs in a process of its own: in the bench's process a direct call would never leave its event
// loop (no real client of Tencent Cloud can do that) while the proxy's upstream call crosses to another process,
// and the difference would be charged to the proxy. A direct call's time includes its signing, as the proxy's does.

const LATENCY_MS = 50;
const SAMPLES = 200;
const WARMUP = 20;
const PROXY_PATH = "/api/mps/tasks?Status=FINISH&Limit=100";
const DIRECT_PARAMS = { Status: "FINISH", Limit: 100 };

export const proxyOverhead: Scenario = {
  id: 1,
  title: "Proxy overhead",
  defaultRepeat: 3,
  async run(ctx) {
    const emulator = await startEmulatorProcess(ctx.root, { latencyMs: LATENCY_MS });
    try {
      const server = await startNextServer(ctx.root, ctx.distDir, {
        TENCENTCLOUD_SECRET_ID: emulator.secretId,
        TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
        MPS_ENDPOINT: emulator.url,
        WEDATA_ENDPOINT: emulator.url,
        WEDATA_PROJECT_IDS: WEDATA_PROJECT_ID,
        UPSTREAM_CACHE_TTL_MS: "0",
      });
      try {
        const target = { url: emulator.url, secretId: emulator.secretId, secretKey: emulator.secretKey };
        let failures = 0;
        const direct = async () => {
          const r = await directCall(target, "mps", "DescribeTasks", DIRECT_PARAMS);
          if (r.status !== 200 || upstreamErrorCode(r.body)) failures++;
          return r.ms;
        };
        const proxied = async () => {
          const r = await request(server.url + PROXY_PATH);
          if (r.status !== 200) failures++;
          return r.ms;
        };
        // Warm both paths (route compilation on first hit, keep-alive sockets) before counting.
        for (let i = 0; i < WARMUP; i++) {
          await direct();
          await proxied();
        }
        failures = 0;

        const runs: Measurement[][] = [];
        for (let rep = 0; rep < ctx.repeat; rep++) {
          const d: number[] = [];
          const p: number[] = [];
          for (let i = 0; i < SAMPLES; i++) {
            if (i % 2 === 0) {
              d.push(await direct());
              p.push(await proxied());
            } else {
              p.push(await proxied());
              d.push(await direct());
            }
          }
          ctx.log(`  run ${rep + 1}: p50 ${round(percentile(d, 50), 1)} → ${round(percentile(p, 50), 1)} ms, p99 ${round(percentile(d, 99), 1)} → ${round(percentile(p, 99), 1)} ms`);
          runs.push([
            { key: "p50Ratio", label: "p50 proxied / direct", value: round(percentile(p, 50) / percentile(d, 50)), target: { op: "<=", value: 1.05 } },
            { key: "p99Ratio", label: "p99 proxied / direct", value: round(percentile(p, 99) / percentile(d, 99)), target: { op: "<=", value: 1.2 } },
            { key: "p50Direct", label: "p50 direct", value: round(percentile(d, 50), 1), unit: "ms" },
            { key: "p50Proxied", label: "p50 proxied", value: round(percentile(p, 50), 1), unit: "ms" },
            { key: "p99Direct", label: "p99 direct", value: round(percentile(d, 99), 1), unit: "ms" },
            { key: "p99Proxied", label: "p99 proxied", value: round(percentile(p, 99), 1), unit: "ms" },
            { key: "failed", label: "failed requests", value: failures, target: { op: "==", value: 0 } },
          ]);
          failures = 0;
        }
        return { runs, notes: [`${SAMPLES} interleaved pairs per run, ${LATENCY_MS} ms upstream latency, cache off, emulator in its own process, GET ${PROXY_PATH}`] };
      } finally {
        await server.close();
      }
    } finally {
      await emulator.close();
    }
  },
};
