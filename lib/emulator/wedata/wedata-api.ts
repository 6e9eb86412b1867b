import { invalidValue } from "../api-error";
import { int, readParams, str } from "../params";
import type { ActionContext, ServiceApi } from "../service-api";
import { executionsOf, logPage } from "./drilldown";
import { S } from "./instance-plan";
import { viewAt } from "./instance-view";
import { listTaskInstances } from "./list-task-instances";
import { renderItem } from "./render-item";
import { findInstance, KEY_SPEC, pageData, paging, projectOf } from "./request-helpers";
import { parseTimeZone } from "./time-zone";
import type { WedataStore } from "./wedata-store";

// WeData 2025-08-06: ListTaskInstances and the read-only drill-down actions (TENCENT_API.md §5).

function neighbours(direction: "upstream" | "downstream") {
  return (store: WedataStore, params: Record<string, unknown>, ctx: ActionContext) => {
    const p = readParams(params, { ...KEY_SPEC, TimeZone: { kind: "string" }, PageNumber: { kind: "integer" }, PageSize: { kind: "integer" } }, ctx.fromQuery);
    const tz = parseTimeZone(str(p, "TimeZone"));
    const project = projectOf(store, p, ctx.now);
    const { page, size } = paging(p, 100);
    const i = findInstance(project, str(p, "InstanceKey") as string, ctx.now);
    const task = project.cat.tasks[project.cols.task[i] as number]!;
    const sched = project.cols.sched[i] as number;
    const found = task[direction].map((t) => project.find(t, sched)).filter((j) => j >= 0);
    const items = found.slice((page - 1) * size, page * size).map((j) => {
      const view = viewAt(project.cols.plan(j), project.cat.tasks[project.cols.task[j] as number]!, ctx.now);
      return renderItem(project, j, view, tz);
    });
    return { Data: pageData(items, page, size, found.length) };
  };
}

export function wedataApi(store: WedataStore): ServiceApi {
  const bind =
    (f: (store: WedataStore, params: Record<string, unknown>, ctx: ActionContext) => Record<string, unknown>) =>
    (params: Record<string, unknown>, ctx: ActionContext) =>
      f(store, params, ctx);
  return {
    version: "2025-08-06",
    ratePerSecond: 20,
    needsRegion: true,
    actions: {
      ListTaskInstances: bind(listTaskInstances),
      GetTaskInstance: bind((s, params, ctx) => {
        const p = readParams(params, { ...KEY_SPEC, TimeZone: { kind: "string" } }, ctx.fromQuery);
        const tz = parseTimeZone(str(p, "TimeZone"));
        const project = projectOf(s, p, ctx.now);
        const i = findInstance(project, str(p, "InstanceKey") as string, ctx.now);
        const task = project.cat.tasks[project.cols.task[i] as number]!;
        const view = viewAt(project.cols.plan(i), task, ctx.now);
        const failed = view.state === S.EXPIRED || view.state === S.FAILED_RETRY;
        return { Data: { ...renderItem(project, i, view, tz), JobErrorMsg: failed ? jobError(task.typeName) : "" } };
      }),
      ListTaskInstanceExecutions: bind((s, params, ctx) => {
        const p = readParams(params, { ...KEY_SPEC, TimeZone: { kind: "string" }, PageNumber: { kind: "integer" }, PageSize: { kind: "integer" } }, ctx.fromQuery);
        const tz = parseTimeZone(str(p, "TimeZone"));
        const project = projectOf(s, p, ctx.now);
        const { page, size } = paging(p, 200);
        const i = findInstance(project, str(p, "InstanceKey") as string, ctx.now);
        const all = executionsOf(project, i, ctx.now, tz);
        return { Data: pageData(all.slice((page - 1) * size, page * size), page, size, all.length) };
      }),
      GetTaskInstanceLog: bind((s, params, ctx) => {
        const p = readParams(
          params,
          { ...KEY_SPEC, LifeRoundNum: { kind: "integer" }, LogLevel: { kind: "string" }, NextCursor: { kind: "string" } },
          ctx.fromQuery,
        );
        const project = projectOf(s, p, ctx.now);
        const i = findInstance(project, str(p, "InstanceKey") as string, ctx.now);
        const level = str(p, "LogLevel") ?? "All";
        if (!["Info", "Debug", "Warn", "Error", "All"].includes(level)) throw invalidValue("LogLevel", "must be Info, Debug, Warn, Error or All");
        const rounds = project.cols.rounds[i] as number;
        const round = int(p, "LifeRoundNum") ?? rounds - 1;
        if (round < 0 || round >= rounds) throw invalidValue("LifeRoundNum", `this instance has rounds 0..${rounds - 1}`);
        return { Data: logPage(project, i, round, level, str(p, "NextCursor") ?? "", ctx.now) };
      }),
      ListUpstreamTaskInstances: bind(neighbours("upstream")),
      ListDownstreamTaskInstances: bind(neighbours("downstream")),
    },
  };
}

function jobError(type: string): string {
  return type === "Shell" || type === "Python"
    ? "Process exited with code 1"
    : type === "OfflineSynchronization"
      ? "Sync job failed: dirty records exceeded the threshold"
      : "SQL execution failed: Table or view not found";
}

