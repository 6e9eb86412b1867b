import { describeTasksQuery } from "@/lib/api/mps-params";
import { tencentRoute } from "@/lib/api/route-handler";

// GET /api/mps/tasks → MPS DescribeTasks.
const route = tencentRoute({ service: "mps", action: "DescribeTasks", query: describeTasksQuery });
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
