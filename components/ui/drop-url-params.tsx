"use client";

import { useEffect } from "react";

/**
 * DropUrlParams: removes the named search parameters from the address bar once, without a new history entry
 * or a reload (generic). For names a page does not know at all: nuqs only clears keys of its parser map, so
 * an unknown `?bogus=1` would otherwise stay in the URL after the page has named it in its notice.
 * Props: `names` (parameter names to remove). Renders nothing.
 *
 * Next's router patches `history.replaceState` and keeps `useSearchParams` in step; `null` state lets it
 * carry its own history state over (see the Next.js docs on native History API calls).
 */
export function DropUrlParams({ names }: { names: readonly string[] }) {
  const key = JSON.stringify(names);
  useEffect(() => {
    const list = JSON.parse(key) as string[];
    if (list.length === 0) return;
    const url = new URL(window.location.href);
    let changed = false;
    for (const name of list) {
      if (!url.searchParams.has(name)) continue;
      url.searchParams.delete(name);
      changed = true;
    }
    if (changed) window.history.replaceState(null, "", url);
  }, [key]);
  return null;
}
