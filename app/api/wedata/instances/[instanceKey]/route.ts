import { tencentRoute } from "@/lib/api/route-handler";
import { instanceKeyParam, getTaskInstanceQuery } from "@/lib/api/wedata-params";

// GET /api/wedata/instances/:instanceKey → WeData GetTaskInstance.
const route = tencentRoute<"wedata", typeof getTaskInstanceQuery, { instanceKey: string }>({
  service: "wedata",
  action: "GetTaskInstance",
  query: getTaskInstanceQuery,
  path: { instanceKey: { param: "InstanceKey", spec: instanceKeyParam } },
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
