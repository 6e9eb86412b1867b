import { invalidValue, notFound } from "../api-error";
import { int, type ParamSpec, type ParamValues, readParams, str } from "../params";
import type { ActionContext, ServiceApi } from "../service-api";
import { CYCLE_TYPES } from "./catalogue";
import { executionsOf, logPage } from "./drilldown";
import { S, STATES, type InstanceState } from "./instance-plan";
import { viewAt } from "./instance-view";
import { type InstanceFilter, listInstances } from "./list-query";
import type { ProjectStore } from "./project-store";
import { renderItem } from "./render-item";
import { BEIJING_OFFSET_MS, parseTimeZone, parseWall } from "./time-zone";
import type { WedataStore } from "./wedata-store";

// WeData 2025-08-06: ListTaskInstances and the read-only drill-down actions (TENCENT_API.md §5).

const SORT_COLUMNS = { SCHEDULE_DATE: "sched", START_TIME: "start", END_TIME: "end", COST_TIME: "cost" } as const;
const KEY_PATTERN = /^(\d+)_(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$/;

const LIST_SPEC: Record<string, ParamSpec> = {
  ProjectId: { kind: "string", required: true },
  PageNumber: { kind: "integer" },
  PageSize: { kind: "integer" },
  Keyword: { kind: "string" },
  TimeZone: { kind: "string" },
  InstanceType: { kind: "integer" },
  InstanceState: { kind: "string" },
  TaskTypeId: { kind: "integer" },
  CycleType: { kind: "string" },
  OwnerUin: { kind: "string" },
  FolderId: { kind: "string" },
  WorkflowId: { kind: "string" },
  ExecutorGroupId: { kind: "string" },
  ScheduleTimeFrom: { kind: "string" },
  ScheduleTimeTo: { kind: "string" },
  StartTimeFrom: { kind: "string" },
  StartTimeTo: { kind: "string" },
  LastUpdateTimeFrom: { kind: "string" },
  LastUpdateTimeTo: { kind: "string" },
  SortColumn: { kind: "string" },
  SortType: { kind: "string" },
};
const KEY_SPEC: Record<string, ParamSpec> = { ProjectId: { kind: "string", required: true }, InstanceKey: { kind: "string", required: true } };

function projectOf(store: WedataStore, p: ParamValues, now: number): ProjectStore {
  const id = str(p, "ProjectId") as string;
  const project = store.project(id, now);
  if (!project) throw notFound(`project ${id}`);
  return project;
}

function paging(p: ParamValues, maxSize: number): { page: number; size: number } {
  const page = int(p, "PageNumber") ?? 1;
  const size = int(p, "PageSize") ?? 10;
  if (page < 1) throw invalidValue("PageNumber", "must be at least 1");
  if (size < 1 || size > maxSize) throw invalidValue("PageSize", `must be between 1 and ${maxSize}`);
  return { page, size };
}

function pageData(items: unknown[], page: number, size: number, total: number) {
  return { Items: items, PageNumber: page, PageSize: size, TotalCount: total, TotalPageNumber: Math.ceil(total / size) };
}

function timeRange(p: ParamValues, from: string, to: string, tz: number): [number, number] | null {
  const a = str(p, from);
  const b = str(p, to);
  if (a === undefined && b === undefined) return null;
  const lo = a === undefined ? -Infinity : parseWall(a, tz);
  const hi = b === undefined ? Infinity : parseWall(b, tz);
  if (lo === null) throw invalidValue(from, "expected yyyy-MM-dd HH:mm:ss");
  if (hi === null) throw invalidValue(to, "expected yyyy-MM-dd HH:mm:ss");
  // A `To` bound names a whole second: include everything within it.
  return [lo, hi + 999];
}

/** Combines every task-level filter into one pass/fail mask over the project's tasks (null when none). */
function taskMask(project: ProjectStore, p: ParamValues): Uint8Array | null {
  const { cat } = project;
  const keywords = (str(p, "Keyword") ?? "")
    .split(/[,，]/)
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean);
  const typeId = int(p, "TaskTypeId");
  const cycle = str(p, "CycleType");
  const owner = str(p, "OwnerUin");
  const folder = str(p, "FolderId");
  const workflow = str(p, "WorkflowId");
  const group = str(p, "ExecutorGroupId");
  if (cycle !== undefined && !CYCLE_TYPES.includes(cycle as (typeof CYCLE_TYPES)[number])) throw invalidValue("CycleType", "unknown cycle type");
  if (!keywords.length && typeId === undefined && !cycle && owner === undefined && folder === undefined && workflow === undefined && group === undefined) return null;
  const ownerIndex = owner === undefined ? -1 : cat.owners.indexOf(owner);
  const mask = new Uint8Array(cat.tasks.length);
  for (const t of cat.tasks) {
    if (keywords.length && !keywords.some((k) => t.searchText.includes(k))) continue;
    if (typeId !== undefined && t.typeId !== typeId) continue;
    if (cycle && t.cycle !== cycle) continue;
    if (owner !== undefined && !t.owners.includes(ownerIndex)) continue;
    if (folder !== undefined && cat.folders[t.folder]!.id !== folder) continue;
    if (workflow !== undefined && cat.workflows[t.workflow]!.id !== workflow) continue;
    if (group !== undefined && cat.groups[t.group]!.id !== group) continue;
    mask[t.index] = 1;
  }
  return mask;
}

