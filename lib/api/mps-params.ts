import { MPS_TASK_STATUSES } from "@/lib/mps/wire";
import { boolParam, idParam, intParam, isoTimeParam, oneOf, required, stringParam, type QuerySpec } from "./query";

// Query parameters of the MPS routes: DescribeTasks' own names, types and ranges (TENCENT_API.md §4).

export const describeTasksQuery = {
  Status: required(oneOf(MPS_TASK_STATUSES)),
  SubTaskHasFailed: boolParam(),
  Limit: intParam(1, 100),
  ScrollToken: stringParam(200),
  StartTime: isoTimeParam(),
  EndTime: isoTimeParam(),
} satisfies QuerySpec;

/** MPS TaskIds look like `24022-WorkflowTask-99f82fb306909`. */
export const mpsTaskIdParam = idParam(128);
