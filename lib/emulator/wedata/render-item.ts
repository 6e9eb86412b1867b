import { BEIJING_OFFSET_MS, formatWall } from "./time-zone";
import { STATES } from "./instance-plan";
import type { InstanceNow } from "./instance-view";
import type { ProjectStore } from "./project-store";

// The 25-field instance item of ListTaskInstances (and the up/downstream lists, and GetTaskInstance's Data).
// Times are rendered in the request's zone; CurRunDate and the InstanceKey suffix are the data time in the
// project's zone (Beijing) and never move.

export function instanceKey(store: ProjectStore, i: number): string {
  const task = store.cat.tasks[store.cols.task[i] as number]!;
  return `${task.taskId}_${formatWall(store.cols.sched[i] as number, BEIJING_OFFSET_MS)}`;
}

export function renderItem(store: ProjectStore, i: number, v: InstanceNow, tz: number): Record<string, unknown> {
  const { cat, cols } = store;
  const task = cat.tasks[cols.task[i] as number]!;
  const wf = cat.workflows[task.workflow]!;
  const folder = cat.folders[task.folder]!;
  const group = cat.groups[task.group]!;
  const sched = cols.sched[i] as number;
  return {
    ProjectId: cat.projectId,
    InstanceKey: instanceKey(store, i),
    FolderId: folder.id,
    FolderName: folder.name,
    WorkflowId: wf.id,
    WorkflowName: wf.name,
    TaskId: task.taskId,
    TaskName: task.name,
    CurRunDate: formatWall(sched, BEIJING_OFFSET_MS),
    InstanceState: STATES[v.state],
    InstanceType: cols.instType[i],
    OwnerUinList: task.owners.map((o) => cat.owners[o]),
    TotalRunNum: v.tries + (cols.rounds[i] as number) - 1,
    TaskType: task.typeName,
    TaskTypeId: task.typeId,
    CycleType: task.cycle,
    TryLimit: task.tryLimit,
    Tries: v.tries,
    StartTime: v.start === null ? null : formatWall(v.start, tz),
    EndTime: v.end === null ? null : formatWall(v.end, tz),
    CostTime: v.cost,
    SchedulerTime: formatWall(sched, tz),
    LastUpdateTime: formatWall(v.lastUpdate, tz),
    ExecutorGroupId: group.id,
    ExecutorGroupName: group.name,
  };
}
