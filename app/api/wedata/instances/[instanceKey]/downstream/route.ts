import { tencentRoute } from "@/lib/api/route-handler";
import { instanceKeyParam, relatedInstancesQuery } from "@/lib/api/wedata-params";

// GET /api/wedata/instances/:instanceKey/downstream → WeData ListDownstreamTaskInstances.
const route = tencentRoute<"wedata", typeof relatedInstancesQuery, { instanceKey: string }>({
  service: "wedata",
  action: "ListDownstreamTaskInstances",
  query: relatedInstancesQuery,
  path: { instanceKey: { param: "InstanceKey", spec: instanceKeyParam } },
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
