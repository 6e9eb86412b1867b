import { API_TIME_ZONE, instantToApiTime } from "./time-zone";
import { resolveTimeRange, type TimeRange } from "./time-range";
import type { CycleType, InstanceState, SortColumn, SortType } from "./wire";

// The page's filters in domain terms (the URL parser map in app/(dashboard)/wedata/search-params.ts produces
// them) and their one translation into ListTaskInstances parameters, shared by the table, the live "new
// items" probe, the export and the server's stats route, so all of them select the same instances.

export interface InstanceFilters {
  project: string;
  keyword: string;
  states: InstanceState[];
  instanceType: 0 | 1 | 2 | null;
  cycle: CycleType | null;
  taskTypeId: number | null;
  owner: string;
  folder: string;
  workflow: string;
  group: string;
  schedule: TimeRange | null;
  start: TimeRange | null;
  updated: TimeRange | null;
  sort: SortColumn;
  dir: SortType;
}

export const PAGE_SIZE = 100;

/** Several keywords are typed comma-separated; blanks and repeats are dropped. */
export function normalizeKeyword(keyword: string): string {
  const parts = keyword
    .split(/[,，]/)
    .map((k) => k.trim())
    .filter(Boolean);
  return [...new Set(parts)].join(",");
}

function setRange(params: URLSearchParams, prefix: string, range: TimeRange | null, now: Date) {
  if (!range) return;
  const { from, to } = resolveTimeRange(range, now);
  if (from) params.set(`${prefix}From`, instantToApiTime(from));
  if (to) params.set(`${prefix}To`, instantToApiTime(to));
}

/**
 * Query parameters for /api/wedata/instances (named as ListTaskInstances names them). `state` is one of the
 * chosen states: several states are several parallel calls. `now` resolves relative windows, so every page of
 * one listing uses the same instants.
 */
export function listParams(
  filters: InstanceFilters,
  opts: { state: InstanceState | null; page: number; pageSize?: number; now: Date },
): URLSearchParams {
  const p = new URLSearchParams();
  p.set("ProjectId", filters.project);
  p.set("PageNumber", String(opts.page));
  p.set("PageSize", String(opts.pageSize ?? PAGE_SIZE));
  p.set("TimeZone", API_TIME_ZONE);
  const keyword = normalizeKeyword(filters.keyword);
  if (keyword) p.set("Keyword", keyword);
  if (opts.state) p.set("InstanceState", opts.state);
  if (filters.instanceType != null) p.set("InstanceType", String(filters.instanceType));
  if (filters.cycle) p.set("CycleType", filters.cycle);
  if (filters.taskTypeId != null) p.set("TaskTypeId", String(filters.taskTypeId));
  if (filters.owner.trim()) p.set("OwnerUin", filters.owner.trim());
  if (filters.folder.trim()) p.set("FolderId", filters.folder.trim());
  if (filters.workflow.trim()) p.set("WorkflowId", filters.workflow.trim());
  if (filters.group.trim()) p.set("ExecutorGroupId", filters.group.trim());
  setRange(p, "ScheduleTime", filters.schedule, opts.now);
  setRange(p, "StartTime", filters.start, opts.now);
  setRange(p, "LastUpdateTime", filters.updated, opts.now);
  p.set("SortColumn", filters.sort);
  p.set("SortType", filters.dir);
  return p;
}

/** The streams one listing reads: one per chosen state, or one unfiltered stream. */
export function streamsOf(filters: InstanceFilters): (InstanceState | null)[] {
  return filters.states.length > 0 ? [...filters.states] : [null];
}
