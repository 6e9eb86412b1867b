import { invalidValue, notFound } from "../api-error";
import { int, type ParamSpec, type ParamValues, str } from "../params";
import type { ProjectStore } from "./project-store";
import { BEIJING_OFFSET_MS, parseWall } from "./time-zone";
import type { WedataStore } from "./wedata-store";

// Request pieces every WeData action shares: the project, paging, the page envelope, the InstanceKey.

const KEY_PATTERN = /^(\d+)_(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})$/;
export const KEY_SPEC: Record<string, ParamSpec> = { ProjectId: { kind: "string", required: true }, InstanceKey: { kind: "string", required: true } };

export function projectOf(store: WedataStore, p: ParamValues, now: number): ProjectStore {
  const id = str(p, "ProjectId") as string;
  const project = store.project(id, now);
  if (!project) throw notFound(`project ${id}`);
  return project;
}

export function paging(p: ParamValues, maxSize: number): { page: number; size: number } {
  const page = int(p, "PageNumber") ?? 1;
  const size = int(p, "PageSize") ?? 10;
  if (page < 1) throw invalidValue("PageNumber", "must be at least 1");
  if (size < 1 || size > maxSize) throw invalidValue("PageSize", `must be between 1 and ${maxSize}`);
  return { page, size };
}

export function pageData(items: unknown[], page: number, size: number, total: number) {
  return { Items: items, PageNumber: page, PageSize: size, TotalCount: total, TotalPageNumber: Math.ceil(total / size) };
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

