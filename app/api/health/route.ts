import { apiRoute } from "@/lib/api/route-handler";
import { APP_VERSION, readBuildId } from "@/lib/server/build-info";
import { getConfig } from "@/lib/tencent/config";
import { coordinationMode } from "@/lib/tencent/coordination";
import { upstreamHealth } from "@/lib/tencent/upstream-health";

// GET /api/health: mode, version, build id, whether each upstream answered its last call, and how the cache
// and rate limiter are coordinated ("local" | "redis" | "redis-fallback").
export const dynamic = "force-dynamic";

const route = apiRoute(async () => ({
  mode: getConfig().mode,
  version: APP_VERSION,
  buildId: await readBuildId(),
  upstreams: upstreamHealth(),
  coordination: { mode: coordinationMode() },
}));
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
