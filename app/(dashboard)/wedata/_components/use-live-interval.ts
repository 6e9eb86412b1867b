"use client";

import { useEffect, useRef, useState } from "react";

interface Observed {
  dataUpdatedAt: number;
  errorUpdatedAt: number;
  isFetching: boolean;
}

const SLOW_MS = 3_000;
const MAX_BACKOFF = 8;

/**
 * Backoff for live refresh: the factor doubles for every refresh in a row that failed or answered slower than
 * SLOW_MS (up to 8×) and returns to 1 after one quick success. Keeps WeData's 20/s budget for everyone when
 * the upstream struggles. Returns the factor and a function to feed it the watched query after each render.
 */
export function useBackoff(): [number, (q: Observed) => void] {
  const [backoff, setBackoff] = useState(1);
  const [observed, setObserved] = useState<Observed>({ dataUpdatedAt: 0, errorUpdatedAt: 0, isFetching: false });
  const startedAt = useRef(0);
  const last = useRef({ data: 0, error: 0 });

  useEffect(() => {
    if (observed.isFetching) {
      if (startedAt.current === 0) startedAt.current = Date.now();
      return;
    }
    const took = startedAt.current ? Date.now() - startedAt.current : 0;
    startedAt.current = 0;
    if (observed.dataUpdatedAt > last.current.data) {
      last.current.data = observed.dataUpdatedAt;
      setBackoff((b) => (took > SLOW_MS ? Math.min(MAX_BACKOFF, b * 2) : 1));
    } else if (observed.errorUpdatedAt > last.current.error) {
      last.current.error = observed.errorUpdatedAt;
      setBackoff((b) => Math.min(MAX_BACKOFF, b * 2));
    }
  }, [observed]);

  return [backoff, setObserved];
}

/** Feeds a query's timing into useBackoff after each change. */
export function useObserve(q: Observed, feed: (q: Observed) => void) {
  const { dataUpdatedAt, errorUpdatedAt, isFetching } = q;
  useEffect(() => feed({ dataUpdatedAt, errorUpdatedAt, isFetching }), [dataUpdatedAt, errorUpdatedAt, isFetching, feed]);
}
