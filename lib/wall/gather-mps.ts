import { DescribeTasksResponse, type MpsTaskStatus, type TaskSimpleInfo } from "@/lib/mps/wire";
import { formatMpsTime, parseMpsTime, roundDown, timelineBuckets } from "./time";
import type { MpsWall, TimelineBucket, WallFailure, WallStuck } from "./types";
import type { WallCall, WallCallOptions } from "./upstream";

// Everything the wall shows about MPS, from DescribeTasks alone. Counts come from `Limit: 1` queries'
// TotalCount (first page only: the doc says later pages may disagree). MPS has no sort parameter, so
// "stuck" is asked as "still WAITING/PROCESSING and created before now − threshold": TotalCount is the
// number stuck, TaskSet gives examples. Time filters are rounded so every wall asks identical questions.

export type MpsWallParams = { stuckWaitMin: number; stuckRunMin: number; hours: number; listSize: number };

/** Calls one wall refresh costs (the upstream budget is 100/s). */
export const mpsCallsPerRefresh = (buckets: number) => 7 + 4 * buckets;

export async function gatherMps(call: WallCall, p: MpsWallParams, now: number, opts: WallCallOptions): Promise<MpsWall> {
  const t = roundDown(now, 15_000);
  const describe = async (status: MpsTaskStatus, extra: Record<string, unknown> = {}, limit = 1) => {
    const raw = await call("mps", "DescribeTasks", { Status: status, Limit: limit, ...extra }, opts);
    return DescribeTasksResponse.parse(raw);
  };
  const total = (r: DescribeTasksResponse) => r.TotalCount ?? r.TaskSet?.length ?? 0;
  const buckets = timelineBuckets(now, p.hours);

  const [waiting, processing, finish, failures, failedLastHour, stuckWaiting, stuckRunning, timeline] = await Promise.all([
    describe("WAITING"),
    describe("PROCESSING"),
    describe("FINISH"),
    describe("FINISH", { SubTaskHasFailed: true }, p.listSize),
    describe("FINISH", { SubTaskHasFailed: true, StartTime: formatMpsTime(t - 3600_000), EndTime: formatMpsTime(t) }),
    describe("WAITING", { EndTime: formatMpsTime(t - p.stuckWaitMin * 60_000) }, p.listSize),
    describe("PROCESSING", { EndTime: formatMpsTime(t - p.stuckRunMin * 60_000) }, p.listSize),
    Promise.all(
      buckets.map(async ({ start, end }): Promise<TimelineBucket> => {
        const window = { StartTime: formatMpsTime(start), EndTime: formatMpsTime(end) };
        const [w, pr, all, failed] = await Promise.all([
          describe("WAITING", window),
          describe("PROCESSING", window),
          describe("FINISH", window),
          describe("FINISH", { ...window, SubTaskHasFailed: true }),
        ]);
        const failedCount = total(failed);
        return { start, end, waiting: total(w), processing: total(pr), finished: Math.max(0, total(all) - failedCount), failed: failedCount };
      }),
    ),
  ]);

  const stuck: WallStuck[] = [
    ...(stuckWaiting.TaskSet ?? []).map((task) => toStuck(task, "waiting")),
    ...(stuckRunning.TaskSet ?? []).map((task) => toStuck(task, "running")),
  ].sort((a, b) => (a.since ?? 0) - (b.since ?? 0));

  return {
    counts: {
      WAITING: total(waiting),
      PROCESSING: total(processing),
      FINISH: total(finish),
      failed: total(failures),
      failedLastHour: total(failedLastHour),
    },
    failures: (failures.TaskSet ?? []).map(toFailure).sort((a, b) => (b.at ?? 0) - (a.at ?? 0)),
    failedTotal: total(failures),
    stuck,
    stuckWaiting: total(stuckWaiting),
    stuckRunning: total(stuckRunning),
    timeline,
  };
}

function toFailure(task: TaskSimpleInfo): WallFailure {
  return {
    id: `mps:${task.TaskId}`,
    source: "mps",
    title: task.TaskId,
    detail: [task.TaskType, ...(task.SubTaskTypes ?? [])].join(" · "),
    at: parseMpsTime(task.FinishTime) ?? parseMpsTime(task.CreateTime),
  };
}

function toStuck(task: TaskSimpleInfo, kind: "waiting" | "running"): WallStuck {
  return {
    id: `mps:${task.TaskId}`,
    source: "mps",
    title: task.TaskId,
    detail: task.TaskType,
    kind,
    since: kind === "running" ? (parseMpsTime(task.BeginProcessTime) ?? parseMpsTime(task.CreateTime)) : parseMpsTime(task.CreateTime),
  };
}
