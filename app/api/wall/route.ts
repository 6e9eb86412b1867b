import { jsonResponse, NO_STORE } from "@/lib/api/envelope";
import { apiRoute } from "@/lib/api/route-handler";
import { gatherWall } from "@/lib/wall/gather-wall";

// GET /api/wall: everything one wall screen shows, in one response. A failing source is reported inside the
// 200 answer (`mps.ok: false` with its Code/RequestId) so the other source still renders.
export const dynamic = "force-dynamic";

const route = apiRoute(async (req) => jsonResponse(await gatherWall(new URL(req.url).searchParams), 200, NO_STORE));
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
