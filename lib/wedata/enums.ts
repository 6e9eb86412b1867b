// WeData enumerations as plain constants, free of zod, so browser code can import them without pulling the
// schema library into its bundle. lib/wedata/wire.ts builds the zod schemas from these.

export const INSTANCE_STATES = [
  "WAIT_EVENT",
  "WAIT_UPSTREAM",
  "WAIT_RUN",
  "RUNNING",
  "SKIP_RUNNING",
  "FAILED_RETRY",
  "EXPIRED",
  "COMPLETED",
] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export const CYCLE_TYPES = [
  "ONEOFF_CYCLE",
  "YEAR_CYCLE",
  "MONTH_CYCLE",
  "WEEK_CYCLE",
  "DAY_CYCLE",
  "HOUR_CYCLE",
  "MINUTE_CYCLE",
  "CRONTAB_CYCLE",
] as const;
export type CycleType = (typeof CYCLE_TYPES)[number];

/** 0 backfill, 1 periodic, 2 non-periodic. */
export const INSTANCE_TYPES = [0, 1, 2] as const;
export type InstanceType = (typeof INSTANCE_TYPES)[number];

export const SORT_COLUMNS = ["SCHEDULE_DATE", "START_TIME", "END_TIME", "COST_TIME"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const SORT_TYPES = ["ASC", "DESC"] as const;
export type SortType = (typeof SORT_TYPES)[number];

export const LOG_LEVELS = ["Info", "Debug", "Warn", "Error", "All"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Execution phases say `COMPLETE`, not `COMPLETED`. */
export const DETAIL_STATES = [
  "WAIT_UPSTREAM",
  "WAIT_RUN",
  "RUNNING",
  "COMPLETE",
  "FAILED",
  "EXPIRED",
  "SKIP_RUNNING",
  "HISTORY",
] as const;
export type DetailState = (typeof DETAIL_STATES)[number];
