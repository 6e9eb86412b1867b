import { invalidValue } from "../api-error";
import { int, type ParamSpec, type ParamValues, readParams, str } from "../params";
import type { ActionContext } from "../service-api";
import { CYCLE_TYPES } from "./catalogue";
import { S, STATES, type InstanceState } from "./instance-plan";
import { type InstanceFilter, listInstances } from "./list-query";
import type { ProjectStore } from "./project-store";
import { renderItem } from "./render-item";
import { pageData, paging, projectOf } from "./request-helpers";
import { parseTimeZone, parseWall } from "./time-zone";
import type { WedataStore } from "./wedata-store";

// ListTaskInstances: parameter checks and the filter they make (TENCENT_API.md §5).

const SORT_COLUMNS = { SCHEDULE_DATE: "sched", START_TIME: "start", END_TIME: "end", COST_TIME: "cost" } as const;

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

export function listTaskInstances(store: WedataStore, params: Record<string, unknown>, ctx: ActionContext) {
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

