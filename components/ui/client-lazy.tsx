"use client";

import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

// A part of a page that is loaded after the page's first paint, in the browser only: what next/dynamic with
// `ssr: false` does, without the ~2 KiB gzip of next/dynamic's own machinery in every page's first-load
// JavaScript. The server and the hydration render show `placeholder` (so they agree); the code is then
// fetched and the placeholder stays until it has arrived, so nothing jumps if it has the part's size.

export function clientLazy<P extends object>(load: () => Promise<ComponentType<P>>, placeholder?: () => ReactNode): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function ClientLazy(props: P) {
    const hydrated = useHydrated();
    const fallback = placeholder ? placeholder() : null;
    if (!hydrated) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return ClientLazy;
}
