import type { ExportRecord } from "@/components/ui/stream-export";
import { STATUS_LOOK } from "./mps-status";
import { parseMpsTime, taskTimes } from "@/lib/mps/task-times";
import type { TaskRow } from "@/lib/mps/task-stream";

/** One exported row: API times stay ISO UTC (machine-readable), "not yet" becomes empty, durations in ms. */
export function taskExportRecord(row: TaskRow, now: number): ExportRecord {
  const t = taskTimes(row, now);
  const iso = (s: string) => (parseMpsTime(s) === null ? "" : s);
  return {
    TaskId: row.TaskId,
    Status: STATUS_LOOK[row.status].label,
    TaskType: row.TaskType,
    SubTaskTypes: (row.SubTaskTypes ?? []).join(";"),
    CreateTime: iso(row.CreateTime),
    BeginProcessTime: iso(row.BeginProcessTime),
    FinishTime: iso(row.FinishTime),
    QueueMs: t.queueMs,
    ProcessingMs: t.processingMs,
  };
}
