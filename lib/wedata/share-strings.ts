import { StringPool } from "@/lib/collections/string-pool";
import type { TaskInstance } from "./wire";

// Per project, task, workflow or run time, the same across many instances (see StringPool for why).
const REPEATED = [
  "ProjectId",
  "FolderId",
  "FolderName",
  "WorkflowId",
  "WorkflowName",
  "TaskId",
  "TaskName",
  "CurRunDate",
  "InstanceState",
  "TaskType",
  "CycleType",
  "SchedulerTime",
  "ExecutorGroupId",
  "ExecutorGroupName",
] as const satisfies readonly (keyof TaskInstance)[];

const pool = new StringPool();

/** Replaces the repeated strings of freshly parsed instances by shared copies, in place; values are unchanged. */
export function shareRepeatedStrings(items: TaskInstance[]): TaskInstance[] {
  for (const item of items) {
    for (const field of REPEATED) {
      const value = item[field];
      if (typeof value === "string") item[field] = pool.share(value);
    }
    const owners = item.OwnerUinList;
    if (owners) for (let i = 0; i < owners.length; i++) owners[i] = pool.share(owners[i] as string);
  }
  return items;
}
