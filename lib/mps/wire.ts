import { z } from "zod";
import { MPS_SUB_TASK_STATUSES, MPS_TASK_STATUSES, MPS_TASK_TYPES, MPS_ZERO_TIME, type MpsSubTaskStatus, type MpsTaskType } from "./enums";

export { MPS_SUB_TASK_STATUSES, MPS_TASK_STATUSES, MPS_TASK_TYPES, MPS_ZERO_TIME };
export type { MpsSubTaskStatus, MpsTaskType };

// Wire schemas of MPS 2019-06-12 (../shared/TENCENT_API.md §4), shared by the proxy (which validates upstream
// JSON before trusting it), the emulator (which produces it) and the pages (which render it).
// Objects are loose on purpose: Tencent may add fields, and the proxy passes its Response through unchanged,
// so a new field must never turn a good answer into a 502. Enums that only *describe* values Tencent sends
// (task types, sub-task types) stay plain strings for the same reason; request enums are strict.

export const MpsTaskStatus = z.enum(MPS_TASK_STATUSES);
export type MpsTaskStatus = z.infer<typeof MpsTaskStatus>;

export const TaskSimpleInfo = z.looseObject({
  TaskId: z.string(),
  TaskType: z.string(),
  CreateTime: z.string(),
  BeginProcessTime: z.string(),
  FinishTime: z.string(),
  SubTaskTypes: z.array(z.string()).nullable(),
});
export type TaskSimpleInfo = z.infer<typeof TaskSimpleInfo>;

export const DescribeTasksResponse = z.looseObject({
  TaskSet: z.array(TaskSimpleInfo).nullable(),
  ScrollToken: z.string().nullable(),
  TotalCount: z.number().int().nullable(),
  RequestId: z.string(),
});
export type DescribeTasksResponse = z.infer<typeof DescribeTasksResponse>;

// Deep parts of the detail are loose: the page shows them as they come, and their full shape is large.
const Loose = z.looseObject({});

export const MediaProcessResult = z.looseObject({
  Type: z.string(),
});
export type MediaProcessResult = z.infer<typeof MediaProcessResult> & Record<string, unknown>;

/** A sub-task result (TranscodeTask, SnapshotByTimeOffsetTask, ...): the common fields. */
export const SubTaskResult = z.looseObject({
  Status: z.string(),
  ErrCodeExt: z.string().nullish(),
  ErrCode: z.number().nullish(),
  Message: z.string().nullish(),
  Input: z.unknown().optional(),
  Output: z.unknown().optional(),
  Progress: z.number().nullish(),
});
export type SubTaskResult = z.infer<typeof SubTaskResult>;

export const WorkflowTask = z.looseObject({
  TaskId: z.string(),
  Status: z.string(),
  ErrCode: z.number().nullish(),
  Message: z.string().nullish(),
  InputInfo: Loose.nullish(),
  MetaData: Loose.nullish(),
  MediaProcessResultSet: z.array(MediaProcessResult).nullish(),
  AiContentReviewResultSet: z.array(Loose).nullish(),
  AiAnalysisResultSet: z.array(Loose).nullish(),
  AiRecognitionResultSet: z.array(Loose).nullish(),
  AiQualityControlTaskResult: Loose.nullish(),
});
export type WorkflowTask = z.infer<typeof WorkflowTask>;

export const DescribeTaskDetailResponse = z.looseObject({
  TaskType: z.string(),
  Status: z.string(),
  CreateTime: z.string(),
  BeginProcessTime: z.string().nullish(),
  FinishTime: z.string().nullish(),
  WorkflowTask: WorkflowTask.nullish(),
  EditMediaTask: Loose.nullish(),
  LiveStreamProcessTask: Loose.nullish(),
  ScheduleTask: Loose.nullish(),
  LiveScheduleTask: Loose.nullish(),
  ExtractBlindWatermarkTask: Loose.nullish(),
  TaskNotifyConfig: Loose.nullish(),
  TasksPriority: z.number().nullish(),
  SessionId: z.string().nullish(),
  SessionContext: z.string().nullish(),
  ExtInfo: z.string().nullish(),
  RequestId: z.string(),
});
export type DescribeTaskDetailResponse = z.infer<typeof DescribeTaskDetailResponse>;
