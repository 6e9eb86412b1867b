import { INSTANCE_STATES, ListTaskInstancesResponse, type InstanceState, type TaskInstance } from "@/lib/wedata/wire";
import { formatWedataTime, parseWedataTime, roundDown, WEDATA_TIME_ZONE } from "./time";
import type { WallFailure, WallStuck, WedataProjectWall, WedataWall } from "./types";
import type { WallCall, WallCallOptions } from "./upstream";

// Everything the wall shows about WeData, per project, from ListTaskInstances. The budget is tight (20/s
// for all of Taskboard), so each call does double duty: the two failure lists' TotalCount are also the
// EXPIRED and FAILED_RETRY counts. Stuck work is asked directly: RUNNING started before now − threshold
// (oldest first), and WAIT_UPSTREAM/WAIT_RUN scheduled before now − threshold (oldest first).

export type WedataWallParams = { stuckWaitMin: number; stuckRunMin: number; listSize: number };

const FAILURE_STATES = ["EXPIRED", "FAILED_RETRY"] as const satisfies readonly InstanceState[];
const WAIT_STATES = ["WAIT_UPSTREAM", "WAIT_RUN"] as const satisfies readonly InstanceState[];
const COUNT_ONLY_STATES = INSTANCE_STATES.filter((s) => !(FAILURE_STATES as readonly string[]).includes(s));

/** Calls one wall refresh costs per project (the upstream budget is 20/s). */
export const WEDATA_CALLS_PER_PROJECT = COUNT_ONLY_STATES.length + FAILURE_STATES.length + 1 + WAIT_STATES.length;

export async function gatherWedata(
  call: WallCall,
  projects: string[],
  p: WedataWallParams,
  now: number,
  opts: WallCallOptions,
): Promise<WedataWall> {
  return { projects: await Promise.all(projects.map((id) => gatherProject(call, id, p, now, opts))) };
}

async function gatherProject(call: WallCall, projectId: string, p: WedataWallParams, now: number, opts: WallCallOptions): Promise<WedataProjectWall> {
  const t = roundDown(now, 15_000);
  const list = async (state: InstanceState, extra: Record<string, unknown> = {}, pageSize = 1) => {
    const raw = await call(
      "wedata",
      "ListTaskInstances",
      { ProjectId: projectId, TimeZone: WEDATA_TIME_ZONE, InstanceState: state, PageNumber: 1, PageSize: pageSize, ...extra },
      opts,
    );
    return ListTaskInstancesResponse.parse(raw).Data;
  };

  const [countPages, failurePages, running, waitPages] = await Promise.all([
    Promise.all(COUNT_ONLY_STATES.map((s) => list(s))),
    Promise.all(FAILURE_STATES.map((s) => list(s, { SortColumn: "END_TIME", SortType: "DESC" }, p.listSize))),
    list("RUNNING", { StartTimeTo: formatWedataTime(t - p.stuckRunMin * 60_000), SortColumn: "START_TIME", SortType: "ASC" }, p.listSize),
    Promise.all(
      WAIT_STATES.map((s) =>
        list(s, { ScheduleTimeTo: formatWedataTime(t - p.stuckWaitMin * 60_000), SortColumn: "SCHEDULE_DATE", SortType: "ASC" }, p.listSize),
      ),
    ),
  ]);

  const counts: Record<string, number> = {};
  COUNT_ONLY_STATES.forEach((s, i) => (counts[s] = countPages[i]?.TotalCount ?? 0));
  FAILURE_STATES.forEach((s, i) => (counts[s] = failurePages[i]?.TotalCount ?? 0));

  const failures = failurePages
    .flatMap((page) => page?.Items ?? [])
    .map((item) => toFailure(projectId, item))
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))
    .slice(0, p.listSize);

  const stuck: WallStuck[] = [
    ...(running?.Items ?? []).map((item) => toStuck(projectId, item, "running")),
    ...waitPages.flatMap((page) => page?.Items ?? []).map((item) => toStuck(projectId, item, "waiting")),
  ].sort((a, b) => (a.since ?? 0) - (b.since ?? 0));

  return {
    projectId,
    counts,
    failures,
    stuck,
    stuckRunning: running?.TotalCount ?? 0,
    stuckWaiting: waitPages.reduce((sum, page) => sum + (page?.TotalCount ?? 0), 0),
  };
}

function toFailure(projectId: string, item: TaskInstance): WallFailure {
  return {
    id: `wedata:${projectId}:${item.InstanceKey}`,
    source: "wedata",
    title: item.TaskName || item.TaskId || item.InstanceKey,
    detail: `${item.InstanceState ?? ""} · ${item.CurRunDate ?? ""}`,
    at: parseWedataTime(item.EndTime) ?? parseWedataTime(item.LastUpdateTime),
  };
}

function toStuck(projectId: string, item: TaskInstance, kind: "waiting" | "running"): WallStuck {
  return {
    id: `wedata:${projectId}:${item.InstanceKey}`,
    source: "wedata",
    title: item.TaskName || item.TaskId || item.InstanceKey,
    detail: `${item.InstanceState ?? ""} · ${item.CurRunDate ?? ""}`,
    kind,
    since: kind === "running" ? parseWedataTime(item.StartTime) : parseWedataTime(item.SchedulerTime),
  };
}
