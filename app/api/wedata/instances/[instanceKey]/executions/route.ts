import { tencentRoute } from "@/lib/api/route-handler";
import { instanceKeyParam, listExecutionsQuery } from "@/lib/api/wedata-params";

// GET /api/wedata/instances/:instanceKey/executions → WeData ListTaskInstanceExecutions.
const route = tencentRoute<"wedata", typeof listExecutionsQuery, { instanceKey: string }>({
  service: "wedata",
  action: "ListTaskInstanceExecutions",
  query: listExecutionsQuery,
  path: { instanceKey: { param: "InstanceKey", spec: instanceKeyParam } },
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
