// The two upstream services and the read-only actions Taskboard may ever send. Nothing a request says
// can add to this table: routes name an action from here, never from their input.

export const SERVICES = {
  mps: {
    service: "mps",
    version: "2019-06-12",
    defaultEndpoint: "https://mps.tencentcloudapi.com",
    /** Documented per-second limit; Taskboard budgets it per service, which is never more than per action. */
    ratePerSecond: 100,
    needsRegion: false,
    actions: ["DescribeTasks", "DescribeTaskDetail"],
  },
  wedata: {
    service: "wedata",
    version: "2025-08-06",
    defaultEndpoint: "https://wedata.tencentcloudapi.com",
    ratePerSecond: 20,
    needsRegion: true,
    actions: [
      "ListTaskInstances",
      "GetTaskInstance",
      "ListTaskInstanceExecutions",
      "GetTaskInstanceLog",
      "ListUpstreamTaskInstances",
      "ListDownstreamTaskInstances",
    ],
  },
} as const;

export type ServiceName = keyof typeof SERVICES;
export type ActionOf<S extends ServiceName> = (typeof SERVICES)[S]["actions"][number];
