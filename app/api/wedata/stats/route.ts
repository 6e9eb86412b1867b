import { createLoader } from "nuqs/server";
import { toFilters, wedataParsers } from "@/app/(dashboard)/wedata/search-params";
import { ApiError } from "@/lib/api/envelope";
import { apiRoute } from "@/lib/api/route-handler";
import { getConfig, publicConfig } from "@/lib/tencent/config";
import { computeStats } from "@/lib/wedata/stats";

// GET /api/wedata/stats?<the WeData page's own URL parameters>: chart data for the page's filters. It reads the
// same parser map as the page, so the charts and the table mean the same thing by the same URL.
const loadParams = createLoader(wedataParsers);

export const dynamic = "force-dynamic";

const route = apiRoute(async (req) => {
  const params = loadParams(new URL(req.url).searchParams);
  const project = params.project ?? publicConfig(getConfig()).wedataProjectIds[0];
  if (!project) throw new ApiError(400, "MissingParameter", "The project parameter is required (no WEDATA_PROJECT_IDS configured).");
  return computeStats(toFilters(params, project), req.signal);
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
