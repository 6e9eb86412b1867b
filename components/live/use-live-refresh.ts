"use client";

/**
 * useLiveRefresh: runs `onTick` every `intervalMs` (0 = off) while the tab is visible (generic).
 * `onTick` resolves true when the refresh succeeded, false when it failed; failures and slow refreshes
 * stretch the next delay (see backoff.ts). Returns the countdown, the effective delay, whether it is paused
 * (hidden tab) or backing off, and `refreshNow()`.
 */

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { nextDelayMs, SLOW_MS } from "./backoff";

export type LiveRefreshState = {
  /** Ms until the next automatic refresh, or null when off or paused. */
  nextInMs: number | null;
  delayMs: number;
  paused: boolean;
  running: boolean;
  failures: number;
  slow: boolean;
  refreshNow: () => void;
  /** Wall clock of the last one-second tick (re-renders every second; use it for "updated N s ago"). */
  now: number;
};

function subscribeVisibility(cb: () => void) {
  document.addEventListener("visibilitychange", cb);
  return () => document.removeEventListener("visibilitychange", cb);
}
const isHidden = () => document.visibilityState === "hidden";

export function useLiveRefresh(intervalMs: number, onTick: () => Promise<boolean>): LiveRefreshState {
  // One clock reading for both: read twice, they could straddle a millisecond, and the countdown (rounded up to
  // whole seconds) would then read "11 s" on one side of hydration and "10 s" on the other.
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  const hidden = useSyncExternalStore(subscribeVisibility, isHidden, () => false);
  const [running, setRunning] = useState(false);
  const [failures, setFailures] = useState(0);
  const [slow, setSlow] = useState(false);
  const [nextAt, setNextAt] = useState<number | null>(intervalMs > 0 ? startedAt + intervalMs : null);

  // A new interval restarts the countdown (state adjusted during render, the React-documented pattern).
  const [prevInterval, setPrevInterval] = useState(intervalMs);
  if (prevInterval !== intervalMs) {
    setPrevInterval(intervalMs);
    setNextAt(intervalMs > 0 ? now + intervalMs : null);
  }

  // The timer callback reads the latest values through a ref, so it is installed once.
  const latest = useRef({ onTick, intervalMs, hidden, running, nextAt, failures });
  useEffect(() => {
    latest.current = { onTick, intervalMs, hidden, running, nextAt, failures };
  });

  const run = useCallback(async () => {
    if (latest.current.running) return;
    latest.current.running = true;
    setRunning(true);
    const started = Date.now();
    let ok = false;
    try {
      ok = await latest.current.onTick();
    } catch {
      ok = false;
    }
    const wasSlow = Date.now() - started > SLOW_MS;
    const f = ok ? 0 : latest.current.failures + 1;
    latest.current.failures = f;
    latest.current.running = false;
    setFailures(f);
    setSlow(wasSlow);
    setRunning(false);
    const interval = latest.current.intervalMs;
    setNextAt(interval > 0 ? Date.now() + nextDelayMs(interval, f, wasSlow) : null);
  }, []);

  useEffect(() => {
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      const s = latest.current;
      if (s.intervalMs > 0 && !s.hidden && !s.running && s.nextAt !== null && t >= s.nextAt) void run();
    }, 1000);
    return () => clearInterval(id);
  }, [run]);

  return {
    nextInMs: intervalMs > 0 && !hidden && nextAt !== null ? Math.max(0, nextAt - now) : null,
    delayMs: nextDelayMs(intervalMs, failures, slow),
    paused: hidden && intervalMs > 0,
    running,
    failures,
    slow,
    refreshNow: () => void run(),
    now,
  };
}
