import { CYCLE_TYPES, INSTANCE_STATES, INSTANCE_TYPES, LOG_LEVELS, SORT_COLUMNS, SORT_TYPES } from "@/lib/wedata/wire";
import {
  idParam,
  intOneOf,
  intParam,
  numericIdParam,
  oneOf,
  patternParam,
  required,
  stringParam,
  timeZoneParam,
  wedataTimeParam,
  type QuerySpec,
} from "./query";

// Query parameters of the WeData routes: each action's own names, types and ranges (TENCENT_API.md §5).

export const listTaskInstancesQuery = {
  ProjectId: required(numericIdParam()),
  PageNumber: intParam(1, 1_000_000),
  PageSize: intParam(1, 100),
  Keyword: stringParam(500),
  TimeZone: timeZoneParam(),
  InstanceType: intOneOf(INSTANCE_TYPES),
  InstanceState: oneOf(INSTANCE_STATES),
  TaskTypeId: intParam(0, 1_000_000),
  CycleType: oneOf(CYCLE_TYPES),
  OwnerUin: stringParam(200),
  FolderId: idParam(128),
  WorkflowId: idParam(128),
  ExecutorGroupId: idParam(128),
  ScheduleTimeFrom: wedataTimeParam(),
  ScheduleTimeTo: wedataTimeParam(),
  StartTimeFrom: wedataTimeParam(),
  StartTimeTo: wedataTimeParam(),
  LastUpdateTimeFrom: wedataTimeParam(),
  LastUpdateTimeTo: wedataTimeParam(),
  SortColumn: oneOf(SORT_COLUMNS),
  SortType: oneOf(SORT_TYPES),
} satisfies QuerySpec;

export const getTaskInstanceQuery = {
  ProjectId: required(numericIdParam()),
  TimeZone: timeZoneParam(),
} satisfies QuerySpec;

export const listExecutionsQuery = {
  ProjectId: required(numericIdParam()),
  TimeZone: timeZoneParam(),
  PageNumber: intParam(1, 1_000_000),
  PageSize: intParam(1, 200),
} satisfies QuerySpec;

export const taskInstanceLogQuery = {
  ProjectId: required(numericIdParam()),
  LifeRoundNum: intParam(0, 100_000),
  LogLevel: oneOf(LOG_LEVELS),
  NextCursor: stringParam(2_000),
} satisfies QuerySpec;

export const relatedInstancesQuery = {
  ProjectId: required(numericIdParam()),
  TimeZone: timeZoneParam(),
  PageNumber: intParam(1, 1_000_000),
  PageSize: intParam(1, 100),
} satisfies QuerySpec;

/** InstanceKey is `<TaskId>_<CurRunDate>`, e.g. `20250714200130106_2025-07-15 10:00:00`. */
export const instanceKeyParam = patternParam('an InstanceKey such as "20250714200130106_2025-07-15 10:00:00"', /^[A-Za-z0-9_.:-]+(?: [0-9:.]+)?$/, 256);
