import "server-only";
import { callTencent } from "@/lib/tencent/client";
import { publicConfig } from "@/lib/tencent/config";
import { parseWallConfig } from "./config";
import { gatherMps } from "./gather-mps";
import { gatherWedata } from "./gather-wedata";
import { ResultCache } from "./result-cache";
import type { MpsWall, SourceResult, WallResponse, WedataWall } from "./types";
import { toWallError, type WallCall } from "./upstream";

// GET /api/wall's work: both sources gathered in parallel, each answering on its own. Whole-source results
// are cached (single-flight, TTL = the refresh interval) so any number of wall screens cost the upstream
// what one does: the client schedules its next refresh for just after the cached answer expires (see
// nextRefreshMs), so all screens converge on asking together and share one gathering per interval. The
// calls inside also go through callTencent's shared limiter and cache, so walls with different settings
// still share every identical question.

/** Items each list fetches: more than any panel shows at 4K. */
const LIST_SIZE = 12;
/** A wall must answer even when the upstream hangs; the client shows the error and keeps its data. */
const DEADLINE_MS = 8_000;

type CacheHolder = { mps: ResultCache<SourceResult<MpsWall>>; wedata: ResultCache<SourceResult<WedataWall>> };
const HOLDER_KEY = Symbol.for("taskboard.wallCache");
function caches(): CacheHolder {
  const g = globalThis as { [HOLDER_KEY]?: CacheHolder };
  g[HOLDER_KEY] ??= { mps: new ResultCache(), wedata: new ResultCache() };
  return g[HOLDER_KEY];
}

const call: WallCall = (service, action, params, options) =>
  // The wall only sends the two list actions; the table in lib/tencent refuses anything else anyway.
  service === "mps"
    ? callTencent("mps", action as "DescribeTasks", params, options)
    : callTencent("wedata", action as "ListTaskInstances", params, options);

async function settle<T>(fetchedAt: number, work: () => Promise<T>): Promise<SourceResult<T>> {
  try {
    return { ok: true, data: await work(), fetchedAt };
  } catch (e) {
    return { ok: false, error: toWallError(e), fetchedAt };
  }
}

export async function gatherWall(query: URLSearchParams): Promise<WallResponse> {
  const { config } = parseWallConfig(query);
  const configured = publicConfig().wedataProjectIds;
  const notices: string[] = [];
  let projects = configured;
  if (config.projects) {
    const unknown = config.projects.filter((p) => !configured.includes(p));
    if (unknown.length) notices.push(`Project ${unknown.join(", ")} is not configured`);
    const chosen = config.projects.filter((p) => configured.includes(p));
    projects = chosen.length > 0 ? chosen : configured;
  }

  const now = Date.now();
  const ttl = config.interval * 1000;
  const opts = { deadlineMs: DEADLINE_MS, cacheTtlMs: Math.min(ttl / 2, 30_000) };
  const { stuckWait, stuckRun, hours } = config;
  const [mps, wedata] = await Promise.all([
    caches().mps.get(`${stuckWait}|${stuckRun}|${hours}`, ttl, now, () =>
      settle(now, () => gatherMps(call, { stuckWaitMin: stuckWait, stuckRunMin: stuckRun, hours, listSize: LIST_SIZE }, now, opts)),
    ),
    caches().wedata.get(`${projects.join(",")}|${stuckWait}|${stuckRun}`, ttl, now, () =>
      settle(now, () => gatherWedata(call, projects, { stuckWaitMin: stuckWait, stuckRunMin: stuckRun, listSize: LIST_SIZE }, now, opts)),
    ),
  ]);
  return { generatedAt: Date.now(), projects, notices, mps, wedata };
}

/**
 * The wall page's first data: the same gathering as /api/wall (shared through the caches above, so a page
 * load costs the upstream nothing extra), rendered into the page's HTML so its first paint has every panel
 * filled. If it takes longer than `waitMs` (a hanging or throttled upstream) the page does not wait: it
 * paints its "waiting" panels and the browser asks /api/wall, which joins the gathering still under way.
 * `at`: the server's clock when the page renders with it.
 */
export async function gatherWallWithin(query: URLSearchParams, waitMs: number): Promise<{ response: WallResponse | null; at: number }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  try {
    const response = await Promise.race([gatherWall(query).catch(() => null), late]);
    return { response, at: Date.now() };
  } finally {
    clearTimeout(timer);
  }
}
