import { createDataTableColumnHelper, type DataTableColumn } from "@/components/data-table/features";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDuration } from "@/lib/time/duration";
import { formatInZone } from "@/lib/time/zone";
import { parseMpsTime, taskTimes } from "@/lib/mps/task-times";
import type { TaskRow } from "@/lib/mps/task-stream";
import { MpsStatusBadge } from "./_components/mps-status";
import { MPS_COLUMN_IDS, type MpsColumnId } from "./search-params";

const helper = createDataTableColumnHelper<TaskRow>();

/** Unfinished tasks waiting or processing longer than this are flagged as possibly stuck. */
export const STUCK_MS = 30 * 60_000;

function TimeCell({ iso, zone }: { iso: string; zone: string }) {
  const ms = parseMpsTime(iso);
  if (ms === null) return <span className="text-zinc-400 dark:text-zinc-500" aria-label="not yet">—</span>;
  return <time dateTime={iso}>{formatInZone(ms, zone, "MM-dd HH:mm:ss")}</time>;
}

/** The columns of the MPS table; time headers name the display zone. `now` drives the live durations. */
export function mpsColumns(zone: string, zoneName: string, now: number): DataTableColumn<TaskRow>[] {
  const times = (row: TaskRow) => taskTimes(row, now);
  return helper.columns([
    helper.accessor("TaskId", {
      id: "taskId",
      header: "Task ID",
      meta: { label: "Task ID", width: 248, required: true },
      cell: (c) => (
        <span className="flex min-w-0 items-center gap-1">
          <span className="truncate font-mono text-xs" title={c.getValue()}>
            {c.getValue()}
          </span>
          <CopyButton value={c.getValue()} label={`Copy task ID ${c.getValue()}`} />
        </span>
      ),
    }),
    helper.accessor("status", {
      id: "status",
      header: "Status",
      meta: { label: "Status", width: 138 },
      cell: (c) => <MpsStatusBadge status={c.getValue()} />,
    }),
    helper.accessor("TaskType", {
      id: "taskType",
      header: "Type",
      meta: { label: "Task type", width: 122 },
      cell: (c) => <span className="truncate">{c.getValue()}</span>,
    }),
    helper.accessor((r) => r.SubTaskTypes ?? [], {
      id: "subTaskTypes",
      header: "Sub-tasks",
      meta: { label: "Sub-task types", width: 150 },
      cell: (c) => (
        <span className="flex min-w-0 gap-1 overflow-hidden" title={c.getValue().join(", ")}>
          {c.getValue().map((t: string) => (
            <span key={t} className="rounded bg-zinc-100 px-1.5 py-px text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
              {t}
            </span>
          ))}
        </span>
      ),
    }),
    helper.accessor("CreateTime", {
      id: "createTime",
      header: () => <span>Created <span className="font-normal text-zinc-500 dark:text-zinc-400">({zoneName})</span></span>,
      meta: { label: "Created", width: 115 },
      cell: (c) => <TimeCell iso={c.getValue()} zone={zone} />,
    }),
    helper.accessor("BeginProcessTime", {
      id: "beginTime",
      header: () => <span>Began <span className="font-normal text-zinc-500 dark:text-zinc-400">({zoneName})</span></span>,
      meta: { label: "Began processing", width: 115 },
      cell: (c) => <TimeCell iso={c.getValue()} zone={zone} />,
    }),
    helper.accessor("FinishTime", {
      id: "finishTime",
      header: () => <span>Finished <span className="font-normal text-zinc-500 dark:text-zinc-400">({zoneName})</span></span>,
      meta: { label: "Finished", width: 115 },
      cell: (c) => <TimeCell iso={c.getValue()} zone={zone} />,
    }),
    helper.accessor((r) => times(r).queueMs, {
      id: "queueTime",
      header: "Queue",
      meta: { label: "Queue time", width: 76, align: "right" },
      cell: (c) => formatDuration(c.getValue()),
    }),
    helper.accessor((r) => times(r).processingMs, {
      id: "processingTime",
      header: "Processing",
      meta: { label: "Processing time", width: 86, align: "right" },
      cell: (c) => formatDuration(c.getValue()),
    }),
    helper.accessor((r) => times(r).inStateMs, {
      id: "inState",
      header: "In state",
      meta: { label: "Time in current state", width: 86, align: "right" },
      cell: (c) => {
        const ms = c.getValue();
        if (ms === null) return <span className="text-zinc-400 dark:text-zinc-500">—</span>;
        const stuck = ms > STUCK_MS;
        return (
          <span className={stuck ? "font-semibold text-amber-700 dark:text-amber-300" : undefined} title={stuck ? "Possibly stuck" : undefined}>
            {stuck ? "⚠ " : ""}
            {formatDuration(ms)}
            {stuck ? <span className="sr-only"> (possibly stuck)</span> : null}
          </span>
        );
      },
    }),
  ]);
}

export const DEFAULT_COLUMNS: MpsColumnId[] = [...MPS_COLUMN_IDS];

export const COLUMN_MENU_ITEMS: { id: MpsColumnId; label: string; required?: boolean }[] = [
  { id: "taskId", label: "Task ID", required: true },
  { id: "status", label: "Status" },
  { id: "taskType", label: "Task type" },
  { id: "subTaskTypes", label: "Sub-task types" },
  { id: "createTime", label: "Created" },
  { id: "beginTime", label: "Began processing" },
  { id: "finishTime", label: "Finished" },
  { id: "queueTime", label: "Queue time" },
  { id: "processingTime", label: "Processing time" },
  { id: "inState", label: "Time in current state" },
];
