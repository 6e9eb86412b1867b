import { createDataTableColumnHelper, type DataTableColumn } from "@/components/data-table/features";
import { formatCostTime } from "@/lib/wedata/cost-time";
import { cycleName, instanceTypeName, taskTypeName } from "@/lib/wedata/names";
import { apiTimeInZone } from "@/lib/wedata/time-zone";
import type { TaskInstance } from "@/lib/wedata/wire";
import { StateBadge } from "./_components/state-badge";
import type { ColumnId } from "./search-params";

// The instance table's columns. Times arrive in the API zone (UTC) and are shown in the viewer's display zone,
// which the header names; the data time (CurRunDate) is shown exactly as the API gives it.

const helper = createDataTableColumnHelper<TaskInstance>();

const muted = (text: string) => <span className="text-zinc-400 dark:text-zinc-500">{text}</span>;
const orDash = (v: string | null | undefined) => (v ? <span className="truncate" title={v}>{v}</span> : muted("—"));

function TimeCell({ value, zone }: { value: string | null; zone: string }) {
  const text = apiTimeInZone(value, zone);
  return text === "—" ? muted("—") : <time className="font-mono text-[12.5px]">{text}</time>;
}

export const COLUMN_LABELS: Record<ColumnId, string> = {
  task: "Task",
  state: "State",
  cycle: "Cycle",
  taskType: "Task type",
  instanceType: "Instance type",
  scheduled: "Scheduled",
  dataTime: "Data time",
  start: "Start",
  end: "End",
  cost: "Cost time",
  tries: "Tries",
  owner: "Owner",
  workflow: "Workflow",
  folder: "Folder",
  group: "Resource group",
  updated: "Last update",
};

export function instanceColumns(zone: string, zoneShort: string): DataTableColumn<TaskInstance>[] {
  const timeHeader = (label: string) =>
    function TimeHeader() {
      return (
        <span>
          {label} <span className="font-normal text-zinc-500 dark:text-zinc-400">({zoneShort})</span>
        </span>
      );
    };
  return helper.columns([
    helper.display({
      id: "task",
      header: "Task",
      meta: { label: "Task", width: 260, required: true },
      cell: ({ row }) => (
        <div className="flex min-w-0 flex-col leading-tight">
          <span className="truncate font-medium" title={row.original.TaskName ?? undefined}>
            {row.original.TaskName || "(unnamed)"}
          </span>
          <span className="truncate font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{row.original.TaskId}</span>
        </div>
      ),
    }),
    helper.display({
      id: "state",
      header: "State",
      meta: { label: "State", width: 170 },
      cell: ({ row }) => <StateBadge state={row.original.InstanceState} />,
    }),
    helper.display({ id: "cycle", header: "Cycle", meta: { label: "Cycle", width: 90 }, cell: ({ row }) => cycleName(row.original.CycleType) }),
    helper.display({
      id: "taskType",
      header: "Task type",
      meta: { label: "Task type", width: 124 },
      cell: ({ row }) => taskTypeName(row.original.TaskTypeId, row.original.TaskType),
    }),
    helper.display({
      id: "instanceType",
      header: "Instance type",
      meta: { label: "Instance type", width: 110 },
      cell: ({ row }) => instanceTypeName(row.original.InstanceType),
    }),
    helper.display({
      id: "scheduled",
      header: timeHeader("Scheduled"),
      meta: { label: "Scheduled", width: 190 },
      cell: ({ row }) => <TimeCell value={row.original.SchedulerTime} zone={zone} />,
    }),
    helper.display({
      id: "dataTime",
      header: () => (
        <span title="Data time (CurRunDate), as WeData gives it: it does not move with the time zone">
          Data time <span className="font-normal text-zinc-500 dark:text-zinc-400">(as given)</span>
        </span>
      ),
      meta: { label: "Data time", width: 170 },
      cell: ({ row }) => (row.original.CurRunDate ? <span className="font-mono text-[12.5px]">{row.original.CurRunDate}</span> : muted("—")),
    }),
    helper.display({
      id: "start",
      header: timeHeader("Start"),
      meta: { label: "Start", width: 170 },
      cell: ({ row }) => <TimeCell value={row.original.StartTime} zone={zone} />,
    }),
    helper.display({
      id: "end",
      header: timeHeader("End"),
      meta: { label: "End", width: 170 },
      cell: ({ row }) => <TimeCell value={row.original.EndTime} zone={zone} />,
    }),
    helper.display({
      id: "cost",
      header: "Cost time",
      meta: { label: "Cost time", width: 96, align: "right" },
      cell: ({ row }) => <span title={row.original.CostTime != null ? `${row.original.CostTime} ms` : undefined}>{formatCostTime(row.original.CostTime)}</span>,
    }),
    helper.display({
      id: "tries",
      header: "Tries",
      meta: { label: "Tries", width: 70, align: "right" },
      cell: ({ row }) => `${row.original.Tries ?? 0} / ${row.original.TryLimit ?? "—"}`,
    }),
    helper.display({
      id: "owner",
      header: "Owner",
      meta: { label: "Owner", width: 130 },
      cell: ({ row }) => orDash(row.original.OwnerUinList?.join(", ")),
    }),
    helper.display({ id: "workflow", header: "Workflow", meta: { label: "Workflow", width: 170 }, cell: ({ row }) => orDash(row.original.WorkflowName || row.original.WorkflowId) }),
    helper.display({ id: "folder", header: "Folder", meta: { label: "Folder", width: 150 }, cell: ({ row }) => orDash(row.original.FolderName || row.original.FolderId) }),
    helper.display({
      id: "group",
      header: "Resource group",
      meta: { label: "Resource group", width: 160 },
      cell: ({ row }) => orDash(row.original.ExecutorGroupName || row.original.ExecutorGroupId),
    }),
    helper.display({
      id: "updated",
      header: timeHeader("Last update"),
      meta: { label: "Last update", width: 170 },
      cell: ({ row }) => <TimeCell value={row.original.LastUpdateTime} zone={zone} />,
    }),
  ]);
}
