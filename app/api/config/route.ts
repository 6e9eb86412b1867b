import { apiRoute } from "@/lib/api/route-handler";
import { publicConfig } from "@/lib/tencent/config";

// GET /api/config: the non-secret configuration the UI needs (mode, regions, WeData project ids).
export const dynamic = "force-dynamic";

const route = apiRoute(async () => publicConfig());
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
