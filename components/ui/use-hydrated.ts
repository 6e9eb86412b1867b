"use client";

import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/**
 * False on the server and while the browser hydrates the server's HTML, true from then on. What only the
 * browser knows (its time zone, its clock, its screen) renders after this turns true, so the server's HTML
 * and the hydration render agree.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}
