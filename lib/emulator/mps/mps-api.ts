import { invalidValue, notFound } from "../api-error";
import { bool, int, readParams, str } from "../params";
import type { ServiceApi } from "../service-api";
import { describeTaskDetail } from "./task-detail";
import { HOUR_MS, isoOrZero, type MpsStatus, type MpsTask } from "./mps-task";
import type { MpsStore } from "./mps-store";

// MPS 2019-06-12: DescribeTasks and DescribeTaskDetail, as TENCENT_API.md §4 documents them.

const STATUSES: readonly MpsStatus[] = ["WAITING", "PROCESSING", "FINISH"];
const TASK_ID_PATTERN = /^\d+-[A-Za-z]+-[0-9a-f]{13}$/;
/** DescribeTaskDetail only reaches tasks of the last 3 days (sources disagree between 3 and 7; 3 is safer). */
const DETAIL_WINDOW_MS = 72 * HOUR_MS;

function parseIsoUtc(name: string, value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidValue(name, "expected ISO 8601 such as 2021-02-03T04:05:06Z");
  }
  return Date.parse(value);
}

function simpleInfo(t: MpsTask, now: number) {
  return {
    TaskId: t.taskId,
    TaskType: t.type,
    CreateTime: isoOrZero(t.create, now),
    BeginProcessTime: isoOrZero(t.begin, now),
    FinishTime: isoOrZero(t.finish, now),
    SubTaskTypes: [...t.subTaskTypes],
  };
}

export function mpsApi(store: MpsStore): ServiceApi {
  return {
    version: "2019-06-12",
    ratePerSecond: 100,
    needsRegion: false,
    actions: {
      DescribeTasks: (params, ctx) => {
        const p = readParams(
          params,
          {
            Status: { kind: "string", required: true },
            SubTaskHasFailed: { kind: "boolean" },
            Limit: { kind: "integer", numericString: true },
            ScrollToken: { kind: "string" },
            StartTime: { kind: "string" },
            EndTime: { kind: "string" },
          },
          ctx.fromQuery,
        );
        const status = str(p, "Status") as MpsStatus;
        if (!STATUSES.includes(status)) throw invalidValue("Status", "must be WAITING, PROCESSING or FINISH");
        const limit = int(p, "Limit") ?? 10;
        if (limit < 1 || limit > 100) throw invalidValue("Limit", "must be between 1 and 100", "InvalidParameterValue.Limit");
        const from = str(p, "StartTime") !== undefined ? parseIsoUtc("StartTime", str(p, "StartTime") as string) : -Infinity;
        const to = str(p, "EndTime") !== undefined ? parseIsoUtc("EndTime", str(p, "EndTime") as string) : Infinity;
        if (from > to) throw invalidValue("StartTime", "StartTime is later than EndTime");
        const token = str(p, "ScrollToken") ?? "";
        let after: MpsTask | undefined;
        if (token !== "") {
          if (!TASK_ID_PATTERN.test(token)) throw invalidValue("ScrollToken", "not a token this API issued");
          after = store.find(token, ctx.now);
          // A well-formed token whose task has aged out of the 7-day window: nothing older is left to list.
          if (!after) return { TotalCount: 0, TaskSet: [], ScrollToken: "" };
        }
        const page = store.query({ now: ctx.now, status, subTaskHasFailed: bool(p, "SubTaskHasFailed"), from, to, after, limit });
        return {
          TotalCount: page.total,
          TaskSet: page.tasks.map((t) => simpleInfo(t, ctx.now)),
          ScrollToken: page.next?.taskId ?? "",
        };
      },
      DescribeTaskDetail: (params, ctx) => {
        const p = readParams(params, { TaskId: { kind: "string", required: true } }, ctx.fromQuery);
        const id = str(p, "TaskId") as string;
        if (!TASK_ID_PATTERN.test(id)) throw invalidValue("TaskId", "malformed task id", "InvalidParameterValue.TaskId");
        const task = store.find(id, ctx.now);
        if (!task || task.create < ctx.now - DETAIL_WINDOW_MS) throw notFound(`task ${id}`);
        return describeTaskDetail(task, ctx.now);
      },
    },
  };
}

