import type { CycleType, InstanceState, SortColumn } from "./wire";

// Human names for WeData's codes. Every value that has a name shows the name; the code stays in the title
// so engineers can still match it against the console or the API.

export const STATE_NAMES: Record<InstanceState, string> = {
  WAIT_EVENT: "Waiting for event",
  WAIT_UPSTREAM: "Waiting for upstream",
  WAIT_RUN: "Waiting to run",
  RUNNING: "Running",
  SKIP_RUNNING: "Skipped",
  FAILED_RETRY: "Failed, retrying",
  EXPIRED: "Failed",
  COMPLETED: "Succeeded",
};

export const CYCLE_NAMES: Record<CycleType, string> = {
  ONEOFF_CYCLE: "One-off",
  YEAR_CYCLE: "Yearly",
  MONTH_CYCLE: "Monthly",
  WEEK_CYCLE: "Weekly",
  DAY_CYCLE: "Daily",
  HOUR_CYCLE: "Hourly",
  MINUTE_CYCLE: "Minutely",
  CRONTAB_CYCLE: "Crontab",
};

export const INSTANCE_TYPE_NAMES: Record<0 | 1 | 2, string> = {
  0: "Backfill",
  1: "Periodic",
  2: "Non-periodic",
};

export const SORT_COLUMN_NAMES: Record<SortColumn, string> = {
  SCHEDULE_DATE: "Scheduled time",
  START_TIME: "Start time",
  END_TIME: "End time",
  COST_TIME: "Cost time",
};

/** Execution phases (note COMPLETE, not COMPLETED). */
export const DETAIL_STATE_NAMES: Record<string, string> = {
  WAIT_UPSTREAM: "Waiting for upstream",
  WAIT_RUN: "Waiting to run",
  RUNNING: "Running",
  COMPLETE: "Complete",
  FAILED: "Failed",
  EXPIRED: "Expired",
  SKIP_RUNNING: "Skipped",
  HISTORY: "History",
};

/** Task types seen in WeData; the list is open, so an unknown id shows as "Type N". */
export const TASK_TYPE_NAMES: Record<number, string> = {
  26: "Offline sync",
  30: "Python",
  32: "DLC SQL",
  34: "Hive SQL",
  35: "Shell",
  36: "Spark SQL",
  39: "Spark",
  50: "DLC PySpark",
  92: "MapReduce",
};

export function stateName(state: string | null | undefined): string {
  if (!state) return "Unknown";
  return STATE_NAMES[state as InstanceState] ?? state;
}

export function cycleName(cycle: string | null | undefined): string {
  if (!cycle) return "—";
  return CYCLE_NAMES[cycle as CycleType] ?? cycle;
}

export function instanceTypeName(type: number | null | undefined): string {
  if (type == null) return "—";
  return INSTANCE_TYPE_NAMES[type as 0 | 1 | 2] ?? `Type ${type}`;
}

export function taskTypeName(id: number | null | undefined, given?: string | null): string {
  if (given) return given;
  if (id == null) return "—";
  return TASK_TYPE_NAMES[id] ?? `Type ${id}`;
}
