import { createLoader } from "nuqs/server";
import { mpsParsers, windowInputOf } from "@/app/(dashboard)/mps/search-params";
import { apiRoute } from "@/lib/api/route-handler";
import { computeMpsStats } from "@/lib/mps/stats-server";

// GET /api/mps/stats?<the MPS page's own URL parameters>: chart data (counts per status, tasks created over
// the range, processing-time distribution). Reads the page's parser map, so the charts and the table agree.
const loadParams = createLoader(mpsParsers);

export const dynamic = "force-dynamic";

const route = apiRoute(async (req) => {
  // The status tab is not an input: the charts show every status so the tabs can show their counts.
  const p = loadParams(req);
  return computeMpsStats({ failed: p.failed, window: windowInputOf(p) }, req.signal);
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
