import { performance } from "node:perf_hooks";
import { mpsApi } from "./mps/mps-api";
import { MpsStore } from "./mps/mps-store";
import type { ActionContext, ServiceApi } from "./service-api";
import { wedataApi } from "./wedata/wedata-api";
import { WedataStore } from "./wedata/wedata-store";
import { EMULATOR_PROJECT_IDS } from "./wedata/catalogue";

// `npx tsx lib/emulator/measure.ts [scale] [--http]`: startup time, memory and per-query latency (p50/p99) of the
// emulator's actions, measured in process (the HTTP layer adds well under a millisecond on loopback).

const scale = Number(process.argv.find((a, i) => i >= 2 && /^[\d.]+$/.test(a)) ?? 1);
const now = Date.now();

const t0 = performance.now();
const mps = new MpsStore(1, scale);
mps.advance(now);
const t1 = performance.now();
const wedata = new WedataStore(1, scale, now);
const t2 = performance.now();
global.gc?.();
console.log(`scale ${scale}: MPS build ${Math.round(t1 - t0)} ms, WeData build ${Math.round(t2 - t1)} ms, total ${Math.round(t2 - t0)} ms`);
console.log(`heap used ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);

const apis: Record<string, ServiceApi> = { mps: mpsApi(mps), wedata: wedataApi(wedata) };
const P = EMULATOR_PROJECT_IDS[0];
let clock = now;
const ctx = (): ActionContext => ({ now: clock, fromQuery: false, region: "ap-guangzhou" });

const first = apis.wedata!.actions.ListTaskInstances!({ ProjectId: P, PageSize: 100 }, ctx()) as { Data: { Items: Array<{ InstanceKey: string; OwnerUinList: string[]; FolderId: string }> } };
const key = first.Data.Items[50]!.InstanceKey;
const someTask = (apis.mps!.actions.DescribeTasks!({ Status: "FINISH", Limit: 100 }, ctx()) as { TaskSet: Array<{ TaskId: string }> }).TaskSet[40]!.TaskId;

const queries: Array<[string, string, string, Record<string, unknown>]> = [
  ["MPS FINISH first page", "mps", "DescribeTasks", { Status: "FINISH", Limit: 100 }],
  ["MPS FINISH failed only", "mps", "DescribeTasks", { Status: "FINISH", SubTaskHasFailed: true, Limit: 100 }],
  ["MPS WAITING", "mps", "DescribeTasks", { Status: "WAITING", Limit: 100 }],
  ["MPS PROCESSING time window", "mps", "DescribeTasks", { Status: "PROCESSING", StartTime: new Date(now - 6 * 3_600_000).toISOString().slice(0, 19) + "Z" }],
  ["MPS detail", "mps", "DescribeTaskDetail", { TaskId: someTask }],
  ["WeData default page", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100 }],
  ["WeData deep page", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, PageNumber: 1500 }],
  ["WeData state filter", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, InstanceState: "EXPIRED" }],
  ["WeData keyword", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, Keyword: "订单,ads_" }],
  ["WeData owner+cycle filter", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, OwnerUin: first.Data.Items[0]!.OwnerUinList[0], CycleType: "DAY_CYCLE" }],
  ["WeData sort COST_TIME DESC", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, SortColumn: "COST_TIME", SortType: "DESC" }],
  ["WeData sort START_TIME ASC p50", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, SortColumn: "START_TIME", SortType: "ASC", PageNumber: 50 }],
  ["WeData time range", "wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, StartTimeFrom: "2000-01-01 00:00:00", SortColumn: "END_TIME" }],
  ["WeData GetTaskInstance", "wedata", "GetTaskInstance", { ProjectId: P, InstanceKey: key }],
  ["WeData executions", "wedata", "ListTaskInstanceExecutions", { ProjectId: P, InstanceKey: key }],
  ["WeData log", "wedata", "GetTaskInstanceLog", { ProjectId: P, InstanceKey: key }],
];

const all: number[] = [];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
for (const [name, service, action, params] of queries) {
  const times: number[] = [];
  for (let i = 0; i < 60; i++) {
    clock += 500; // the world moves between calls, as it does for a wall screen
    const s = performance.now();
    apis[service]!.actions[action]!(params, ctx());
    times.push(performance.now() - s);
  }
  all.push(...times.slice(5));
  console.log(`${name.padEnd(32)} p50 ${pct(times.slice(5), 0.5).toFixed(2)} ms  p99 ${pct(times.slice(5), 0.99).toFixed(2)} ms`);
}
console.log(`ALL QUERIES                      p50 ${pct(all, 0.5).toFixed(2)} ms  p99 ${pct(all, 0.99).toFixed(2)} ms`);

// End to end over loopback HTTP (signing on the client, verification, JSON), paced under the per-second limits.
async function overHttp(): Promise<void> {
  const { startEmulator } = await import("./index");
  const { rawCallNow } = await import("./test-support");
  const s0 = performance.now();
  const emu = await startEmulator({ quiet: true, scale });
  console.log(`\nstartEmulator() at scale ${scale}: ${Math.round(performance.now() - s0)} ms`);
  const mixes: Array<["mps" | "wedata", string, Record<string, unknown>, number]> = [
    ["mps", "DescribeTasks", { Status: "FINISH", Limit: 100 }, 12],
    ["wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100 }, 55],
    ["wedata", "ListTaskInstances", { ProjectId: P, PageSize: 100, InstanceState: "RUNNING", SortColumn: "START_TIME" }, 55],
  ];
  for (const [service, action, params, gap] of mixes) {
    emu.resetStats();
    const times: number[] = [];
    for (let i = 0; i < 80; i++) {
      const s = performance.now();
      const r = await rawCallNow(emu, { service, action, params });
      times.push(performance.now() - s);
      if (r.json.Response.Error) throw new Error(JSON.stringify(r.json.Response.Error));
      await new Promise((res) => setTimeout(res, gap));
    }
    const t = times.slice(5);
    // Server side: from request end to answer written (verification, query, JSON), from the call log.
    const server = emu.stats().log.slice(5).map((l) => l.ms);
    console.log(`HTTP ${action} ${JSON.stringify(params).slice(0, 50).padEnd(50)} server p50 ${pct(server, 0.5).toFixed(2)} p99 ${pct(server, 0.99).toFixed(2)} ms; client round trip p50 ${pct(t, 0.5).toFixed(2)} p99 ${pct(t, 0.99).toFixed(2)} ms`);
  }
  await emu.close();
}

if (process.argv.includes("--http")) void overHttp();
