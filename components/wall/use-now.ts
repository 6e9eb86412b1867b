"use client";

import { useEffect, useState } from "react";

/**
 * The current time, ticking every `stepMs`. Until mounted it is `initial` (the server render's clock, passed
 * down, so the server's HTML and the hydration agree), or null without one.
 */
export function useNow(stepMs = 1000, initial: number | null = null): number | null {
  const [now, setNow] = useState<number | null>(initial);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, stepMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [stepMs]);
  return now;
}
