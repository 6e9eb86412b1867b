"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { wallApiQuery, type WallConfig } from "@/lib/wall/config";
import { emptySource, failAll, mergeWallResponse, type WallState } from "@/lib/wall/freshness";
import { emptyTracker, trackFailures, type FailureTracker } from "@/lib/wall/new-failures";
import { backoffMs, nextRefreshMs } from "@/lib/wall/refresh";
import type { MpsWall, WallError, WallResponse, WedataWall } from "@/lib/wall/types";

// The wall's data: one /api/wall request per interval. The query's data is the *merged* view (last good
// data per source + latest errors + new-failure tracker), so an outage never blanks a panel and the
// query itself never errors. When Taskboard's server itself does not answer, refreshes back off (up to 4× the interval).

export type WallView = WallState<MpsWall, WedataWall> & {
  tracker: FailureTracker;
  /** Consecutive refreshes with at least one failing source. */
  failedRefreshes: number;
  /** At least one answer (good or bad) has arrived. */
  answered: boolean;
  /** When to ask again (see nextRefreshMs). */
  nextDelayMs: number | null;
};

/** How long a new failure stays highlighted. */
export const NEW_FAILURE_HOLD_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;

const initialView = (): WallView => ({
  mps: emptySource(),
  wedata: emptySource(),
  projects: [],
  notices: [],
  tracker: emptyTracker,
  failedRefreshes: 0,
  answered: false,
  nextDelayMs: null,
});

function failureIds(view: WallState<MpsWall, WedataWall>): string[] {
  return [...(view.mps.data?.failures ?? []), ...(view.wedata.data?.projects.flatMap((p) => p.failures) ?? [])].map((f) => f.id);
}

function isWallResponse(v: unknown): v is WallResponse {
  return typeof v === "object" && v !== null && "mps" in v && "wedata" in v && "projects" in v;
}

/** One /api/wall answer folded into what the wall shows. */
function foldResponse(prev: WallView, body: WallResponse, intervalSeconds: number, now: number): WallView {
  const merged = mergeWallResponse(prev, body);
  return {
    ...merged,
    tracker: trackFailures(prev.tracker, failureIds(merged), now, NEW_FAILURE_HOLD_MS),
    failedRefreshes: body.mps.ok && body.wedata.ok ? 0 : prev.failedRefreshes + 1,
    answered: true,
    // A failing source is not a reason to slow down: its error is cached server-side for an interval too, so
    // the upstream still sees one gathering per interval, and the healthy source stays fresh.
    nextDelayMs: nextRefreshMs(intervalSeconds, body),
  };
}

/** The answer the server rendered the page with, for the /api/wall query it answers. */
export type InitialWallData = { query: string; response: WallResponse };

/**
 * `initial`: the server's first answer (rendered into the page, so the first paint is filled); the next
 * refresh is then scheduled from it, as from any answer. `renderedAt`: the server's clock at that render,
 * the one "now" the server and the hydrating browser both use.
 */
export function useWallData(config: WallConfig, initial: InitialWallData | null, renderedAt: number): { view: WallView; startedAt: number } {
  const client = useQueryClient();
  const apiQuery = wallApiQuery(config);
  const [startedAt] = useState(() => renderedAt);
  const queryKey = ["wall", apiQuery];
  const first = initial?.query === apiQuery ? initial.response : null;

  const { data } = useQuery({
    queryKey,
    queryFn: async ({ signal }): Promise<WallView> => {
      const prev = client.getQueryData<WallView>(queryKey) ?? initialView();
      try {
        const res = await fetch(`/api/wall?${apiQuery}`, {
          cache: "no-store",
          signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        });
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok || !isWallResponse(body)) {
          const err = (body as { Error?: WallError; RequestId?: string } | null)?.Error;
          throw Object.assign(new Error(err?.Message ?? `HTTP ${res.status}`), { code: err?.Code ?? `HTTP${res.status}` });
        }
        return foldResponse(prev, body, config.interval, Date.now());
      } catch (e) {
        if (signal.aborted) throw e;
        const code = typeof (e as { code?: unknown }).code === "string" ? (e as { code: string }).code : "NetworkError";
        const error: WallError = { Code: code, Message: `Taskboard server: ${e instanceof Error ? e.message : String(e)}` };
        return { ...failAll(prev, error, Date.now()), tracker: prev.tracker, failedRefreshes: prev.failedRefreshes + 1, answered: true, nextDelayMs: null };
      }
    },
    // The same fold as a fetched answer; `renderedAt`, not the clock, so the server and the hydration agree.
    initialData: first ? () => foldResponse(initialView(), first, config.interval, renderedAt) : undefined,
    initialDataUpdatedAt: first?.generatedAt,
    // With the server's answer in hand, the first ask waits for the refresh it schedules, like any other.
    refetchOnMount: false,
    refetchInterval: (query) => query.state.data?.nextDelayMs ?? backoffMs(config.interval, query.state.data?.failedRefreshes ?? 0),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });

  return { view: data ?? initialView(), startedAt };
}
