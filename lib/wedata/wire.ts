import { z } from "zod";
import { INSTANCE_STATES, CYCLE_TYPES, INSTANCE_TYPES, SORT_COLUMNS, SORT_TYPES, LOG_LEVELS, DETAIL_STATES, type DetailState } from "./enums";

export { INSTANCE_STATES, CYCLE_TYPES, INSTANCE_TYPES, SORT_COLUMNS, SORT_TYPES, LOG_LEVELS, DETAIL_STATES };
export type { DetailState };

// Wire schemas of WeData 2025-08-06 (../shared/TENCENT_API.md §5), shared by the proxy (validates upstream
// JSON), the emulator (produces it) and the pages (render it). Objects are loose so a field Tencent adds
// never breaks a good answer; fields Tencent may send as null are nullable. IDs are strings, always: many
// exceed 2^53.

export const InstanceState = z.enum(INSTANCE_STATES);
export type InstanceState = z.infer<typeof InstanceState>;

export const CycleType = z.enum(CYCLE_TYPES);
export type CycleType = z.infer<typeof CycleType>;

export const InstanceType = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type InstanceType = z.infer<typeof InstanceType>;

export const SortColumn = z.enum(SORT_COLUMNS);
export type SortColumn = z.infer<typeof SortColumn>;

export const SortType = z.enum(SORT_TYPES);
export type SortType = z.infer<typeof SortType>;

export const LogLevel = z.enum(LOG_LEVELS);
export type LogLevel = z.infer<typeof LogLevel>;


const str = z.string().nullable();
const int = z.number().int().nullable();

/** One ListTaskInstances item: the 25 documented fields. Times carry no zone (rendered in the request's TimeZone). */
export const TaskInstance = z.looseObject({
  ProjectId: str,
  InstanceKey: z.string(),
  FolderId: str,
  FolderName: str,
  WorkflowId: str,
  WorkflowName: str,
  TaskId: str,
  TaskName: str,
  CurRunDate: str,
  // A plain string, not the enum: an unknown state from Tencent must still render, not 502.
  InstanceState: str,
  InstanceType: int,
  OwnerUinList: z.array(z.string()).nullable(),
  TotalRunNum: int,
  TaskType: str,
  TaskTypeId: int,
  CycleType: str,
  TryLimit: int,
  Tries: int,
  StartTime: str,
  EndTime: str,
  /** Milliseconds. */
  CostTime: z.number().nullable(),
  SchedulerTime: str,
  LastUpdateTime: str,
  ExecutorGroupId: str,
  ExecutorGroupName: str,
});
export type TaskInstance = z.infer<typeof TaskInstance>;

function page<T extends z.ZodType>(item: T) {
  return z.looseObject({
    Items: z.array(item).nullable(),
    PageNumber: int,
    PageSize: int,
    TotalCount: int,
    TotalPageNumber: int,
  });
}

export const TaskInstancePage = page(TaskInstance);
export type TaskInstancePage = z.infer<typeof TaskInstancePage>;

/** ListTaskInstances, ListUpstreamTaskInstances and ListDownstreamTaskInstances all answer this. */
export const ListTaskInstancesResponse = z.looseObject({
  Data: TaskInstancePage.nullable(),
  RequestId: z.string(),
});
export type ListTaskInstancesResponse = z.infer<typeof ListTaskInstancesResponse>;

export const TaskInstanceDetail = TaskInstance.extend({
  /** Short failure reason, `""` when fine. */
  JobErrorMsg: str.optional(),
});
export type TaskInstanceDetail = z.infer<typeof TaskInstanceDetail>;

export const GetTaskInstanceResponse = z.looseObject({
  Data: TaskInstanceDetail.nullable(),
  RequestId: z.string(),
});
export type GetTaskInstanceResponse = z.infer<typeof GetTaskInstanceResponse>;

export const ExecutionPhase = z.looseObject({
  StartTime: str,
  EndTime: str,
  DetailState: str,
});
export type ExecutionPhase = z.infer<typeof ExecutionPhase>;

export const TaskInstanceExecution = z.looseObject({
  InstanceKey: z.string(),
  /** 0 = first run, +1 per rerun. */
  LifeRoundNum: int,
  InstanceState: str,
  RunType: str,
  Tries: int,
  /** Milliseconds. */
  CostTime: z.number().nullable(),
  ExecutionPhaseList: z.array(ExecutionPhase).nullable(),
});
export type TaskInstanceExecution = z.infer<typeof TaskInstanceExecution>;

export const ExecutionPage = page(TaskInstanceExecution);
export type ExecutionPage = z.infer<typeof ExecutionPage>;

export const ListTaskInstanceExecutionsResponse = z.looseObject({
  Data: ExecutionPage.nullable(),
  RequestId: z.string(),
});
export type ListTaskInstanceExecutionsResponse = z.infer<typeof ListTaskInstanceExecutionsResponse>;

export const TaskInstanceLog = z.looseObject({
  InstanceKey: str,
  ProjectId: str,
  CodeContent: str,
  LogInfo: str,
  /** End of log is undocumented: treat empty or repeated cursor as the end. */
  NextCursor: str,
});
export type TaskInstanceLog = z.infer<typeof TaskInstanceLog>;

export const GetTaskInstanceLogResponse = z.looseObject({
  Data: TaskInstanceLog.nullable(),
  RequestId: z.string(),
});
export type GetTaskInstanceLogResponse = z.infer<typeof GetTaskInstanceLogResponse>;
