"use client";

import { useEffect } from "react";

/** Hides the mouse pointer after `idleMs` without movement; any movement shows it again. */
export function useIdleCursor(idleMs = 3000): void {
  useEffect(() => {
    const root = document.documentElement;
    let timer = setTimeout(() => root.classList.add("wall-cursor-hidden"), idleMs);
    const onMove = () => {
      root.classList.remove("wall-cursor-hidden");
      clearTimeout(timer);
      timer = setTimeout(() => root.classList.add("wall-cursor-hidden"), idleMs);
    };
    window.addEventListener("mousemove", onMove, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener("mousemove", onMove);
      root.classList.remove("wall-cursor-hidden");
    };
  }, [idleMs]);
}
