import { request, upstreamErrorCode } from "../lib/http-client";
import { sleep } from "../lib/free-port";
import { startStack, WEDATA_PROJECT_ID } from "../lib/stack";
import { round } from "../lib/stats";
import type { Measurement, Scenario } from "../lib/types";
import type { EmulatedService } from "../../lib/emulator/types";

// Scenario 2. 100 viewers open the same view at the same instant, then each refreshes it every refresh
// window (the cache TTL) for a minute. Their refresh timers are spread over the window, as independent
// browsers' would be, so the server sees a steady trickle of identical requests rather than one burst.
// Upstream calls are counted per window from the emulator's own counters.

const VIEWERS = 100;
const WINDOW_MS = 2000;
const DURATION_MS = 60_000;
const VIEWS: Record<EmulatedService, string> = {
  mps: "/api/mps/tasks?Status=FINISH&Limit=100",
  wedata: `/api/wedata/instances?ProjectId=${WEDATA_PROJECT_ID}&PageNumber=1&PageSize=100`,
};

export const viewerFanIn: Scenario = {
  id: 2,
  title: "Viewer fan-in",
  defaultRepeat: 1,
  async run(ctx) {
    const stack = await startStack({ root: ctx.root, distDir: ctx.distDir, serverEnv: { UPSTREAM_CACHE_TTL_MS: String(WINDOW_MS) } });
    try {
      // Warm the routes so the first measured load is not also the route's first compile/run.
      for (const path of Object.values(VIEWS)) await request(stack.server.url + path);
      await sleep(WINDOW_MS + 200);
      const runs: Measurement[][] = [];
      for (let rep = 0; rep < ctx.repeat; rep++) {
        runs.push(await oneMinute(stack.server.url, () => stack.emulator.stats().calls, ctx.log));
        await sleep(WINDOW_MS + 200);
      }
      return {
        runs,
        notes: [`${VIEWERS} viewers per view (MPS table, WeData table), refresh every ${WINDOW_MS} ms for ${DURATION_MS / 1000} s, cache TTL ${WINDOW_MS} ms`],
      };
    } finally {
      await stack.close();
    }
  },
};

type Totals = () => Record<EmulatedService, { total: number }>;

async function oneMinute(base: string, totals: Totals, log: (m: string) => void): Promise<Measurement[]> {
  const services = Object.keys(VIEWS) as EmulatedService[];
  const read = () => {
    const t = totals();
    return Object.fromEntries(services.map((s) => [s, t[s].total])) as Record<EmulatedService, number>;
  };
  let ok = 0;
  let failed = 0;
  const reasons = new Map<string, number>();
  const fail = (reason: string) => {
    failed++;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  };
  const fetchView = async (s: EmulatedService) => {
    try {
      const r = await request(base + VIEWS[s], { timeoutMs: 30_000 });
      if (r.status === 200) ok++;
      else fail(`${s} HTTP ${r.status} ${upstreamErrorCode(r.body) ?? ""}`.trim());
    } catch (e) {
      fail(`${s} ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  // Simultaneous first load.
  const before = read();
  await Promise.all(services.flatMap((s) => Array.from({ length: VIEWERS }, () => fetchView(s))));
  const afterLoad = read();
  const t0 = Date.now();

  // Counters read at each window boundary, on their own timer.
  const snapshots: Array<Record<EmulatedService, number>> = [read()];
  const windows = Math.floor(DURATION_MS / WINDOW_MS);
  const sampler = (async () => {
    for (let k = 1; k <= windows; k++) {
      await sleep(Math.max(0, t0 + k * WINDOW_MS - Date.now()));
      snapshots.push(read());
    }
  })();
  const viewer = async (s: EmulatedService, v: number) => {
    const phase = ((v + 0.5) / VIEWERS) * WINDOW_MS;
    for (let k = 0; k < windows; k++) {
      const at = t0 + k * WINDOW_MS + phase;
      await sleep(Math.max(0, at - Date.now()));
      await fetchView(s);
    }
  };
  await Promise.all([sampler, ...services.flatMap((s) => Array.from({ length: VIEWERS }, (_, v) => viewer(s, v)))]);

  if (reasons.size) log(`  loads without data: ${[...reasons].map(([r, n]) => `${n}× ${r}`).join(", ")}`);
  const out: Measurement[] = [];
  for (const s of services) {
    const perWindow = snapshots.slice(1).map((snap, k) => snap[s] - (snapshots[k] as Record<EmulatedService, number>)[s]);
    const name = s === "mps" ? "MPS" : "WeData";
    out.push(
      { key: `${s}.initialLoad`, label: `${name}: upstream calls for ${VIEWERS} simultaneous loads`, value: afterLoad[s] - before[s], target: { op: "==", value: 1 } },
      { key: `${s}.maxPerWindow`, label: `${name}: upstream calls per refresh window (max)`, value: Math.max(...perWindow), target: { op: "==", value: 1 } },
      { key: `${s}.meanPerWindow`, label: `${name}: upstream calls per refresh window (mean)`, value: round(perWindow.reduce((a, b) => a + b, 0) / perWindow.length) },
    );
  }
  out.push({ key: "failedViews", label: "view loads without data", value: failed, target: { op: "==", value: 0 } });
  out.push({ key: "servedViews", label: "view loads served", value: ok });
  return out;
}
