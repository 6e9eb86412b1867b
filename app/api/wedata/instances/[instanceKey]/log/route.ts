import { tencentRoute } from "@/lib/api/route-handler";
import { instanceKeyParam, taskInstanceLogQuery } from "@/lib/api/wedata-params";

// GET /api/wedata/instances/:instanceKey/log → WeData GetTaskInstanceLog.
const route = tencentRoute<"wedata", typeof taskInstanceLogQuery, { instanceKey: string }>({
  service: "wedata",
  action: "GetTaskInstanceLog",
  query: taskInstanceLogQuery,
  path: { instanceKey: { param: "InstanceKey", spec: instanceKeyParam } },
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
