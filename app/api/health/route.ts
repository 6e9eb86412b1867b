import { apiRoute } from "@/lib/api/route-handler";
import { APP_VERSION, readBuildId } from "@/lib/server/build-info";
import { upstreamLoad } from "@/lib/tencent/client";
import { getConfig } from "@/lib/tencent/config";
import { coordinationMode } from "@/lib/tencent/coordination";
import { upstreamHealth } from "@/lib/tencent/upstream-health";

// GET /api/health: mode, version, build id, whether each upstream answered its last call, how busy the
// shared client is for it right now (calls queued for a rate-limit turn, upstream requests in flight,
// single-flight entries under way, live cache entries: counts only), and how the cache and rate limiter are
// coordinated ("local" | "redis" | "redis-fallback").
export const dynamic = "force-dynamic";

const route = apiRoute(async () => {
  const health = upstreamHealth();
  const load = upstreamLoad();
  return {
    mode: getConfig().mode,
    version: APP_VERSION,
    buildId: await readBuildId(),
    upstreams: { mps: { ...health.mps, ...load.mps }, wedata: { ...health.wedata, ...load.wedata } },
    coordination: { mode: coordinationMode() },
  };
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