/** Resolves an InstanceKey to an instance index that exists at `now`. */
export function findInstance(project: ProjectStore, key: string, now: number): number {
  const m = KEY_PATTERN.exec(key);
  if (!m) throw invalidValue("InstanceKey", "expected <TaskId>_<yyyy-MM-dd HH:mm:ss>");
  const task = project.cat.taskIndexById.get(m[1] as string);
  const sched = parseWall(m[2] as string, BEIJING_OFFSET_MS);
  const i = task === undefined || sched === null || sched > now ? -1 : project.find(task, sched);
  if (i < 0) throw notFound(`instance ${key}`);
  return i;
}

function listTaskInstances(store: WedataStore, params: Record<string, unknown>, ctx: ActionContext) {
  const p = readParams(params, LIST_SPEC, ctx.fromQuery);
  const tz = parseTimeZone(str(p, "TimeZone"));
  const project = projectOf(store, p, ctx.now);
  const { page, size } = paging(p, 100);
  const state = str(p, "InstanceState");
  if (state !== undefined && !STATES.includes(state as InstanceState)) throw invalidValue("InstanceState", "unknown state");
  const instType = int(p, "InstanceType");
  if (instType !== undefined && ![0, 1, 2].includes(instType)) throw invalidValue("InstanceType", "must be 0, 1 or 2");
  const sortColumn = str(p, "SortColumn") ?? "SCHEDULE_DATE";
  if (!(sortColumn in SORT_COLUMNS)) throw invalidValue("SortColumn", "must be SCHEDULE_DATE, START_TIME, END_TIME or COST_TIME");
  const sortType = str(p, "SortType") ?? "DESC";
  if (sortType !== "ASC" && sortType !== "DESC") throw invalidValue("SortType", "must be ASC or DESC");
  const filter: InstanceFilter = {
    taskMask: taskMask(project, p),
    state: state === undefined ? null : S[state as InstanceState],
    instType: instType ?? null,
    sched: timeRange(p, "ScheduleTimeFrom", "ScheduleTimeTo", tz),
    start: timeRange(p, "StartTimeFrom", "StartTimeTo", tz),
    lastUpdate: timeRange(p, "LastUpdateTimeFrom", "LastUpdateTimeTo", tz),
  };
  const result = listInstances(project, {
    now: ctx.now,
    filter,
    column: SORT_COLUMNS[sortColumn as keyof typeof SORT_COLUMNS],
    descending: sortType === "DESC",
    offset: (page - 1) * size,
    limit: size,
  });
  return { Data: pageData(result.rows.map((r) => renderItem(project, r.index, r.view, tz)), page, size, result.total) };
}

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

