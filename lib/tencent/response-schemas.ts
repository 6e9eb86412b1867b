import type { z } from "zod";
import { DescribeTaskDetailResponse, DescribeTasksResponse } from "@/lib/mps/wire";
import {
  GetTaskInstanceLogResponse,
  GetTaskInstanceResponse,
  ListTaskInstanceExecutionsResponse,
  ListTaskInstancesResponse,
} from "@/lib/wedata/wire";
import type { ActionOf, ServiceName } from "./services";

// The wire schema each allowed action's Response must satisfy before anything trusts it.

export const RESPONSE_SCHEMAS = {
  mps: {
    DescribeTasks: DescribeTasksResponse,
    DescribeTaskDetail: DescribeTaskDetailResponse,
  },
  wedata: {
    ListTaskInstances: ListTaskInstancesResponse,
    GetTaskInstance: GetTaskInstanceResponse,
    ListTaskInstanceExecutions: ListTaskInstanceExecutionsResponse,
    GetTaskInstanceLog: GetTaskInstanceLogResponse,
    ListUpstreamTaskInstances: ListTaskInstancesResponse,
    ListDownstreamTaskInstances: ListTaskInstancesResponse,
  },
} as const satisfies { [S in ServiceName]: { [A in ActionOf<S>]: z.ZodType } };

/** The validated Response type of an action, e.g. `ResponseOf<"mps", "DescribeTasks">`. */
export type ResponseOf<S extends ServiceName, A extends ActionOf<S>> = A extends keyof (typeof RESPONSE_SCHEMAS)[S]
  ? (typeof RESPONSE_SCHEMAS)[S][A] extends z.ZodType<infer O>
    ? O
    : never
  : never;

export function responseSchema<S extends ServiceName>(service: S, action: ActionOf<S>): z.ZodType {
  return (RESPONSE_SCHEMAS[service] as Record<string, z.ZodType>)[action] as z.ZodType;
}
