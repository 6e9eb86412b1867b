// MPS enumerations as plain constants, free of zod, so browser code can import them without pulling the
// schema library into its bundle. lib/mps/wire.ts builds the zod schemas from these.

export const MPS_TASK_STATUSES = ["WAITING", "PROCESSING", "FINISH"] as const;

export const MPS_TASK_TYPES = [
  "WorkflowTask",
  "EditMediaTask",
  "LiveProcessTask",
  "ScheduleTask",
  "LiveScheduleTask",
  "EvaluationTask",
] as const;
export type MpsTaskType = (typeof MPS_TASK_TYPES)[number];

export const MPS_SUB_TASK_STATUSES = ["PROCESSING", "SUCCESS", "FAIL"] as const;
export type MpsSubTaskStatus = (typeof MPS_SUB_TASK_STATUSES)[number];

/** `0000-00-00T00:00:00Z` means "not started" / "not finished". */
export const MPS_ZERO_TIME = "0000-00-00T00:00:00Z";
