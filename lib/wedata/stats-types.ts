import type { InstanceState } from "./wire";

// What GET /api/wedata/stats answers (shared by the route and the charts).

export interface WedataStats {
  /** The instant relative windows were resolved at (quantized, so many viewers share one upstream answer). */
  resolvedAt: string;
  byState: { state: InstanceState; count: number }[];
  overTime: {
    /** Latest instances by scheduled time that the buckets are drawn from. */
    sampleSize: number;
    bucketMs: number;
    buckets: { start: string; counts: Partial<Record<InstanceState, number>> }[];
  };
  longest: { InstanceKey: string; TaskId: string | null; TaskName: string | null; InstanceState: string | null; CostTime: number | null }[];
  mostRetried: { TaskId: string; TaskName: string | null; maxTries: number; tryLimit: number | null; instances: number }[];
  /** Upstream calls one refresh of this answer costs when nothing is cached. */
  upstreamCalls: number;
}
