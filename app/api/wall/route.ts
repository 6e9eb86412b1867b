import { errorResponse, jsonResponse, NO_STORE } from "@/lib/api/envelope";
import { gatherWall } from "@/lib/wall/gather-wall";

// Everything one wall screen shows, in one response. A failing source is reported inside the 200 answer
// (`mps.ok: false` with its Code/RequestId) so the other source still renders.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    return jsonResponse(await gatherWall(new URL(request.url).searchParams), 200, NO_STORE);
  } catch (e) {
    return errorResponse(500, "InternalError", e instanceof Error ? e.message : "wall gathering failed");
  }
}
