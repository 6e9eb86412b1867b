import { performance } from "node:perf_hooks";
import { request, upstreamErrorCode } from "../lib/http-client";
import { sleep } from "../lib/free-port";
import { startStack, WEDATA_PROJECT_ID, type Stack } from "../lib/stack";
import { round } from "../lib/stats";
import type { Measurement, Scenario } from "../lib/types";
import type { EmulatedService } from "../../lib/emulator/types";

// Scenario 3. Many distinct page requests arrive at once, more than a second's worth of the upstream limit.
// The proxy must queue them so the upstream never answers RequestLimitExceeded, yet send as fast as the limit
// allows. A viewer behaves like the UI: a refusal with Retry-After (queue full, deadline) is retried after
// the hint, within a bound, so "every viewer gets data" counts what a person would finally see.

interface Burst {
  service: EmulatedService;
  name: string;
  count: number;
  limitPerSecond: number;
  path(i: number): string;
}

const MPS_WINDOW_START = Date.now() - 24 * 3600_000;

const BURSTS: Burst[] = [
  {
    service: "wedata",
    name: "WeData",
    count: 500,
    limitPerSecond: 20,
    path: (i) => `/api/wedata/instances?ProjectId=${WEDATA_PROJECT_ID}&PageNumber=${i + 1}&PageSize=100`,
  },
  {
    service: "mps",
    name: "MPS",
    count: 1000,
    limitPerSecond: 100,
    // Distinct one-hour windows, one second apart, all inside the last 7 days the API serves.
    path: (i) => {
      const start = new Date(MPS_WINDOW_START - i * 1000);
      const end = new Date(start.getTime() + 3600_000);
      return `/api/mps/tasks?Status=FINISH&Limit=100&StartTime=${iso(start)}&EndTime=${iso(end)}`;
    },
  },
];

const MAX_ATTEMPTS = 30;
const VIEWER_BUDGET_MS = 180_000;
/** Retry-After hints are followed up to this long, so a wrong hint cannot stall the bench. */
const MAX_RETRY_WAIT_MS = 30_000;

export const rateLimit: Scenario = {
  id: 3,
  title: "Rate-limit efficiency",
  defaultRepeat: 3,
  async run(ctx) {
    // Cache off: every request is distinct anyway, and repeated runs must not be served from memory.
    const stack = await startStack({ root: ctx.root, distDir: ctx.distDir, serverEnv: { UPSTREAM_CACHE_TTL_MS: "0" } });
    try {
      for (const b of BURSTS) await request(stack.server.url + b.path(10_000));
      await sleep(1500);
      const runs: Measurement[][] = [];
      for (let rep = 0; rep < ctx.repeat; rep++) {
        const run: Measurement[] = [];
        for (const b of BURSTS) {
          run.push(...(await burst(stack, b, rep * b.count, ctx.log)));
          await sleep(1500); // let the upstream's one-second window empty between bursts
        }
        runs.push(run);
      }
      return {
        runs,
        notes: BURSTS.map((b) => `${b.name}: ${b.count} distinct requests at once, limit ${b.limitPerSecond}/s; achieved rate = (calls − 1) / (last call − first call)`),
      };
    } finally {
      await stack.close();
    }
  },
};

async function burst(stack: Stack, b: Burst, offset: number, log: (m: string) => void): Promise<Measurement[]> {
  stack.emulator.resetStats();
  const total = () => stack.emulator.stats().calls[b.service].total;
  let first = Number.NaN;
  let last = Number.NaN;
  let seen = 0;
  let polling = true;
  // Poll the emulator's counter (in process, cheap) to time the first and the last upstream call.
  const poller = (async () => {
    while (polling) {
      const n = total();
      if (n !== seen) {
        const now = performance.now();
        if (seen === 0) first = now;
        last = now;
        seen = n;
      }
      await sleep(5);
    }
  })();

  let served = 0;
  let firstTry = 0;
  let refusals = 0;
  const reasons = new Map<string, number>();
  const refuse = (reason: string) => {
    refusals++;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: b.count }, async (_, i) => {
      const deadline = Date.now() + VIEWER_BUDGET_MS;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && Date.now() < deadline; attempt++) {
        try {
          const r = await request(stack.server.url + b.path(offset + i), { timeoutMs: 60_000 });
          if (r.status === 200) {
            served++;
            if (attempt === 0) firstTry++;
            return;
          }
          refuse(`HTTP ${r.status} ${upstreamErrorCode(r.body) ?? ""}`.trim());
          await sleep(retryAfterMs(r.headers["retry-after"]));
        } catch (e) {
          refuse(e instanceof Error ? e.message : String(e));
          await sleep(1000);
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  await sleep(50);
  polling = false;
  await poller;

  const stats = stack.emulator.stats();
  const calls = stats.calls[b.service].total;
  const rate = calls > 1 && last > first ? (calls - 1) / ((last - first) / 1000) : Number.NaN;
  log(`  ${b.name}: ${served}/${b.count} served in ${round(elapsed / 1000, 1)} s, ${calls} upstream calls, ${round(rate, 1)}/s, ${stats.rateLimited[b.service]} rate-limited, ${refusals} refusals retried${reasons.size ? ` (${[...reasons].map(([r, n]) => `${n}× ${r}`).join(", ")})` : ""}`);
  const k = b.service;
  return [
    { key: `${k}.rateLimited`, label: `${b.name}: RequestLimitExceeded answered upstream`, value: stats.rateLimited[k], target: { op: "==", value: 0 } },
    { key: `${k}.firstTry`, label: `${b.name}: viewers served at their first request (of ${b.count})`, value: firstTry, target: { op: "==", value: b.count } },
    { key: `${k}.served`, label: `${b.name}: viewers who got data, retrying per Retry-After (of ${b.count})`, value: served, target: { op: "==", value: b.count } },
    { key: `${k}.ratePct`, label: `${b.name}: achieved upstream rate, % of ${b.limitPerSecond}/s`, value: round((rate / b.limitPerSecond) * 100, 1), unit: "%", target: { op: ">=", value: 90 } },
    { key: `${k}.maxPerSecond`, label: `${b.name}: most upstream calls in any 1 s`, value: stats.maxPerSecond[k], target: { op: "<=", value: b.limitPerSecond } },
    { key: `${k}.refusals`, label: `${b.name}: refusals the viewers retried`, value: refusals },
    { key: `${k}.seconds`, label: `${b.name}: time until every viewer had data`, value: round(elapsed / 1000, 1), unit: "s" },
  ];
}

function retryAfterMs(header: string | string[] | undefined): number {
  const v = Number(Array.isArray(header) ? header[0] : header);
  // Retry-After is in seconds (RFC 9110).
  return Number.isFinite(v) && v > 0 ? Math.min(v * 1000, MAX_RETRY_WAIT_MS) : 1000;
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
