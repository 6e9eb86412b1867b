import { tencentRoute } from "@/lib/api/route-handler";
import { listTaskInstancesQuery } from "@/lib/api/wedata-params";

// GET /api/wedata/instances → WeData ListTaskInstances.
const route = tencentRoute({ service: "wedata", action: "ListTaskInstances", query: listTaskInstancesQuery });
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
