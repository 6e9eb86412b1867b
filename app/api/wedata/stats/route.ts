import { createLoader } from "nuqs/server";
import { NextResponse, type NextRequest } from "next/server";
import { toFilters, wedataParsers } from "@/app/(dashboard)/wedata/search-params";
import { getConfig, publicConfig } from "@/lib/tencent/config";
import { isUpstreamError } from "@/lib/tencent/errors";
import { computeStats } from "@/lib/wedata/stats";

// GET /api/wedata/stats?<the WeData page's own URL parameters>: chart data for the page's filters. It reads the
// same parser map as the page, so the charts and the table mean the same thing by the same URL.
const loadParams = createLoader(wedataParsers);

export const dynamic = "force-dynamic";

function errorResponse(status: number, code: string, message: string, requestId?: string) {
  return NextResponse.json({ Error: { Code: code, Message: message }, ...(requestId ? { RequestId: requestId } : {}) }, { status });
}

export async function GET(request: NextRequest) {
  const params = loadParams(request);
  const project = params.project ?? publicConfig(getConfig()).wedataProjectIds[0];
  if (!project) return errorResponse(400, "MissingParameter", "The project parameter is required (no WEDATA_PROJECT_IDS configured).");
  try {
    const stats = await computeStats(toFilters(params, project), request.signal);
    return NextResponse.json(stats, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (isUpstreamError(e)) return errorResponse(e.status, e.code, e.message, e.requestId);
    throw e;
  }
}
