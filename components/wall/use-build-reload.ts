"use client";

import { useEffect } from "react";

/**
 * Reloads the page when the server's build id changes (a new Taskboard was deployed), so a TV nobody
 * touches never runs yesterday's code. The first answer is the baseline; failures are ignored (the server
 * may be restarting) and the next poll tries again.
 */
export function useBuildReload(everyMs: number): void {
  useEffect(() => {
    let baseline: string | null = null;
    let done = false;
    const check = async () => {
      try {
        const res = await fetch("/api/health", { cache: "no-store", signal: AbortSignal.timeout(10_000) });
        if (!res.ok) return;
        const body: unknown = await res.json();
        const id = typeof body === "object" && body !== null && "buildId" in body ? body.buildId : null;
        if (typeof id !== "string" || id === "" || done) return;
        if (baseline === null) baseline = id;
        else if (id !== baseline) {
          done = true;
          window.location.reload();
        }
      } catch {
        // Offline or restarting: the data panels already say so; try again at the next poll.
      }
    };
    void check();
    const timer = setInterval(() => void check(), everyMs);
    return () => {
      done = true;
      clearInterval(timer);
    };
  }, [everyMs]);
}
