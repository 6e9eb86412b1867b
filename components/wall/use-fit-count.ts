"use client";

import { useEffect, useRef, useState } from "react";

/**
 * How many rows of `rowRem` height fit in the element: lists show only whole rows, so nothing is ever cut
 * mid-text, at any screen size. Re-measured when the element resizes; null until first measured (on the
 * server and while the page hydrates).
 */
export function useFitCount<E extends HTMLElement>(rowRem: number) {
  const ref = useRef<E>(null);
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setCount(Math.max(0, Math.floor((el.clientHeight + 0.5) / (rowRem * rem))));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [rowRem]);
  return [ref, count] as const;
}
