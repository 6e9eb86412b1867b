import { mpsTaskIdParam } from "@/lib/api/mps-params";
import { tencentRoute } from "@/lib/api/route-handler";

// GET /api/mps/tasks/:taskId → MPS DescribeTaskDetail.
const route = tencentRoute<"mps", Record<string, never>, { taskId: string }>({
  service: "mps",
  action: "DescribeTaskDetail",
  query: {},
  path: { taskId: { param: "TaskId", spec: mpsTaskIdParam } },
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
