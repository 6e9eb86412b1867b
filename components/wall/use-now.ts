"use client";

import { useEffect, useState } from "react";

/** The current time, ticking every `stepMs`; null until mounted (so the server render never disagrees). */
export function useNow(stepMs = 1000): number | null {
  const [now, setNow] = useState<number | null>(null);
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
